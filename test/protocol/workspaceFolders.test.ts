/**
 * A workspace folder added while the server runs is honoured exactly like one given at start:
 * its `.cloudtrail-events.json` joins the catalog, its exclude rules apply, and removing it
 * takes both away again.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { DidChangeWorkspaceFoldersNotification } from 'vscode-languageserver-protocol';
import { TestClient } from './lspClient';

const TEXT = 'on: event_id.custom.thing.create\ntypo: event_id.iaas.instnace.create\n';

function folderWithUserCatalog(): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'cte-folder-'));
  fs.writeFileSync(path.join(folder, '.cloudtrail-events.json'), JSON.stringify({ events: [{ id: 'event_id.custom.thing.create', description: '사용자 이벤트' }] }));
  fs.mkdirSync(path.join(folder, 'generated'));
  return folder;
}

/** The IDs flagged in `file` once the server has checked it. */
async function flagged(client: TestClient, file: string, until: (ids: string[]) => boolean): Promise<string[]> {
  const uri = pathToFileURL(file).href;
  const deadline = Date.now() + 10_000;
  for (;;) {
    await client.close(uri);
    await client.open(uri, 'yaml', TEXT);
    const ids = (await client.diagnostics(uri)).map((d) => TEXT.split('\n')[d.range.start.line].slice(d.range.start.character, d.range.end.character));
    if (until(ids) || Date.now() > deadline) return ids;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('workspace folders changed at run time (in-band)', () => {
  const folders: string[] = [];
  let client: TestClient;
  afterEach(() => client?.dispose());
  after(() => {
    for (const folder of folders) fs.rmSync(folder, { recursive: true, force: true });
  });

  for (const given of ['at start', 'at run time'] as const) {
    it(`a folder given ${given}: its user catalog and exclude globs apply`, async () => {
      const first = fs.mkdtempSync(path.join(os.tmpdir(), 'cte-first-'));
      const second = folderWithUserCatalog();
      folders.push(first, second);
      client = TestClient.inBand();
      const settings = { exclude: { globs: ['generated/**'] } };
      await client.initializeWorkspace(given === 'at start' ? [first, second] : [first], settings, {}, { uiLanguage: 'en', trusted: true });
      if (given === 'at run time') {
        await client.connection.sendNotification(DidChangeWorkspaceFoldersNotification.type, {
          event: { added: [{ uri: pathToFileURL(second).href, name: 'second' }], removed: [] },
        });
      }
      assert.deepStrictEqual(await flagged(client, path.join(second, 'rules.yaml'), (ids) => ids.length === 1), ['event_id.iaas.instnace.create'], 'the user event is known');
      assert.deepStrictEqual(await flagged(client, path.join(second, 'generated', 'out.yaml'), (ids) => ids.length === 0), [], 'generated/** is excluded in the folder');
    });
  }

  it('a folder removed at run time takes its user catalog away', async () => {
    const first = fs.mkdtempSync(path.join(os.tmpdir(), 'cte-first-'));
    const second = folderWithUserCatalog();
    folders.push(first, second);
    client = TestClient.inBand();
    await client.initializeWorkspace([first, second], {}, {}, { uiLanguage: 'en', trusted: true });
    assert.deepStrictEqual(await flagged(client, path.join(first, 'a.yaml'), (ids) => ids.length === 1), ['event_id.iaas.instnace.create']);
    await client.connection.sendNotification(DidChangeWorkspaceFoldersNotification.type, {
      event: { added: [], removed: [{ uri: pathToFileURL(second).href, name: 'second' }] },
    });
    assert.deepStrictEqual(await flagged(client, path.join(first, 'a.yaml'), (ids) => ids.length === 2), ['event_id.custom.thing.create', 'event_id.iaas.instnace.create']);
  });
});
