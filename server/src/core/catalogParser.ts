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

export type ListLanguage = 'ko' | 'en' | 'ja' | 'zh';

export interface ParsedEvent {
  id: string;
  description: string;
  service: string;
  /** 1-based line of the row in the source. */
  line: number;
}

export interface ParseProblem {
  /** 1-based line, 0 when the problem concerns the whole file. */
  line: number;
  message: string;
}

export interface ParsedList {
  /** Language of the table headers; undefined when no table was found. */
  language?: ListLanguage;
  events: ParsedEvent[];
  problems: ParseProblem[];
}

/** Characters an event ID may contain (the generator and the importer both enforce it). */
export const ID_CHARS = /^[A-Za-z0-9_.-]+$/;
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

/**
 * Parses an event list. Problems (malformed rows, invalid or duplicate IDs,
 * a file without any event table) are reported with their line; rows that
 * parse are returned either way, and the caller decides whether a list with
 * problems may be used.
 */
export function parseEventList(text: string): ParsedList {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const events: ParsedEvent[] = [];
  const problems: ParseProblem[] = [];
  const seen = new Map<string, ParsedEvent>();
  let language: ListLanguage | undefined;
  let service = '';
  let table: TableColumns | undefined;
  let expectDelimiter = false;

  lines.forEach((raw, index) => {
    const lineNo = index + 1;
    const heading = headingText(raw);
    if (heading !== undefined) {
      // The nearest heading above a table names its service (`### 기본 인프라 서비스`).
      service = heading;
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
        problems.push({ line: lineNo, message: 'Event row outside a table (no | 이벤트 | 이벤트 ID | header above it).' });
      }
      return;
    }
    if (expectDelimiter) {
      expectDelimiter = false;
      if (isDelimiterRow(cells)) return;
      problems.push({ line: lineNo, message: 'Table header is not followed by a delimiter row (| --- | --- |).' });
    }
    const id = cells[table.id] ?? '';
    const description = cells[table.name] ?? '';
    if (cells.length <= Math.max(table.id, table.name) || !id || !description) {
      problems.push({ line: lineNo, message: `Malformed row: expected an event and an event ID, found ${JSON.stringify(raw.trim())}.` });
      return;
    }
    if (!ID_CHARS.test(id) || !id.startsWith(ID_PREFIX) || id.endsWith('.') || id.includes('..')) {
      problems.push({ line: lineNo, message: `Invalid event ID ${JSON.stringify(id)}: IDs start with "event_id." and use only A-Z, a-z, 0-9, "_", "." and "-".` });
      return;
    }
    const previous = seen.get(id);
    if (previous) {
      const same = previous.description === description;
      problems.push({
        line: lineNo,
        message: same
          ? `Duplicate event ID "${id}" (first on line ${previous.line}).`
          : `Duplicate event ID "${id}" with a different description (line ${previous.line} says "${previous.description}", this row says "${description}").`,
      });
      return;
    }
    const event = { id, description, service, line: lineNo };
    seen.set(id, event);
    events.push(event);
  });

  if (events.length === 0 && problems.length === 0) {
    problems.push({
      line: 0,
      message: 'No event table found: expected "###" service headings followed by tables with an event column and an event-ID column (| 이벤트 | 이벤트 ID |, | Event | Event ID |, | イベント | イベントID |, | 事件 | 事件ID |).',
    });
  }
  return { language, events, problems };
}
