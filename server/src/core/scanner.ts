/**
 * Finds candidate event-ID tokens in a span of text, with exact offsets.
 *
 * A token is `event_id.` followed by the longest run of ID characters
 * (`A-Z a-z 0-9 _ . -`) and the wildcards `*` and `%`. `event_id` must not be
 * preceded by an identifier character, `.`, `$`, `@` or `-`: `my_event_id.x`,
 * `record.event_id.startswith(...)`, shell `$event_id.jsonl` and Ruby
 * `@event_id.x` are names, not IDs. A trailing `-` (a dash ending a sentence)
 * and Markdown bold `**` are not part of the token; a trailing `.` is decided by the analyzer, which
 * knows whether the text before it is an ID or a namespace.
 */

const PREFIX = 'event_id';

function table(chars: string): Uint8Array {
  const t = new Uint8Array(128);
  for (const c of chars) t[c.charCodeAt(0)] = 1;
  return t;
}
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const TOKEN_CHARS = table(`${ALNUM}_.-*%`);
const NOT_BEFORE = table(`${ALNUM}_.$@-`);
const ESCAPE_LETTERS = table('ntrfvb0');

const isTokenChar = (code: number) => code < 128 && TOKEN_CHARS[code] === 1;
const STAR = 0x2a;
const PERCENT = 0x25;

/** True when `%` at `at` starts a URL escape of a character that cannot be part of an ID. */
function encodesSeparator(text: string, at: number): boolean {
  const hex = text.slice(at + 1, at + 3);
  if (!/^[0-9A-Fa-f]{2}$/.test(hex)) return false;
  const decoded = parseInt(hex, 16);
  return decoded < 128 && !isTokenChar(decoded);
}

/** True when `event_id` at `at` starts a token (the character before it allows it). */
function boundaryBefore(text: string, at: number): boolean {
  if (at === 0) return true;
  const before = text.charCodeAt(at - 1);
  if (before >= 128 || NOT_BEFORE[before] === 0) return true;
  // `%2Cevent_id.x` in a URL: the letters belong to an escaped separator.
  if (at >= 3 && text.charCodeAt(at - 3) === PERCENT && encodesSeparator(text, at - 3)) return true;
  // "\nevent_id.x" in a string: the letter belongs to an escape sequence, not to a name.
  return ESCAPE_LETTERS[before] === 1 && at >= 2 && text[at - 2] === '\\' && (at < 3 || text[at - 3] !== '\\');
}

/**
 * Appends the tokens of `text[from, to)` to `out` as flat `start, end` pairs.
 * Tokens never extend past `to`.
 */
export function scanTokens(text: string, from: number, to: number, out: number[]): void {
  let pos = from;
  for (;;) {
    const at = text.indexOf(PREFIX, pos);
    if (at < 0 || at + PREFIX.length >= to) return;
    pos = at + PREFIX.length;
    if (text.charCodeAt(pos) !== 0x2e /* . */ || !boundaryBefore(text, at)) continue;
    let end = pos + 1;
    while (end < to) {
      const code = text.charCodeAt(end);
      if (!isTokenChar(code)) break;
      // `**` is Markdown bold (`**event_id.iaas.instance.create**`), never part of an ID or a wildcard.
      if (code === STAR && text.charCodeAt(end + 1) === STAR) break;
      // `%2C`, `%20`, ... in a URL encode a separator: the ID ends there (`?ids=a%2Cb`).
      if (code === PERCENT && encodesSeparator(text, end)) break;
      end++;
    }
    pos = end;
    while (end > at + PREFIX.length + 1 && text.charCodeAt(end - 1) === 0x2d /* - */) end--;
    out.push(at, end);
  }
}

/** The span of an ID-like token (or a bare `event_id` prefix being typed) around `offset`, for completion. */
export function tokenAt(text: string, offset: number): { start: number; end: number } | undefined {
  let start = offset;
  while (start > 0 && isTokenChar(text.charCodeAt(start - 1))) start--;
  let end = offset;
  while (end < text.length && isTokenChar(text.charCodeAt(end))) end++;
  // The token may start later than the run (`foo.event_id.x` is not one), so find event_id inside it.
  const at = text.lastIndexOf(PREFIX, offset);
  if (at < start || !boundaryBefore(text, at)) return undefined;
  return { start: at, end };
}
