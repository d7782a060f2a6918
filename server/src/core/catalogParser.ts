/**
 * Parser for NHN Cloud's published CloudTrail event lists.
 *
 * The same function serves the build-time generator (catalog/generate.ts) and
 * the server at run time (imported official lists), so it is pure: text in,
 * events and problems out, no file system.
 *
 * Layout accepted (as NHN Cloud publishes it, in Korean, English, Japanese or
 * Chinese): `###` service headings, each followed by a Markdown table whose
 * header names an event column and an event-ID column. Extra columns, stray
 * spaces, missing outer pipes and cells wrapped in backticks are tolerated.
 */

import { quoteExcerpt } from './lines';

export type ListLanguage = 'ko' | 'en' | 'ja' | 'zh';

export interface ParsedEvent {
  id: string;
  description: string;
  service: string;
  /** 1-based line of the row in the source. */
  line: number;
}

/**
 * What can be wrong with a row or a list. `repaired` rows are used (with the repaired ID);
 * every other kind skips the row, except `no-table`, which concerns the whole file.
 */
export type ProblemKind = 'repaired' | 'conflict' | 'invalid-id' | 'malformed' | 'outside-table' | 'no-delimiter' | 'no-table';

export interface ParseProblem {
  /** 1-based line, 0 when the problem concerns the whole file. */
  line: number;
  kind: ProblemKind;
  message: string;
}

export interface ParsedList {
  /** Language of the list: the caller's hint (from the page's path), else the table headers; undefined when no table was found. */
  language?: ListLanguage;
  events: ParsedEvent[];
  problems: ParseProblem[];
  /** Rows that repeat an earlier row exactly (NHN's pages repeat a block of RDS for MySQL rows): merged, not problems. */
  duplicates: number;
}

const ID_PREFIX = 'event_id.';

// Header cells, compared after removing spaces and lower-casing.
const ID_HEADERS: Record<string, ListLanguage> = {
  '이벤트id': 'ko',
  'eventid': 'en',
  'イベントid': 'ja',
  '事件id': 'zh',
  '事件標識': 'zh',
};
const NAME_HEADERS: Record<string, ListLanguage> = {
  '이벤트': 'ko',
  '이벤트명': 'ko',
  'event': 'en',
  'eventname': 'en',
  'イベント': 'ja',
  'イベント名': 'ja',
  '事件': 'zh',
  '事件名称': 'zh',
};

const normalizeHeader = (cell: string) => cell.replace(/\s+/g, '').toLowerCase();

/** Splits a Markdown table row into trimmed cells, or returns undefined if the line is not a row. */
export function splitRow(line: string): string[] | undefined {
  const trimmed = line.trim();
  if (!trimmed.includes('|')) {
    return undefined;
  }
  let body = trimmed;
  if (body.startsWith('|')) body = body.slice(1);
  if (body.endsWith('|') && !body.endsWith('\\|')) body = body.slice(0, -1);
  return body.split(/(?<!\\)\|/).map((cell) => unwrapCell(cell.trim()));
}

/** Counts the `code` characters at the start (step 1) or the end (step -1) of `text`. */
function runOf(text: string, code: number, step: 1 | -1): number {
  let count = 0;
  for (let i = step === 1 ? 0 : text.length - 1; i >= 0 && i < text.length && text.charCodeAt(i) === code; i += step) count++;
  return count;
}

const BACKTICK = 0x60;
const HASH = 0x23;
/** What `\s` matches, for the heading's spaces. */
const isSpace = (c: string) => /\s/.test(c);

/**
 * A cell wrapped in backticks (`` `event_id.a` ``, ``` ``event_id.a`` ```) without them. Counted by
 * hand: the regex `^`+([^`]*)`+$` took quadratic time on a cell of backticks (200,000: 26 s).
 */
