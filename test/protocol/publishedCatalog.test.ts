/**
 * NHN Cloud's published catalog through a real LSP client, in-band: IDs of other editions
 * (a note, not a warning, and none once the workspace targets their edition), typos of IDs
 * only the published lists have, names in the client's language, and completion one level
 * at a time over 2,000 events.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { CompletionItemKind, DiagnosticSeverity, MarkupContent } from 'vscode-languageserver-protocol';
import { builtinCatalog } from '../../server/src/core/builtin';
import { cursor, positionAt, TestClient } from './lspClient';

// out/test/protocol -> repository root
const ROOT = path.resolve(__dirname, '..', '..', '..');
const SEED_LIST = path.join(ROOT, 'catalog', 'source', 'cloudtrail-event-list.ko.md');

/** Listed only by regional editions other than gov (ncgn, ngcc, …, ppp). */
const WORKLOAD_CREATE = 'event_id.iaas.ncs.workload.create';
/** Listed only by the gov edition. */
const SYNC_SUSPEND = 'event_id.object_storage.container.sync.suspend';

let uriCounter = 0;
const uriFor = (ext: string) => `file:///work/published-${++uriCounter}.${ext}`;

describe('published catalog over LSP (in-band): editions, languages, level-by-level completion', () => {
  describe('editions', () => {
    let client: TestClient;
    beforeEach(async () => {
      client = TestClient.inBand();
      await client.initialize({}, { uiLanguage: 'en' });
    });
    afterEach(() => client.dispose());

    it('the test IDs are what they stand for: regional-only, and the public ID of the typo test is not a seed ID', () => {
      const catalog = builtinCatalog();
      assert.deepStrictEqual(catalog.get(WORKLOAD_CREATE)?.editions, ['ncgn', 'ngcc', 'ngoic', 'ngovc', 'ngsc', 'ninc', 'ppp']);
      assert.deepStrictEqual(catalog.get(SYNC_SUSPEND)?.editions, ['gov']);
      assert.ok(catalog.get('event_id.skm.keystore.create')?.editions?.includes('public'));
      assert.ok(!fs.readFileSync(SEED_LIST, 'utf8').includes('event_id.skm.keystore.'), 'only the newer published lists have the keystore events');
    });

    it('an ID only other editions list: an informational not-in-edition note in the public edition (the default)', async () => {
      const uri = uriFor('yaml');
      await client.open(uri, 'yaml', `a: ${WORKLOAD_CREATE}\nb: ${SYNC_SUSPEND}\nc: event_id.iaas.instance.create\n`);
      const diagnostics = await client.diagnostics(uri, (ds) => ds.length === 2);
      assert.deepStrictEqual(
        diagnostics.map((d) => [d.range.start.line, d.code, d.severity]),
        [
          [0, 'not-in-edition', DiagnosticSeverity.Information],
          [1, 'not-in-edition', DiagnosticSeverity.Information],
        ],
      );
      assert.strictEqual(
        diagnostics[0].message,
        `CloudTrail event ID '${WORKLOAD_CREATE}' (워크로드 생성) is listed only in the ncgn, ngcc, ngoic, ngovc, ngsc, ninc, ppp editions, not in the public edition this workspace targets.`,
      );
      assert.match(diagnostics[1].message, /is listed only in the gov edition, not in the public edition/);
      const hover = await client.hover(uri, { line: 1, character: 10 });
      assert.match((hover!.contents as MarkupContent).value, /_Listed only in the gov edition\(s\), not in public_/);
    });

    it('targeting the gov edition: its own IDs get no note, IDs of the other editions still do', async () => {
      await client.setSettings({ catalog: { edition: 'gov' } });
      const uri = uriFor('yaml');
      await client.open(uri, 'yaml', `a: ${SYNC_SUSPEND}\nb: ${WORKLOAD_CREATE}\n`);
      const diagnostics = await client.diagnostics(uri, (ds) => ds.length === 1);
      assert.deepStrictEqual(diagnostics.map((d) => [d.range.start.line, d.code, d.severity]), [[1, 'not-in-edition', DiagnosticSeverity.Information]]);
      assert.match(diagnostics[0].message, /not in the gov edition this workspace targets/);
    });

    it('changing the edition setting re-checks open files: the note goes, and comes back', async () => {
      const uri = uriFor('ts');
      await client.open(uri, 'typescript', `const id = "${WORKLOAD_CREATE}";\n`);
      assert.strictEqual((await client.diagnostics(uri, (ds) => ds.length === 1))[0].code, 'not-in-edition');
      await client.setSettings({ catalog: { edition: 'ncgn' } });
      assert.deepStrictEqual(await client.diagnostics(uri, (ds) => ds.length === 0), []);
      await client.setSettings({ catalog: { edition: 'public' } });
      assert.strictEqual((await client.diagnostics(uri, (ds) => ds.length === 1))[0].code, 'not-in-edition');
    });

    it('a typo of an ID only the newer lists have: a warning naming it, and a quick fix to it', async () => {
      const uri = uriFor('py');
      const text = 'if e.event_id == "event_id.skm.keystore.craete":\n    pass\n';
      await client.open(uri, 'python', text);
      const diagnostics = await client.diagnostics(uri, (ds) => ds.length === 1);
      assert.strictEqual(diagnostics[0].code, 'unknown-event-id');
      assert.strictEqual(diagnostics[0].severity, DiagnosticSeverity.Warning);
      assert.strictEqual(diagnostics[0].message, "Unknown CloudTrail event ID 'event_id.skm.keystore.craete'. Did you mean 'event_id.skm.keystore.create'?");
      const [action] = await client.codeActions(uri, diagnostics[0].range, diagnostics);
      assert.strictEqual(action.edit!.changes![uri][0].newText, 'event_id.skm.keystore.create');
    });

    it('completion offers only the targeted edition\'s events; a regional edition gets its own', async () => {
      const marked = 'id: "event_id.iaas.ncs.workload.|"';
      const { text, offset } = cursor(marked);
      const uri = uriFor('yaml');
      await client.open(uri, 'yaml', text);
      const labels = async () => ((await client.completion(uri, positionAt(text, offset)))?.items ?? []).map((i) => i.label);
      const catalog = builtinCatalog();
      const inPublic = catalog.eventsUnder('event_id.iaas.ncs.workload').filter((e) => catalog.inEdition(e)).map((e) => e.id);
      assert.ok(inPublic.length > 0);
      assert.deepStrictEqual(await labels(), inPublic);
      await client.setSettings({ catalog: { edition: 'ncgn' } });
      // The catalog is rebuilt for the edition; ask until the new one answers.
      const deadline = Date.now() + 5000;
      let offered = await labels();
      while (!offered.includes(WORKLOAD_CREATE) && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        offered = await labels();
      }
      assert.ok(offered.includes(WORKLOAD_CREATE), offered.join(', '));
    });
  });

  describe('upper-case IDs NHN publishes (rds_for_postgresql)', () => {
    let client: TestClient;
    before(async () => {
      client = TestClient.inBand();
      await client.initialize({}, { uiLanguage: 'en' });
    });
    after(() => client.dispose());

    it('a typo of one gets a warning naming it (it is no placeholder: the namespace has such IDs)', async () => {
      assert.ok(builtinCatalog().get('event_id.rds_for_postgresql.DB_INSTANCE_MODIFY'));
      const uri = uriFor('ts');
      await client.open(uri, 'typescript', "if (id === 'event_id.rds_for_postgresql.DB_INSTANCE_MDOIFY') notify();\n");
      const diagnostics = await client.diagnostics(uri, (ds) => ds.length === 1, 2000);
      assert.strictEqual(diagnostics[0].message, "Unknown CloudTrail event ID 'event_id.rds_for_postgresql.DB_INSTANCE_MDOIFY'. Did you mean 'event_id.rds_for_postgresql.DB_INSTANCE_MODIFY'?");
    });

    it('a placeholder in documentation still gets nothing', async () => {
      const uri = uriFor('md');
      await client.open(uri, 'markdown', 'IDs read `event_id.iaas.RESOURCE.ACTION`, e.g. `event_id.iaas.instance.create`.\n');
      assert.deepStrictEqual(await client.diagnostics(uri), []);
    });
  });

  describe('names in the client\'s language (InitializeParams.locale)', () => {
    /** The hover on event_id.iaas.instance.create and the completion detail of event_id.iam.login for a client in `locale`. */
    async function shownIn(locale: string | undefined) {
      const client = TestClient.inBand();
      try {
        await client.initialize({}, {}, [], locale);
        const { text, offset } = cursor('on: event_id.iaas.instance.cre|ate\nlogin: "event_id.iam.|"\n');
        const uri = uriFor('yaml');
        await client.open(uri, 'yaml', text);
        const hover = await client.hover(uri, positionAt(text, offset));
        const list = await client.completion(uri, { line: 1, character: 21 });
        return { hover: (hover!.contents as MarkupContent).value, login: list!.items.find((i) => i.label === 'event_id.iam.login')?.detail };
      } finally {
        client.dispose();
      }
    }

    it('en: the Korean name first, the English name beside it, the English service heading', async () => {
      const { hover, login } = await shownIn('en');
      assert.match(hover, /^\*\*인스턴스 생성\*\*\n\nCreate Instance _\(English\)_\n/);
      assert.match(hover, /Service: 기본 인프라 서비스 \(Default Infrastructure Service\)/);
      assert.strictEqual(login, 'IAM 로그인 · IAM Login');
    });

    it('ja: the Korean name and the Japanese one', async () => {
      const { hover, login } = await shownIn('ja');
      assert.match(hover, /^\*\*인스턴스 생성\*\*\n\nインスタンスの作成 _\(日本語\)_\n/);
      assert.doesNotMatch(hover, /Create Instance/);
      assert.strictEqual(login, 'IAM 로그인 · IAM ログイン');
    });

    it('zh: the Chinese name where NHN gives one, else the English one', async () => {
      const { hover, login } = await shownIn('zh-cn');
      assert.match(hover, /^\*\*인스턴스 생성\*\*\n\nCreate Instance _\(English\)_\n/);
      assert.strictEqual(login, 'IAM 로그인 · IAM 登入');
    });

    it('ko: only the Korean name, Korean labels', async () => {
      const { hover, login } = await shownIn('ko');
      assert.match(hover, /^\*\*인스턴스 생성\*\*\n\n서비스: 기본 인프라 서비스\n/);
      assert.doesNotMatch(hover, /Create Instance|インスタンス|_\(/);
      assert.strictEqual(login, 'IAM 로그인');
    });
  });

  describe('completion one level at a time', () => {
    let client: TestClient;
    before(async () => {
      client = TestClient.inBand();
      await client.initialize({}, { uiLanguage: 'en' });
    });
    after(() => client.dispose());

    async function complete(marked: string) {
      const { text, offset } = cursor(marked);
      const uri = uriFor('ts');
      await client.open(uri, 'typescript', text);
      return (await client.completion(uri, positionAt(text, offset)))!;
    }

    it('at "event_id.: every top namespace, no events, and the list is re-queried as the user types', async () => {
      const list = await complete('const id = "event_id.|";');
      const catalog = builtinCatalog();
      const expected = [...new Set(catalog.events.filter((e) => catalog.inEdition(e)).map((e) => `event_id.${e.segments[1]}.`))].sort();
      assert.ok(expected.length > 50, `${expected.length} top namespaces`);
      assert.deepStrictEqual(list.items.map((i) => i.label).sort(), expected);
      assert.ok(list.items.every((i) => i.kind === CompletionItemKind.Module));
      assert.strictEqual(list.isIncomplete, true);
    });

    it('after event_id.iaas.instance.cr: the matching events of that level, not the whole catalog', async () => {
      const list = await complete('const id = "event_id.iaas.instance.cr|";');
      const labels = list.items.map((i) => i.label);
      assert.ok(labels.includes('event_id.iaas.instance.create'), labels.join(', '));
      assert.ok(labels.includes('event_id.iaas.instance.create_end'));
      assert.ok(!labels.includes('event_id.iaas.instance.delete'), 'delete does not hold c, r in order');
      assert.ok(labels.every((l) => l.startsWith('event_id.iaas.instance.')), labels.join(', '));
      assert.strictEqual(list.isIncomplete, true);
    });

    it('a partial segment reaches deeper events whose rest holds its letters in order', async () => {
      const labels = (await complete('const id = "event_id.iaas.unshel|";')).items.map((i) => i.label);
      assert.ok(labels.includes('event_id.iaas.instance_action.unshelve'), labels.join(', '));
      assert.ok(labels.every((l) => l.startsWith('event_id.iaas.')));
    });
  });
});
