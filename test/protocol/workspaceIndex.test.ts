/**
 * The workspace index and navigation through a real LSP client, in-band, on a
 * temporary copy of test/fixtures/workspace-index: background indexing with
 * work-done progress, what is left out (.gitignore, files.exclude, the exclude
 * settings, the size cap, binaries), usage counts, references, highlights,
 * definition, workspace symbols, open documents over disk, the file watcher,
 * the enable setting, and requests answered while indexing.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';
import {
  DefinitionRequest,
  DidChangeWatchedFilesNotification,
  DocumentHighlightRequest,
  FileChangeType,
  Location,
  ReferencesRequest,
  SymbolInformation,
  SymbolKind,
  WorkspaceSymbolRequest,
} from 'vscode-languageserver-protocol';
import { UsageCounts, UsageLocationsRequest, UsagesChangedNotification, UsagesRequest } from '../../shared/protocol';
import { ServerContext } from '../../server/src/serverContext';
import { WorkspaceIndex } from '../../server/src/workspace/workspaceIndex';
import { compact, TestClient } from './lspClient';

// out/test/protocol -> repository root
const ROOT = path.resolve(__dirname, '..', '..', '..');
const FIXTURE = path.join(ROOT, 'test', 'fixtures', 'workspace-index');
/** The built-in catalog, one event per line: Go to Definition and symbols land on the event's line. */
const CATALOG_SOURCE = path.join(ROOT, 'catalog', 'events.json');
/** Where `id` is in catalog/events.json, in the form `where` gives: `catalog:line:start-end`. */
function catalogRow(id: string): string {
  const lines = fs.readFileSync(CATALOG_SOURCE, 'utf8').split('\n');
  const line = lines.findIndex((l) => l.includes(`{"id":"${id}"`));
  const start = lines[line].indexOf(id);
  return `catalog:${line}:${start}-${start + id.length}`;
}

const CREATE = 'event_id.iaas.instance.create';
const DELETE = 'event_id.iaas.instance.delete';
const REGISTER = 'event_id.backup.client.register';
const TYPO = 'event_id.iaas.instance.craete';

/** The test's settings: `log` files and files over 10 KB are not examined. */
const SETTINGS = { exclude: { languages: ['log'] }, maxFileSizeMB: 0.01 };
const FILES_EXCLUDE = { '**/.git': true, '**/vendor': true, '**/*.js': { when: '$(basename).ts' } };

/** What the fixture's examined files use (see its README): src/, config/, docs/ and notes/keep.tmp. */
const EXPECTED_COUNTS = { [CREATE]: 4, [DELETE]: 2, [REGISTER]: 3 };
/** .gitignore, README.md, src/{handler.py,app.ts,Component.ts}, config/rules.yaml, docs/NOTES.md, notes/keep.tmp, bin/data.bin, big/huge.yaml. */
const EXAMINED_FILES = 10;

/** Copies the fixture to a temporary folder and adds what git cannot hold there. */
function makeWorkspace(): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'ctev-index-')));
  fs.cpSync(FIXTURE, dir, { recursive: true });
  fs.renameSync(path.join(dir, 'dot-gitignore'), path.join(dir, '.gitignore'));
  // The repository ignores node_modules, so the fixture cannot ship one.
  fs.mkdirSync(path.join(dir, 'node_modules', 'pkg'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'node_modules', 'pkg', 'index.js'), `module.exports = '${CREATE}';\n`);
  // Binary: NUL bytes around an ID.
  fs.mkdirSync(path.join(dir, 'bin'));
  fs.writeFileSync(path.join(dir, 'bin', 'data.bin'), Buffer.concat([Buffer.from([0, 1, 2, 0]), Buffer.from(` ${CREATE} `), Buffer.from([0])]));
  // Larger than maxFileSizeMB (10 KB).
  fs.mkdirSync(path.join(dir, 'big'));
  fs.writeFileSync(path.join(dir, 'big', 'huge.yaml'), `- ${CREATE}\n${'# padding\n'.repeat(2000)}`);
  return dir;
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last === undefined ? '' : ` (last: ${JSON.stringify(last)})`}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const usages = (client: TestClient) => client.connection.sendRequest(UsagesRequest.type);