function unwrapCell(cell: string): string {
  const leading = runOf(cell, BACKTICK, 1);
  let inner = cell;
  if (leading === cell.length) {
    if (leading >= 2) inner = '';
  } else if (leading > 0) {
    const trailing = runOf(cell, BACKTICK, -1);
    const middle = cell.slice(leading, cell.length - trailing);
    if (trailing > 0 && !middle.includes('`')) inner = middle;
  }
  return inner.replace(/\\\|/g, '|').trim();
}

/**
 * The text of an ATX heading of level 2 to 6 (`### 기본 인프라 서비스 ##` -> `기본 인프라 서비스`), or
 * undefined when `line` is not one. The regex it replaces (`^\s{0,3}(#{2,6})\s+(.*?)\s*#*\s*$`) took
 * quadratic time on a long line (a 20 KB heading: minutes); this reads the line once from each end.
 */
export function headingText(line: string): string | undefined {
  let at = 0;
  while (at < line.length && at < 4 && isSpace(line[at])) at++;
  if (at === 4) return undefined;
  const level = runOf(line.slice(at, at + 7), HASH, 1);
  at += level;
  if (level < 2 || level > 6 || at >= line.length || !isSpace(line[at])) return undefined;
  while (at < line.length && isSpace(line[at])) at++;
  // The shortest text that leaves only spaces, closing hashes and spaces after it.
  let end = line.length;
  while (end > at && isSpace(line[end - 1])) end--;
  while (end > at && line.charCodeAt(end - 1) === HASH) end--;
  while (end > at && isSpace(line[end - 1])) end--;
  const text = line.slice(at, end);
  // `.` stops at line terminators: the regex did not match a heading holding one.
  return /[\n\r\u2028\u2029]/.test(text) ? undefined : text;
}

const isDelimiterRow = (cells: string[]) => cells.length > 0 && cells.every((c) => /^:?-{3,}:?$/.test(c));

interface TableColumns {
  name: number;
  id: number;
  language: ListLanguage;
}

