/**
 * Glob matching for the excluded-files setting, the workspace index (.gitignore,
 * `files.exclude`) and the CLI: `**`, `*`, `?`, `{a,b}` and `[abc]`.
 *
 * Patterns come from settings and from files in the workspace, so matching
 * must stay cheap whatever they hold. A pattern compiles to a small automaton
 * that is run over the path with every possible state at once (Thompson's
 * construction): time grows with pattern length times path length, never
 * exponentially, and no pattern can throw. (Translated to regexes, `**\/**\/…/x`
 * backtracked for minutes and `{a` or `[z-a]` threw on every document.)
 */

type Test = (code: number) => boolean;

/** A pattern element: one character, `*` (within a segment), `**` (anything), `**\/` (any directories), or `{…}`. */
type Element = { kind: 'char'; test: Test } | { kind: 'star' } | { kind: 'any' } | { kind: 'dirs' } | { kind: 'alt'; branches: Element[][] };

const SLASH = 0x2f;
const notSlash: Test = (c) => c !== SLASH;
const isSlash: Test = (c) => c === SLASH;
// `**` without a slash after it was the regex `.*`, which stops at line terminators.
const notLineBreak: Test = (c) => c !== 0x0a && c !== 0x0d && c !== 0x2028 && c !== 0x2029;

/** `[abc]`, `[a-z]`, `[!a]` / `[^a]` (negated); an inverted range matches nothing. */
function classTest(inner: string): Test {
  const negated = inner.startsWith('!') || inner.startsWith('^');
  const body = negated ? inner.slice(1) : inner;
  const ranges: number[] = [];
  for (let i = 0; i < body.length; i++) {
    if (body[i + 1] === '-' && i + 2 < body.length) {
      ranges.push(body.charCodeAt(i), body.charCodeAt(i + 2));
      i += 2;
    } else ranges.push(body.charCodeAt(i), body.charCodeAt(i));
  }
  return (c) => {
    let inClass = false;
    for (let i = 0; i < ranges.length && !inClass; i += 2) inClass = ranges[i] <= c && c <= ranges[i + 1];
    return inClass !== negated;
  };
}

/** Parses a glob into elements; `{` without a later `}` and `[` without `]` are literal characters. */
function parse(glob: string): Element[] {
  const top: Element[] = [];
  let branches: Element[][] | undefined;
  let current = top;
  // Found once: asking `indexOf(']', i)` at each `[` took quadratic time on `[[[[…`.
  const lastBrace = glob.lastIndexOf('}');
  const lastBracket = glob.lastIndexOf(']');
  // `{a,a,a,…}` is `{a}`: each branch is a state visited per character.
  let branchSources = new Set<string>();
  let branchStart = 0;
  const endBranch = (at: number) => {
    const source = glob.slice(branchStart, at);
    if (branchSources.has(source)) branches!.pop();
    else branchSources.add(source);
    branchStart = at + 1;
  };
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      let kind: 'star' | 'any' | 'dirs' = 'star';
      if (glob[i + 1] === '*') {
        kind = glob[i + 2] === '/' ? 'dirs' : 'any';
        i += kind === 'dirs' ? 2 : 1;
      }
      // `**` twice is `**` once: a pattern of 200,000 stars is one state, not 200,000 visited per character.
      if (current[current.length - 1]?.kind !== kind) current.push({ kind });
    } else if (c === '?') current.push({ kind: 'char', test: notSlash });
    else if (c === '{' && !branches && lastBrace > i) {
      branches = [[]];
      current = branches[0];
      branchSources = new Set();
      branchStart = i + 1;
    } else if (c === '}' && branches) {
      endBranch(i);
      top.push({ kind: 'alt', branches });
      branches = undefined;
      current = top;
    } else if (c === ',' && branches) {
      endBranch(i);
      current = [];
      branches.push(current);
    } else if (c === '[' && lastBracket > i) {
      const close = glob.indexOf(']', i + 1);
      current.push({ kind: 'char', test: classTest(glob.slice(i + 1, close)) });
      i = close;
    } else {
      const code = glob.charCodeAt(i);
      current.push({ kind: 'char', test: (x) => x === code });
    }
  }
  // A `}` that only appeared inside a class: the group ends with the pattern.
  if (branches) top.push({ kind: 'alt', branches });
  return top;
}

