/**
 * Hostile inputs against the built server over stdio (dist/server.js; run
 * `npm run build` first): huge, minified, binary and mis-encoded files, wrong
 * or pathological settings, huge and malformed user catalogs. Each must get a
 * clear message, leave the server alive, and not stop completion on another
 * open file: its latency is measured and printed, with only a sanity bound.
 *
 * The inputs are generated at test time (test/fixtures/hostile/generators.ts).
 */
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { CompletionList, Diagnostic, DiagnosticSeverity, MarkupContent } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { builtinCatalog } from '../../server/src/core/builtin';
import { Catalog } from '../../server/src/core/catalog';
import { findProblems } from '../../server/src/core/problems';
import { CatalogChangedNotification, CatalogRequest, UsagesRequest } from '../../shared/protocol';
import { bigLog, binaryText, distinctTyposLog, invalidUtf8Text, minifiedJs } from '../fixtures/hostile/generators';
import { compact, cursor, positionAt, SERVER_BUNDLE, TestClient } from './lspClient';

const MB = 1024 * 1024;
/** Generous: a prompt answer takes milliseconds; this only catches a server stuck behind the big file. */
const SANITY_MS = 2000;

const OTHER = 'file:///hostile/other.ts';
const OTHER_MARKED = 'const known = "event_id.iaas.instance.create";\nconst typed = "event_id.iaas.inst|";\n';
const { text: OTHER_TEXT, offset: OTHER_CURSOR } = cursor(OTHER_MARKED);

let counter = 0;
const uriFor = (ext: string) => `file:///hostile/input-${++counter}.${ext}`;

/** Problems computed from scratch on the same text, in the compact form the checks compare. */
function expectedProblems(text: string, languageId: string, catalog: Catalog = builtinCatalog()) {
  const document = TextDocument.create('file:///expected', languageId, 1, text);
  return findProblems(text, languageId, catalog).map((p) => [compact({ start: document.positionAt(p.start), end: document.positionAt(p.end) }), p.code, p.message]);
}
const publishedProblems = (diagnostics: Diagnostic[]) => diagnostics.map((d) => [compact(d.range), d.code, d.message]);