function headerColumns(cells: string[]): TableColumns | undefined {
  const normalized = cells.map(normalizeHeader);
  const id = normalized.findIndex((c) => c in ID_HEADERS);
  if (id < 0) return undefined;
  const name = normalized.findIndex((c, i) => i !== id && c in NAME_HEADERS);
  if (name < 0) return undefined;
  return { id, name, language: ID_HEADERS[normalized[id]] };
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decodes the HTML entities NHN's pages carry in names, headings and even IDs (`Log &amp; Crash Search`, `&#96;`, `&#8;`). */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,6});/g, (whole, body: string) => {
    if (body[0] !== '#') return NAMED_ENTITIES[body.toLowerCase()] ?? whole;
    const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/**
 * The event-ID rule, written once: the prefix, then non-empty segments of A-Z, a-z, 0-9, `_` and `-`,
 * none of them the prefix again (`event_id.x.event_id.x.y` is a pasting error, never an ID). The
 * manifest's `extraEvents` pattern and the `.cloudtrail-events.json` schema carry this same string
 * (a unit test keeps them equal).
 */
export const EVENT_ID_PATTERN = '^event_id(?:\\.(?!event_id\\.)[A-Za-z0-9_-]+)+$';
const EVENT_ID = new RegExp(EVENT_ID_PATTERN);

/** True when `id` is a well-formed event ID (see EVENT_ID_PATTERN). */
export const isValidEventId = (id: string): boolean => EVENT_ID.test(id);

// Characters that slipped into published IDs: control characters (`&#8;` is a backspace), zero-width and
// no-break spaces, and the `?` a page renders for a character it could not encode.
// eslint-disable-next-line no-control-regex -- control characters are what this removes
const JUNK = /[\u0000-\u001f\u007f\u00a0\u200b-\u200f\u2060\ufeff?]/g;

/**
 * An ID as published, repaired when the damage is mechanical and the intended ID is unambiguous:
 * junk characters removed, a doubled prefix (`event_id.x.event_id.x.y`) written once. Returns the
 * ID (repaired or not) and what was repaired, or undefined when no valid ID comes out.
 */
export function repairEventId(raw: string): { id: string; repair?: string } | undefined {
  let id = decodeEntities(raw);
  const repairs: string[] = [];
  if (id !== raw) repairs.push('HTML entity decoded');
  const cleaned = id.replace(JUNK, '');
  if (cleaned !== id) repairs.push('stray character removed');
  id = cleaned;
  // `event_id.notification_hub.event_id.notification_hub.unsubscribe…`: the part before the second
  // prefix repeats at its start, so the ID was pasted over its own beginning.
  const again = id.indexOf(ID_PREFIX, 1);
  if (again > 0 && id.startsWith(id.slice(0, again), again)) {
    id = id.slice(again);
    repairs.push('doubled prefix written once');
  }
  if (!isValidEventId(id)) return undefined;
  return { id, repair: repairs.length ? repairs.join(', ') : undefined };
}


/**
 * Parses an event list as NHN Cloud publishes it, errata included: identical repeated rows merge
 * silently, IDs damaged mechanically are repaired (and reported as `repaired`), a repeated ID with
 * another name keeps the first row, and rows without a valid ID are skipped. Every row that is not
 * used as written is a problem with its line and kind; `summarizeList` turns them into one message.
 * `languageHint` (from the page's path, e.g. `zh/event-list.md`) wins over the table headers, which
 * NHN writes in English on its Chinese page.
 */
export function parseEventList(text: string, languageHint?: ListLanguage): ParsedList {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const events: ParsedEvent[] = [];
  const problems: ParseProblem[] = [];
  const seen = new Map<string, ParsedEvent>();
  let duplicates = 0;
  let language: ListLanguage | undefined = languageHint;
  let service = '';
  let table: TableColumns | undefined;
  let expectDelimiter = false;

  lines.forEach((raw, index) => {
    const line = index + 1;
    const heading = headingText(raw);
    if (heading !== undefined) {
      // The nearest heading above a table names its service (`### 기본 인프라 서비스`).
      service = decodeEntities(heading);
      table = undefined;
      return;
    }
    const cells = splitRow(raw);
    if (!cells) {
      if (raw.trim() !== '') table = undefined;
      return;
    }
    if (!table) {
      const columns = headerColumns(cells);
      if (columns) {
        table = columns;
        language ??= columns.language;
        expectDelimiter = true;
      } else if (cells.some((cell) => cell.startsWith(ID_PREFIX))) {
        // A note inside a table ends it in Markdown: say so rather than drop the rows after it.
        problems.push({ line, kind: 'outside-table', message: 'Event row outside a table (no | 이벤트 | 이벤트 ID | header above it).' });
      }
      return;
    }
    if (expectDelimiter) {
      expectDelimiter = false;
      if (isDelimiterRow(cells)) return;
      problems.push({ line, kind: 'no-delimiter', message: 'Table header is not followed by a delimiter row (| --- | --- |).' });
    }
    const written = cells[table.id] ?? '';
    const description = decodeEntities(cells[table.name] ?? '').trim();
    if (cells.length <= Math.max(table.id, table.name) || !written || !description) {
      problems.push({ line, kind: 'malformed', message: `Malformed row: expected an event and an event ID, found ${quoteExcerpt(raw.trim())}.` });
      return;
    }
    const repaired = repairEventId(written);
    if (!repaired) {
      problems.push({ line, kind: 'invalid-id', message: `Invalid event ID ${quoteExcerpt(written)}: IDs start with "event_id." and use only A-Z, a-z, 0-9, "_", "." and "-".` });
      return;
    }
    const { id } = repaired;
    if (repaired.repair) problems.push({ line, kind: 'repaired', message: `Event ID ${quoteExcerpt(written)} read as "${id}" (${repaired.repair}).` });
    const previous = seen.get(id);
    if (previous) {
      if (previous.description === description) duplicates++;
      else problems.push({ line, kind: 'conflict', message: `Event ID "${id}" listed again with another name (line ${previous.line} says ${quoteExcerpt(previous.description)}, this row says ${quoteExcerpt(description)}); the first is kept.` });
      return;
    }
    const event = { id, description, service, line };
    seen.set(id, event);
    events.push(event);
  });

  if (events.length === 0 && problems.length === 0) {
    problems.push({
      line: 0,
      kind: 'no-table',
      message: 'No event table found: expected "###" service headings followed by tables with an event column and an event-ID column (| 이벤트 | 이벤트 ID |, | Event | Event ID |, | イベント | イベントID |, | 事件 | 事件ID |).',
    });
  }
  return { language: events.length || problems.some((p) => p.kind !== 'no-table') ? language : undefined, events, problems, duplicates };
}

/** Rows a problem of this kind keeps out of the list (`repaired` rows are used; `no-delimiter` only warns). */
const SKIPS_ROW: Record<ProblemKind, boolean> = { repaired: false, 'no-delimiter': false, conflict: true, 'invalid-id': true, malformed: true, 'outside-table': true, 'no-table': true };

const KIND_LABELS: Record<ProblemKind, string> = {
  repaired: 'IDs repaired',
  conflict: 'repeated IDs with another name (first kept)',
  'invalid-id': 'rows skipped for an invalid ID',
  malformed: 'malformed rows skipped',
  'outside-table': 'event rows outside a table skipped',
  'no-delimiter': 'tables without a delimiter row',
  'no-table': 'no event table',
};

/** How many lines a summary names per kind before "…". */
const SUMMARY_LINES = 4;

/**
 * The verdict on a parsed list: refused when it is not an event list at all (no event row) or
 * when most of its rows fail; otherwise usable, with the rows that parsed.
 */
export function isRefused(parsed: ParsedList): boolean {
  const skipped = parsed.problems.filter((p) => SKIPS_ROW[p.kind]).length;
  return parsed.events.length === 0 || skipped > parsed.events.length;
}

/**
 * One line about a parsed list: events used, duplicates merged, and each kind of problem with
 * its count and first few line numbers (`1,970 events; 39 identical repeated rows merged; 4 IDs
 * repaired (lines 1570, 1571, 1575, 1576); 2 rows skipped for an invalid ID (lines 1717, 1718)`).
 */
export function summarizeList(parsed: ParsedList): string {
  const parts = [`${parsed.events.length.toLocaleString('en-US')} event${parsed.events.length === 1 ? '' : 's'}`];
  if (parsed.duplicates) parts.push(`${parsed.duplicates} identical repeated row${parsed.duplicates === 1 ? '' : 's'} merged`);
  const byKind = new Map<ProblemKind, number[]>();
  for (const problem of parsed.problems) {
    const lines = byKind.get(problem.kind) ?? [];
    lines.push(problem.line);
    byKind.set(problem.kind, lines);
  }
  for (const [kind, lines] of byKind) {
    if (kind === 'no-table') continue;
    const shown = lines.slice(0, SUMMARY_LINES).join(', ');
    parts.push(`${lines.length} ${KIND_LABELS[kind]} (line${lines.length === 1 ? '' : 's'} ${shown}${lines.length > SUMMARY_LINES ? ', …' : ''})`);
  }
  return parts.join('; ');
}

const LANGUAGE_DIR = /(?:^|[\\/])(ko|en|ja|zh)[\\/][^\\/]*$/;
const LANGUAGE_SUFFIX = /[._-](ko|en|ja|zh)\.(?:md|markdown)$/i;
const EDITION_FILE = /event-list-([a-z0-9]+)(?:[._-](?:ko|en|ja|zh))?\.(?:md|markdown)$/i;

/** The language a page's path names (`zh/event-list.md`, `event-list.ja.md`), if any. */
export function listLanguageOfPath(file: string): ListLanguage | undefined {
  const match = LANGUAGE_DIR.exec(file) ?? LANGUAGE_SUFFIX.exec(file);
  return match ? (match[1].toLowerCase() as ListLanguage) : undefined;
}

/** The regional edition a page's file name names (`event-list-gov.md` -> `gov`), if any. */
export function listEditionOfPath(file: string): string | undefined {
  return EDITION_FILE.exec(file)?.[1].toLowerCase();
}
