/**
 * Catalog changes at run time through a real LSP client: importing newer
 * official lists (Korean + English) by changing the setting, the user catalog
 * file, and bad lists that must leave the previous catalog in force.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DiagnosticSeverity, MarkupContent, NotificationType } from 'vscode-languageserver-protocol';
import { builtinCatalog } from '../../server/src/core/builtin';
import { CatalogChangedNotification, CatalogInfo, CatalogRequest, CheckListRequest, WorkspaceTrustNotification } from '../../shared/protocol';
import { TestClient } from './lspClient';

const LISTS = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'lists');

describe('catalog at run time (in-band)', () => {
  let client: TestClient;
  let folder: string;
  let versions: number[];

  async function waitFor<T>(probe: () => Promise<T | undefined> | T | undefined, what: string, timeoutMs = 5000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await probe();
      if (value !== undefined) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }
  const catalog = () => client.connection.sendRequest(CatalogRequest.type) as Promise<CatalogInfo>;

  beforeEach(async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'cte-import-'));
    client = TestClient.inBand();
    versions = [];
    client.connection.onNotification(CatalogChangedNotification.type as unknown as NotificationType<{ version: number }>, (p) => versions.push(p.version));
    // An English UI: hover and completion show the imported English names beside the Korean ones.
    await client.initializeWorkspace([folder], {}, {}, { uiLanguage: 'en', trusted: false, restrictsCatalogSettings: true });
  });
  afterEach(() => client.dispose());

  it('importing a newer Korean list and the English one: completion, hover, diagnostics and the tree follow', async () => {
    const uri = `file://${folder}/alerts.yaml`;
    const text = 'a: event_id.iaas.flow_log_logger.create\nb: event_id.iaas.keypair.delete\nc: event_id.iaas.instance.update\n';
    await client.open(uri, 'yaml', text);
    const before = await client.diagnostics(uri, (ds) => ds.length === 1);
    assert.match(before[0].message, /Unknown CloudTrail event ID 'event_id\.iaas\.flow_log_logger\.create'/);

    await client.setSettings({ catalog: { officialLists: [path.join(LISTS, 'newer.ko.md'), path.join(LISTS, 'newer.en.md')] } });
    const after = await client.diagnostics(uri, (ds) => ds.length === 1 && ds[0].range.start.line === 1);
    assert.strictEqual(after[0].severity, DiagnosticSeverity.Information);
    assert.match(after[0].message, /'event_id\.iaas\.keypair\.delete' \(키페어 삭제\) is not in the imported event list/);

    const hover = await client.hover(uri, { line: 2, character: 10 });
    const value = (hover!.contents as MarkupContent).value;
    assert.match(value, /^\*\*인스턴스 정보 수정\*\*/, 'the reworded Korean description');
    assert.match(value, /Update instance _\(English\)_/, 'the English name beside it');

    const list = await client.completion(uri, { line: 0, character: 25 });
    assert.strictEqual(list!.items.find((i) => i.label === 'event_id.iaas.flow_log_logger.create')?.detail, '플로우 로그 로거 생성 · Create flow log logger', 'Korean first, the other language beside it');

    const info = await catalog();
    assert.strictEqual(info.events.length, 525);
    assert.deepStrictEqual(info.sources.map((s) => path.basename(s)), ['newer.ko.md', 'newer.en.md']);
    assert.ok(versions.length >= 1, 'the client is told the catalog changed');
    assert.ok(client.messages.some((m) => /Imported 525 events \(ko, en\).*3 added, 1466 removed, 25 reworded/.test(m)), 'an import summary notification');
  });

  it('a list where most rows fail: a message naming file and line, and the previous catalog stays', async () => {
    await client.setSettings({ catalog: { officialLists: [path.join(LISTS, 'mostly-broken.ko.md')] } });
    await waitFor(() => client.messages.find((m) => /mostly-broken\.ko\.md \(ko\): not imported, most rows fail.*The catalog in force stays: built-in/.test(m)), 'the error message');
    assert.ok(client.logs.some((m) => /mostly-broken\.ko\.md:6: Malformed row/.test(m)), 'the first problems, with file and line, in the output');
    assert.ok(client.logs.some((m) => /mostly-broken\.ko\.md \(ko\): not imported, most rows fail/.test(m)), 'the refusal summary in the output');
    assert.strictEqual((await catalog()).events.length, builtinCatalog().size);
    const uri = `file://${folder}/a.yaml`;
    await client.open(uri, 'yaml', 'x: event_id.iaas.instnace.create\n');
    assert.strictEqual((await client.diagnostics(uri, (ds) => ds.length === 1))[0].code, 'unknown-event-id');
  });

  it('lenient mode imports the rows that parse', async () => {
    await client.setSettings({ catalog: { officialLists: [path.join(LISTS, 'mostly-broken.ko.md')], lenient: true } });
    await waitFor(async () => ((await catalog()).events.length === 1 ? true : undefined), 'the lenient import');
  });

  it('a list with a few bad rows is imported, with one summary line in the output naming their lines, and no pop-up for it', async () => {
    await client.setSettings({ catalog: { officialLists: [path.join(LISTS, 'malformed.ko.md')] } });
    await waitFor(async () => ((await catalog()).events.length === 2 ? true : undefined), 'the import');
    const about = client.logs.filter((m) => m.includes('malformed.ko.md (ko)'));
    assert.strictEqual(about.length, 1, about.join('\n'));
    assert.match(about[0], /1 malformed rows skipped \(line 6\)/);
    assert.deepStrictEqual(client.messages.filter((m) => m.includes('malformed.ko.md (ko)')), []);
  });

  it('the user catalog file is read once the workspace is trusted, and errors name the file and line', async () => {
    fs.writeFileSync(
      path.join(folder, '.cloudtrail-events.json'),
      '{\n  "events": [\n    { "id": "event_id.iaas.flow_log.create", "description": "플로우 로그 생성" },\n    { "id": "flow_log.delete", "description": "x" },\n    { "id": "event_id.iaas.instance.update", "deprecated": "Use event_id.iaas.instance.modify" }\n  ]\n}\n',
    );
    const uri = `file://${folder}/rules.ts`;
    await client.open(uri, 'typescript', 'const ids = ["event_id.iaas.flow_log.create", "event_id.iaas.instance.update"];\n');
    const untrusted = await client.diagnostics(uri, (ds) => ds.length === 1);
    assert.strictEqual(untrusted[0].code, 'unknown-event-id', 'untrusted: the workspace file is not read');

    await client.connection.sendNotification(WorkspaceTrustNotification.type, { trusted: true });
    const trusted = await client.diagnostics(uri, (ds) => ds.length === 1 && ds[0].code === 'deprecated-event-id');
    assert.match(trusted[0].message, /is deprecated: Use event_id\.iaas\.instance\.modify/);
    assert.ok(client.messages.some((m) => /\.cloudtrail-events\.json:4: events\[1\]: "id" "flow_log\.delete" is not an event ID/.test(m)));
    const info = await catalog();
    assert.deepStrictEqual(info.events.filter((e) => e.origin === 'user').map((e) => e.id), ['event_id.iaas.flow_log.create']);
    assert.strictEqual(info.events.length, builtinCatalog().size + 1, 'the built-in events are all still there');
  });

  it('checks a list for the import command without changing the catalog', async () => {
    const newer = path.join(LISTS, 'newer.ko.md');
    const check = await client.connection.sendRequest(CheckListRequest.type, { path: newer });
    assert.deepStrictEqual(check, { language: 'ko', events: 525, problems: [], added: 3, removed: 1466, reworded: 25, summary: `${newer} (ko): 525 events.` });
    const bad = await client.connection.sendRequest(CheckListRequest.type, { path: path.join(LISTS, 'not-a-list.md') });
    assert.match(bad.problems.join('\n'), /No event table found/);
    assert.strictEqual((await catalog()).events.length, builtinCatalog().size);
  });
});
