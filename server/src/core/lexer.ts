/**
 * A small table-driven lexer that finds the string and comment bodies of a
 * programming-language document. It does not tokenize code: it jumps from one
 * possible string or comment opener to the next with a native regex search,
 * which keeps it close to the speed of a plain text scan.
 *
 * Unterminated single-line strings end at the line break, so a quote the lexer
 * misreads (a regex literal, an apostrophe in an unusual place) can only
 * affect the rest of that line.
 */

export interface StringForm {
  open: string;
  close: string;
  /** backslash: `\x` escapes; double: the closer doubled (`""`); backtick: PowerShell's `` `x ``; none: raw. */
  escape: 'backslash' | 'double' | 'backtick' | 'none';
  multiline: boolean;
  /** Code embedded in the string (`${…}`, `#{…}`, `\(…)`); a `{` opener also accepts `{{` as an escaped brace. */
  interpolation?: { open: string; close: string };
}

export interface BlockComment {
  open: string;
  close: string;
  nested?: boolean;
  /** The opener counts only at the start of a line (Ruby `=begin`, Perl `=pod`). */
  lineStart?: boolean;
}

export type Special =
  | 'regexLiteral'
  | 'cppRaw'
  | 'csharpPrefix'
  | 'rustRaw'
  | 'rustChar'
  | 'swiftRaw'
  | 'pythonPrefix'
  | 'heredoc'
  | 'percentLiteral'
  | 'luaLong'
  | 'phpTemplate';

export interface Syntax {
  lineComments: string[];
  blockComments: BlockComment[];
  /** Longest openers first. */
  strings: StringForm[];
  specials?: Special[];
}

const SPECIAL_TRIGGERS: Record<Special, string> = {
  regexLiteral: '/',
  cppRaw: '"',
  csharpPrefix: '"',
  rustRaw: '"',
  rustChar: "'",
  swiftRaw: '#',
  pythonPrefix: '"\'',
  heredoc: '<',
  percentLiteral: '%',
  luaLong: '[-',
  phpTemplate: '?',
};

/** What may start at a trigger character, in the order the lexer tries them. */
const SPECIAL = 0;
const BLOCK = 1;
const LINE = 2;
const STRING = 3;
type Action =
  | { kind: typeof SPECIAL; special: Special }
  | { kind: typeof BLOCK; comment: BlockComment }
  | { kind: typeof LINE; comment: string }
  | { kind: typeof STRING; form: StringForm; stops: CharSet };

/** A set of characters, searched for with one `indexOf` per character (see `nextOf` in `lexRegions`). */
interface CharSet {
  chars: string[];
  codes: number[];
}

interface CompiledSyntax {
  /** Characters that may open a string or comment at top level. */
  topLevel: CharSet;
  /** The same inside an interpolation, plus brackets. */
  nested: CharSet;
  /** Per character code, what to try there (specials, block comments, line comments, strings), in order. */
  actions: Array<Action[] | undefined>;
  /** The same for characters outside ASCII. */
  otherActions: Map<number, Action[]>;
}

function charSet(chars: Iterable<string>): CharSet {
  const unique = [...new Set(chars)];
  return { chars: unique, codes: unique.map((c) => c.charCodeAt(0)) };
}

/** Characters below this code have their next occurrence cached. */
const CACHED_CODES = 128;
const compiledSyntaxes = new WeakMap<Syntax, CompiledSyntax>();
const stopSets = new Map<string, CharSet>();

const formStops = new WeakMap<StringForm, CharSet>();

/** The characters that interrupt a string body: its closer, a line break, its escape and interpolation openers. */
function stopsOf(form: StringForm): CharSet {
  let set = formStops.get(form);
  if (set) return set;
  const chars = [form.close[0], '\n'];
  if (form.escape === 'backslash') chars.push('\\');
  if (form.escape === 'backtick') chars.push('`');
  if (form.interpolation) chars.push(form.interpolation.open[0]);
  // Forms made on the fly (raw strings, prefixed strings) share sets by content.
  const key = chars.join('');
  set = stopSets.get(key);
  if (!set) stopSets.set(key, (set = charSet(chars)));
  formStops.set(form, set);
  return set;
}