/** Polls the usage counts until `until` holds. */
async function countsWhen(client: TestClient, what: string, until: (u: UsageCounts) => boolean, timeoutMs?: number): Promise<UsageCounts> {
  let last: UsageCounts | undefined;
  try {
    return await waitFor(what, async () => {
      last = await usages(client);
      return until(last) ? last : undefined;
    }, timeoutMs);
  } catch (error) {
    throw new Error(`${(error as Error).message}; last counts: ${JSON.stringify(last)}`);
  }
}

const ready = (client: TestClient) => countsWhen(client, 'the index to be ready', (u) => u.state === 'ready');

describe('workspace index and navigation over LSP (in-band, temporary workspace)', () => {
  let dir: string;
  let client: TestClient;
  const uri = (relative: string) => pathToFileURL(path.join(dir, relative)).href;
  /** A location as `relative/path:line:start-end`, the catalog source as `catalog:line:start-end`. */
  const where = (location: Location) => {
    const file = fileURLToPath(location.uri);
    const name = file === CATALOG_SOURCE ? 'catalog' : path.relative(dir, file).split(path.sep).join('/');
    const [line, start, , end] = compact(location.range);
    return `${name}:${line}:${start}-${end}`;
  };
  const textOf = (relative: string) => fs.readFileSync(path.join(dir, relative), 'utf8');
  const positionOf = (relative: string, needle: string, nth = 0) => {
    const lines = textOf(relative).split('\n');
    let seen = 0;
    for (let line = 0; line < lines.length; line++) {
      for (let at = lines[line].indexOf(needle); at >= 0; at = lines[line].indexOf(needle, at + 1)) {
        if (seen++ === nth) return { line, character: at + 1 };
      }
    }
    throw new Error(`${needle} not in ${relative}`);
  };
  const openFromDisk = (relative: string, languageId: string) => client.open(uri(relative), languageId, textOf(relative));
  const references = (relative: string, needle: string, includeDeclaration = false, nth = 0) =>
    client.connection.sendRequest(ReferencesRequest.type, { textDocument: { uri: uri(relative) }, position: positionOf(relative, needle, nth), context: { includeDeclaration } }) as Promise<Location[] | null>;
  const watched = (changes: [string, FileChangeType][]) =>
    client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: changes.map(([relative, type]) => ({ uri: uri(relative), type })) });

  beforeEach(async () => {
    dir = makeWorkspace();
    client = TestClient.inBand();
    await client.initializeWorkspace([dir], SETTINGS, { 'files.exclude': FILES_EXCLUDE });
  });
  afterEach(async () => {
    await client.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  describe('indexing', () => {
    it('indexes the folder in the background, reporting file counts with work-done progress', async () => {
      const counts = await ready(client);
      assert.strictEqual(counts.files, EXAMINED_FILES);
      assert.strictEqual(client.progressTokens.length, 1, 'one progress token, created with window/workDoneProgress/create');
      const values = await waitFor('the progress to end', () => (client.progress.some((p) => p.value.kind === 'end') ? client.progress.map((p) => p.value) : undefined));
      assert.ok(client.progress.every((p) => p.token === client.progressTokens[0]));
      assert.deepStrictEqual(values[0], { kind: 'begin', title: 'CloudTrail event IDs', percentage: 0, message: 'Looking for files…', cancellable: false });
      assert.deepStrictEqual(values.at(-2), { kind: 'report', percentage: 100, message: `${EXAMINED_FILES}/${EXAMINED_FILES} files` });
      assert.deepStrictEqual(values.at(-1), { kind: 'end' });
    });

    it('watches every file through a dynamic registration', async () => {
      await ready(client);
      const registration = client.registrations.find((r) => r.method === DidChangeWatchedFilesNotification.method && JSON.stringify(r.registerOptions).includes('"**/*"'));
      assert.ok(registration, JSON.stringify(client.registrations));
    });

    it('counts usages per event, leaving out .gitignore, files.exclude (with when), excluded globs and languages, large and binary files', async () => {
      const counts = await ready(client);
      assert.deepStrictEqual(counts.counts, EXPECTED_COUNTS);
    });

    it('re-includes a file that .gitignore re-includes (!keep.tmp)', async () => {
      await ready(client);
      const found = await client.connection.sendRequest(UsageLocationsRequest.type, { id: REGISTER });
      assert.deepStrictEqual(found.map(where), ['docs/NOTES.md:2:9-40', 'notes/keep.tmp:0:0-31', 'src/handler.py:4:20-51']);
    });
  });

  describe('navigation', () => {
    beforeEach(() => ready(client));

    it('Find All References lists every usage in the workspace, sorted by file and position', async () => {
      await openFromDisk('src/app.ts', 'typescript');
      const found = await references('src/app.ts', CREATE);
      assert.deepStrictEqual(found?.map(where), ['config/rules.yaml:1:11-40', 'src/app.ts:0:24-53', 'src/handler.py:0:10-39', 'src/handler.py:2:28-57']);
    });

    it('with includeDeclaration, the catalog row comes first', async () => {
      await openFromDisk('src/app.ts', 'typescript');
      const found = await references('src/app.ts', CREATE, true);
      assert.strictEqual(found && where(found[0]), catalogRow(CREATE));
      assert.strictEqual(found?.length, 5);
    });

    it('references of an unknown ID list the same typo elsewhere', async () => {
      await openFromDisk('src/app.ts', 'typescript');
      const found = await references('src/app.ts', TYPO);
      assert.deepStrictEqual(found?.map(where), ['config/rules.yaml:3:11-40', 'src/app.ts:1:21-50']);
    });

    it('no references off an ID, nor on a wildcard', async () => {
      await openFromDisk('config/rules.yaml', 'yaml');
      assert.strictEqual(await references('config/rules.yaml', 'alerts'), null);
      assert.strictEqual(await references('config/rules.yaml', 'event_id.iaas.instance.*'), null);
    });

    it('document highlights mark the same ID in the document only', async () => {
      await openFromDisk('src/handler.py', 'python');
      const highlights = await client.connection.sendRequest(DocumentHighlightRequest.type, { textDocument: { uri: uri('src/handler.py') }, position: positionOf('src/handler.py', CREATE, 1) });
      assert.deepStrictEqual(highlights?.map((h) => compact(h.range)), [
        [0, 10, 0, 39],
        [2, 28, 2, 57],
      ]);
    });

    it('Go to Definition opens the ID\'s line in catalog/events.json', async () => {
      await openFromDisk('docs/NOTES.md', 'markdown');
      const definition = (await client.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri: uri('docs/NOTES.md') }, position: positionOf('docs/NOTES.md', REGISTER) })) as Location;
      assert.strictEqual(where(definition), catalogRow(REGISTER));
      assert.match(fs.readFileSync(CATALOG_SOURCE, 'utf8').split('\n')[definition.range.start.line], /^\s*\{"id":"event_id\.backup\.client\.register","service":\d+,"ko":"백업 서버 등록"/);
    });

    it('no definition for an unknown ID', async () => {
      await openFromDisk('src/app.ts', 'typescript');
      assert.strictEqual(await client.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri: uri('src/app.ts') }, position: positionOf('src/app.ts', TYPO) }), null);
    });

    const symbolCases: { name: string; query: string; first: string; container: string; row: string }[] = [
      { name: 'by Korean description', query: '인스턴스 생성', first: `인스턴스 생성 · Create Instance (${CREATE})`, container: '기본 인프라 서비스', row: catalogRow(CREATE) },
      { name: 'by part of an ID', query: 'backup.client.reg', first: `백업 서버 등록 · Register Backup Server (${REGISTER})`, container: 'Backup', row: catalogRow(REGISTER) },
      { name: 'by fuzzy ID letters', query: 'bkrestapply', first: '복구 신청 · Apply for Restoration (event_id.backup.restoration.apply)', container: 'Backup', row: catalogRow('event_id.backup.restoration.apply') },
    ];
    for (const c of symbolCases) {
      it(`Workspace Symbols finds events ${c.name}, located at their catalog row`, async () => {
        const symbols = (await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query: c.query })) as SymbolInformation[];
        assert.ok(symbols.length > 0);
        const [first] = symbols;
        assert.strictEqual(first.name, c.first);
        assert.strictEqual(first.kind, SymbolKind.Event);
        assert.strictEqual(first.containerName, c.container);
        assert.strictEqual(where(first.location), c.row);
      });
    }
  });

  describe('keeping current', () => {
    beforeEach(() => ready(client));

    it('an open document counts as edited, unsaved; closing it brings back the disk version', async () => {
      const changed: number[] = [];
      client.connection.onNotification(UsagesChangedNotification.type, ({ version }) => changed.push(version));
      await client.open(uri('config/rules.yaml'), 'yaml', `- ${CREATE}\n- ${CREATE}\n- ${CREATE}\n`);
      await countsWhen(client, 'the open document to count', (u) => u.counts[CREATE] === 6 && u.counts[DELETE] === 1);
      const found = await client.connection.sendRequest(UsageLocationsRequest.type, { id: CREATE });
      assert.deepStrictEqual(found.map(where).filter((w) => w.startsWith('config/')), ['config/rules.yaml:0:2-31', 'config/rules.yaml:1:2-31', 'config/rules.yaml:2:2-31']);
      await client.close(uri('config/rules.yaml'));
      await countsWhen(client, 'the disk version to count again', (u) => JSON.stringify(u.counts) === JSON.stringify(EXPECTED_COUNTS));
      await waitFor('the server to say usages changed (coalesced)', () => (changed.length > 0 ? true : undefined));
    });

    it('follows created, changed and deleted files and folders reported by the watcher', async () => {
      fs.writeFileSync(path.join(dir, 'src', 'new.go'), `package main\n\nconst A = "${CREATE}"\nconst B = "${DELETE}"\n`);
      await watched([['src/new.go', FileChangeType.Created]]);
      await countsWhen(client, 'a created file', (u) => u.counts[CREATE] === 5 && u.counts[DELETE] === 3);

      fs.writeFileSync(path.join(dir, 'src', 'new.go'), `package main\n\nconst B = "${DELETE}"\n`);
      await watched([['src/new.go', FileChangeType.Changed]]);
      await countsWhen(client, 'a changed file', (u) => u.counts[CREATE] === 4 && u.counts[DELETE] === 3);

      fs.rmSync(path.join(dir, 'src', 'new.go'));
      fs.rmSync(path.join(dir, 'config'), { recursive: true });
      await watched([['src/new.go', FileChangeType.Deleted], ['config', FileChangeType.Deleted]]);
      await countsWhen(client, 'a deleted file and folder', (u) => JSON.stringify(u.counts) === JSON.stringify({ [CREATE]: 3, [DELETE]: 1, [REGISTER]: 3 }));
    });

    it('a folder created with files in it is indexed; files in excluded places are not', async () => {
      fs.mkdirSync(path.join(dir, 'build', 'more'), { recursive: true });
      fs.writeFileSync(path.join(dir, 'build', 'more', 'x.ts'), `'${CREATE}'\n`);
      fs.cpSync(path.join(dir, 'src'), path.join(dir, 'copied'), { recursive: true });
      await watched([['build/more/x.ts', FileChangeType.Created], ['copied', FileChangeType.Created]]);
      // copied/ has src/'s 3 + 1 + 1 usages (Component.js stays excluded next to Component.ts); build/ is ignored.
      const counts = await countsWhen(client, 'the copied folder', (u) => u.counts[CREATE] === 7);
      assert.deepStrictEqual(counts.counts, { [CREATE]: 7, [DELETE]: 3, [REGISTER]: 4 });
    });

    it('an edited .gitignore re-scans the folder', async () => {
      fs.appendFileSync(path.join(dir, '.gitignore'), 'docs/\n');
      await watched([['.gitignore', FileChangeType.Changed]]);
      await countsWhen(client, 'docs/ to be ignored', (u) => u.counts[REGISTER] === 2);
    });

    it('changed settings re-scan: turning the index off keeps only open documents, on again re-reads', async () => {
      await openFromDisk('src/app.ts', 'typescript');
      await client.setSettings({ ...SETTINGS, workspaceIndex: { enabled: false } });
      const off = await countsWhen(client, 'the index to be off', (u) => u.state === 'disabled');
      assert.deepStrictEqual(off.counts, { [CREATE]: 1 });
      await client.setSettings({ ...SETTINGS, exclude: { languages: [] } });
      // logs/audit.log is no longer excluded.
      const on = await countsWhen(client, 'the index to be back', (u) => u.state === 'ready' && u.counts[CREATE] === 5);
      assert.strictEqual(on.files, EXAMINED_FILES + 1);
    });
  });
});

