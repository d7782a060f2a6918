/**
 * The server's features through a real LSP client, in-band over streams:
 * initialize -> didOpen -> incremental didChange -> completion / hover /
 * publishDiagnostics / codeAction, in many languages and formats.
 */
import * as assert from 'assert';
import { CompletionItem, CompletionItemKind, DiagnosticSeverity, MarkupContent, Range, TextEdit } from 'vscode-languageserver-protocol';
import { builtinCatalog } from '../../server/src/core/builtin';
import { compact, cursor, positionAt, TestClient } from './lspClient';

let uriCounter = 0;
const uriFor = (ext: string) => `file:///work/protocol-${++uriCounter}.${ext}`;

/** Applies one TextEdit to text (single-line ranges are enough here). */
function apply(text: string, edit: TextEdit): string {
  const lines = text.split('\n');
  const { start, end } = edit.range;
  const startOffset = lines.slice(0, start.line).reduce((n, l) => n + l.length + 1, 0) + start.character;
  const endOffset = lines.slice(0, end.line).reduce((n, l) => n + l.length + 1, 0) + end.character;
  return text.slice(0, startOffset) + edit.newText + text.slice(endOffset);
}

describe('language server over LSP (in-band)', () => {
  let client: TestClient;
  before(async () => {
    client = TestClient.inBand();
    await client.initialize({}, { uiLanguage: 'en' });
  });
  after(() => client.dispose());

  describe('diagnostics: exactly the typos, in every kind of file', () => {
    const cases: Array<{ name: string; languageId: string; ext: string; text: string; expected: string[] }> = [
      { name: 'python: typo in a string, none on event_id.lower()', languageId: 'python', ext: 'py', text: 'if event_id.lower() == "event_id.iaas.instnace.create":\n    pass\n', expected: ['event_id.iaas.instnace.create'] },
      { name: 'python f-string prefix is a filter', languageId: 'python', ext: 'py', text: 'x = f"event_id.iaas.volume.{action}"\n', expected: [] },
      { name: 'typescript template literal and comment', languageId: 'typescript', ext: 'ts', text: 'const a = `event_id.iaas.${kind}.create`; // event_id.iaas.keypar.create\n', expected: ['event_id.iaas.keypar.create'] },
      { name: 'go back-quoted string', languageId: 'go', ext: 'go', text: 'var q = `event_id.iaas.volume.atach`\nvar ok = "event_id.iaas.volume.attach"\n', expected: ['event_id.iaas.volume.atach'] },
      { name: 'java string', languageId: 'java', ext: 'java', text: 'String id = "event_id.iaas.image.create_idd"; String e = event_id.trim();\n', expected: ['event_id.iaas.image.create_idd'] },
      { name: 'rust raw string', languageId: 'rust', ext: 'rs', text: 'let s = r#"event_id.org.member.ad"#;\n', expected: ['event_id.org.member.ad'] },
      { name: 'yaml unquoted value', languageId: 'yaml', ext: 'yaml', text: 'filters:\n  - event_id.iaas.instance.*\n  - event_id.iaas.instance_action.rebot\n', expected: ['event_id.iaas.instance_action.rebot'] },
      { name: 'json dashboard', languageId: 'json', ext: 'json', text: '{"events": ["event_id.project.member.invite", "event_id.project.memebr.invite"]}\n', expected: ['event_id.project.memebr.invite'] },
      { name: 'markdown prose ending a sentence', languageId: 'markdown', ext: 'md', text: 'Use event_id.iaas.instance.create. Not event_id.iaas.instance.creat.\n', expected: ['event_id.iaas.instance.creat'] },
      { name: 'shell: $event_id.jsonl is a variable', languageId: 'shellscript', ext: 'sh', text: 'grep event_id.backup.client.regster $event_id.jsonl\n', expected: ['event_id.backup.client.regster'] },
      { name: 'sql LIKE prefix and a typo', languageId: 'sql', ext: 'sql', text: "SELECT * FROM audit WHERE event_id LIKE 'event_id.iaas.instance.%' OR event_id = 'event_id.iaas.nodegroup.create_end';\n", expected: ['event_id.iaas.nodegroup.create_end'] },
      { name: 'toml', languageId: 'toml', ext: 'toml', text: '[alert]\nevent = "event_id.cloud_trail.set_log_save_download_confg"\n', expected: ['event_id.cloud_trail.set_log_save_download_confg'] },
      { name: 'correct file: nothing at all', languageId: 'csharp', ext: 'cs', text: 'var ids = new[] { "event_id.iaas.instance.create", @"event_id.org.update", $"event_id.iaas.{r}.delete" };\n', expected: [] },
    ];
    for (const c of cases) {
      it(c.name, async () => {
        const uri = uriFor(c.ext);
        await client.open(uri, c.languageId, c.text);
        const diagnostics = await client.diagnostics(uri);
        assert.deepStrictEqual(
          diagnostics.map((d) => c.text.split('\n')[d.range.start.line].slice(d.range.start.character, d.range.end.character)),
          c.expected,
        );
        for (const d of diagnostics) {
          assert.strictEqual(d.source, 'cloudtrail-events');
          assert.strictEqual(d.code, 'unknown-event-id');
          assert.strictEqual(d.severity, DiagnosticSeverity.Warning);
        }
      });
    }

    it('message names the unknown ID and the suggestion', async () => {
      const uri = uriFor('yaml');
      await client.open(uri, 'yaml', 'id: event_id.iaas.instnace.create\n');
      const [d] = await client.diagnostics(uri, (ds) => ds.length > 0);
      assert.strictEqual(d.message, "Unknown CloudTrail event ID 'event_id.iaas.instnace.create'. Did you mean 'event_id.iaas.instance.create'?");
      assert.deepStrictEqual(compact(d.range), [0, 4, 0, 33]);
    });

    it('suppression comments silence a line and a file', async () => {
      const uri = uriFor('py');
      await client.open(uri, 'python', '# cloudtrail-events-disable-next-line\na = "event_id.iaas.instnace.create"\nb = "event_id.iaas.instnace.delete"\n');
      const diagnostics = await client.diagnostics(uri);
      assert.deepStrictEqual(diagnostics.map((d) => d.range.start.line), [2]);
    });
  });

  describe('incremental changes', () => {
    it('diagnostics follow edits: introduce and then repair a typo', async () => {
      const uri = uriFor('ts');
      const text = 'const id = "event_id.iaas.instance.create";\n';
      await client.open(uri, 'typescript', text);
      assert.deepStrictEqual(await client.diagnostics(uri), []);
      // Delete the "n" of "instance": event_id.iaas.istance.create
      const at = positionAt(text, text.indexOf('nstance'));
      await client.change(uri, { start: at, end: { line: at.line, character: at.character + 1 } }, '');
      const [d] = await client.diagnostics(uri, (ds) => ds.length === 1);
      assert.match(d.message, /'event_id\.iaas\.istance\.create'.*Did you mean 'event_id\.iaas\.instance\.create'/);
      await client.change(uri, { start: at, end: at }, 'n');
      assert.deepStrictEqual(await client.diagnostics(uri, (ds) => ds.length === 0), []);
    });

    it('a burst of edits is coalesced and ends on the final text', async () => {
      const uri = uriFor('yaml');
      await client.open(uri, 'yaml', 'a: \n');
      const typed = 'event_id.iaas.volume.atach';
      for (let i = 0; i < typed.length; i++) await client.change(uri, { start: { line: 0, character: 3 + i }, end: { line: 0, character: 3 + i } }, typed[i]);
      const diagnostics = await client.diagnostics(uri, (ds) => ds.length === 1);
      assert.deepStrictEqual(compact(diagnostics[0].range), [0, 3, 0, 3 + typed.length]);
    });
  });

  describe('completion', () => {
    async function complete(languageId: string, ext: string, marked: string) {
      const { text, offset } = cursor(marked);
      const uri = uriFor(ext);
      await client.open(uri, languageId, text);
      const list = await client.completion(uri, positionAt(text, offset));
      return { text, offset, items: list?.items ?? [] };
    }
    const find = (items: CompletionItem[], label: string) => items.find((i) => i.label === label);

    it('inside a TS string: instance IDs with Korean (and UI language) details, edit range = the word at the cursor', async () => {
      const { items } = await complete('typescript', 'ts', 'const x = "event_id.iaas.inst|";');
      const item = find(items, 'event_id.iaas.instance.create');
      assert.ok(item, 'event_id.iaas.instance.create offered');
      assert.strictEqual(item!.detail, '인스턴스 생성 · Create Instance');
      const edit = item!.textEdit as TextEdit;
      // A client without itemDefaults may filter by the word before the cursor (`inst`), as eglot, Neovim and ALE do.
      assert.deepStrictEqual(compact(edit.range), [0, 25, 0, 29]);
      assert.deepStrictEqual([edit.newText, item!.filterText, item!.insertText], ['instance.create', 'instance.create', 'instance.create']);
      assert.strictEqual(apply('const x = "event_id.iaas.inst";', edit), 'const x = "event_id.iaas.instance.create";');
      assert.ok(find(items, 'event_id.iaas.instance_action.'), 'the next namespace level is offered');
    });

    it('accepting in the middle of a token replaces all of it', async () => {
      const { items } = await complete('python', 'py', 'x = "event_id.iaas.ins|tance.creat"');
      const edit = find(items, 'event_id.iaas.instance.create')!.textEdit as TextEdit;
      assert.strictEqual(apply('x = "event_id.iaas.instance.creat"', edit), 'x = "event_id.iaas.instance.create"');
    });

    /** `event_id.<service>.` for every second segment of the public edition's IDs, sorted. */
    const topNamespaces = () => {
      const catalog = builtinCatalog();
      return [...new Set(catalog.events.filter((e) => catalog.inEdition(e)).map((e) => `event_id.${e.segments[1]}.`))].sort();
    };

    it('after a bare event_id in YAML: every service namespace, and no events yet (one level at a time)', async () => {
      const { items } = await complete('yaml', 'yaml', 'filter: event_id|');
      assert.ok(find(items, 'event_id.iaas.'));
      assert.deepStrictEqual(items.filter((i) => i.kind === CompletionItemKind.Module).map((i) => i.label).sort(), topNamespaces());
      assert.strictEqual(items.filter((i) => i.kind !== CompletionItemKind.Module).length, 0);
    });

    it('namespace items carry the count of events below', async () => {
      const { items } = await complete('yaml', 'yaml', 'filter: event_id.iaas.|');
      assert.strictEqual(find(items, 'event_id.iaas.instance_action.')!.detail, `${builtinCatalog().eventsUnder('event_id.iaas.instance_action').length} events`);
    });

    it('right after a quote opened for an event ID', async () => {
      const { items } = await complete('python', 'py', 'if e.event_id == "|"');
      assert.strictEqual(find(items, 'event_id.org.')?.detail, `${builtinCatalog().eventsUnder('event_id.org').length} events`);
      assert.deepStrictEqual(items.map((i) => i.label).sort(), topNamespaces());
    });

    it('a client that applies itemDefaults.editRange gets one shared range instead of an edit per item', async () => {
      const lean = TestClient.inBand();
      await lean.initialize({}, { uiLanguage: 'en' }, ['editRange']);
      const { text, offset } = cursor('const x = "event_id.iaas.inst|";');
      const uri = uriFor('ts');
      await lean.open(uri, 'typescript', text);
      const list = await lean.completion(uri, positionAt(text, offset));
      assert.deepStrictEqual(compact(list!.itemDefaults!.editRange as Range), [0, 11, 0, 29]);
      const item = find(list!.items, 'event_id.iaas.instance.create')!;
      assert.strictEqual(item.textEdit, undefined, 'the label is the text to insert');
      assert.strictEqual(item.detail, '인스턴스 생성 · Create Instance');
      assert.strictEqual(find(list!.items, 'event_id.iaas.instance_action.')!.command?.command, 'editor.action.triggerSuggest', 'VS Code opens the next level');
      lean.dispose();
    });

    it('nothing in code outside strings: event_id.lower() is a variable', async () => {
      const { items } = await complete('python', 'py', 'event_id.|lower()');
      assert.deepStrictEqual(items, []);
    });
  });

  describe('hover', () => {
    async function hover(languageId: string, ext: string, marked: string) {
      const { text, offset } = cursor(marked);
      const uri = uriFor(ext);
      await client.open(uri, languageId, text);
      const result = await client.hover(uri, positionAt(text, offset));
      return (result?.contents as MarkupContent | undefined)?.value;
    }

    it('a known ID: Korean description in bold, service, ID', async () => {
      const value = await hover('go', 'go', 'id := "event_id.iaas.volume.at|tach"');
      assert.match(value!, /^\*\*인스턴스 블록 스토리지 연결\*\*/);
      assert.match(value!, /기본 인프라 서비스/);
      assert.match(value!, /`event_id\.iaas\.volume\.attach`/);
    });

    it('a shared description names the sibling ID', async () => {
      const value = await hover('yaml', 'yaml', 'on: event_id.iaas.instance_action.st|op');
      assert.match(value!, /^\*\*인스턴스 중지\*\*/);
      assert.match(value!, /event_id\.rds_for_mysql\.instance\.stop/);
    });

    it('a wildcard: how many events and a capped list', async () => {
      const value = await hover('yaml', 'yaml', 'on: event_id.ia|as.*');
      assert.match(value!, /matches \d{3} events/);
      assert.ok(value!.split('\n').filter((l) => l.startsWith('- ')).length <= 16);
    });

    it('nothing on code', async () => {
      assert.strictEqual(await hover('python', 'py', 'event_id.lo|wer()'), undefined);
    });
  });

  describe('code actions', () => {
    it('top suggestions as quick fixes, best preferred, replacing exactly the token', async () => {
      const uri = uriFor('ts');
      const text = 'on("event_id.iaas.instnace.create", handler);\n';
      await client.open(uri, 'typescript', text);
      const diagnostics = await client.diagnostics(uri, (ds) => ds.length === 1);
      const actions = await client.codeActions(uri, diagnostics[0].range, diagnostics);
      assert.ok(actions.length >= 1 && actions.length <= 3);
      assert.strictEqual(actions[0].isPreferred, true);
      const [edit] = actions[0].edit!.changes![uri];
      assert.strictEqual(apply(text, edit), 'on("event_id.iaas.instance.create", handler);\n');
    });
  });

  describe('settings', () => {
    it('severity follows the setting, and off removes diagnostics', async () => {
      const uri = uriFor('yaml');
      await client.open(uri, 'yaml', 'a: event_id.iaas.instnace.create\n');
      await client.diagnostics(uri, (ds) => ds.length === 1);
      await client.setSettings({ diagnostics: { severity: 'error' } });
      await client.diagnostics(uri, (ds) => ds[0]?.severity === DiagnosticSeverity.Error);
      await client.setSettings({ diagnostics: { severity: 'off' } });
      await client.diagnostics(uri, (ds) => ds.length === 0);
      await client.setSettings({});
    });

    it('a wrong-typed setting is named and the defaults keep serving', async () => {
      await client.setSettings({ diagnostics: { severity: 42 } });
      const uri = uriFor('yaml');
      await client.open(uri, 'yaml', 'a: event_id.iaas.instnace.create\n');
      const [d] = await client.diagnostics(uri, (ds) => ds.length === 1);
      assert.strictEqual(d.severity, DiagnosticSeverity.Warning);
      assert.ok(client.messages.some((m) => m.includes('cloudtrailEvents.diagnostics.severity')));
      await client.setSettings({});
    });

    it('excluded languages get no diagnostics', async () => {
      await client.setSettings({ exclude: { languages: ['yaml'] } });
      const uri = uriFor('yaml');
      await client.open(uri, 'yaml', 'a: event_id.iaas.instnace.create\n');
      assert.deepStrictEqual(await client.diagnostics(uri), []);
      await client.setSettings({});
    });

    it('a file above the size cap gets one clear message instead of a silent skip', async () => {
      await client.setSettings({ maxFileSizeMB: 0.001 });
      const uri = uriFor('log');
      await client.open(uri, 'log', 'event_id.iaas.instnace.create\n'.repeat(100));
      const diagnostics = await client.diagnostics(uri);
      assert.strictEqual(diagnostics.length, 1);
      assert.match(diagnostics[0].message, /larger than 0\.001 MB/);
      await client.setSettings({});
    });

    it('inlay hints are opt-in', async () => {
      const uri = uriFor('yaml');
      const text = 'a: event_id.iaas.instance.create\n';
      await client.open(uri, 'yaml', text);
      const range = { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } };
      assert.deepStrictEqual(await client.inlayHints(uri, range), []);
      await client.setSettings({ inlayHints: { enabled: true } });
      const hints = await client.inlayHints(uri, range);
      assert.deepStrictEqual(hints?.map((h) => [h.label, h.position.character]), [['인스턴스 생성', 32]]);
      await client.setSettings({});
    });
  });
});
