/**
 * Linear-time matching wherever repository input meets a pattern: event-list
 * headings and cells, wildcards (`*`, SQL `%`) against the catalog, globs and
 * .gitignore lines. Two properties:
 *
 * - the hand-written matchers agree with the regular expressions they replaced
 *   on many small random inputs (seeded), so nothing matches differently;
 * - the inputs that made those regexes super-linear finish within a generous
 *   mocha timeout (each took from 8 s to minutes before; see the case names).
 *   Timings are printed, not asserted.
 */
import * as assert from 'assert';
import { Catalog, CatalogEvent } from '../../server/src/core/catalog';
import { builtinEvents } from '../../server/src/core/builtin';
import { headingText, parseEventList, splitRow } from '../../server/src/core/catalogParser';
import { matchGlob } from '../../server/src/core/glob';
import { stripJsonComments } from '../../server/src/core/jsonc';
import { findProblems } from '../../server/src/core/problems';
import { ExcludeRules, parseGitignore } from '../../server/src/workspace/excludeRules';
import { seededRandom } from '../fixtures/seededRandom';

const random = seededRandom(13);
const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
const stringOf = (alphabet: readonly string[], max: number) => Array.from({ length: Math.floor(random() * (max + 1)) }, () => pick(alphabet)).join('');
const RUNS = 5000;

const eventOf = (id: string): CatalogEvent => ({ id, description: id, service: 's', segments: id.split('.') });

// The regexes the matchers replaced, kept here as the reference.
const OLD_HEADING = /^\s{0,3}(#{2,6})\s+(.*?)\s*#*\s*$/;
function oldSplitRow(line: string): string[] | undefined {
  const trimmed = line.trim();
  if (!trimmed.includes('|')) return undefined;
  let body = trimmed;
  if (body.startsWith('|')) body = body.slice(1);
  if (body.endsWith('|') && !body.endsWith('\\|')) body = body.slice(0, -1);
  return body.split(/(?<!\\)\|/).map((cell) => {
    const code = /^`+([^`]*)`+$/.exec(cell.trim());
    return (code ? code[1] : cell.trim()).replace(/\\\|/g, '|').trim();
  });
}
function oldWildcardRegex(pattern: string): RegExp {
  const parts = pattern.split(/%\(\w+\)[sdr]|%[-+ #0-9]*[sdvqrfx]|[*%]/);
  const literals = parts.filter((part, i) => part !== '' || i === 0 || i === parts.length - 1).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${literals.join('[A-Za-z0-9_.-]*')}$`);
}
const oldStripJsonComments = (text: string) =>
  text.replace(/"(?:[^"\\\n]|\\.)*"|\/\/[^\n]*|\/\*[\s\S]*?\*\//g, (m) => (m.startsWith('"') ? m : ' '.repeat(m.length))).replace(/,(\s*[}\]])/g, '$1');
function oldGitignoreLine(raw: string): string | undefined {
  let line = raw.replace(/(?<!\\)\s+$/, '');
  if (!line || line.startsWith('#')) return undefined;
  if (line.startsWith('!')) line = line.slice(1);
  if (line.startsWith('\\#') || line.startsWith('\\!')) line = line.slice(1);
  if (line.endsWith('/')) line = line.replace(/\/+$/, '');
  return line || undefined;
}