function compile(syntax: Syntax): CompiledSyntax {
  let compiled = compiledSyntaxes.get(syntax);
  if (compiled) return compiled;
  const specials = syntax.specials ?? [];
  const chars = new Set<string>();
  for (const c of syntax.lineComments) chars.add(c[0]);
  for (const c of syntax.blockComments) chars.add(c.open[0]);
  for (const s of syntax.strings) chars.add(s.open[0]);
  for (const s of specials) for (const c of SPECIAL_TRIGGERS[s]) chars.add(c);
  const actions: Array<Action[] | undefined> = new Array(128).fill(undefined);
  const otherActions = new Map<number, Action[]>();
  for (const c of new Set([...chars, '{', '}', '(', ')'])) {
    const list: Action[] = [
      ...specials.filter((special) => SPECIAL_TRIGGERS[special].includes(c)).map((special): Action => ({ kind: SPECIAL, special })),
      ...syntax.blockComments.filter((comment) => comment.open[0] === c).map((comment): Action => ({ kind: BLOCK, comment })),
      ...syntax.lineComments.filter((comment) => comment[0] === c).map((comment): Action => ({ kind: LINE, comment })),
      ...syntax.strings.filter((form) => form.open[0] === c).map((form): Action => ({ kind: STRING, form, stops: stopsOf(form) })),
    ];
    const code = c.charCodeAt(0);
    if (code < 128) actions[code] = list;
    else otherActions.set(code, list);
  }
  compiled = { topLevel: charSet(chars), nested: charSet([...chars, '{', '}', '(', ')']), actions, otherActions };
  compiledSyntaxes.set(syntax, compiled);
  return compiled;
}

const isIdentChar = (c: string | undefined) => c !== undefined && /[A-Za-z0-9_]/.test(c);
const REGEX_PRECEDERS = new Set('(,=:[!&|?{};+-*%<>~^'.split(''));
const pythonForms = new Map<string, StringForm>();
// Interpolations nest by recursion; deeper than any real code, the opener is read as text (`${${${…` would overflow the stack).
const MAX_NESTING = 64;

/**
 * Returns the regions `[start, end)` of string and comment bodies, flattened into one array.
 * With `needle`, only the regions that contain it (most strings and comments hold no event ID,
 * and collecting them all would cost as much as lexing).
 */
export function lexRegions(text: string, syntax: Syntax, limit = text.length, needle?: string): number[] {
  if (needle !== undefined) return lex(text, syntax, limit, needle).regions;
  // Completion asks for the regions before the cursor at every keystroke: keep the whole
  // document's regions per syntax and update them with `relex`; the regions before `limit`
  // are those that triggers before it produced.
  const state = relex(wholeDocuments.get(syntax), text, syntax, Infinity);
  wholeDocuments.set(syntax, state);
  const { regions, producers } = state;
  let low = 0;
  let high = producers.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (producers[mid] < limit) low = mid + 1;
    else high = mid;
  }
  return regions.slice(0, 2 * low);
}

/** The last document lexed whole, per syntax (see `lexRegions`). */
const wholeDocuments = new WeakMap<Syntax, LexState>();

/**
 * What a lexed version of a document keeps so that the next version is lexed again only
 * around its edit. Opaque outside this module.
 */
export interface LexState {
  readonly text: string;
  readonly syntax: Syntax;
  readonly limit: number;
  readonly needle: string | undefined;
  readonly regions: number[];
  /** For each region, the position of the top-level trigger whose handling produced it (-1: none). */
  readonly producers: number[];
  /**
   * Flat triples, in order: a position where the lexer was at top level about to handle a
   * trigger, how many region numbers were out then, and the furthest character read so far.
   */
  readonly checkpoints: number[];
}

/** Characters between checkpoints: a resumed lex starts at most about this far before an edit. */
const CHECKPOINT_GAP = 512;
/**
 * How far the handling of a trigger may read around it: backwards (`R"`, `r#"`, the keyword
 * before `/regex/`: 40 characters plus a run of blanks) and forwards past where it ends
 * (a C++ raw delimiter: 18). Reads further ahead are recorded as the horizon.
 */
const MARGIN = 80;

