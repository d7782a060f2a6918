/**
 * Worst cases that random text rarely builds: one opener, quote or special
 * form repeated over a whole file (`${${${…`, `R"R"R"…`, `####…`), in every
 * language, followed by an ID so that the lexer has to read all of it. What
 * the server does per change runs on each: findProblems (lexer, scanner,
 * classification, suggestions) and the completion context.
 *
 * A linear scanner reads 64 KB in a few milliseconds; the bound (2 s) only
 * catches crashes (deep recursion, huge regexes) and exponential behaviour. The
 * long run (FUZZ_RUNS >= 10000) uses 2 MB, where quadratic behaviour shows too.
 */
import * as assert from 'assert';
import { builtinCatalog } from '../../server/src/core/builtin';
import { completionContext } from '../../server/src/core/completion';
import { findProblems } from '../../server/src/core/problems';
import { BREAKS, FUZZ_RUNS, SYNTAX, UNICODE } from '../fixtures/hostile/generators';

const catalog = builtinCatalog();
const SIZE = FUZZ_RUNS >= 10_000 ? 2_000_000 : 64_000;
const BOUND_MS = 2000;

const LANGUAGES = [
  'c', 'javascript', 'java', 'kotlin', 'scala', 'groovy', 'csharp', 'go', 'rust', 'swift', 'dart', 'python', 'ruby', 'php', 'perl', 'lua',
  'haskell', 'elixir', 'clojure', 'r', 'powershell', 'css', 'fsharp', 'julia', 'erlang', 'vb', 'zig', 'yaml', 'unknown',
];
const UNITS = [...new Set([...SYNTAX, ...BREAKS, ...UNICODE, 'event_id.', 'event_id.iaas.*', 'event_id.x/', 'x/event_id.zz', '"event_id.iaas.inst"+', ' event_id.a1'])];
const TAIL = '\n"event_id.iaas.instnace.create" // event_id.iaas.instnace.create\n';

describe('fuzz: one construct repeated over a whole file', function () {
  this.timeout(120_000);
  const timings: Array<[number, string]> = [];
  after(() => {
    const slowest = timings.sort((a, b) => b[0] - a[0]).slice(0, 5);
    console.log(`      slowest of ${timings.length} (${SIZE / 1000} KB each): ${slowest.map(([ms, name]) => `${name} ${ms.toFixed(0)} ms`).join(', ')}`);
  });

  const HUGE_TOKENS = [
    `event_id.iaas.x${'.y'.repeat(20_000)}`,
    `event_id.iaas.x${'.'.repeat(40_000)}y`,
    `event_id.${'a'.repeat(60_000)}`,
    `event_id.iaas.${'*a'.repeat(20_000)}`,
    `event_id.iaas.${'%-'.repeat(20_000)}s`,
    `event_id.iaas.instance.create${'.json'.repeat(10_000)}`,
    `event_id.iaas.instance.${'-'.repeat(40_000)}`,
  ];
  for (const languageId of ['yaml', 'javascript', 'unknown']) {
    it(`${languageId}: one token of 40,000 to 60,000 characters gets its problems within ${BOUND_MS} ms`, () => {
      for (const token of HUGE_TOKENS) {
        const text = `a = "${token}"\n`;
        const started = performance.now();
        const problems = findProblems(text, languageId, catalog);
        const ms = performance.now() - started;
        timings.push([ms, `${languageId} ${token.slice(0, 20)}…`]);
        assert.ok(problems.length <= 1);
        assert.ok(ms < BOUND_MS, `${languageId} ${token.slice(0, 30)}… (${token.length}): ${ms.toFixed(0)} ms`);
      }
    });
  }

  for (const languageId of LANGUAGES) {
    it(`${languageId}: every opener repeated ${SIZE / 1000} KB is analysed without a crash, within ${BOUND_MS} ms`, () => {
      for (const unit of UNITS) {
        const text = unit.repeat(Math.ceil(SIZE / unit.length)) + TAIL;
        const started = performance.now();
        try {
          findProblems(text, languageId, catalog);
          completionContext(text, text.length - 4, languageId);
        } catch (error) {
          assert.fail(`${languageId} ${JSON.stringify(unit)} x ${SIZE}: ${String(error).slice(0, 200)}`);
        }
        const ms = performance.now() - started;
        timings.push([ms, `${languageId} ${JSON.stringify(unit)}`]);
        assert.ok(ms < BOUND_MS, `${languageId} ${JSON.stringify(unit)} x ${SIZE}: ${ms.toFixed(0)} ms`);
      }
    });
  }
});