/** The fewest characters a text matching `elements` can have. */
function minimumLength(elements: Element[]): number {
  let length = 0;
  for (const element of elements) {
    if (element.kind === 'char') length++;
    else if (element.kind === 'alt') length += element.branches.reduce((shortest, branch) => Math.min(shortest, minimumLength(branch)), Infinity);
  }
  return length;
}

/** The automaton: states with a character test (one successor) or none (a split to two successors). */
class Automaton {
  readonly tests: Array<Test | undefined> = [];
  readonly out: number[] = [];
  readonly out2: number[] = [];
  readonly start: number;
  /** The accepting state. */
  readonly match: number;

  /** Shorter texts cannot match: answered without a run (a long pattern against every path of a crawl). */
  readonly minimumLength: number;

  constructor(elements: Element[]) {
    this.minimumLength = minimumLength(elements);
    this.match = this.add(undefined, -1, -1);
    this.start = this.sequence(elements, this.match);
  }

  private add(test: Test | undefined, out: number, out2: number): number {
    this.tests.push(test);
    this.out.push(out);
    this.out2.push(out2);
    return this.tests.length - 1;
  }

  /** Builds `elements` followed by `next`; returns the entry state. */
  private sequence(elements: Element[], next: number): number {
    let entry = next;
    for (let i = elements.length - 1; i >= 0; i--) entry = this.element(elements[i], entry);
    return entry;
  }

  private element(element: Element, next: number): number {
    switch (element.kind) {
      case 'char':
        return this.add(element.test, next, -1);
      case 'star':
      case 'any': {
        const loop = this.add(undefined, -1, next);
        this.out[loop] = this.add(element.kind === 'star' ? notSlash : notLineBreak, loop, -1);
        return loop;
      }
      case 'dirs': {
        // (segment characters, then `/`), zero or more times.
        const loop = this.add(undefined, -1, next);
        const slash = this.add(isSlash, loop, -1);
        const segment = this.add(undefined, -1, slash);
        this.out[segment] = this.add(notSlash, segment, -1);
        this.out[loop] = segment;
        return loop;
      }
      case 'alt': {
        const entries = element.branches.map((branch) => this.sequence(branch, next));
        let entry = entries[entries.length - 1];
        for (let i = entries.length - 2; i >= 0; i--) entry = this.add(undefined, entries[i], entry);
        return entry;
      }
    }
  }

  /** True when the automaton accepts the whole of `text`. */
  accepts(text: string): boolean {
    if (text.length < this.minimumLength) return false;
    const count = this.tests.length;
    const seen = new Int32Array(count).fill(-1);
    let current: number[] = [];
    let next: number[] = [];
    const stack: number[] = [];
    // Adds `state` and every state reachable from it without reading a character.
    const enter = (state: number, into: number[], step: number) => {
      stack.push(state);
      while (stack.length > 0) {
        const s = stack.pop()!;
        if (s < 0 || seen[s] === step) continue;
        seen[s] = step;
        if (this.tests[s] || s === this.match) into.push(s);
        else stack.push(this.out2[s], this.out[s]);
      }
    };
    enter(this.start, current, 0);
    for (let i = 0; i < text.length && current.length > 0; i++) {
      const code = text.charCodeAt(i);
      next.length = 0;
      for (const s of current) if (this.tests[s]?.(code)) enter(this.out[s], next, i + 1);
      [current, next] = [next, current];
    }
    return current.includes(this.match);
  }
}

const cache = new Map<string, Automaton>();

/**
 * True when `path` (forward slashes) matches `glob`. A pattern without a slash
 * matches the file name anywhere, as in .gitignore and `files.exclude`.
 */
export function matchGlob(glob: string, path: string): boolean {
  // Keyed by the glob as given: the same string object each call, so a 200 KB pattern is not copied and hashed per path.
  let automaton = cache.get(glob);
  if (!automaton) {
    automaton = new Automaton(parse(glob.includes('/') ? glob.replace(/^\.?\//, '') : `**/${glob}`));
    if (cache.size > 500) cache.clear();
    cache.set(glob, automaton);
  }
  return automaton.accepts(path.replace(/^\/+/, '')) || automaton.accepts(path);
}
