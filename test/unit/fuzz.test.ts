/**
 * Property and fuzz tests of the pure core on hostile text (surrogate pairs and
 * lone surrogates, combining marks, CRLF/LF/CR mixes, NUL bytes, very long lines,
 * IDs valid and typo'd spliced in), in every scan mode.
 *
 * Iterations per property: FUZZ_RUNS (default 500); `FUZZ_RUNS=200000` is the
 * long run. A failure prints fast-check's seed and path: replay with FUZZ_SEED.
 */
import * as assert from 'assert';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { findIds, Finding } from '../../server/src/core/analyze';
import { builtinCatalog } from '../../server/src/core/builtin';
import { isValidEventId, parseEventList } from '../../server/src/core/catalogParser';
import { completionCandidates, completionContext } from '../../server/src/core/completion';
import { examinedRegions, scanModeOf, ScanMode } from '../../server/src/core/languages';
import { findProblems } from '../../server/src/core/problems';
import { scanTokens } from '../../server/src/core/scanner';
import { suggest } from '../../server/src/core/suggest';
import { parseUserCatalog } from '../../server/src/core/userCatalog';
import { findingAt } from '../../server/src/serverContext';
import { editText, eventListMarkdown, FUZZ_RUNS, fuzzParameters, hostileText, idLike, SYNTAX, UNICODE } from '../fixtures/hostile/generators';

const catalog = builtinCatalog();

/** One language per lexer syntax, the text formats, and languages the server does not know. */
const LANGUAGES: Record<ScanMode, string[]> = {
  code: [
    'c', 'cpp', 'javascript', 'typescriptreact', 'java', 'kotlin', 'scala', 'groovy', 'csharp', 'go', 'rust', 'swift', 'dart', 'python',
    'ruby', 'php', 'perl', 'lua', 'haskell', 'elixir', 'clojure', 'r', 'powershell', 'css', 'fsharp', 'julia', 'erlang', 'vb', 'zig',
  ],
  text: ['yaml', 'json', 'markdown', 'plaintext', 'sql', 'shellscript', 'log', 'dockerfile', 'xml'],
  strict: ['unknown', 'cobol', ''],
};
const ALL_LANGUAGES = Object.values(LANGUAGES).flat();

/** The Position of `offset` counted independently of TextDocument: lines end at \r\n, \r or \n (LSP's rule). */
function referencePosition(text: string, offset: number): { line: number; character: number } {
  const lines = text.slice(0, offset).split(/\r\n|\r|\n/);
  return { line: lines.length - 1, character: lines[lines.length - 1].length };
}

/** The candidate tokens of the examined regions, as `[start, end]` pairs. */
function tokensOf(text: string, regions: number[]): number[][] {
  const flat: number[] = [];
  for (let i = 0; i < regions.length; i += 2) scanTokens(text, regions[i], regions[i + 1], flat);
  const pairs: number[][] = [];
  for (let i = 0; i < flat.length; i += 2) pairs.push([flat[i], flat[i + 1]]);
  return pairs;
}

const TOKEN_TEXT = /^event_id\.[A-Za-z0-9_.*%-]*$/;

/** Every invariant a document's findings must hold. */
function checkFindings(text: string, languageId: string, findings: Finding[]): void {
  const mode = scanModeOf(languageId);
  const regions = mode === 'code' ? examinedRegions(text, languageId) : [0, text.length];
  const tokens = tokensOf(text, regions);
  let previousEnd = 0;
  let t = 0;
  for (const f of findings) {
    assert.ok(Number.isInteger(f.start) && Number.isInteger(f.end) && 0 <= f.start && f.start < f.end && f.end <= text.length, `range [${f.start}, ${f.end}) of ${text.length}`);
    assert.strictEqual(text.slice(f.start, f.end), f.text, 'the range slices back to the finding text');
    assert.ok(f.start >= previousEnd, `sorted and non-overlapping: ${f.start} after ${previousEnd}`);
    previousEnd = f.end;
    assert.match(f.text, TOKEN_TEXT, 'only ID characters: no line break, no half of a surrogate pair');
    if (f.kind === 'event') assert.strictEqual(f.event?.id, f.text, 'an event finding is exactly its ID');
    // Each finding is a scanned token of an examined region, or its front part (a trailing dot or file suffix removed).
    while (t < tokens.length && tokens[t][0] < f.start) t++;
    assert.ok(t < tokens.length && tokens[t][0] === f.start && f.end <= tokens[t][1], `finding [${f.start}, ${f.end}) is not a scanned token`);
  }
}