describe('linear matching: the same answers as the regexes it replaced', function () {
  this.timeout(20_000);
  it('headings', () => {
    const alphabet = [' ', ' ', '\t', '#', '#', '#', 'a', '기', '\u00a0', '\u2028'];
    for (let i = 0; i < RUNS; i++) {
      const line = stringOf(alphabet, 14);
      const old = OLD_HEADING.exec(line);
      assert.strictEqual(headingText(line), old ? old[2] : undefined, JSON.stringify(line));
    }
  });

  it('table rows and backtick cells', () => {
    const alphabet = ['`', '`', '`', 'a', ' ', '|', '\\', 'e'];
    for (let i = 0; i < RUNS; i++) {
      const line = stringOf(alphabet, 14);
      assert.deepStrictEqual(splitRow(line), oldSplitRow(line), JSON.stringify(line));
    }
  });

  it('wildcards (*, %, printf verbs) against IDs', () => {
    const ids = [...new Set(Array.from({ length: 300 }, () => `event_id.${stringOf(['a', 'b', '.', '_', 'a'], 8)}`))];
    // An ID with a character no wildcard stands for, as no valid ID has: only literals may cover it.
    ids.push('event_id.a b', 'event_id.a%b');
    const catalog = new Catalog(ids.map(eventOf));
    const longest = Math.max(...ids.map((id) => id.length));
    for (let i = 0; i < RUNS / 5; i++) {
      const pattern = `event_id.${stringOf(['a', 'b', '.', '*', '%', '%s', '% d', ' ', '_'], 7)}`;
      const literal = pattern.split(/%\(\w+\)[sdr]|%[-+ #0-9]*[sdvqrfx]|[*%]/).join('').length;
      const reference = literal > longest ? [] : ids.filter((id) => oldWildcardRegex(pattern).test(id));
      assert.deepStrictEqual(catalog.matchWildcard(pattern).map((e) => e.id), reference, pattern);
    }
  });

  it('JSON with comments (settings.json)', () => {
    const alphabet = ['"', '"', '\\', '/', '/', '*', '*', '\n', '\r', '\u2028', ',', '}', ' ', 'a'];
    for (let i = 0; i < RUNS * 4; i++) {
      const text = stringOf(alphabet, 16);
      assert.strictEqual(stripJsonComments(text), oldStripJsonComments(text), JSON.stringify(text));
    }
  });

  it('.gitignore lines (trailing spaces, escapes, trailing slashes)', () => {
    const alphabet = [' ', ' ', '\t', '\\', '/', '/', 'a', '#', '!'];
    for (let i = 0; i < RUNS; i++) {
      const line = stringOf(alphabet, 10);
      const rules = parseGitignore(line);
      assert.deepStrictEqual(rules.length ? rules[0].glob : undefined, oldGitignoreLine(line), JSON.stringify(line));
    }
  });
});

describe('linear matching: inputs that made the regexes super-linear', function () {
  // Generous: each case takes milliseconds now; before, from 8 s to minutes. Only a hang fails.
  this.timeout(5000);
  const timings: string[] = [];
  after(() => console.log(`      ${timings.join('; ')}`));
  function timed<T>(name: string, run: () => T): T {
    const started = performance.now();
    const result = run();
    timings.push(`${name} ${(performance.now() - started).toFixed(0)} ms`);
    return result;
  }

  const table = (row: string) => `### 서비스\n\n| 이벤트 | 이벤트 ID |\n| --- | --- |\n| 인스턴스 생성 | event_id.iaas.instance.create |\n${row}\n`;

  it('a 20 KB heading line of spaces (was 15 s at 5 KB, 2 min at 10 KB)', () => {
    const heading = `## a${' '.repeat(20_000)}b`;
    assert.strictEqual(timed('20 KB heading', () => headingText(heading)), `a${' '.repeat(20_000)}b`);
    const parsed = timed('20 KB heading in a list', () => parseEventList(`${heading}\n${table('')}`));
    assert.deepStrictEqual(parsed.events.map((e) => e.id), ['event_id.iaas.instance.create']);
  });

  it('a list row of 200,000 backticks (was 26 s)', () => {
    const parsed = timed('200,000 backticks', () => parseEventList(table(`| ${'`'.repeat(200_000)}x | event_id.iaas.instance.delete |`)));
    assert.deepStrictEqual(parsed.events.map((e) => e.id), ['event_id.iaas.instance.create', 'event_id.iaas.instance.delete']);
  });

  it("a 20,000-character user event ID against LIKE 'event_id.a%a%…b' with 1,000 wildcards (was 8 s at 400 characters and 4)", () => {
    const long = `event_id.${'a'.repeat(20_000)}`;
    const catalog = new Catalog([...builtinEvents(), eventOf(long)]);
    const pattern = `event_id.${'a%'.repeat(1000)}b`;
    assert.deepStrictEqual(
      timed('LIKE against a 20,000-character ID', () => catalog.matchWildcard(pattern)),
      [],
    );
    assert.deepStrictEqual(catalog.matchWildcard(`event_id.${'a%'.repeat(1000)}a`).map((e) => e.id), [long]);
    const problems = timed('the same in a SQL file', () => findProblems(`SELECT * FROM t WHERE id LIKE '${pattern}';\n`, 'sql', catalog));
    assert.deepStrictEqual(problems.map((p) => p.code), ['unmatched-event-pattern']);
  });

  it('a 600 KB settings.json of unclosed comments and strings (was 19 s and 54 s)', () => {
    for (const text of ['/* '.repeat(200_000), `"${'\\"'.repeat(200_000)}`, `${'"a // '.repeat(100_000)}`]) {
      const stripped = timed(`settings.json ${JSON.stringify(text.slice(0, 6))}…`, () => stripJsonComments(text));
      assert.strictEqual(stripped.length, text.length);
    }
  });

  it('a 200 KB .gitignore line of spaces, and 200 KB of stars, brackets, braces and slashes (was 31 s)', () => {
    const lines = [`a${' '.repeat(200_000)}b`, '*'.repeat(200_000), '['.repeat(200_000), `{${','.repeat(200_000)}}x`, `${'/'.repeat(200_000)}x/`, '*a'.repeat(100_000)];
    const rules = timed('parse 1.2 MB .gitignore', () => parseGitignore(lines.join('\n')));
    assert.strictEqual(rules.length, lines.length);
    const exclude = new ExcludeRules([], rules, '/w');
    const excluded = timed('1,000 paths against it', () => Array.from({ length: 1000 }, (_, i) => exclude.isExcluded(`src/d${i}/f${i}.ts`, false)));
    // `*` x 200,000 is `*`: it matches every path; nothing else does.
    assert.ok(excluded.every(Boolean));
    assert.strictEqual(matchGlob(`a${' '.repeat(200_000)}b`, 'src/a b'), false);
    assert.strictEqual(matchGlob('['.repeat(200_000), `src/${'['.repeat(3)}`), false);
  });
});
