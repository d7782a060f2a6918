/**
 * The server as editors other than VS Code use it, each client declaring what
 * its editor declares: word-at-cursor completion (eglot, Neovim, ALE, Helix),
 * quick fixes for diagnostics sent back bare (ALE), plain-text hovers (ALE),
 * no dynamic registration unless offered, and a client that refuses one.
 * test/editors/ drives the real editors; this checks the protocol exactly.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import { ClientCapabilities, CompletionItem, Diagnostic, MarkupContent, MarkupKind, TextEdit } from 'vscode-languageserver-protocol';
import { cursor, positionAt, SERVER_BUNDLE, TestClient } from './lspClient';

let uriCounter = 0;
const uriFor = (ext: string) => `file:///work/editors-${++uriCounter}.${ext}`;

/** Applies one single-line TextEdit. */
function apply(text: string, edit: TextEdit): string {
  const start = text.split('\n').slice(0, edit.range.start.line).reduce((n, l) => n + l.length + 1, 0);
  return text.slice(0, start + edit.range.start.character) + edit.newText + text.slice(start + edit.range.end.character);
}

/** What Vim's ALE 3.3 declares (autoload/ale/lsp.vim): no dynamic registration, plain text only, no configuration requests. */
const ALE: ClientCapabilities = {
  workspace: { applyEdit: false, didChangeConfiguration: { dynamicRegistration: false }, workspaceFolders: false, configuration: false },
  textDocument: {
    completion: { dynamicRegistration: false, completionItem: { snippetSupport: false, documentationFormat: [MarkupKind.PlainText] }, contextSupport: false },
    hover: { dynamicRegistration: false, contentFormat: [MarkupKind.PlainText] },
    codeAction: { dynamicRegistration: false, codeActionLiteralSupport: { codeActionKind: { valueSet: [] } } },
  },
};

/** What eglot 1.9 (Emacs 28) declares about registration: configuration requests, but no dynamic registration. */
const EGLOT: ClientCapabilities = {
  workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: false }, didChangeWatchedFiles: { dynamicRegistration: false } },
  textDocument: { hover: { contentFormat: [MarkupKind.Markdown, MarkupKind.PlainText] } },
};

