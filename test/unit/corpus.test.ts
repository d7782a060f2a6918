/**
 * Precision and recall of the diagnostics on a corpus of realistic files
 * (test/corpus/). Each fixture has a sidecar `<file>.expected.json` listing
 * every unknown ID it must report, with the intended ID as top-1 suggestion.
 * Everything else in the fixture (correct IDs, wildcards, prefixes, names such
 * as `my_event_id`, method calls, file names, URLs) must stay silent.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { findIds } from '../../server/src/core/analyze';
import { builtinCatalog } from '../../server/src/core/builtin';
import { languageIdForPath } from '../../server/src/core/languages';
import { findProblems } from '../../server/src/core/problems';

interface Expected {
  /** 1-based line. */
  line: number;
  token: string;
  /** The intended ID (expected top-1 suggestion), null when nothing is close. */
  suggestion: string | null;
  /** Why the top-1 suggestion is known to be wrong today; the case then reports instead of failing. */
  knownLimitation?: string;
}

interface FileResult {
  file: string;
  languageId: string;
  truePositives: number;
  falsePositives: string[];
  falseNegatives: string[];
  top1Right: number;
  top1Wrong: string[];
  knownLimitations: string[];
  events: number;
}

// Source (not out/): the fixtures are not compiled.
const CORPUS = path.resolve(__dirname, '..', '..', '..', 'test', 'corpus');
const SIDE_CAR = '.expected.json';
/** Files whose language languageIdForPath cannot know from the name alone. */
const LANGUAGE_OVERRIDES: Record<string, string> = {};
const MIN_FORMATS = 15;
const MIN_FILES = 20;

const catalog = builtinCatalog();