/** UTF-16 positions of the finding boundaries: TextDocument agrees with the reference and round-trips. */
function checkPositions(text: string, languageId: string, findings: Finding[]): void {
  const document = TextDocument.create('file:///fuzz', languageId, 1, text);
  for (const f of findings) {
    const start = document.positionAt(f.start);
    const end = document.positionAt(f.end);
    assert.deepStrictEqual(start, referencePosition(text, f.start));
    assert.deepStrictEqual(end, referencePosition(text, f.end));
    assert.strictEqual(document.offsetAt(start), f.start);
    assert.strictEqual(document.offsetAt(end), f.end);
    assert.strictEqual(start.line, end.line, 'an ID never spans lines');
  }
}

describe('fuzz: the core on hostile text', function () {
  // The long run (FUZZ_RUNS=200000) takes minutes.
  this.timeout(Math.max(20_000, FUZZ_RUNS * 200));

  it('the language table covers every scan mode', () => {
    for (const [mode, languages] of Object.entries(LANGUAGES)) for (const languageId of languages) assert.strictEqual(scanModeOf(languageId), mode, languageId);
  });

  for (const [mode, languages] of Object.entries(LANGUAGES)) {
    it(`findIds (${mode} languages): never throws; findings slice back to their text, sorted, non-overlapping, on scanned tokens; positions round-trip`, () => {
      fc.assert(
        fc.property(hostileText(), fc.constantFrom(...languages), (text, languageId) => {
          const findings = findIds(text, languageId, catalog);
          checkFindings(text, languageId, findings);
          checkPositions(text, languageId, findings);
          // The same answer twice: the memos in suggest and the wildcard cache keep no state that matters.
          assert.deepStrictEqual(
            findIds(text, languageId, catalog).map((f) => [f.start, f.end, f.kind]),
            findings.map((f) => [f.start, f.end, f.kind]),
          );
        }),
        fuzzParameters(),
      );
    });
  }

  it('findProblems: never throws; problems are unknown findings, in order, with at most 3 catalog suggestions', () => {
    fc.assert(
      fc.property(hostileText(), fc.constantFrom(...ALL_LANGUAGES), (text, languageId) => {
        const problems = findProblems(text, languageId, catalog);
        let previousEnd = 0;
        for (const p of problems) {
          assert.strictEqual(text.slice(p.start, p.end), p.text);
          assert.ok(p.start >= previousEnd);
          previousEnd = p.end;
          assert.ok(p.suggestions.length <= 3, `${p.suggestions.length} suggestions`);
          assert.ok(p.message.includes(p.text), 'the message names the text');
        }
      }),
      fuzzParameters(),
    );
  });

  it('a valid ID spliced on its own line is found exactly where it was put (text and strict modes)', () => {
    const ids = catalog.events.map((e) => e.id);
    fc.assert(
      fc.property(hostileText(20), fc.constantFrom(...ids), hostileText(20), fc.constantFrom(...LANGUAGES.text, ...LANGUAGES.strict), fc.constantFrom('\n', '\r\n', '\r'), (before, id, after, languageId, eol) => {
        const text = `${before}${eol}${id} ${eol}${after}`;
        const start = before.length + eol.length;
        const found = findIds(text, languageId, catalog).find((f) => f.start === start);
        assert.ok(found && found.kind === 'event' && found.text === id, `${id} at ${start}`);
      }),
      fuzzParameters(),
    );
  });

  it('the lexer only stops early after the last ID: limited and full regions yield the same tokens', () => {
    fc.assert(
      fc.property(hostileText(), fc.constantFrom(...LANGUAGES.code), (text, languageId) => {
        const last = text.lastIndexOf('event_id.');
        const full = tokensOf(text, examinedRegions(text, languageId));
        const limited = tokensOf(text, examinedRegions(text, languageId, last + 1));
        assert.deepStrictEqual(limited, full);
      }),
      fuzzParameters(),
    );
  });

  it('lexRegions: sorted, non-overlapping, in-bounds [start, end) pairs in every code language', () => {
    fc.assert(
      fc.property(hostileText(), fc.constantFrom(...LANGUAGES.code), (text, languageId) => {
        const regions = examinedRegions(text, languageId);
        assert.strictEqual(regions.length % 2, 0);
        let previousEnd = 0;
        for (let i = 0; i < regions.length; i += 2) {
          const [start, end] = [regions[i], regions[i + 1]];
          assert.ok(previousEnd <= start && start <= end && end <= text.length, `region ${i / 2} [${start}, ${end}) after ${previousEnd}, length ${text.length}`);
          previousEnd = end;
        }
      }),
      fuzzParameters(),
    );
  });

  it('scanTokens: tokens inside [from, to), in order, made of ID characters, and none missed after a separator', () => {
    const input = hostileText().chain((text) =>
      fc.tuple(fc.constant(text), fc.nat({ max: text.length }), fc.nat({ max: text.length })).map(([t, a, b]) => ({ text: t, from: Math.min(a, b), to: Math.max(a, b) })),
    );
    fc.assert(
      fc.property(input, ({ text, from, to }) => {
        const out: number[] = [];
        scanTokens(text, from, to, out);
        const starts = new Set<number>();
        let previousEnd = from;
        for (let i = 0; i < out.length; i += 2) {
          const [start, end] = [out[i], out[i + 1]];
          assert.ok(previousEnd <= start && start < end && end <= to, `token [${start}, ${end}) in [${from}, ${to})`);
          assert.match(text.slice(start, end), TOKEN_TEXT);
          previousEnd = end;
          starts.add(start);
        }
        // Completeness: `event_id.` after a character that can neither continue a token nor a name starts a token.
        for (let at = text.indexOf('event_id.', from); at >= 0 && at + 8 < to; at = text.indexOf('event_id.', at + 1)) {
          if (at > 0 && /[A-Za-z0-9_.$@*%-]/.test(text[at - 1])) continue;
          assert.ok(starts.has(at), `event_id. at ${at} missed`);
        }
      }),
      fuzzParameters(),
    );
  });

  it('findingAt: the finding under an offset, or none when no finding contains it', () => {
    fc.assert(
      fc.property(hostileText(), fc.constantFrom(...ALL_LANGUAGES), fc.nat(), (text, languageId, n) => {
        const findings = findIds(text, languageId, catalog);
        const offset = n % (text.length + 1);
        const found = findingAt(findings, offset);
        const containing = findings.filter((f) => f.start <= offset && offset <= f.end);
        if (found) assert.ok(found.start <= offset && offset <= found.end);
        else assert.deepStrictEqual(containing, []);
      }),
      fuzzParameters(),
    );
  });

  it('completion context: never throws, the replaced span holds the cursor, candidates come from the catalog', () => {
    fc.assert(
      fc.property(hostileText(), fc.constantFrom(...ALL_LANGUAGES), fc.nat(), (text, languageId, n) => {
        const offset = n % (text.length + 1);
        const at = completionContext(text, offset, languageId);
        if (!at) return;
        assert.ok(at.start <= offset && offset <= at.end && at.end <= text.length, `[${at.start}, ${at.end}) around ${offset}`);
        assert.strictEqual(at.typed, text.slice(at.start, offset));
        for (const candidate of completionCandidates(catalog, at.typed)) {
          if (candidate.kind === 'event') assert.ok(catalog.get(candidate.event.id));
          else assert.ok(catalog.isNamespace(candidate.path));
        }
      }),
      fuzzParameters(),
    );
  });

  it('suggest: never throws, at most 3 distinct catalog IDs, the shorter list a prefix of the longer', () => {
    const token = fc.oneof(idLike, editText, fc.string({ unit: 'binary', maxLength: 60 }), fc.constantFrom(...UNICODE, ...SYNTAX), fc.string({ maxLength: 3000 }).map((s) => `event_id.${s}`));
    fc.assert(
      fc.property(token, (t) => {
        const three = suggest(t, catalog);
        assert.ok(three.length <= 3);
        assert.strictEqual(new Set(three).size, three.length);
        for (const id of three) assert.ok(catalog.get(id), `${id} is not in the catalog`);
        assert.deepStrictEqual(suggest(t, catalog, 1), three.slice(0, 1));
      }),
      fuzzParameters(),
    );
  });

  it('parseEventList: never throws on garbled Markdown; events are valid, unique, on real lines; a clean rendering parses back the same', () => {
    fc.assert(
      fc.property(fc.oneof(eventListMarkdown, hostileText()), (markdown) => {
        const lineCount = markdown.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/).length;
        const parsed = parseEventList(markdown);
        const ids = new Set<string>();
        for (const e of parsed.events) {
          assert.ok(isValidEventId(e.id), e.id);
          assert.ok(!ids.has(e.id), `duplicate ${e.id}`);
          ids.add(e.id);
          assert.ok(e.description.length > 0);
          assert.ok(e.line >= 1 && e.line <= lineCount, `line ${e.line} of ${lineCount}`);
        }
        for (const p of parsed.problems) assert.ok(p.line >= 0 && p.line <= lineCount && p.message.length > 0);
        if (parsed.events.length === 0) return;
        // Round trip: the events written as a clean list are read back identically, without problems.
        const rendered: string[] = [];
        let service: string | undefined;
        for (const e of parsed.events) {
          if (e.service !== service) {
            service = e.service;
            rendered.push(`### ${service}`, '', '| 이벤트 | 이벤트 ID |', '| --- | --- |');
          }
          rendered.push(`| ${e.description.replace(/\|/g, '\\|')} | ${e.id} |`);
        }
        const again = parseEventList(rendered.join('\n'));
        assert.deepStrictEqual(again.problems, []);
        assert.deepStrictEqual(
          again.events.map((e) => [e.id, e.description, e.service]),
          parsed.events.map((e) => [e.id, e.description, e.service]),
        );
      }),
      fuzzParameters(),
    );
  });

  it('parseUserCatalog: never throws on garbled JSON; entries are valid IDs, problems have lines', () => {
    const entry = fc.record(
      { id: fc.oneof(idLike, fc.anything()), description: fc.oneof(fc.string(), fc.anything()), service: fc.anything(), deprecated: fc.oneof(fc.boolean(), fc.string()) },
      { requiredKeys: [] },
    );
    const json = fc.oneof(
      fc.array(fc.oneof(entry, fc.anything())).map((events) => JSON.stringify({ events }, null, 2)),
      fc.jsonValue().map((v) => JSON.stringify(v)),
      fc.tuple(fc.array(entry).map((events) => JSON.stringify({ events })), fc.nat(), hostileText(4)).map(([s, n, junk]) => s.slice(0, n % (s.length + 1)) + junk),
      fc.nat({ max: 100_000 }).map((n) => '['.repeat(n)),
      hostileText(),
    );
    fc.assert(
      fc.property(json, (text) => {
        const lineCount = text.split(/\r\n|\r|\n/).length;
        const parsed = parseUserCatalog(text);
        for (const e of parsed.entries) assert.ok(isValidEventId(e.id), e.id);
        for (const p of parsed.problems) assert.ok(p.line >= 0 && p.line <= lineCount && p.message.length > 0, `line ${p.line} of ${lineCount}: ${p.message}`);
      }),
      fuzzParameters(),
    );
  });
});
