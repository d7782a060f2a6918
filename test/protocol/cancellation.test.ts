/**
 * Requests the client cancels ($/cancelRequest): before the server reads them,
 * while it works, after it answered, for IDs it never saw, in bursts mixed with
 * edits, and while a big file is analysed. The server must not crash, must
 * answer each cancelled request at most once (a result or RequestCancelled),
 * and must answer later requests correctly. In-band and over stdio.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import {
  CancellationTokenSource,
  CompletionList,
  CompletionRequest,
  Hover,
  HoverRequest,
  LSPErrorCodes,
  MarkupContent,
  ResponseError,
} from 'vscode-languageserver-protocol';
import { builtinCatalog } from '../../server/src/core/builtin';
import { findProblems } from '../../server/src/core/problems';
import { minifiedJs } from '../fixtures/hostile/generators';
import { cursor, positionAt, SERVER_BUNDLE, TestClient } from './lspClient';

const MARKED = 'const a = "event_id.iaas.instance.create";\nconst b = "event_id.iaas.inst|";\n';
const { text: TEXT, offset: CURSOR } = cursor(MARKED);
const COMPLETE_AT = positionAt(TEXT, CURSOR);
const HOVER_AT = positionAt(TEXT, TEXT.indexOf('instance.create'));

/** The outcome of a cancelled request: its result, or the RequestCancelled error; any other error fails. */
async function settle<T>(request: Promise<T>): Promise<T | 'cancelled'> {
  try {
    return await request;
  } catch (error) {
    assert.ok(error instanceof ResponseError && error.code === LSPErrorCodes.RequestCancelled, `unexpected error: ${error}`);
    return 'cancelled';
  }
}

const TRANSPORTS: Array<{ name: string; create: () => TestClient }> = [
  { name: 'in-band', create: () => TestClient.inBand() },
  { name: 'stdio (dist/server.js)', create: () => TestClient.stdio() },
];

for (const transport of TRANSPORTS) {
  describe(`cancelled requests (${transport.name})`, function () {
    this.timeout(60_000);
    let client: TestClient;
    let counter = 0;
    const uri = () => `file:///cancel/${transport.name.split(' ')[0]}-${++counter}.ts`;

    before(async () => {
      if (transport.name.startsWith('stdio')) assert.ok(fs.existsSync(SERVER_BUNDLE), `${SERVER_BUNDLE} is missing: run npm run build`);
      client = transport.create();
      await client.initialize({}, { uiLanguage: 'en' });
    });
    after(() => client.dispose());

    const completion = (target: string, token = new CancellationTokenSource().token) =>
      client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: target }, position: COMPLETE_AT }, token) as Promise<CompletionList | null>;
    const hover = (target: string, token = new CancellationTokenSource().token) =>
      client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: target }, position: HOVER_AT }, token) as Promise<Hover | null>;

    /** Completion and hover on a fresh file answer as if nothing had been cancelled. */
    async function assertServes(): Promise<void> {
      if (client.serverProcess) assert.strictEqual(client.serverProcess.exitCode, null, 'the server process is running');
      const target = uri();
      await client.open(target, 'typescript', TEXT);
      const list = await completion(target);
      assert.ok(list?.items.some((i) => i.label === 'event_id.iaas.instance.create'));
      const result = await hover(target);
      assert.match((result?.contents as MarkupContent).value, /인스턴스 생성/);
    }

    it('cancelled at once: completion and hover settle, later requests answer', async () => {
      const target = uri();
      await client.open(target, 'typescript', TEXT);
      const source = new CancellationTokenSource();
      const pending = [settle<unknown>(completion(target, source.token)), settle<unknown>(hover(target, source.token))];
      source.cancel();
      const outcomes = await Promise.all(pending);
      console.log(`      outcomes: ${outcomes.map((o) => (o === 'cancelled' ? 'RequestCancelled' : 'result')).join(', ')}`);
      await assertServes();
    });

    it('cancelled after the answer arrived, and a cancel for an ID never sent: no effect', async () => {
      const target = uri();
      await client.open(target, 'typescript', TEXT);
      const source = new CancellationTokenSource();
      const list = await completion(target, source.token);
      assert.ok(list);
      source.cancel();
      await client.connection.sendNotification('$/cancelRequest', { id: 987654321 });
      await client.connection.sendNotification('$/cancelRequest', { id: 'not-a-request' });
      await assertServes();
    });

    it('200 requests cancelled at random moments, mixed with edits: diagnostics and answers stay right', async () => {
      const target = uri();
      await client.open(target, 'typescript', TEXT);
      const pending: Promise<unknown>[] = [];
      let expectedText = TEXT;
      let random = 42;
      const next = () => (random = (random * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
      for (let i = 0; i < 200; i++) {
        const source = new CancellationTokenSource();
        pending.push(settle<unknown>(i % 2 ? completion(target, source.token) : hover(target, source.token)));
        if (i % 10 === 0) {
          const line = `// ${i} event_id.iaas.instnace.create\n`;
          await client.change(target, { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, line);
          expectedText = TEXT + line + expectedText.slice(TEXT.length);
        }
        if (next() < 0.5) source.cancel();
        else setTimeout(() => source.cancel(), Math.floor(next() * 5));
      }
      const outcomes = await Promise.all(pending);
      const cancelled = outcomes.filter((o) => o === 'cancelled').length;
      console.log(`      200 requests: ${cancelled} answered RequestCancelled, ${200 - cancelled} with a result`);
      const expected = findProblems(expectedText, 'typescript', builtinCatalog()).map((p) => p.message);
      assert.strictEqual(expected.filter((m) => m.includes('instnace')).length, 20);
      const diagnostics = await client.diagnostics(target, (ds) => ds.length === expected.length);
      assert.deepStrictEqual(diagnostics.map((d) => d.message), expected);
      await assertServes();
    });

    it('cancelled while a 5 MB file is analysed: the big file still gets its diagnostics', async () => {
      const big = uri().replace('.ts', '.min.js');
      const text = minifiedJs(5_000_000);
      await client.open(big, 'javascript', text);
      const sources = Array.from({ length: 20 }, () => new CancellationTokenSource());
      const pending = sources.map((source, i) => settle<unknown>(i % 2 ? completion(big, source.token) : hover(big, source.token)));
      for (const source of sources) source.cancel();
      await Promise.all(pending);
      const diagnostics = await client.diagnostics(big, (ds) => ds.length > 0, 30_000);
      assert.ok(diagnostics.every((d) => d.code === 'unknown-event-id'));
      await client.close(big);
      await assertServes();
    });
  });
}
