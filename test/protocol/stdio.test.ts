/**
 * The built bundle over stdio, as Neovim, Helix or Emacs run it:
 * `node dist/server.js --stdio`. Run `npm run build` first.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import { MarkupContent, TextEdit } from 'vscode-languageserver-protocol';
import { compact, SERVER_BUNDLE, TestClient } from './lspClient';

describe('built server over stdio (dist/server.js --stdio)', function () {
  let client: TestClient;
  before(async function () {
    assert.ok(fs.existsSync(SERVER_BUNDLE), `${SERVER_BUNDLE} is missing: run npm run build`);
    client = TestClient.stdio();
    const result = await client.initialize();
    assert.strictEqual(result.serverInfo?.name, 'cloudtrail-events-language-server');
    assert.deepStrictEqual(result.capabilities.completionProvider?.triggerCharacters, ['.', '"', "'", '`']);
  });
  after(() => client.dispose());

  it('publishes a diagnostic with a suggestion, then clears it after an incremental fix', async () => {
    const uri = 'file:///stdio/handler.py';
    await client.open(uri, 'python', 'EVENTS = {\n    "event_id.iaas.instnace.create": on_create,\n}\nif event_id.lower(): pass\n');
    const [d] = await client.diagnostics(uri, (ds) => ds.length === 1);
    assert.deepStrictEqual(compact(d.range), [1, 5, 1, 34]);
    assert.match(d.message, /Did you mean 'event_id\.iaas\.instance\.create'\?/);
    const [action] = await client.codeActions(uri, d.range, [d]);
    const [edit] = action.edit!.changes![uri];
    await client.change(uri, edit.range, edit.newText);
    assert.deepStrictEqual(await client.diagnostics(uri, (ds) => ds.length === 0), []);
  });

  it('completes and hovers in YAML', async () => {
    const uri = 'file:///stdio/alerts.yaml';
    await client.open(uri, 'yaml', 'rules:\n  - event: event_id.backup.\n');
    const services = await client.completion(uri, { line: 1, character: 27 });
    assert.ok(services!.items.some((i) => i.label === 'event_id.backup.client.'), 'the next level of the namespace');
    await client.change(uri, { start: { line: 1, character: 27 }, end: { line: 1, character: 27 } }, 'client.');
    const list = await client.completion(uri, { line: 1, character: 34 });
    const item = list!.items.find((i) => i.label === 'event_id.backup.client.register');
    assert.strictEqual(item?.detail, '백업 서버 등록');
    // This client declares no itemDefaults: the edit is of the word at the cursor (empty after the `.`).
    const edit = item!.textEdit as TextEdit;
    assert.deepStrictEqual([compact(edit.range), edit.newText], [[1, 34, 1, 34], 'register']);
    await client.change(uri, edit.range, edit.newText);
    const hover = await client.hover(uri, { line: 1, character: 20 });
    assert.match((hover!.contents as MarkupContent).value, /\*\*백업 서버 등록\*\*/);
  });
});
