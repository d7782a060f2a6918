/**
 * The server's runtime boundary (server/src/runtime/): what runs the same in Node and in a web
 * worker. Timers without setImmediate, document URIs of every scheme as paths (what exclude
 * globs match), workspace-folder URIs for the catalog files, the Node runtime's reads, and the
 * catalog files read through a runtime before the catalog is composed, as the web worker does.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadCatalog } from '../../server/src/catalogLoader';
import { folderLocations, prefetchCatalogFiles, uriInFolder } from '../../server/src/runtime/catalogFiles';
import { nodeRuntime } from '../../server/src/runtime/nodeRuntime';
import { turnScheduler } from '../../server/src/runtime/runtime';
import { uriPath } from '../../server/src/runtime/uriPath';

describe('runtime boundary', () => {
  describe('turnScheduler', () => {
    it('uses setImmediate where there is one (Node)', async () => {
      const order: string[] = [];
      const next = turnScheduler({ setImmediate, setTimeout });
      const done = new Promise<void>((resolve) => next(() => (order.push('turn'), resolve())));
      order.push('now');
      await done;
      assert.deepEqual(order, ['now', 'turn']);
    });

    it('falls back to a 0 ms timeout in a web worker, which has no setImmediate', async () => {
      const delays: number[] = [];
      const workerScope = { setTimeout: (callback: () => void, ms: number) => (delays.push(ms), setTimeout(callback, ms)) };
      const order: string[] = [];
      const done = new Promise<void>((resolve) => turnScheduler(workerScope)(() => (order.push('turn'), resolve())));
      order.push('now');
      await done;
      assert.deepEqual(order, ['now', 'turn']);
      assert.deepEqual(delays, [0]);
    });
  });

  describe('uriPath: the path exclude globs match, for every scheme documents come in', () => {
    const cases: [string, string, string | undefined][] = [
      ['desktop', 'file:///home/me/ws/src/a.ts', '/home/me/ws/src/a.ts'],
      ["code-server's web worker", 'vscode-remote://127.0.0.1:8080/work/ws/node_modules/x/a.js', '/work/ws/node_modules/x/a.js'],
      ['github.dev', 'vscode-vfs://github/owner/repo/gen/a%20b.ts', '/owner/repo/gen/a b.ts'],
      ['@vscode/test-web', 'vscode-test-web://mount/src/a.ts', '/src/a.ts'],
      ['a folder URI without a path is the root', 'vscode-test-web://mount', '/'],
      ['a query and a fragment are not the path', 'vscode-vfs://github/o/r/a.ts?ref=main#L1', '/o/r/a.ts'],
      ['an untitled document has no path', 'untitled:Untitled-1', undefined],
      ['a broken escape is no path', 'vscode-remote://h/a%E0%A4%A', undefined],
    ];
    for (const [name, uri, expected] of cases) it(`${name}: ${uri}`, () => assert.equal(uriPath(uri), expected));
  });

  describe('workspace-folder URIs', () => {
    const [folder] = folderLocations(['vscode-remote://127.0.0.1:8080/work/my ws/']);

    it('keep their URI and give the path the catalog loader joins file names to', () => {
      assert.deepEqual(folder, { uri: 'vscode-remote://127.0.0.1:8080/work/my ws', path: '/work/my ws' });
    });

    it('map a path inside the folder back to a URI, escaped', () => {
      assert.equal(uriInFolder(folder, '/work/my ws/lists/목록 #1.md'), 'vscode-remote://127.0.0.1:8080/work/my ws/lists/%EB%AA%A9%EB%A1%9D%20%231.md');
    });

    it('map nothing outside the folder', () => {
      assert.equal(uriInFolder(folder, '/work/other/a.md'), undefined);
      assert.equal(uriInFolder(folder, '/work/my ws'), undefined);
    });
  });

  describe('files through a runtime', () => {
    let dir: string;
    before(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cloudtrail-runtime-'));
      fs.mkdirSync(path.join(dir, 'lists'));
      fs.writeFileSync(path.join(dir, '.cloudtrail-events.json'), '\uFEFF' + JSON.stringify({ events: [{ id: 'event_id.iaas.flow_log.create', description: '플로우 로그 생성' }] }));
      fs.copyFileSync(path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'lists', 'newer.ko.md'), path.join(dir, 'lists', 'newer.ko.md'));
    });
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    it('the Node runtime reads file: URIs, without the BOM, and says why it does not read others', async () => {
      const read = await nodeRuntime.readText(pathToFileURL(path.join(dir, '.cloudtrail-events.json')).href, 1024 * 1024);
      assert.ok('text' in read && read.text.startsWith('{"events"'), JSON.stringify(read).slice(0, 80));
      assert.deepEqual(await nodeRuntime.readText(pathToFileURL(dir).href, 1024), { kind: 'notRegular', skipped: 'is a directory, not a regular file; skipped' });
      assert.deepEqual(await nodeRuntime.readText(pathToFileURL(path.join(dir, '.cloudtrail-events.json')).href, 10), { kind: 'tooLarge', skipped: 'is larger than 10 bytes; skipped' });
      assert.match(JSON.stringify(await nodeRuntime.readText('vscode-remote://h/a.md', 10)), /not a file: URI/);
    });

    it('the catalog files read through a runtime compose the same catalog as reading the disk', async () => {
      const [folder] = folderLocations([pathToFileURL(dir).href]);
      const prefetched = await prefetchCatalogFiles(nodeRuntime, [folder], ['lists/newer.ko.md']);
      assert.deepEqual(prefetched.messages, []);
      assert.deepEqual([...prefetched.files.keys()].sort(), [path.join(dir, '.cloudtrail-events.json'), path.join(dir, 'lists', 'newer.ko.md')].sort());
      const inputs = { officialLists: ['lists/newer.ko.md'], lenient: false, extraEvents: [], folders: [dir], trusted: true };
      const fromRuntime = loadCatalog({ ...inputs, prefetched: prefetched.files });
      const fromDisk = loadCatalog(inputs);
      assert.deepEqual(fromRuntime.sources, fromDisk.sources);
      assert.deepEqual(fromRuntime.catalog.events.map((e) => e.id), fromDisk.catalog.events.map((e) => e.id));
      assert.ok(fromRuntime.catalog.events.some((e) => e.id === 'event_id.iaas.flow_log_logger.create'), 'the newer list is in force');
      assert.ok(fromRuntime.catalog.events.some((e) => e.id === 'event_id.iaas.flow_log.create'), 'the user catalog file is read');
    });

    it('a folder without a catalog file and a missing list: nothing to read, and the list is refused as on disk', async () => {
      const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'cloudtrail-runtime-empty-'));
      try {
        const prefetched = await prefetchCatalogFiles(nodeRuntime, folderLocations([pathToFileURL(empty).href]), ['missing.md']);
        assert.equal(prefetched.files.size, 0);
        const loaded = loadCatalog({ officialLists: prefetched.officialLists, lenient: false, extraEvents: [], folders: [empty], trusted: true, prefetched: prefetched.files });
        assert.equal(loaded.refused, true);
        assert.match(loaded.messages.map((m) => m.text).join('\n'), /missing\.md: cannot read the event list \(it does not exist\)/);
      } finally {
        fs.rmSync(empty, { recursive: true, force: true });
      }
    });

    it('~ and absolute list paths are desktop-only: a clear message, and they are not read', async () => {
      const [folder] = folderLocations([pathToFileURL(dir).href]);
      const prefetched = await prefetchCatalogFiles(nodeRuntime, [folder], ['~/lists/a.md', '/etc/lists/b.md', 'C:\\lists\\c.md', 'lists/newer.ko.md']);
      assert.deepEqual(prefetched.officialLists, ['lists/newer.ko.md']);
      assert.equal(prefetched.messages.length, 3);
      for (const message of prefetched.messages) assert.match(message.text, /in the browser only lists inside the workspace folder can be read/);
    });

    it('without a workspace folder no list can be read in the web', async () => {
      const prefetched = await prefetchCatalogFiles(nodeRuntime, [], ['lists/newer.ko.md']);
      assert.deepEqual(prefetched.officialLists, []);
      assert.equal(prefetched.messages.length, 1);
    });
  });
});