function fixtures(): string[] {
  return fs
    .readdirSync(CORPUS)
    .filter((name) => !name.endsWith(SIDE_CAR) && name !== 'README.md')
    .sort();
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

const key = (line: number, token: string) => `${line}:${token}`;

function evaluate(file: string): FileResult {
  const text = fs.readFileSync(path.join(CORPUS, file), 'utf8');
  const expected = JSON.parse(fs.readFileSync(path.join(CORPUS, file + SIDE_CAR), 'utf8')) as Expected[];
  const languageId = LANGUAGE_OVERRIDES[file] ?? languageIdForPath(file);
  const findings = findIds(text, languageId, catalog);

  // Multisets keyed by line and token: the same typo may appear twice on a line.
  const remaining = new Map<string, Expected[]>();
  for (const e of expected) remaining.set(key(e.line, e.token), [...(remaining.get(key(e.line, e.token)) ?? []), e]);

  const result: FileResult = {
    file,
    languageId,
    truePositives: 0,
    falsePositives: [],
    falseNegatives: [],
    top1Right: 0,
    top1Wrong: [],
    knownLimitations: [],
    events: findings.filter((f) => f.kind === 'event').length,
  };
  // Diagnostics and their suggestions as the editor and the CLI report them (suppression included).
  for (const finding of findProblems(text, languageId, catalog).filter((p) => !p.informational)) {
    const line = lineOf(text, finding.start);
    const match = remaining.get(key(line, finding.text))?.shift();
    if (!match) {
      result.falsePositives.push(`${file}:${line} ${finding.text}`);
      continue;
    }
    result.truePositives++;
    const top1 = finding.suggestions[0] ?? null;
    const where = `${file}:${line} ${finding.text}: got ${top1}, want ${match.suggestion}`;
    if (top1 === match.suggestion) {
      if (match.knownLimitation) result.top1Wrong.push(`${where} (now right: remove "knownLimitation")`);
      else result.top1Right++;
    } else if (match.knownLimitation) {
      result.knownLimitations.push(`${where} [${match.knownLimitation}]`);
    } else {
      result.top1Wrong.push(where);
    }
  }
  for (const left of remaining.values()) for (const e of left) result.falseNegatives.push(`${file}:${e.line} ${e.token}`);
  return result;
}

const percent = (part: number, whole: number) => (whole === 0 ? 100 : (100 * part) / whole);
const pad = (s: string | number, n: number) => String(s).padEnd(n);

function table(results: FileResult[]): string {
  const rows = results.map((r) => {
    const flagged = r.truePositives + r.falsePositives.length;
    const wanted = r.truePositives + r.falseNegatives.length;
    return [
      pad(r.file, 28),
      pad(r.languageId, 18),
      pad(r.events, 7),
      pad(wanted, 7),
      pad(percent(r.truePositives, flagged).toFixed(0) + '%', 10),
      pad(percent(r.truePositives, wanted).toFixed(0) + '%', 8),
      `${r.top1Right}/${r.truePositives}`,
    ].join(' ');
  });
  const header = [pad('file', 28), pad('language', 18), pad('events', 7), pad('typos', 7), pad('precision', 10), pad('recall', 8), 'top-1'].join(' ');
  return [header, ...rows].join('\n');
}

describe('corpus: precision and recall of diagnostics on realistic files', () => {
  const files = fixtures();
  const results: FileResult[] = [];

  it(`has at least ${MIN_FILES} fixtures in ${MIN_FORMATS}+ languages and formats, each with a sidecar`, () => {
    assert.ok(files.length >= MIN_FILES, `only ${files.length} fixtures`);
    const languages = new Set(files.map((f) => LANGUAGE_OVERRIDES[f] ?? languageIdForPath(f)));
    assert.ok(!languages.has('unknown'), `a fixture has no language: ${files.filter((f) => languageIdForPath(f) === 'unknown')}`);
    assert.ok(languages.size >= MIN_FORMATS, `only ${languages.size} languages: ${[...languages]}`);
    for (const file of files) assert.ok(fs.existsSync(path.join(CORPUS, file + SIDE_CAR)), `${file} has no ${SIDE_CAR}`);
  });

  for (const file of files) {
    it(`${file}: reports exactly the expected unknown IDs, with the intended ID first`, () => {
      const result = evaluate(file);
      results.push(result);
      // A fixture whose correct IDs are not recognised would make "no false positives" meaningless.
      assert.ok(result.events >= 3, `${file}: only ${result.events} known events found`);
      assert.deepStrictEqual(result.falsePositives, [], 'false positives (diagnostics on correct code)');
      assert.deepStrictEqual(result.falseNegatives, [], 'false negatives (missed typos)');
      assert.deepStrictEqual(result.top1Wrong, [], 'wrong top-1 suggestions');
    });
  }

  it('is 100% precise and 100% complete overall, with every top-1 suggestion right', () => {
    const all = files.map((file) => results.find((r) => r.file === file) ?? evaluate(file));
    const tp = all.reduce((n, r) => n + r.truePositives, 0);
    const fp = all.reduce((n, r) => n + r.falsePositives.length, 0);
    const fn = all.reduce((n, r) => n + r.falseNegatives.length, 0);
    const right = all.reduce((n, r) => n + r.top1Right, 0);
    const limitations = all.flatMap((r) => r.knownLimitations);
    const summary = [
      table(all),
      '',
      `precision ${percent(tp, tp + fp).toFixed(1)}% (${tp}/${tp + fp}), recall ${percent(tp, tp + fn).toFixed(1)}% (${tp}/${tp + fn}), ` +
        `top-1 ${percent(right, tp).toFixed(1)}% (${right}/${tp}; ${limitations.length} known limitations)`,
      ...limitations.map((l) => `  known limitation: ${l}`),
    ].join('\n');
    console.log(summary.replace(/^/gm, '      '));
    assert.strictEqual(fp, 0, 'precision below 100%');
    assert.strictEqual(fn, 0, 'recall below 100%');
    assert.strictEqual(right + limitations.length, tp, 'top-1 accuracy below 100% outside documented limitations');
  });
});
