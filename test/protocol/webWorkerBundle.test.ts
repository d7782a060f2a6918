/**
 * The built web server (dist/web/server.js, run `npm run bundle` first) in a realm shaped like a
 * web worker: `self` with postMessage/onmessage, setTimeout, performance, TextEncoder, and none of Node's
 * globals (`setImmediate`, `process`, `require`, `__dirname`, `Buffer`). What esbuild cannot
 * report (a global missing in a worker) fails here, before a browser is started: the bundle must
 * load, answer initialize, publish diagnostics for a `vscode-test-web:` document (the diagnostics
 * scheduler's turns run on the runtime's timers) and answer hover, and read files only by asking
 * the client.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vm from 'node:vm';

const WEB_SERVER_BUNDLE = path.resolve(__dirname, '..', '..', '..', 'dist', 'web', 'server.js');

interface Message {
  jsonrpc: '2.0';
  id?: number | string;
  method?: string;
  params?: unknown;
  result?: unknown;
}

/** A worker-like realm running the bundle; messages the server posts are collected. */
function startWorker(answer: (message: Message) => unknown) {
  const posted: Message[] = [];
  const scope: Record<string, unknown> = {
    console: { log: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined },
    setTimeout,
    clearTimeout,
    setInterval,
    clearInterval,
    queueMicrotask,
    performance,
    TextEncoder,
    TextDecoder,
    URL,
    addEventListener: () => undefined,
    postMessage: (message: Message) => {
      posted.push(message);
      // A request from the server (it has an id and a method): the test client answers it.
      if (message.method !== undefined && message.id !== undefined) {
        setTimeout(() => deliver({ jsonrpc: '2.0', id: message.id, result: answer(message) ?? null }), 0);
      }
    },
  };
  scope.self = scope;
  const context = vm.createContext(scope);
  vm.runInContext(fs.readFileSync(WEB_SERVER_BUNDLE, 'utf8'), context, { filename: WEB_SERVER_BUNDLE });
  const deliver = (data: Message) => (scope.onmessage as (event: { data: Message }) => void)({ data });
  const waitFor = async <T>(what: string, find: () => T | undefined): Promise<T> => {
    for (let i = 0; i < 200; i++) {
      const found = find();
      if (found !== undefined) return found;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error(`no ${what}; the server posted ${posted.map((m) => m.method ?? `response ${m.id}`).join(', ')}`);
  };
  return { scope, posted, deliver, waitFor };
}

describe('the web server bundle in a worker-like realm (no Node globals)', function () {
  before(function () {
    if (!fs.existsSync(WEB_SERVER_BUNDLE)) throw new Error(`${WEB_SERVER_BUNDLE} is missing: run \`npm run bundle\` first`);
  });

  it('loads, answers initialize, publishes diagnostics, answers hover, and asks the client for files', async () => {
    const asked: Message[] = [];
    const worker = startWorker((message) => {
      asked.push(message);
      if (message.method === 'cloudtrailEvents/fs/readText') return { kind: 'notFound', skipped: 'does not exist' };
      if (message.method === 'cloudtrailEvents/fs/findFiles') return [];
      return null;
    });
    for (const name of ['setImmediate', 'process', 'require', '__dirname', 'Buffer']) assert.equal(name in worker.scope, false, `${name} is not in the realm`);

    const folder = 'vscode-test-web://mount';
    worker.deliver({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: folder, workspaceFolders: [{ uri: folder, name: 'mount' }], capabilities: {} } });
    const initialized = await worker.waitFor('initialize result', () => worker.posted.find((m) => m.id === 1 && m.result !== undefined));
    assert.ok((initialized.result as { capabilities: { hoverProvider?: boolean } }).capabilities.hoverProvider);
    worker.deliver({ jsonrpc: '2.0', method: 'initialized', params: {} });

    const uri = `${folder}/alerts.yaml`;
    worker.deliver({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'yaml', version: 1, text: 'on: event_id.iaas.instance.craete\n' } } });
    const published = await worker.waitFor('diagnostics', () =>
      worker.posted.find((m) => m.method === 'textDocument/publishDiagnostics' && (m.params as { uri: string }).uri === uri && (m.params as { diagnostics: unknown[] }).diagnostics.length > 0),
    );
    const [diagnostic] = (published.params as { diagnostics: { message: string }[] }).diagnostics;
    assert.match(diagnostic.message, /event_id\.iaas\.instance\.create/);

    worker.deliver({ jsonrpc: '2.0', id: 2, method: 'textDocument/hover', params: { textDocument: { uri }, position: { line: 0, character: 8 } } });
    await worker.waitFor('hover result', () => worker.posted.find((m) => m.id === 2 && m.result !== undefined));

    // The workspace's .cloudtrail-events.json and its files are asked of the client, by URI.
    await worker.waitFor('a file request', () => asked.find((m) => m.method === 'cloudtrailEvents/fs/readText' && (m.params as { uri: string }).uri === `${folder}/.cloudtrail-events.json`));
    await worker.waitFor('a file listing', () => asked.find((m) => m.method === 'cloudtrailEvents/fs/findFiles' && (m.params as { folderUri: string }).folderUri === folder));
  });
});