/**
 * `lexRegions` for a new version of `previous.text`, re-lexing only around the edit:
 * from the last checkpoint safely before the first changed character, until the lexer is
 * back at a checkpoint of the old version (shifted) past the edit with the same text
 * around it, from where the old regions are reused. Same result as `lex(text, ...)`.
 */
export function relex(previous: LexState | undefined, text: string, syntax: Syntax, limit: number, needle?: string): LexState {
  if (!previous || previous.syntax !== syntax || previous.needle !== needle) return lex(text, syntax, limit, needle);
  if (previous.text === text && previous.limit === limit) return previous;
  const old = previous.text;
  const start = commonPrefix(old, text);
  const suffix = commonSuffix(old, text, start);
  const oldEnd = old.length - suffix;
  const newEnd = text.length - suffix;
  const { checkpoints } = previous;
  // The last checkpoint far enough before the edit, whose reads all ended before it.
  let c = -1;
  for (let i = checkpoints.length - 3; i >= 0; i -= 3) {
    if (checkpoints[i] + MARGIN <= start && checkpoints[i + 2] < start) {
      c = i;
      break;
    }
  }
  if (c < 0) return lex(text, syntax, limit, needle);
  return lex(text, syntax, limit, needle, {
    checkpoint: c,
    previous,
    delta: newEnd - oldEnd,
    // Past this point (new positions) the old lexer read the same text, shifted; with the same
    // limit, shifted, the old result from any of its checkpoints there is the new one.
    convergeFrom: previous.limit + newEnd - oldEnd === limit || (previous.limit >= old.length && limit >= text.length) ? newEnd + MARGIN : Infinity,
  });
}

interface Resume {
  /** Index in `previous.checkpoints` to resume from. */
  checkpoint: number;
  previous: LexState;
  delta: number;
  convergeFrom: number;
}

/** Length of the common prefix of `a` and `b`, comparing chunks natively. */
function commonPrefix(a: string, b: string): number {
  const max = Math.min(a.length, b.length);
  let at = 0;
  for (let chunk = 256; at < max; chunk = Math.min(chunk * 2, 65536)) {
    const n = Math.min(chunk, max - at);
    if (a.slice(at, at + n) !== b.slice(at, at + n)) break;
    at += n;
  }
  while (at < max && a.charCodeAt(at) === b.charCodeAt(at)) at++;
  return at;
}

/** Length of the common suffix of `a` and `b` that does not reach into their first `prefix` characters. */
function commonSuffix(a: string, b: string, prefix: number): number {
  const max = Math.min(a.length, b.length) - prefix;
  let n = 0;
  for (let chunk = 256; n < max; chunk = Math.min(chunk * 2, 65536)) {
    const k = Math.min(chunk, max - n);
    if (a.slice(a.length - n - k, a.length - n) !== b.slice(b.length - n - k, b.length - n)) break;
    n += k;
  }
  while (n < max && a.charCodeAt(a.length - 1 - n) === b.charCodeAt(b.length - 1 - n)) n++;
  return n;
}

