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

const escapeClass = (chars: string) => chars.replace(/[\\\]^-]/g, '\\$&');
const triggerCache = new WeakMap<Syntax, [RegExp, RegExp]>();
const stringCache = new WeakMap<StringForm, RegExp>();

/** The characters that may open a string or comment: at top level, and inside an interpolation (brackets too). */
function triggersOf(syntax: Syntax): [RegExp, RegExp] {
  let regexes = triggerCache.get(syntax);
  if (!regexes) {
    const chars = new Set<string>();
    for (const c of syntax.lineComments) chars.add(c[0]);
    for (const c of syntax.blockComments) chars.add(c.open[0]);
    for (const s of syntax.strings) chars.add(s.open[0]);
    for (const s of syntax.specials ?? []) for (const c of SPECIAL_TRIGGERS[s]) chars.add(c);
    const topLevel = escapeClass([...chars].join(''));
    regexes = [new RegExp(`[${topLevel}]`, 'g'), new RegExp(`[${topLevel}{}()]`, 'g')];
    triggerCache.set(syntax, regexes);
  }
  return regexes;
}

function stopsOf(form: StringForm): RegExp {
  let regex = stringCache.get(form);
  if (!regex) {
    const chars = new Set<string>([form.close[0], '\n']);
    if (form.escape === 'backslash') chars.add('\\');
    if (form.escape === 'backtick') chars.add('`');
    if (form.interpolation) chars.add(form.interpolation.open[0]);
    regex = new RegExp(`[${escapeClass([...chars].join(''))}]`, 'g');
    stringCache.set(form, regex);
  }
  return regex;
}

const isIdentChar = (c: string | undefined) => c !== undefined && /[A-Za-z0-9_]/.test(c);
const REGEX_PRECEDERS = new Set('(,=:[!&|?{};+-*%<>~^'.split(''));
const pythonForms = new Map<string, StringForm>();

/** Returns the regions `[start, end)` of string and comment bodies, flattened into one array. */
export function lexRegions(text: string, syntax: Syntax, limit = text.length): number[] {
  const out: number[] = [];
  const [topLevelTriggers, nestedTriggers] = triggersOf(syntax);
  const specials = syntax.specials ?? [];
  const length = text.length;

  const push = (start: number, end: number) => {
    if (end >= start) out.push(start, end);
  };
  const lineEnd = (from: number) => {
    const eol = text.indexOf('\n', from);
    return eol < 0 ? length : eol;
  };

  /** Lexes a string body starting after its opener; returns the position after the closer. */
  function lexString(from: number, form: StringForm): number {
    const stops = stopsOf(form);
    let regionStart = from;
    let pos = from;
    for (;;) {
      stops.lastIndex = pos;
      const match = stops.exec(text);
      if (!match) {
        push(regionStart, length);
        return length;
      }
      const at = match.index;
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
      if (interpolation && text.startsWith(interpolation.open, at)) {
        if (interpolation.open === '{' && text[at + 1] === '{') {
          pos = at + 2;
          continue;
        }
        push(regionStart, at);
        pos = lexCode(at + interpolation.open.length, interpolation.close);
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
        const keyword = /(?:^|[^\w$])(?:return|typeof|case|in|of|when|if|unless|elsif|and|or|not)$/.test(text.slice(Math.max(0, back - 7), back + 1));
        if (back >= 0 && before !== '\n' && !REGEX_PRECEDERS.has(before) && !keyword) return -1;
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
        const m = /(?:^|[^\w])(?:u8|[uUL])?R$/.exec(text.slice(Math.max(0, at - 4), at));
        if (c !== '"' || !m) return -1;
        const paren = text.indexOf('(', at);
        const delimiter = text.slice(at + 1, paren);
        if (paren < 0 || delimiter.length > 16 || /[\s\\)]/.test(delimiter)) return -1;
        return lexString(paren + 1, { open: '', close: `)${delimiter}"`, escape: 'none', multiline: true });
      }
      case 'csharpPrefix': {
        if (c !== '"') return -1;
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
        const m = /(#+)"/y;
        m.lastIndex = at;
        const hashes = m.exec(text);
        if (!hashes) return -1;
        const multi = text.startsWith('"""', at + hashes[1].length);
        const quote = multi ? '"""' : '"';
        return lexString(at + hashes[1].length + quote.length, { open: quote, close: quote + hashes[1], escape: 'none', multiline: true });
      }
      case 'pythonPrefix': {
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
        if (!heredoc || (heredoc[1] === '' && heredoc[2] !== heredoc[2].toUpperCase())) return -1;
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
        if (!long) return -1;
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
    const triggers = closer ? nestedTriggers : topLevelTriggers;
    let depth = 0;
    let pos = from;
    outer: for (;;) {
      triggers.lastIndex = pos;
      const match = triggers.exec(text);
      if (!match) return length;
      const at = match.index;
      if (!closer && at >= limit) return length;
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
      for (const special of specials) {
        if (!SPECIAL_TRIGGERS[special].includes(c)) continue;
        const next = lexSpecial(special, at);
        if (next >= 0) {
          pos = Math.max(next, at + 1);
          continue outer;
        }
      }
      for (const comment of syntax.blockComments) {
        if (text.startsWith(comment.open, at) && (!comment.lineStart || at === 0 || text[at - 1] === '\n')) {
          pos = lexBlockComment(at + comment.open.length, comment);
          continue outer;
        }
      }
      for (const comment of syntax.lineComments) {
        if (text.startsWith(comment, at)) {
          const end = lineEnd(at);
          push(at + comment.length, end);
          pos = end;
          continue outer;
        }
      }
      for (const form of syntax.strings) {
        if (text.startsWith(form.open, at)) {
          pos = lexString(at + form.open.length, form);
          continue outer;
        }
      }
      pos = at + 1;
    }
  }

  // A PHP file may start with HTML before its first `<?php`.
  lexCode(specials.includes('phpTemplate') && !/^\s*(?:#![^\n]*\n\s*)?<\?/.test(text) ? htmlUntilPhp(0) : 0);
  return out;
}
