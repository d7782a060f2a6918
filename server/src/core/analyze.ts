/**
 * Classifies the event-ID tokens of a document: known events, namespaces and
 * prefixes, wildcard filters, and unknown IDs. This is the one place that
 * decides what is an ID; diagnostics, hover, completion, the CLI and the
 * workspace index all read its findings.
 */
import { Catalog, CatalogEvent } from './catalog';
import { scanModeOf, ScanMode, syntaxOf } from './languages';
import { LexState, relex } from './lexer';
import { scanTokens } from './scanner';
import { suggest } from './suggest';

export type FindingKind =
  /** A catalog event. */
  | 'event'
  /** A namespace or a prefix of one (`event_id.iaas.`, `event_id.iaas.instance`). */
  | 'namespace'
  /** A filter with `*`, `%` or a printf verb that matches at least one event. */
  | 'wildcard'
  /** Text cut short by concatenation or interpolation that still starts some ID. */
  | 'prefix'
  /** A built-in event missing from the imported official list. */
  | 'retired'
  /** A group of phase events written as one event (`event_id.iaas.cluster.create`: its events are `.start/.end/.failed`). */
  | 'group'
  /** Looks like an event ID but is not in the catalog. */
  | 'unknown';

export interface Finding {
  start: number;
  end: number;
  kind: FindingKind;
  /** The token text `[start, end)`. */
  text: string;
  event?: CatalogEvent;
  /** Events covered by a namespace, prefix or wildcard. */
  covers?: readonly CatalogEvent[];
}

const WILDCARD = /[*%]/;
// An ID followed by file extensions or a date is a file named after the ID
// (`event_id.iaas.instance.create.json`, `….create.jsonl.gz`, `….create.2024-11-18.log`).
const FILE_SUFFIX = /\.(?:json|jsonl|ndjson|ya?ml|log|txt|md|csv|tsv|xml|html?|gz|zip|bz2|xz|bak|tmp|out|sql|sh|py|ts|js|\d[\d-]*)$/i;
// An upper-case segment in documentation is a placeholder: `event_id.SERVICE.RESOURCE.ACTION`.
const PLACEHOLDER_SEGMENT = /\.[A-Z][A-Z0-9_]+(?=\.|$)/;

// The last segments of events that are phases of one operation (`….create.start`, `….create.end`, `….create.failed`).
const PHASES = new Set(['start', 'end', 'failed', 'fail', 'success', 'succeeded', 'complete', 'completed', 'error']);

/** True when every child of `path` is an event naming a phase: the namespace is one operation, not a resource. */
function isPhaseGroup(catalog: Catalog, path: string): boolean {
  const children = catalog.childrenOf(path);
  return children.length > 1 && children.every((child) => child.event && PHASES.has(child.event.segments[child.event.segments.length - 1]));
}

/** Strips trailing file extensions and date or number segments. */
function withoutFileSuffixes(token: string): string {
  let base = token;
  // A suffix holds no dot, so it starts at the last one: testing only there keeps `.json.json…` linear.
  for (let dot = base.lastIndexOf('.'); dot > 0 && FILE_SUFFIX.test(base.slice(dot)); dot = base.lastIndexOf('.')) base = base.slice(0, dot);
  return base;
}
/** True when some ID right below `namespace` has an upper-case next segment. */
function hasUpperCaseChildren(catalog: Catalog, namespace: string): boolean {
  return catalog.childrenOf(namespace).some((child) => /[A-Z]/.test(child.path.slice(namespace.length + 1)));
}