describe('hostile inputs: a clear message, a live server, completion elsewhere still answers', function () {
  this.timeout(300_000);
  let client: TestClient;
  let catalogVersion = 0;

  before(async () => {
    assert.ok(fs.existsSync(SERVER_BUNDLE), `${SERVER_BUNDLE} is missing: run npm run build`);
    client = TestClient.stdio();
    client.connection.onNotification(CatalogChangedNotification.type, ({ version }) => (catalogVersion = version));
    // Trusted: the user catalog cases below set extraEvents, which an untrusted workspace does not apply.
    await client.initialize({}, { uiLanguage: 'en', trusted: true });
    await client.open(OTHER, 'typescript', OTHER_TEXT);
    await client.diagnostics(OTHER);
  });
  after(() => client.dispose());

  /** Completion on the other file: answers, offers the IDs, and how long it took. */
  async function completionElsewhere(): Promise<number> {
    const started = performance.now();
    const list = await client.completion(OTHER, positionAt(OTHER_TEXT, OTHER_CURSOR));
    const ms = performance.now() - started;
    assert.ok(list?.items.some((i) => i.label === 'event_id.iaas.instance.create'), 'completion on the other file offers event_id.iaas.instance.create');
    return ms;
  }

  /** The server process is running and answers a hover on the other file. */
  async function assertAlive(): Promise<void> {
    assert.strictEqual(client.serverProcess?.exitCode, null, 'the server process is running');
    const hover = await client.hover(OTHER, positionAt(OTHER_TEXT, OTHER_TEXT.indexOf('instance.create')));
    assert.match((hover?.contents as MarkupContent).value, /인스턴스 생성/);
  }

  /**
   * Opens `text`, asks for completion elsewhere at once and again 30 ms later if the file is
   * still being checked, waits for the file's diagnostics; prints the timings.
   */
  async function openHostile(name: string, languageId: string, ext: string, text: string, until: (d: Diagnostic[]) => boolean = () => true) {
    const uri = uriFor(ext);
    const started = performance.now();
    await client.open(uri, languageId, text);
    const completionMs = await completionElsewhere();
    await new Promise((resolve) => setTimeout(resolve, 30));
    // The server checks a file in one synchronous step: a request arriving meanwhile waits for it (printed, not bounded).
    const duringMs = client.published.has(uri) ? undefined : await completionElsewhere();
    const diagnostics = await client.diagnostics(uri, until, 120_000);
    const diagnosticsMs = performance.now() - started;
    console.log(
      `      ${name}: ${(text.length / MB).toFixed(1)} M chars; diagnostics after ${diagnosticsMs.toFixed(0)} ms; completion on another file: ` +
        `${completionMs.toFixed(0)} ms at once, ${duringMs === undefined ? 'n/a (already checked)' : `${duringMs.toFixed(0)} ms`} 30 ms later`,
    );
    assert.ok(completionMs < SANITY_MS, `completion on another file took ${completionMs.toFixed(0)} ms while ${name} was processed`);
    await assertAlive();
    return { uri, diagnostics };
  }

  describe('files', () => {
    it('a 50 MB log: one note that the file is above the size cap and was not checked', async () => {
      const { uri, diagnostics } = await openHostile('50 MB log', 'log', 'log', bigLog(50 * MB));
      assert.strictEqual(diagnostics.length, 1);
      assert.strictEqual(diagnostics[0].code, 'file-not-checked');
      assert.strictEqual(diagnostics[0].severity, DiagnosticSeverity.Information);
      assert.match(diagnostics[0].message, /larger than 5 MB \(setting cloudtrailEvents\.maxFileSizeMB\)/);
      await client.close(uri);
    });

    it('a 50 MB log with maxFileSizeMB raised to 64: checked in full', async () => {
      await client.setSettings({ maxFileSizeMB: 64 });
      try {
        const text = bigLog(50 * MB);
        const { uri, diagnostics } = await openHostile('50 MB log, cap raised to 64 MB', 'log', 'log', text, (ds) => ds.length > 0);
        assert.deepStrictEqual(publishedProblems(diagnostics), expectedProblems(text, 'log'));
        await client.close(uri);
      } finally {
        await client.setSettings({});
      }
    });

    // Each distinct unknown ID costs one suggestion search (~20 µs): 130k of them take seconds, during which requests wait.
    it('a 5 MB log where every line holds a different unknown ID: exactly the problems a scan from scratch finds', async () => {
      const text = distinctTyposLog(5_000_000);
      const { uri, diagnostics } = await openHostile('5 MB of distinct unknown IDs', 'log', 'log', text, (ds) => ds.length > 0);
      assert.deepStrictEqual(publishedProblems(diagnostics), expectedProblems(text, 'log'));
      await client.close(uri);
    });

    it('a 5 MB minified JavaScript file on one line: exactly the problems a scan from scratch finds', async () => {
      const text = minifiedJs(5_000_000);
      const { uri, diagnostics } = await openHostile('5 MB minified JS, one line', 'javascript', 'min.js', text, (ds) => ds.length > 0);
      assert.deepStrictEqual(publishedProblems(diagnostics), expectedProblems(text, 'javascript'));
      assert.ok(diagnostics.every((d) => d.range.start.line === 0 && d.code === 'unknown-event-id'));
      await client.close(uri);
    });

    it('a binary file (NULs, every byte value): one note that it looks binary, the ID inside is not reported', async () => {
      const { uri, diagnostics } = await openHostile('2 MB binary', 'plaintext', 'png', binaryText(2 * MB));
      assert.deepStrictEqual(
        diagnostics.map((d) => [d.code, d.severity]),
        [['file-not-checked', DiagnosticSeverity.Information]],
      );
      assert.match(diagnostics[0].message, /looks binary \(it contains NUL characters\)/);
      await client.close(uri);
    });

    it('invalid UTF-8 shown with U+FFFD: every typo reported at its UTF-16 position', async () => {
      const { text } = invalidUtf8Text(30_000);
      assert.ok(text.includes('\uFFFD'));
      const { uri, diagnostics } = await openHostile('invalid UTF-8, 30,000 lines', 'yaml', 'yaml', text, (ds) => ds.length > 0);
      assert.strictEqual(diagnostics.length, 10_000);
      assert.deepStrictEqual(publishedProblems(diagnostics), expectedProblems(text, 'yaml'));
      await client.close(uri);
    });
  });

  describe('settings', () => {
    afterEach(() => client.setSettings({}));

    /** Applies `settings`, opens a file with a typo; the typo is still reported (with `severity`) and the messages are returned. */
    async function withSettings(settings: Record<string, unknown>, severity = DiagnosticSeverity.Warning) {
      const before = client.messages.length;
      await client.setSettings(settings);
      const text = 'a: event_id.iaas.instnace.create\n';
      const { diagnostics } = await openHostile(`settings ${JSON.stringify(settings).slice(0, 60)}`, 'yaml', 'yaml', text, (ds) => ds.length === 1);
      assert.strictEqual(diagnostics[0].severity, severity);
      return client.messages.slice(before);
    }

    const WRONG_TYPES: Array<{ key: string; settings: Record<string, unknown> }> = [
      { key: 'diagnostics.severity', settings: { diagnostics: { severity: 42 } } },
      { key: 'exclude.languages', settings: { exclude: { languages: 'yaml' } } },
      { key: 'exclude.globs', settings: { exclude: { globs: [1, 2] } } },
      { key: 'maxFileSizeMB', settings: { maxFileSizeMB: '5' } },
      { key: 'maxFileSizeMB', settings: { maxFileSizeMB: -1 } },
      { key: 'inlayHints.enabled', settings: { inlayHints: { enabled: 'yes' } } },
      { key: 'catalog.officialLists', settings: { catalog: { officialLists: 'list.md' } } },
      { key: 'catalog.lenient', settings: { catalog: { lenient: 1 } } },
      { key: 'catalog.extraEvents', settings: { catalog: { extraEvents: { id: 'event_id.x.y' } } } },
      { key: 'workspaceIndex.enabled', settings: { workspaceIndex: { enabled: 'no' } } },
      { key: 'trace.server', settings: { trace: { server: 'loud' } } },
    ];
    for (const c of WRONG_TYPES) {
      it(`wrong type for ${c.key} (${JSON.stringify(c.settings)}): a message names the setting, the defaults keep serving`, async () => {
        const messages = await withSettings(c.settings);
        assert.ok(messages.some((m) => m.includes(`cloudtrailEvents.${c.key}`)), `no message names cloudtrailEvents.${c.key}: ${JSON.stringify(messages)}`);
      });
    }

    // Neovim's `settings = { cloudtrailEvents = { diagnostics = "error" } }`: a whole section of the wrong type.
    it('a section of the wrong type ({ diagnostics: "error" }) is named too', async () => {
      const messages = await withSettings({ diagnostics: 'error' });
      assert.ok(messages.some((m) => m.includes('cloudtrailEvents.diagnostics')), JSON.stringify(messages));
    });

    const PATHOLOGICAL_GLOBS: Array<{ name: string; globs: string[] }> = [
      { name: '**/ 24 times (exponential as a regex)', globs: [`${'**/'.repeat(24)}nomatch`] },
      { name: '*a 12 times', globs: [`${'*a'.repeat(12)}b`] },
      { name: 'an unclosed brace and an inverted range (threw on every document)', globs: ['{', 'a{b,c', '[z-a]'] },
    ];
    for (const c of PATHOLOGICAL_GLOBS) {
      it(`exclude.globs with ${c.name}: documents are still checked`, async () => {
        await withSettings({ exclude: { globs: c.globs } });
      });
    }
  });

  describe('user catalogs', () => {
    afterEach(async () => {
      const version = catalogVersion;
      await client.setSettings({});
      await waitFor(() => catalogVersion > version, 'the catalog back to built-in');
    });

    it('a malformed user catalog (setting): each bad entry named with its index in the output, one pop-up for the setting, the good entry used', async () => {
      const before = client.messages.length;
      const logsBefore = client.logs.length;
      const version = catalogVersion;
      await client.setSettings({
        catalog: {
          extraEvents: [
            { id: 5, description: 'not a string id' },
            'not an object',
            { id: 'flow_log.create', description: 'no prefix' },
            { id: 'event_id.custom.thing.create' },
            { id: 'event_id.iaas.instance.create', description: 'already built in' },
            { id: 'event_id.custom.ok.create', description: '사용자 정의 이벤트', service: 'Custom' },
          ],
        },
      });
      await waitFor(() => catalogVersion > version, 'a catalog change');
      await waitFor(() => client.logs.length >= logsBefore + 5, 'five log lines');
      const logs = client.logs.slice(logsBefore);
      for (const index of [0, 1, 2, 3, 4]) {
        assert.ok(logs.some((m) => m.includes(`cloudtrailEvents.catalog.extraEvents[${index}]`)), `entry ${index} named: ${JSON.stringify(logs)}`);
      }
      const popups = client.messages.slice(before).filter((m) => m.includes('cloudtrailEvents.catalog.extraEvents[') && !m.includes('already'));
      assert.strictEqual(popups.length, 1, JSON.stringify(popups));
      assert.match(popups[0], /\(3 more messages about setting cloudtrailEvents\.catalog\.extraEvents: see the output\)/);
      const text = 'a: event_id.custom.ok.create\nb: event_id.custom.ok.creat\n';
      const { uri, diagnostics } = await openHostile('malformed user catalog', 'yaml', 'yaml', text, (ds) => ds.length > 0);
      assert.deepStrictEqual(diagnostics.map((d) => d.range.start.line), [1]);
      assert.match(diagnostics[0].message, /Did you mean 'event_id\.custom\.ok\.create'/);
      const hover = await client.hover(uri, { line: 0, character: 10 });
      assert.match((hover?.contents as MarkupContent).value, /사용자 정의 이벤트/);
    });

    it('a 100,000-entry user catalog (setting): loaded, used, and completion elsewhere still answers', async () => {
      const extraEvents = Array.from({ length: 100_000 }, (_, i) => ({ id: `event_id.user.e${i}`, description: `사용자 이벤트 ${i}` }));
      const version = catalogVersion;
      const started = performance.now();
      await client.setSettings({ catalog: { extraEvents } });
      const completionMs = await completionElsewhere();
      await waitFor(() => catalogVersion > version, 'the 100k catalog', 120_000);
      const loadMs = performance.now() - started;
      const info = await client.connection.sendRequest(CatalogRequest.type);
      assert.strictEqual(info.events.length, builtinCatalog().size + 100_000);
      // Loading is one synchronous step (its time is printed); once loaded, answers are prompt again.
      const afterLoadMs = await completionElsewhere();
      const text = 'a: event_id.user.e99999\nb: event_id.user.e99999x\n';
      const { uri, diagnostics } = await openHostile('100k user catalog', 'yaml', 'yaml', text, (ds) => ds.length > 0);
      assert.deepStrictEqual(diagnostics.map((d) => d.range.start.line), [1]);
      // Completion at the root of a 100k catalog: measured, it must answer.
      const rootStarted = performance.now();
      const root = (await client.completion(uri, { line: 0, character: 12 })) as CompletionList | null;
      const rootMs = performance.now() - rootStarted;
      console.log(
        `      100k user catalog: loaded in ${loadMs.toFixed(0)} ms (completion elsewhere meanwhile ${completionMs.toFixed(0)} ms, after ${afterLoadMs.toFixed(0)} ms); completion at event_id.| returns ${root?.items.length} items in ${rootMs.toFixed(0)} ms`,
      );
      assert.ok(root && root.items.length > 0);
      assert.ok(afterLoadMs < SANITY_MS, `completion on another file took ${afterLoadMs.toFixed(0)} ms with the 100k catalog loaded`);
    });
  });
});