function lex(text: string, syntax: Syntax, limit: number, needle: string | undefined, resume?: Resume): LexState {
  const out: number[] = resume ? resume.previous.regions.slice(0, resume.previous.checkpoints[resume.checkpoint + 1]) : [];
  const producers: number[] = resume ? resume.previous.producers.slice(0, out.length / 2) : [];
  let producer = -1;
  const checkpoints: number[] = resume ? resume.previous.checkpoints.slice(0, resume.checkpoint) : [];
  let lastCheckpoint = -Infinity;
  /** The furthest character read beyond where a construct's handling ended (see MARGIN). */
  let horizon = resume ? resume.previous.checkpoints[resume.checkpoint + 2] : -1;
  const { topLevel, nested, actions, otherActions } = compile(syntax);
  const specials = syntax.specials ?? [];
  const length = text.length;
  const topLevelEnd = Math.min(limit, length);

  // The next occurrence of each character, found with a native `indexOf` and reused until the lexer
  // passes it: in code, where strings are a few characters apart, a regex search or a character
  // loop per string costs several times more. For a character code `c`, `nextAt[c]` answers a search
  // from any `p` with `searchedFrom[c] <= p <= nextAt[c]`; -1 means none after `searchedFrom[c]`.
  const nextAt = new Int32Array(CACHED_CODES);
  const searchedFrom = new Int32Array(CACHED_CODES).fill(0x7fffffff);
  const nextOf = (from: number, to: number, set: CharSet): number => {
    const { chars, codes } = set;
    let best = to;
    for (let i = 0; i < codes.length; i++) {
      const code = codes[i];
      let at: number;
      if (code >= CACHED_CODES) at = text.indexOf(chars[i], from);
      else {
        at = nextAt[code];
        if (from < searchedFrom[code] || (at >= 0 && at < from)) {
          at = text.indexOf(chars[i], from);
          nextAt[code] = at;
          searchedFrom[code] = from;
        }
      }
      if (at >= 0 && at < best) best = at;
    }
    return best;
  };

  // The first `needle` at or after `needleFrom` (-1: none), reused like `nextAt` below.
  let needleFrom = 0x7fffffff;
  let needleAt = -1;
  const push = (start: number, end: number) => {
    if (end < start) return;
    if (needle !== undefined) {
      if (start < needleFrom || (needleAt >= 0 && needleAt < start)) {
        needleAt = text.indexOf(needle, start);
        needleFrom = start;
      }
      if (needleAt < 0 || needleAt + needle.length > end) return;
    }
    out.push(start, end);
    producers.push(producer);
  };
  const lineEnd = (from: number) => {
    const eol = text.indexOf('\n', from);
    return eol < 0 ? length : eol;
  };
  let nesting = 0;

  /** Lexes a string body starting after its opener; returns the position after the closer. */
  function lexString(from: number, form: StringForm, stops = stopsOf(form)): number {
    let regionStart = from;
    let pos = from;
    for (;;) {
      const at = nextOf(pos, length, stops);
      if (at >= length) {
        push(regionStart, length);
        return length;
      }
      const c = text[at];
      if (c === '\n' && !form.multiline) {
        push(regionStart, at);
        return at;
      }
      // Swift's `\(` opens an interpolation rather than escaping the parenthesis.
      if (form.escape === 'backslash' && c === '\\' && !(form.interpolation && text.startsWith(form.interpolation.open, at))) {
        pos = at + 2;
        continue;
      }
      if (form.escape === 'backtick' && c === '`') {
        pos = at + 2;
        continue;
      }
      if (text.startsWith(form.close, at)) {
        if (form.escape === 'double' && text.startsWith(form.close, at + form.close.length)) {
          pos = at + 2 * form.close.length;
          continue;
        }
        push(regionStart, at);
        return at + form.close.length;
      }
      const interpolation = form.interpolation;
      if (interpolation && text.startsWith(interpolation.open, at) && nesting < MAX_NESTING) {
        if (interpolation.open === '{' && text[at + 1] === '{') {
          pos = at + 2;
          continue;
        }
        push(regionStart, at);
        nesting++;
        pos = lexCode(at + interpolation.open.length, interpolation.close);
        nesting--;
        regionStart = pos;
        continue;
      }
      pos = at + 1;
    }
  }

  /** Skips a block comment body that may nest; returns the position after its closer. */
  function lexBlockComment(from: number, comment: BlockComment): number {
    let depth = 1;
    let pos = from;
    while (pos < length) {
      const close = text.indexOf(comment.close, pos);
      if (close < 0) break;
      if (comment.nested) {
        const open = text.indexOf(comment.open, pos);
        if (open >= 0 && open < close) {
          depth++;
          pos = open + comment.open.length;
          continue;
        }
      }
      if (--depth === 0) {
        push(from, close);
        return close + comment.close.length;
      }
      pos = close + comment.close.length;
    }
    push(from, length);
    return length;
  }

  /** Tries a language-specific construct at `at`; returns the position after it, or -1. */
  function lexSpecial(special: Special, at: number): number {
    const c = text[at];
    switch (special) {
      case 'regexLiteral': {
        if (c !== '/' || text[at + 1] === '/' || text[at + 1] === '*') return -1;
        let back = at - 1;
        while (back >= 0 && (text[back] === ' ' || text[back] === '\t')) back--;
        const before = text[back];
        // Ruby writes `when /x/`, `if line =~ /x/`, `unless /x/`.
        const keyword = () => /(?:^|[^\w$])(?:return|typeof|case|in|of|when|if|unless|elsif|and|or|not)$/.test(text.slice(Math.max(0, back - 7), back + 1));
        if (back >= 0 && before !== '\n' && !REGEX_PRECEDERS.has(before) && !keyword()) return -1;
        let pos = at + 1;
        let inClass = false;
        while (pos < length) {
          const ch = text[pos];
          if (ch === '\n') return pos;
          if (ch === '\\') pos++;
          else if (ch === '[') inClass = true;
          else if (ch === ']') inClass = false;
          else if (ch === '/' && !inClass) return pos + 1;
          pos++;
        }
        return length;
      }
      case 'cppRaw': {
        // Cheap checks first: these run at every quote.
        if (c !== '"' || text[at - 1] !== 'R') return -1;
        const m = /(?:^|[^\w])(?:u8|[uUL])?R$/.exec(text.slice(Math.max(0, at - 4), at));
        if (c !== '"' || !m) return -1;
        // The delimiter has at most 16 characters: look no further for its `(` (`R"R"R"…` would be quadratic).
        const paren = text.slice(at + 1, at + 18).indexOf('(');
        const delimiter = text.slice(at + 1, at + 1 + paren);
        if (paren < 0 || /[\s\\)]/.test(delimiter)) return -1;
        return lexString(at + 2 + paren, { open: '', close: `)${delimiter}"`, escape: 'none', multiline: true });
      }
      case 'csharpPrefix': {
        if (c !== '"' || (text[at - 1] !== '$' && text[at - 1] !== '@')) return -1;
        const prefix = /[$@]+$/.exec(text.slice(Math.max(0, at - 4), at))?.[0] ?? '';
        if (!prefix) return -1;
        const verbatim = prefix.includes('@');
        const interpolated = prefix.includes('$');
        if (text.startsWith('"""', at)) {
          // In `$$"""…"""` a lone `{` is text and `{{…}}` is the interpolation (one brace per `$`).
          const dollars = prefix.replace(/@/g, '').length;
          const interpolation = dollars > 0 ? { open: '{'.repeat(dollars), close: '}'.repeat(dollars) } : undefined;
          return lexString(at + 3, { open: '"""', close: '"""', escape: 'none', multiline: true, interpolation });
        }
        return lexString(at + 1, {
          open: '"',
          close: '"',
          escape: verbatim ? 'double' : 'backslash',
          multiline: verbatim,
          interpolation: interpolated ? { open: '{', close: '}' } : undefined,
        });
      }
      case 'rustRaw': {
        if (c !== '"' || (text[at - 1] !== 'r' && text[at - 1] !== '#')) return -1;
        const m = /(?:^|[^\w])b?r(#*)$/.exec(text.slice(Math.max(0, at - 40), at));
        if (c !== '"' || !m) return -1;
        return lexString(at + 1, { open: '"', close: `"${m[1]}`, escape: 'none', multiline: true });
      }
      case 'rustChar': {
        if (c !== "'") return -1;
        const m = /'(?:\\(?:x[0-9a-fA-F]{2}|u\{[0-9a-fA-F]{1,6}\}|.)|[^'\\\n])'/y;
        m.lastIndex = at;
        return m.test(text) ? m.lastIndex : at + 1;
      }
      case 'swiftRaw': {
        // The hashes of a raw string are a whole run: trying each `#` of a long run would be quadratic.
        if (text[at - 1] === '#') return -1;
        const m = /(#+)"/y;
        m.lastIndex = at;
        const hashes = m.exec(text);
        if (!hashes) {
          let end = at;
          while (text[end] === '#') end++;
          horizon = Math.max(horizon, end);
          return -1;
        }
        const multi = text.startsWith('"""', at + hashes[1].length);
        const quote = multi ? '"""' : '"';
        return lexString(at + hashes[1].length + quote.length, { open: quote, close: quote + hashes[1], escape: 'none', multiline: true });
      }
      case 'pythonPrefix': {
        if (at === 0 || !'rRbBuUfFtT'.includes(text[at - 1])) return -1;
        const m = /(?:^|[^\w])([rRbBuUfFtT]{1,2})$/.exec(text.slice(Math.max(0, at - 3), at));
        if (!m || !/[fFtT]/.test(m[1])) return -1;
        const quote = text.startsWith(c.repeat(3), at) ? c.repeat(3) : c;
        const key = quote;
        let form = pythonForms.get(key);
        if (!form) {
          form = { open: quote, close: quote, escape: 'backslash', multiline: quote.length === 3, interpolation: { open: '{', close: '}' } };
          pythonForms.set(key, form);
        }
        return lexString(at + quote.length, form);
      }
      case 'heredoc': {
        // `<<~EOS`, `<<-EOS`, `<<'EOS'`, PHP `<<< EOT`; Ruby's `items << CONSTANT` (with a space) is a method call.
        const m = /<<(?:<[ \t]*|[~-]?)(["']?)([A-Za-z_][A-Za-z0-9_]*)\1/y;
        m.lastIndex = at;
        const heredoc = m.exec(text);
        if (!heredoc || (heredoc[1] === '' && heredoc[2] !== heredoc[2].toUpperCase())) {
          // The regex read a run of blanks and a name: as far as that goes.
          const read = /<<<?[ \t]*[~-]?["']?[A-Za-z0-9_]*/y;
          read.lastIndex = at;
          read.test(text);
          horizon = Math.max(horizon, read.lastIndex);
          return -1;
        }
        const bodyStart = lineEnd(at) + 1;
        if (bodyStart > length) return length;
        const terminator = new RegExp(`^[ \\t]*${heredoc[2]}\\b`, 'gm');
        terminator.lastIndex = bodyStart;
        const end = terminator.exec(text);
        const bodyEnd = end ? end.index : length;
        push(bodyStart, bodyEnd);
        return end ? end.index + end[0].length : length;
      }
      case 'percentLiteral': {
        const m = /%[qQwWiIrsx]?([({[<|!/])/y;
        m.lastIndex = at;
        const literal = m.exec(text);
        if (!literal) return -1;
        let back = at - 1;
        while (back >= 0 && (text[back] === ' ' || text[back] === '\t')) back--;
        if (back >= 0 && !REGEX_PRECEDERS.has(text[back]) && text[back] !== '\n' && isIdentChar(text[back]) && !/[qQwWiIrsx]/.test(literal[0][1])) return -1;
        const open = literal[1];
        const close = ({ '(': ')', '{': '}', '[': ']', '<': '>' } as Record<string, string>)[open] ?? open;
        let depth = 1;
        let pos = m.lastIndex;
        const start = pos;
        while (pos < length) {
          const ch = text[pos];
          if (ch === '\\') pos++;
          else if (ch === close && --depth === 0) {
            push(start, pos);
            return pos + 1;
          } else if (ch === open && open !== close) depth++;
          pos++;
        }
        push(start, length);
        return length;
      }
      case 'luaLong': {
        const m = /(--)?\[(=*)\[/y;
        m.lastIndex = at;
        const long = m.exec(text);
        if (!long) {
          const read = /(?:--)?\[=*/y;
          read.lastIndex = at;
          horizon = Math.max(horizon, read.test(text) ? read.lastIndex : at);
          return -1;
        }
        const close = `]${long[2]}]`;
        const end = text.indexOf(close, m.lastIndex);
        push(m.lastIndex, end < 0 ? length : end);
        return end < 0 ? length : end + close.length;
      }
      case 'phpTemplate': {
        if (!text.startsWith('?>', at)) return -1;
        return htmlUntilPhp(at + 2);
      }
    }
  }

  /** PHP templates: the HTML between `?>` and the next `<?php` / `<?=` is text, examined whole. */
  function htmlUntilPhp(from: number): number {
    const open = /<\?(?:php\b|=)?/g;
    open.lastIndex = from;
    const next = open.exec(text);
    push(from, next ? next.index : length);
    return next ? next.index + next[0].length : length;
  }

  /**
   * Lexes code from `from`. At top level (no closer) stops at `limit`; inside an
   * interpolation, returns the position after the matching closer.
   */
  function lexCode(from: number, closer?: string): number {
    const opener = closer === '}' ? '{' : closer === ')' ? '(' : undefined;
    const triggers = closer ? nested : topLevel;
    // At top level nothing at or after `limit` is lexed.
    const end = closer ? length : topLevelEnd;
    let depth = 0;
    let pos = from;
    outer: for (;;) {
      const at = nextOf(pos, end, triggers);
      if (at >= end) return length;
      if (!closer) {
        if (resume && at >= resume.convergeFrom && converge(at)) return length;
        if (at - lastCheckpoint >= CHECKPOINT_GAP) {
          checkpoints.push(at, out.length, horizon);
          lastCheckpoint = at;
        }
        producer = at;
      }
      const c = text[at];
      if (closer) {
        if (c === opener) {
          depth++;
          pos = at + 1;
          continue;
        }
        if (text.startsWith(closer, at)) {
          if (depth === 0) return at + closer.length;
          depth--;
          pos = at + 1;
          continue;
        }
      }
      const code = text.charCodeAt(at);
      const tried = code < 128 ? actions[code] : otherActions.get(code);
      if (tried) {
        for (const action of tried) {
          switch (action.kind) {
            case SPECIAL: {
              const next = lexSpecial(action.special, at);
              if (next >= 0) {
                pos = Math.max(next, at + 1);
                continue outer;
              }
              break;
            }
            case BLOCK: {
              const comment = action.comment;
              if (text.startsWith(comment.open, at) && (!comment.lineStart || at === 0 || text[at - 1] === '\n')) {
                pos = lexBlockComment(at + comment.open.length, comment);
                continue outer;
              }
              break;
            }
            case LINE: {
              if (text.startsWith(action.comment, at)) {
                const end = lineEnd(at);
                push(at + action.comment.length, end);
                pos = end;
                continue outer;
              }
              break;
            }
            case STRING: {
              if (text.startsWith(action.form.open, at)) {
                pos = lexString(at + action.form.open.length, action.form, action.stops);
                continue outer;
              }
              break;
            }
          }
        }
      }
      pos = at + 1;
    }
  }

  /**
   * At top level before handling `at`: when the old lexer was here too (shifted), past the
   * edit and with every read of the triggers from here on past it, takes the rest from the
   * old result and returns true.
   */
  function converge(at: number): boolean {
    const { previous, delta } = resume!;
    const old = previous.checkpoints;
    let low = 0;
    let high = old.length / 3 - 1;
    const target = at - delta;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const pos = old[mid * 3];
      if (pos < target) low = mid + 1;
      else if (pos > target) high = mid - 1;
      else {
        // A blank run before a `/` is read back to its start: make sure it starts past the edit.
        if (!/[^ \t]/.test(text.slice(at - (MARGIN - 16), at))) return false;
        const from = mid * 3;
        const oldOut = old[from + 1];
        const base = out.length;
        for (let i = oldOut; i < previous.regions.length; i++) out.push(previous.regions[i] + delta);
        for (let i = oldOut / 2; i < previous.producers.length; i++) producers.push(previous.producers[i] + delta);
        for (let i = from; i < old.length; i += 3) {
          // Reads past `target` were of the same text, shifted; earlier ones are covered by `horizon`.
          const read = old[i + 2] > target ? old[i + 2] + delta : horizon;
          checkpoints.push(old[i] + delta, base + old[i + 1] - oldOut, Math.max(horizon, read));
        }
        return true;
      }
    }
    return false;
  }

  if (resume) {
    lexCode(resume.previous.checkpoints[resume.checkpoint]);
  } else if (specials.includes('phpTemplate')) {
    // A PHP file may start with HTML before its first `<?php`.
    const read = /\s*(?:#![^\n]*\n\s*)?/y;
    read.test(text);
    horizon = read.lastIndex + 2;
    lexCode(/^\s*(?:#![^\n]*\n\s*)?<\?/.test(text) ? 0 : htmlUntilPhp(0));
  } else {
    lexCode(0);
  }
  return { text, syntax, limit, needle, regions: out, producers, checkpoints };
}
