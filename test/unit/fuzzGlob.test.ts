/**
 * Globs come from settings and from files in the workspace (.gitignore), so
 * matching must never hang or throw. Differential fuzzing against the regex
 * translation the matcher replaced (kept here as the reference for what each
 * pattern means), on inputs small enough for the regex; then the patterns
 * that made the regex backtrack for minutes or throw.
 */
import * as assert from 'assert';
import fc from 'fast-check';
import { matchGlob } from '../../server/src/core/glob';
import { fuzzParameters } from '../fixtures/hostile/generators';

/** The former implementation: a glob translated to a regex (exponential on `**\/**\/…`, throws on `{a`). */
function referenceRegex(glob: string): RegExp {
  let out = '';
  let inGroup = false;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') {
        const slash = glob[i + 2] === '/';
        out += slash ? '(?:[^/]*/)*?' : '.*';
        i += slash ? 2 : 1;
      } else out += '[^/]*';
    } else if (c === '?') out += '[^/]';
    else if (c === '{') {
      out += '(?:';
      inGroup = true;
    } else if (c === '}' && inGroup) {
      out += ')';
      inGroup = false;
    } else if (c === ',' && inGroup) out += '|';
    else if (c === '[') {
      const close = glob.indexOf(']', i + 1);
      if (close < 0) out += '\\[';
      else {
        out += `[${glob.slice(i + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\')}]`;
        i = close;
      }
    } else out += c.replace(/[.+^$()|\\]/g, '\\$&');
  }
  return new RegExp(`^${out}$`);
}

function referenceMatch(glob: string, path: string): boolean | undefined {
  const pattern = glob.includes('/') ? glob.replace(/^\.?\//, '') : `**/${glob}`;
  let regex: RegExp;
  try {
    regex = referenceRegex(pattern);
  } catch {
    return undefined; // the regex did not compile: any answer is an improvement
  }
  return regex.test(path.replace(/^\/+/, '')) || regex.test(path);
}

const globPart = fc.constantFrom('*', '**', '**/', '?', '/', 'a', 'b', '.', 'ts', '{', '}', ',', '{a,b}', '{,a/}', '[', ']', '[ab]', '[!a]', '[^/]', '[a-c]', '[-a]', '[a-]', '!', '-', '\\', '^', '$', '(', '|', 'node_modules', '\n');
const pathPart = fc.constantFrom('a', 'b', 'c', '/', '.', 'ts', '-', '!', '\\', '^', '[', ']', '{', '}', ',', 'node_modules', '\n', '\r', ' ', '한', '😀');

/** Text each glob part can match, so that many generated paths do match. */
const INSTANCES: Record<string, string[]> = {
  '*': ['', 'ab', 'x.ts'], '**': ['', 'a/b', 'x'], '**/': ['', 'a/', 'a/b/'], '?': ['c', '.'], '{a,b}': ['a', 'b'], '{,a/}': ['', 'a/'],
  '[ab]': ['a', 'b'], '[!a]': ['b', '/'], '[^/]': ['z'], '[a-c]': ['b'], '[-a]': ['-'], '[a-]': ['-', 'a'],
};
const globAndPath = fc.array(globPart, { maxLength: 8 }).chain((parts) =>
  fc.oneof(
    fc.array(pathPart, { maxLength: 12 }).map((p) => p.join('')),
    fc.tuple(...parts.map((part) => fc.constantFrom(...(INSTANCES[part] ?? [part])))).map((p) => `/w/${p.join('')}`),
  ).map((path) => ({ glob: parts.join(''), path })),
);

describe('fuzz: glob matching', function () {
  this.timeout(120_000);

  it('agrees with the regex translation wherever that compiles', () => {
    fc.assert(
      fc.property(globAndPath, ({ glob, path }) => {
        const expected = referenceMatch(glob, path);
        const actual = matchGlob(glob, path);
        if (expected !== undefined) assert.strictEqual(actual, expected, `${JSON.stringify(glob)} on ${JSON.stringify(path)}`);
      }),
      fuzzParameters(4),
    );
  });

  const HOSTILE: Array<{ name: string; glob: string; path: string; expected: boolean }> = [
    { name: '24 times **/ before a name that is not there (the regex backtracked for hours)', glob: `${'**/'.repeat(24)}nomatch`, path: `/${Array.from({ length: 40 }, (_, i) => `d${i}`).join('/')}/file.txt`, expected: false },
    { name: '**/a/ repeated over a deep path of a/ directories', glob: `${'**/a/'.repeat(12)}b`, path: `${'a/'.repeat(60)}c`, expected: false },
    { name: '*a repeated over a 5,000-character file name', glob: `${'*a'.repeat(10)}b`, path: `/x/${'a'.repeat(5000)}`, expected: false },
    { name: 'the same, matching', glob: `${'*a'.repeat(10)}*`, path: `/x/${'a'.repeat(5000)}`, expected: true },
    { name: 'an unclosed brace is a literal', glob: '{a', path: '/w/{a', expected: true },
    { name: 'an inverted range matches nothing, and does not throw', glob: '[z-a]', path: '/w/m', expected: false },
    { name: 'a 10,000-character pattern', glob: `${'a?'.repeat(5000)}`, path: `/w/${'ab'.repeat(5000)}`, expected: true },
  ];
  for (const c of HOSTILE) {
    it(`${c.name}: answers at once`, () => {
      const started = performance.now();
      assert.strictEqual(matchGlob(c.glob, c.path), c.expected);
      const ms = performance.now() - started;
      assert.ok(ms < 2000, `${ms.toFixed(0)} ms`);
    });
  }
});