/**
 * A cloned repository is untrusted input: its settings, `.cloudtrail-events.json`, `.gitignore`
 * and the lists its settings name. Run against the built server over stdio, so that a server
 * stuck in a read or a regex fails the test by timeout instead of hanging the run.
 */
describe('a hostile repository: no hang, no pollution, nothing silenced', function () {
  // Generous: each case takes well under a second; before, they hung from 24 s to forever.
  this.timeout(20_000);
  const unix = process.platform !== 'win32';
  let folder: string;
  let client: TestClient | undefined;
  const LIST_HEADER = '### 기본 인프라 서비스\n\n| 이벤트 | 이벤트 ID |\n| --- | --- |\n| 인스턴스 생성 | event_id.iaas.instance.create |\n';

  beforeEach(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'cte-hostile-repo-'));
  });
  afterEach(async () => {
    await client?.dispose();
    client = undefined;
    fs.rmSync(folder, { recursive: true, force: true });
  });

  /** The server over stdio on `folder`, with `settings`, as another editor would start it (`options`). */
  async function start(settings: Record<string, unknown>, options: Record<string, unknown>): Promise<TestClient> {
    client = TestClient.stdio();
    await client.initializeWorkspace([folder], settings, {}, { uiLanguage: 'en', ...options });
    return client;
  }

  const catalogSize = async (c: TestClient) => (await c.connection.sendRequest(CatalogRequest.type)).events.length;
  async function catalogOf(c: TestClient, size: number, what: string) {
    const deadline = Date.now() + 15_000;
    while ((await catalogSize(c)) !== size) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${await catalogSize(c)} events`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** A typo in a new file is still reported as a warning: nothing silenced the checker. */
  async function typoStillReported(c: TestClient, name = 'typo.yaml') {
    const uri = pathToFileURL(path.join(folder, name)).href;
    await c.open(uri, 'yaml', 'a: event_id.iaas.instnace.create\n');
    const diagnostics = await c.diagnostics(uri, (ds) => ds.length === 1, 15_000);
    assert.strictEqual(diagnostics[0].severity, DiagnosticSeverity.Warning);
    assert.strictEqual(diagnostics[0].code, 'unknown-event-id');
  }

  it('an editor that says nothing about trust: extraEvents, officialLists and .cloudtrail-events.json are not used, and a message says how to trust', async () => {
    fs.writeFileSync(path.join(folder, '.cloudtrail-events.json'), JSON.stringify({ events: [{ id: 'event_id.iaas.instance.deletee', description: 'shadow' }] }));
    fs.writeFileSync(path.join(folder, 'list.md'), LIST_HEADER);
    const c = await start({ catalog: { extraEvents: [{ id: 'event_id.iaas.instnace.create', description: 'hides the typo' }], officialLists: ['list.md'] } }, {});
    await waitFor(() => c.messages.some((m) => /not trusted/.test(m)), 'the untrusted message');
    assert.ok(c.messages.some((m) => m.includes('initializationOptions { "trusted": true }')), JSON.stringify(c.messages));
    assert.strictEqual(await catalogSize(c), builtinCatalog().size);
    await typoStillReported(c);
  });

  it('initializationOptions { trusted: true }: the same settings apply', async () => {
    const c = await start({ catalog: { extraEvents: [{ id: 'event_id.custom.thing.create', description: '사용자 이벤트' }] } }, { trusted: true });
    await catalogOf(c, builtinCatalog().size + 1, 'the extra event');
  });

  for (const key of ['__proto__', 'constructor', 'prototype']) {
    it(`settings with "${key}" keys at every level: the defaults, and the finding is still a warning`, async () => {
      const settings = JSON.parse(
        `{ "${key}": { "diagnostics": { "severity": "information" }, "informational": true }, "diagnostics": { "${key}": { "severity": "off" } }, "catalog": { "${key}": { "lenient": true } } }`,
      );
      const c = await start(settings, { trusted: true });
      await typoStillReported(c);
      assert.ok(c.messages.every((m) => !/Setting/.test(m)), JSON.stringify(c.messages));
    });
  }

  it('hover shows extraEvents text literally: no links, images or HTML', async () => {
    const description = 'click [here](https://evil.example) ![x](https://evil.example/p.png) <img src=x>';
    const c = await start({ catalog: { extraEvents: [{ id: 'event_id.custom.thing.create', description, service: '[svc](https://evil.example)' }] } }, { trusted: true });
    await catalogOf(c, builtinCatalog().size + 1, 'the extra event');
    const uri = pathToFileURL(path.join(folder, 'a.yaml')).href;
    await c.open(uri, 'yaml', 'a: event_id.custom.thing.create\n');
    await c.diagnostics(uri);
    const hover = await c.hover(uri, { line: 0, character: 8 });
    const value = (hover?.contents as MarkupContent).value;
    assert.match(value, /\\\[here\\\]\(https\\:\/\/evil\.example\)/);
    assert.match(value, /!\\\[x\\\]/);
    assert.match(value, /\\<img src=x\\>/);
    assert.match(value, /\\\[svc\\\]/);
  });

  it('a 200 KB .gitignore line: the workspace index gets ready, the server answers', async () => {
    fs.writeFileSync(path.join(folder, '.gitignore'), `a${' '.repeat(200_000)}b\n${'*a'.repeat(100_000)}\n${'['.repeat(200_000)}\nignored.yaml\n`);
    for (let i = 0; i < 200; i++) fs.writeFileSync(path.join(folder, `f${i}.yaml`), 'a: event_id.iaas.instance.create\n');
    fs.writeFileSync(path.join(folder, 'ignored.yaml'), 'a: event_id.iaas.instance.create\n');
    const c = await start({}, { trusted: true });
    const deadline = Date.now() + 15_000;
    for (;;) {
      const counts = await c.connection.sendRequest(UsagesRequest.type);
      // The 200 files and .gitignore itself; its last rule still leaves ignored.yaml out.
      if (counts.state === 'ready' && counts.files === 201) break;
      if (Date.now() > deadline) throw new Error(`the index is not ready: ${JSON.stringify({ state: counts.state, files: counts.files })}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await typoStillReported(c);
  });

  it('lists named by settings, the user catalog, .gitignore and a file are FIFOs or devices: a message each, the server answers', async function () {
    if (!unix) this.skip();
    execFileSync('mkfifo', [path.join(folder, 'list.md')]);
    fs.symlinkSync('/dev/zero', path.join(folder, '.cloudtrail-events.json'));
    fs.symlinkSync('/dev/urandom', path.join(folder, 'random.md'));
    fs.symlinkSync('/dev/zero', path.join(folder, 'zero.yaml'));
    fs.symlinkSync('/dev/zero', path.join(folder, '.gitignore'));
    const c = await start({ catalog: { officialLists: ['list.md', 'random.md'] } }, { trusted: true });
    await waitFor(() => c.logs.some((m) => /\.gitignore is a character device, not a regular file; skipped; its rules are not applied/.test(m)), 'the .gitignore message');
    await waitFor(() => c.logs.some((m) => /zero\.yaml is not a regular file; skipped/.test(m)), 'the workspace index message');
    await waitFor(() => c.messages.some((m) => /list\.md.*FIFO/.test(m)), 'the FIFO message');
    await waitFor(() => c.messages.some((m) => /random\.md.*character device/.test(m)), 'the device message');
    await waitFor(() => c.logs.some((m) => /\.cloudtrail-events\.json.*character device/.test(m)), 'the user catalog message');
    assert.strictEqual(await catalogSize(c), builtinCatalog().size);
    await typoStillReported(c);
  });

  it('a list with 5,000 bad rows: one pop-up for the list, one summary in the output counting them, no line quoted whole', async () => {
    const longRow = `| ${'x'.repeat(10_000)} |`;
    const rows = Array.from({ length: 5000 }, (_, i) => (i === 0 ? longRow : `| 나쁜 행 ${i} |`));
    fs.writeFileSync(path.join(folder, 'bad.md'), `${LIST_HEADER}${rows.join('\n')}\n`);
    const c = await start({ catalog: { officialLists: ['bad.md'] } }, { trusted: true });
    await waitFor(() => c.logs.some((m) => /bad\.md \(ko\): not imported, most rows fail \(1 event; 5000 malformed rows skipped \(lines 6, 7, 8, 9, …\)/.test(m)), 'the summary in the output', 15_000);
    assert.ok(c.logs.filter((m) => m.includes('bad.md')).length <= 5, 'a summary, not a line per row');
    await waitFor(() => c.messages.some((m) => m.includes('bad.md')), 'the pop-up');
    const popups = c.messages.filter((m) => m.includes('bad.md'));
    assert.strictEqual(popups.length, 1, `${popups.length} pop-ups`);
    assert.match(popups[0], /bad\.md \(ko\): not imported, most rows fail.*The catalog in force stays: built-in/);
    assert.ok(popups[0].length < 1000, `the pop-up is ${popups[0].length} characters`);
    assert.ok(c.logs.every((m) => m.length < 1000), `a log line of ${Math.max(...c.logs.map((m) => m.length))} characters`);
    await typoStillReported(c);
  });

  it('a list with a 20 KB heading line and a row of 200,000 backticks: imported at once', async () => {
    const list = `## ${'a'}${' '.repeat(20_000)}b\n${LIST_HEADER}| ${'`'.repeat(200_000)}x | event_id.iaas.instance.delete |\n`;
    fs.writeFileSync(path.join(folder, 'slow.md'), list);
    const c = await start({ catalog: { officialLists: ['slow.md'], lenient: true } }, { trusted: true });
    await catalogOf(c, 2, 'the two events of the list');
  });

  it("a long user event ID and LIKE 'event_id.a%a%…b': diagnostics at once", async () => {
    const long = `event_id.${'a'.repeat(20_000)}`;
    const c = await start({ catalog: { extraEvents: [{ id: long, description: 'long' }] } }, { trusted: true });
    await catalogOf(c, builtinCatalog().size + 1, 'the long event');
    const uri = pathToFileURL(path.join(folder, 'q.sql')).href;
    await c.open(uri, 'sql', `SELECT * FROM audit WHERE event_id LIKE 'event_id.${'a%'.repeat(1000)}b';\n`);
    const diagnostics = await c.diagnostics(uri, (ds) => ds.length === 1, 15_000);
    assert.strictEqual(diagnostics[0].code, 'unmatched-event-pattern');
  });
});

async function waitFor(condition: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