describe('other editors\' clients', () => {
  describe('completion edits the word at the cursor', () => {
    let client: TestClient;
    before(async () => {
      client = TestClient.inBand();
      await client.initializeAs(ALE);
    });
    after(() => client.dispose());

    const cases: Array<{ name: string; languageId: string; marked: string; label: string; newText: string; result: string }> = [
      { name: 'after `"event_id.iaas.`: the next level, inserted at the cursor', languageId: 'python', marked: 'x = "event_id.iaas.|"', label: 'event_id.iaas.instance.', newText: 'instance.', result: 'x = "event_id.iaas.instance."' },
      { name: 'after a partial segment `instance.cr`: the segment completed', languageId: 'python', marked: 'x = "event_id.iaas.instance.cr|"', label: 'event_id.iaas.instance.create', newText: 'create', result: 'x = "event_id.iaas.instance.create"' },
      { name: 'a `-` ends a word too (`apply-ca`)', languageId: 'yaml', marked: 'on: event_id.market_place.apply-ca|', label: 'event_id.market_place.apply-cancel', newText: 'cancel', result: 'on: event_id.market_place.apply-cancel' },
      { name: 'a namespace item: its path and the dot', languageId: 'yaml', marked: 'on: event_id.iaas.instance_a|', label: 'event_id.iaas.instance_action.', newText: 'instance_action.', result: 'on: event_id.iaas.instance_action.' },
      { name: 'in the middle of a segment: the word and the rest of the token replaced', languageId: 'python', marked: 'x = "event_id.iaas.ins|tance.creat"', label: 'event_id.iaas.instance.create', newText: 'instance.create', result: 'x = "event_id.iaas.instance.create"' },
      { name: 'bare `event_id`: the whole token is the word', languageId: 'yaml', marked: 'filter: event_id|', label: 'event_id.iaas.', newText: 'event_id.iaas.', result: 'filter: event_id.iaas.' },
      { name: 'a typo in the namespace: the whole token replaced, for fuzzy clients', languageId: 'python', marked: 'x = "event_id.iaaz.instance.cr|"', label: 'event_id.iaas.instance.create', newText: 'event_id.iaas.instance.create', result: 'x = "event_id.iaas.instance.create"' },
    ];
    for (const c of cases) {
      it(c.name, async () => {
        const { text, offset } = cursor(c.marked);
        const uri = uriFor('txt');
        await client.open(uri, c.languageId, text);
        const list = await client.completion(uri, positionAt(text, offset));
        const item = list?.items.find((i) => i.label === c.label);
        assert.ok(item, `${c.label} offered`);
        const edit = item.textEdit as TextEdit;
        assert.strictEqual(edit.newText, c.newText);
        assert.strictEqual(apply(text, edit), c.result);
        // Filtering by the word before the cursor: what eglot, ALE and Neovim compare with it starts with it.
        const word = /\w*$/.exec(text.slice(0, offset))![0];
        assert.ok((item.filterText ?? item.label).startsWith(word) || c.newText === c.label, `${item.filterText} starts with ${word}`);
        assert.strictEqual(item.insertText ?? item.label, item.filterText ?? item.label);
        assert.strictEqual(item.command, undefined, 'no VS Code-only command');
      });
    }

    it('every item after `instance.cr` that continues the token starts with the word `cr`', async () => {
      const { text, offset } = cursor('x = "event_id.iaas.instance.cr|"');
      const uri = uriFor('py');
      await client.open(uri, 'python', text);
      const items = (await client.completion(uri, positionAt(text, offset)))!.items;
      const continuing = items.filter((i: CompletionItem) => (i.label as string).startsWith('event_id.iaas.instance.'));
      assert.ok(continuing.length >= 2);
      for (const item of continuing) assert.strictEqual((item.textEdit as TextEdit).newText, item.label.slice('event_id.iaas.instance.'.length));
    });
  });

  describe('quick fixes and hovers for ALE', () => {
    let client: TestClient;
    before(async () => {
      client = TestClient.inBand();
      await client.initializeAs(ALE);
    });
    after(() => client.dispose());

    it('a diagnostic sent back with only range, message and code gets the same fixes as with its data', async () => {
      const uri = uriFor('ts');
      const text = 'on("event_id.iaas.instnace.create", handler);\n';
      await client.open(uri, 'typescript', text);
      const [published] = await client.diagnostics(uri, (ds) => ds.length === 1);
      const bare: Diagnostic = { range: published.range, message: published.message, code: published.code };
      const withData = await client.codeActions(uri, published.range, [published]);
      const fromBare = await client.codeActions(uri, published.range, [bare]);
      assert.ok(withData.length >= 1);
      assert.deepStrictEqual(
        fromBare.map((a) => [a.title, a.isPreferred, a.edit]),
        withData.map((a) => [a.title, a.isPreferred, a.edit]),
      );
      assert.strictEqual(apply(text, fromBare[0].edit!.changes![uri][0]), 'on("event_id.iaas.instance.create", handler);\n');
    });

    it('a bare diagnostic that no longer matches the document (another range) gets no fix', async () => {
      const uri = uriFor('ts');
      const text = 'on("event_id.iaas.instnace.create", handler);\n';
      await client.open(uri, 'typescript', text);
      const [published] = await client.diagnostics(uri, (ds) => ds.length === 1);
      const shifted = { ...published.range, start: { line: 0, character: 5 } };
      assert.deepStrictEqual(await client.codeActions(uri, shifted, [{ range: shifted, message: published.message, code: published.code }]), []);
    });

    it('no diagnostic of ours in the request (ALE with the cursor inside a word): the fixes of what the range touches', async () => {
      const uri = uriFor('ts');
      const text = 'on("event_id.iaas.instnace.create", handler);\non("event_id.iaas.instance.create", handler);\n';
      await client.open(uri, 'typescript', text);
      const [published] = await client.diagnostics(uri, (ds) => ds.length === 1);
      const withData = await client.codeActions(uri, published.range, [published]);
      const inWord = { start: { line: 0, character: 20 }, end: { line: 0, character: 28 } };
      const fromRange = await client.codeActions(uri, inWord, []);
      assert.deepStrictEqual(fromRange.map((a) => [a.title, a.isPreferred, a.edit]), withData.map((a) => [a.title, a.isPreferred, a.edit]));
      const otherTool = await client.codeActions(uri, inWord, [{ range: inWord, message: 'x', code: 'other', source: 'eslint' }]);
      assert.deepStrictEqual(otherTool.map((a) => a.title), withData.map((a) => a.title));
      const onValidId = { start: { line: 1, character: 20 }, end: { line: 1, character: 20 } };
      assert.deepStrictEqual(await client.codeActions(uri, onValidId, []), [], 'nothing on a valid ID');
    });

    it('hover in plain text: description, service and ID on their own lines, no Markdown', async () => {
      const { text, offset } = cursor('id := "event_id.iaas.volume.at|tach"');
      const uri = uriFor('go');
      await client.open(uri, 'go', text);
      const hover = await client.hover(uri, positionAt(text, offset));
      const contents = hover!.contents as MarkupContent;
      assert.strictEqual(contents.kind, MarkupKind.PlainText);
      const lines = contents.value.split('\n');
      assert.deepStrictEqual(lines.slice(0, 3), ['인스턴스 블록 스토리지 연결', 'Attach Instance Block Storage (English)', 'Service: 기본 인프라 서비스 (Default Infrastructure Service)']);
      assert.ok(lines.includes('event_id.iaas.volume.attach'), lines.join('\n'));
      assert.doesNotMatch(contents.value, /[*`_]{2}|`/);
    });

    it('no fixes from the range when diagnostics are turned off', async () => {
      const quiet = TestClient.inBand();
      await quiet.initializeAs(ALE);
      await quiet.setSettings({ diagnostics: { severity: 'off' } });
      const uri = uriFor('ts');
      await quiet.open(uri, 'typescript', 'on("event_id.iaas.instnace.create", handler);\n');
      await quiet.diagnostics(uri);
      assert.deepStrictEqual(await quiet.codeActions(uri, { start: { line: 0, character: 20 }, end: { line: 0, character: 20 } }, []), []);
      quiet.dispose();
    });

    it('asks for no registration when none is offered', async () => {
      assert.deepStrictEqual(client.registrations, []);
    });
  });

  describe('dynamic registration', () => {
    it('eglot 1.9 (configuration requests, no dynamic registration): none asked for, settings still pulled', async () => {
      const client = TestClient.inBand();
      await client.initializeAs(EGLOT);
      const uri = uriFor('yaml');
      await client.open(uri, 'yaml', 'on: event_id.iaas.instnace.create\n');
      assert.strictEqual((await client.diagnostics(uri, (ds) => ds.length === 1)).length, 1);
      assert.deepStrictEqual(client.registrations, []);
      client.dispose();
    });

    it('a client that answers the registration with an error leaves the server running and serving', async function () {
      assert.ok(fs.existsSync(SERVER_BUNDLE), `${SERVER_BUNDLE} is missing: run npm run build`);
      const client = TestClient.stdio();
      client.refuseRegistrations = true;
      try {
        await client.initialize();
        const uri = 'file:///stdio/refused.yaml';
        await client.open(uri, 'yaml', 'on: event_id.iaas.instnace.create\n');
        await client.diagnostics(uri, (ds) => ds.length === 1);
        assert.ok(client.registrations.length >= 1, 'the registration was asked for (and refused)');
        const hover = await client.hover(uri, { line: 0, character: 6 });
        assert.strictEqual(hover, null, 'still answering (an unknown ID has no hover)');
        await client.change(uri, { start: { line: 0, character: 22 }, end: { line: 0, character: 24 } }, 'an');
        assert.match(((await client.hover(uri, { line: 0, character: 6 }))!.contents as MarkupContent).value, /인스턴스 생성/);
        assert.strictEqual(client.serverProcess!.exitCode, null, 'the server process is alive');
        assert.ok(client.logs.some((l) => /refused/.test(l)), 'the refusal is logged');
      } finally {
        await client.dispose();
      }
    });
  });
});