// After the token: an interpolation or placeholder that continues the ID (`{x}`, `${x}`, `#{x}`, `\(x)`, `<name>`, `[i]`).
const CONTINUES = /^(?:[{$<\\[]|#\{)/;
// After the token's closing quote: concatenation (`+`, `..` in Lua, `||` in SQL, `.` in PHP, `&` in VB).
const CONCATENATED = /^["'`]?\s*(?:\+|\.\.|\|\||\.\s*\$|&)/;
const URL_LOOKBEHIND = 2048;
const URL_STOP = /[\s"'`<>()[\]{}|]/;

/**
 * Where the next `://` of a text is, for tokens examined in order: one search per
 * occurrence instead of one search of the 2 KB before each token.
 */
class SchemeCursor {
  private from = Infinity;
  private at = -1;

  constructor(private readonly text: string) {}

  /** True when a `://` lies wholly in `[from, to)`. */
  within(from: number, to: number): boolean {
    // The last answer holds for `from` when no `://` lies between where it searched and `from`.
    if (from < this.from || (this.at >= 0 && this.at < from)) {
      this.at = this.text.indexOf('://', from);
      this.from = from;
    }
    return this.at >= 0 && this.at + 3 <= to;
  }
}

/** True when the token starting at `start` lies in a URL, outside its query string values. */
function inUrlPath(text: string, start: number, schemes: SchemeCursor): boolean {
  const stop = Math.max(0, start - URL_LOOKBEHIND);
  // Most tokens follow no `://`: a native search spares the walk back, character by character, for each of them.
  if (!schemes.within(stop, start)) return false;
  let pos = start - 1;
  while (pos >= stop && !URL_STOP.test(text[pos])) pos--;
  const word = text.slice(pos + 1, start);
  const scheme = word.indexOf('://');
  if (scheme < 0) return false;
  // Query values (`?q=event_id.iaas.instance.create`) are filters people type: examine them.
  return !(word.includes('?') && /[=,:]$/.test(word));
}

function finding(text: string, start: number, end: number, kind: FindingKind, extra: Partial<Finding> = {}): Finding {
  return { start, end, kind, text: text.slice(start, end), ...extra };
}

/**
 * Classifies one token `[start, end)`, or returns undefined when it is not an ID after all.
 * Tokens of one text classified in order share one `schemes` cursor.
 */
export function classifyToken(text: string, start: number, end: number, catalog: Catalog, mode: ScanMode, schemes = new SchemeCursor(text)): Finding | undefined {
  let token = text.slice(start, end);
  const event = catalog.get(token);
  if (event) return finding(text, start, end, 'event', { event });
  const retired = catalog.retiredEvent(token);
  if (retired) return finding(text, start, end, 'retired', { event: retired });
  if (inUrlPath(text, start, schemes)) return undefined;

  // Markdown italic: `*event_id.iaas.instance.create*`.
  if (text[start - 1] === '*' && token.endsWith('*') && !token.endsWith('.*')) {
    token = token.slice(0, -1);
    end--;
    const italic = catalog.get(token);
    if (italic) return finding(text, start, end, 'event', { event: italic });
  }
  if (WILDCARD.test(token)) {
    const covers = catalog.matchWildcard(token);
    if (covers.length > 0) return finding(text, start, end, 'wildcard', { covers });
    // A regex rather than a glob (PromQL `=~`, Elasticsearch `regexp`): `event_id.iaas.instance.create.*`.
    if (token.endsWith('.*')) {
      const base = token.slice(0, -2);
      const regexCovers = catalog.events.filter((e) => e.id.startsWith(base));
      if (regexCovers.length > 0) return finding(text, start, end, 'wildcard', { covers: regexCovers });
    }
    return finding(text, start, end, 'unknown', { covers });
  }
  const after = text.slice(end, end + 8);
  const continued = CONTINUES.test(after) || CONCATENATED.test(after);
  if (token.endsWith('.')) {
    const stripped = token.replace(/\.+$/, '');
    const strippedEnd = start + stripped.length;
    const known = catalog.get(stripped);
    if (known) return finding(text, start, strippedEnd, 'event', { event: known });
    if (catalog.isNamespace(stripped)) return finding(text, start, end, 'namespace', { covers: catalog.eventsUnder(stripped) });
    token = stripped;
    end = strippedEnd;
  }
  if (catalog.isNamespace(token)) {
    const covers = catalog.eventsUnder(token);
    // Written whole, a group of phases is an exact ID that can never match: `cluster.create` is logged as `cluster.create.start`.
    if (!continued && isPhaseGroup(catalog, token)) return finding(text, start, end, 'group', { covers });
    return finding(text, start, end, 'namespace', { covers });
  }

  const base = withoutFileSuffixes(token);
  if (base !== token) {
    const baseEvent = catalog.get(base);
    if (baseEvent) return finding(text, start, start + base.length, 'event', { event: baseEvent });
    if (base.split('.').length >= 3) {
      token = base;
      end = start + base.length;
    }
  }
  if (continued && catalog.hasIdStartingWith(token)) {
    // `token*` is the same filter, cached per pattern: a file of many cut IDs would scan the catalog for each.
    return finding(text, start, end, 'prefix', { covers: catalog.matchWildcard(`${token}*`) });
  }

  // What is left looks like an ID but is not one. Keep only what plausibly means one.
  if (!catalog.getIgnoringCase(token)) {
    const placeholder = PLACEHOLDER_SEGMENT.exec(token);
    const namespace = placeholder && token.slice(0, placeholder.index);
    // Where the catalog's own IDs are upper case (NHN's rds_for_postgresql.DB_INSTANCE_MODIFY), upper case is a typo's, not a placeholder's.
    if (namespace && catalog.isNamespace(namespace) && !hasUpperCaseChildren(catalog, namespace)) return undefined;
  }
  const segments = token.split('.');
  // `event_id.event_id.iaas.…`: the prefix written twice still names a service (reported with the repair).
  const knownService = catalog.topSegments.has(segments[1]) || (segments[1] === 'event_id' && catalog.topSegments.has(segments[2]));
  if (!knownService) {
    if (mode === 'strict') return undefined;
    if (text[end] === '(') return undefined; // a method call: event_id.lower()
    if (segments.length <= 2 && suggest(token, catalog, 1).length === 0) return undefined; // event_id.json, event_id.keyword
  }
  return finding(text, start, end, 'unknown');
}

/** Languages whose code holds markup text: JSX/TSX between tags, Vue, Svelte and Astro templates. */
const MARKUP_IN_CODE = new Set(['javascriptreact', 'typescriptreact', 'vue', 'svelte', 'astro']);
// What ends a walk from an ID back to a tag's `>` or on to the next `<`/`{`: code, not text.
const NOT_MARKUP_TEXT = /[;{}()=<>"'`]/;

/**
 * True when `[start, end)` lies in markup text: after a tag's `>` (not `=>`) and before the next
 * `<` or `{`, with nothing but text between (`<td>event_id.iaas.instance.create</td>`). Bounded walks.
 */
function inMarkupText(text: string, start: number, end: number): boolean {
  let back = start - 1;
  const stopBack = Math.max(0, start - URL_LOOKBEHIND);
  for (;;) {
    while (back >= stopBack && !NOT_MARKUP_TEXT.test(text[back])) back--;
    // An expression in the text (`{label}`, Vue's `{{ label }}`): step over it.
    if (back < stopBack || text[back] !== '}') break;
    back = text.lastIndexOf('{', back) - 1;
    while (back >= stopBack && text[back] === '{') back--;
  }
  if (back < stopBack || text[back] !== '>' || !closesTag(text, back, stopBack)) return false;
  let ahead = end;
  const stopAhead = Math.min(text.length, end + URL_LOOKBEHIND);
  while (ahead < stopAhead && !NOT_MARKUP_TEXT.test(text[ahead])) ahead++;
  return ahead < stopAhead && (text[ahead] === '{' || (text[ahead] === '<' && TAG_START.test(text[ahead + 1] ?? '')));
}

// After `<`, what starts a tag or a fragment: a name, `/` of a closing tag, `>` of `<>`. `a < 3` does not.
const TAG_START = /[A-Za-z/>]/;

/** True when the `>` at `gt` closes a tag (`<td>`, `</b>`, `<Row id={x}>`, `<>`), not a comparison or an arrow. */
function closesTag(text: string, gt: number, stop: number): boolean {
  let lt = gt - 1;
  while (lt >= stop && text[lt] !== '<' && text[lt] !== '>' && text[lt] !== ';') lt--;
  return lt >= stop && text[lt] === '<' && TAG_START.test(text[lt + 1]);
}

/** Adds, in order, the tokens of markup text that lie between the lexer's string and comment regions. */
function addMarkupTextTokens(text: string, regions: readonly number[], tokens: number[]): void {
  const extra: number[] = [];
  let gapStart = 0;
  for (let i = 0; i <= regions.length; i += 2) {
    const gapEnd = i < regions.length ? regions[i] : text.length;
    if (gapEnd - gapStart > 9 && text.indexOf('event_id.', gapStart) < gapEnd) {
      const gap: number[] = [];
      scanTokens(text, gapStart, gapEnd, gap);
      for (let j = 0; j < gap.length; j += 2) if (inMarkupText(text, gap[j], gap[j + 1])) extra.push(gap[j], gap[j + 1]);
    }
    if (i < regions.length) gapStart = regions[i + 1];
  }
  if (extra.length === 0) return;
  const pairs: [number, number][] = [];
  for (let i = 0; i < tokens.length; i += 2) pairs.push([tokens[i], tokens[i + 1]]);
  for (let i = 0; i < extra.length; i += 2) pairs.push([extra[i], extra[i + 1]]);
  pairs.sort((a, b) => a[0] - b[0]);
  tokens.length = 0;
  for (const [start, end] of pairs) tokens.push(start, end);
}

/**
 * All findings of a document, in order. `languageId` decides which parts are
 * examined (see languages.ts).
 */
export function findIds(text: string, languageId: string, catalog: Catalog): Finding[] {
  return rescanIds(undefined, text, languageId, catalog).findings;
}

/** The findings of one version of a document, and what makes finding those of the next version cheap. */
export interface IdScan {
  findings: Finding[];
  /** The lexer's state, for code. */
  lex?: LexState;
}

/**
 * `findIds` for a new version of a document whose previous version gave `previous`
 * (same language): code is lexed again only around the edit (see `relex`). The
 * findings are the same as `findIds(text, languageId, catalog)`.
 */
export function rescanIds(previous: IdScan | undefined, text: string, languageId: string, catalog: Catalog): IdScan {
  const last = text.lastIndexOf('event_id.');
  if (last < 0) return { findings: [] };
  const mode = scanModeOf(languageId);
  const syntax = mode === 'code' ? syntaxOf(languageId) : undefined;
  // Only regions holding `event_id.` can hold a token: asking for just those keeps the scan linear.
  const lex = syntax ? relex(previous?.lex, text, syntax, last + 1, 'event_id.') : undefined;
  const regions = lex ? lex.regions : [0, text.length];
  const tokens: number[] = [];
  // Only regions that hold an `event_id.`: scanning each of thousands of strings for one would search to the next every time.
  let next = -1;
  for (let i = 0; i < regions.length; i += 2) {
    if (next < regions[i]) next = text.indexOf('event_id.', regions[i]);
    if (next < 0) break;
    if (next + 8 < regions[i + 1]) scanTokens(text, regions[i], regions[i + 1], tokens);
  }
  if (lex && MARKUP_IN_CODE.has(languageId)) addMarkupTextTokens(text, regions, tokens);
  const findings: Finding[] = [];
  const schemes = new SchemeCursor(text);
  for (let i = 0; i < tokens.length; i += 2) {
    const found = classifyToken(text, tokens[i], tokens[i + 1], catalog, mode, schemes);
    if (found) findings.push(found);
  }
  return { findings, lex };
}