describe('workspace index: responsiveness and limits', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'ctev-index-big-')));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** `count` files in nested folders, each using an ID on a few lines. */
  function fill(count: number) {
    for (let i = 0; i < count; i++) {
      const sub = path.join(dir, `pkg${i % 20}`, `mod${i % 7}`);
      fs.mkdirSync(sub, { recursive: true });
      fs.writeFileSync(path.join(sub, `f${i}.yaml`), `# file ${i}\n${'filler: text\n'.repeat(40)}- ${CREATE}\n- ${TYPO}\n`);
    }
  }

  it('answers hover and completion while a large workspace is still being indexed', async () => {
    fill(3000);
    const client = TestClient.inBand();
    try {
      await client.initializeWorkspace([dir]);
      const open = pathToFileURL(path.join(dir, 'open.yaml')).href;
      await client.open(open, 'yaml', `- ${CREATE}\n`);
      const started = Date.now();
      const hover = await client.hover(open, { line: 0, character: 5 });
      const completion = await client.completion(open, { line: 0, character: 2 + 'event_id.iaas.inst'.length });
      const elapsed = Date.now() - started;
      const during = await usages(client);
      assert.ok(hover, 'hover answered');
      assert.ok(completion && completion.items.length > 0, 'completion answered');
      assert.strictEqual(during.state, 'indexing', `the index was still reading (${during.files} files) when hover answered after ${elapsed} ms`);
      const done = await countsWhen(client, 'the large workspace to be indexed', (u) => u.state === 'ready', 60_000);
      assert.strictEqual(done.counts[CREATE], 3001);
    } finally {
      await client.dispose();
    }
  });

  it('reads at most maxFiles files and says so in the log', async () => {
    fill(12);
    const client = TestClient.inBandWith((connection) => {
      // The real index with a test-sized cap, wired as startServer wires it.
      const context = new ServerContext(connection);
      const index = new WorkspaceIndex(context, { maxFiles: 5 });
      connection.onInitialize((params) => {
        context.hasConfigurationCapability = true;
        index.initialize(params);
        return { capabilities: {} };
      });
      connection.onInitialized(() => index.start());
      connection.onRequest(UsagesRequest.type, () => index.counts());
      context.documents.listen(connection);
      connection.listen();
    });
    try {
      await client.initializeWorkspace([dir]);
      const counts = await ready(client);
      assert.strictEqual(counts.files, 5);
      assert.strictEqual(counts.counts[CREATE], 5);
      assert.ok(client.logs.some((log) => /more than 5 files to examine; only the first 5 are indexed/.test(log)), client.logs.join('\n'));
    } finally {
      await client.dispose();
    }
  });
});
