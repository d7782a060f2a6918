/**
 * Model-based test of incremental sync: random didChange edits (inserts,
 * deletes, replacements across lines, CRLF and lone CR, several changes per
 * message, now and then a whole-text replacement) go to the real server, and
 * the client keeps its own model of the text (TextDocument.update, plus a plain
 * string edited by offsets as a cross-check). After each burst of messages the
 * diagnostics the server publishes must equal a from-scratch computation on the
 * model (core/problems.ts findProblems), and a hover on a known ID must cover
 * exactly that ID.
 *
 * MODEL_RUNS documents (default 100, about 4,000 changes in-band); over stdio
 * against dist/server.js a sixth of that. `MODEL_RUNS=2000` is the long run.
 */
import * as assert from 'assert';
import fc from 'fast-check';
import { Diagnostic, DiagnosticSeverity, TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { findIds } from '../../server/src/core/analyze';
import { builtinCatalog } from '../../server/src/core/builtin';
import { findProblems } from '../../server/src/core/problems';
import { editText, FUZZ_SEED } from '../fixtures/hostile/generators';
import { compact, TestClient } from './lspClient';

const RUNS = Math.max(1, Number(process.env.MODEL_RUNS) || 100);
const catalog = builtinCatalog();

/** One scan mode each, and lexers with interpolation, raw strings and heredocs. */
const LANGUAGES = ['typescript', 'python', 'go', 'ruby', 'csharp', 'yaml', 'markdown', 'plaintext', 'cobol'];

/** An edit before it meets a text: where (as fractions of the length) and what. */
interface AbstractChange {
  kind: 'insert' | 'delete' | 'replace' | 'span' | 'whole';
  at: number;
  length: number;
  text: string;
}

const change: fc.Arbitrary<AbstractChange> = fc.record({
  kind: fc.oneof(
    { weight: 5, arbitrary: fc.constant('insert' as const) },
    { weight: 3, arbitrary: fc.constant('delete' as const) },
    { weight: 4, arbitrary: fc.constant('replace' as const) },
    // A range across many lines.
    { weight: 1, arbitrary: fc.constant('span' as const) },
    // A change without a range: the whole text.
    { weight: 1, arbitrary: fc.constant('whole' as const) },
  ),
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  length: fc.nat({ max: 30 }),
  text: editText,
});

interface Scenario {
  languageId: string;
  initial: string;
  /** Bursts of messages; each message holds one or more changes. */
  bursts: AbstractChange[][][];
}

const scenario: fc.Arbitrary<Scenario> = fc.record({
  languageId: fc.constantFrom(...LANGUAGES),
  initial: fc.array(editText, { maxLength: 12 }).map((parts) => parts.join('')),
  bursts: fc.array(fc.array(fc.array(change, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 10 }),
});

/** LSP positions cannot point between \r and \n: such an offset means the one before the \r. */
const snap = (text: string, offset: number) => (offset > 0 && text[offset - 1] === '\r' && text[offset] === '\n' ? offset - 1 : offset);

/** Turns an abstract change into a content change for `model`, and applies it to the plain-string mirror. */
function concretize(c: AbstractChange, model: TextDocument, mirror: string): { event: TextDocumentContentChangeEvent; mirror: string } {
  if (c.kind === 'whole') return { event: { text: c.text }, mirror: c.text };
  const length = mirror.length;
  const start = snap(mirror, Math.floor(c.at * length));
  const extent = c.kind === 'insert' ? 0 : c.kind === 'span' ? Math.floor(length / 2) : c.length;
  const end = snap(mirror, Math.min(length, start + extent));
  const text = c.kind === 'delete' ? '' : c.text;
  const range = { start: model.positionAt(start), end: model.positionAt(end) };
  return { event: { range, text }, mirror: mirror.slice(0, start) + text + mirror.slice(end) };
}

const BINARY = /looks binary/;

/**
 * What the server must publish for `document`: problems computed from scratch, positions at the edge,
 * less an ID still being typed (ending where the last change ended, and still the start of an ID);
 * for a NUL in the first 8 KB, the one note that the file looks binary (its message is checked apart).
 */
function expectedDiagnostics(document: TextDocument, typingAt: number | undefined) {
  const text = document.getText();
  if (text.slice(0, 8192).includes('\0')) {
    return [{ range: [0, 0, 0, 0], code: 'file-not-checked', message: 'looks binary', severity: DiagnosticSeverity.Information, suggestions: undefined }];
  }
  const problems = findProblems(text, document.languageId, catalog);
  const typing = problems.findIndex((p) => p.end === typingAt && p.code === 'unknown-event-id' && catalog.hasIdStartingWith(p.text));
  if (typing >= 0) problems.splice(typing, 1);
  return problems.map((p) => ({
    range: compact({ start: document.positionAt(p.start), end: document.positionAt(p.end) }),
    code: p.code,
    message: p.message,
    severity: p.informational ? DiagnosticSeverity.Information : DiagnosticSeverity.Warning,
    suggestions: p.suggestions,
  }));
}

const publishedDiagnostics = (diagnostics: Diagnostic[]) =>
  diagnostics.map((d) => ({
    range: compact(d.range),
    code: d.code,
    message: d.code === 'file-not-checked' && BINARY.test(d.message) ? 'looks binary' : d.message,
    severity: d.severity,
    suggestions: (d.data as { suggestions?: string[] } | undefined)?.suggestions,
  }));

let documentCounter = 0;

/** Plays `runs` scenarios against `client`; returns how many changes and messages were sent. */
async function play(client: TestClient, runs: number, label: string) {
  let changes = 0;
  let messages = 0;
  let checks = 0;
  await fc.assert(
    fc.asyncProperty(scenario, async ({ languageId, initial, bursts }) => {
      const uri = `file:///model/${label}-${++documentCounter}.txt`;
      let model = TextDocument.create(uri, languageId, 1, initial);
      let mirror = initial;
      let typingAt: number | undefined;
      await client.open(uri, languageId, initial);
      try {
        for (const burst of bursts) {
          for (const message of burst) {
            const events: TextDocumentContentChangeEvent[] = [];
            for (const c of message) {
              // Later changes of a message refer to the text after the earlier ones.
              const concrete = concretize(c, model, mirror);
              model = TextDocument.update(model, [concrete.event], model.version + 1);
              mirror = concrete.mirror;
              assert.strictEqual(model.getText(), mirror, 'the range addressed exactly the intended offsets');
              events.push(concrete.event);
            }
            await client.changes(uri, events);
            changes += events.length;
            messages++;
            // Where the server sees the last edit end: after the text of the message's last ranged change.
            const last = events[events.length - 1];
            typingAt = 'range' in last ? model.offsetAt(model.positionAt(model.offsetAt(last.range.start) + last.text.length)) : undefined;
          }
          const published = await client.diagnostics(uri);
          assert.deepStrictEqual(publishedDiagnostics(published), expectedDiagnostics(model, typingAt), `diagnostics after ${messages} messages, text ${JSON.stringify(model.getText())}`);
          // A file that looks binary is not analysed: no hover there.
          const binary = model.getText().slice(0, 8192).includes('\0');
          const known = binary ? [] : findIds(model.getText(), languageId, catalog).filter((f) => f.kind === 'event');
          if (known.length > 0) {
            const target = known[checks % known.length];
            const hover = await client.hover(uri, model.positionAt(target.start + 1));
            assert.ok(hover?.range, `hover on ${target.text}`);
            assert.deepStrictEqual(compact(hover.range), compact({ start: model.positionAt(target.start), end: model.positionAt(target.end) }));
          }
          checks++;
        }
      } finally {
        await client.close(uri);
      }
    }),
    { numRuns: runs, ...(FUZZ_SEED === undefined ? {} : { seed: FUZZ_SEED }) },
  );
  console.log(`      ${label}: ${runs} documents, ${messages} didChange messages, ${changes} changes, ${checks} diagnostics checks`);
  return { changes, messages };
}

describe('incremental sync: the server agrees with a model of the text after thousands of random edits', function () {
  this.timeout(Math.max(120_000, RUNS * 2_000));

  it('in-band', async () => {
    const client = TestClient.inBand();
    await client.initialize({}, { uiLanguage: 'en' });
    try {
      const { changes } = await play(client, RUNS, 'in-band');
      if (RUNS >= 100) assert.ok(changes >= 2000, `only ${changes} changes`);
    } finally {
      await client.dispose();
    }
  });

  it('over stdio against dist/server.js', async () => {
    const client = TestClient.stdio();
    await client.initialize({}, { uiLanguage: 'en' });
    try {
      await play(client, Math.max(1, Math.round(RUNS / 6)), 'stdio');
      assert.strictEqual(client.serverProcess?.exitCode, null, 'the server is still running');
    } finally {
      await client.dispose();
    }
  });
});
