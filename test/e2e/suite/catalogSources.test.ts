/**
 * The catalog follows its sources in a real VS Code: "Import Official Event
 * List…" writes the setting and completion, diagnostics and the tree follow;
 * a workspace .cloudtrail-events.json adds events in their own tree group.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { CloudTrailEventsApi } from '../../../client/src/api';
import { activateExtension, EXTENSION_ID, fixtureUri, openScratch, SOURCE, waitFor } from './helpers';

type Node = unknown;

async function serviceLabels(tree: vscode.TreeDataProvider<Node>): Promise<string[]> {
  const labels: string[] = [];
  for (const node of (await tree.getChildren()) ?? []) {
    const label = (await tree.getTreeItem(node)).label;
    labels.push(typeof label === 'string' ? label : label?.label ?? '');
  }
  return labels;
}

const ourDiagnostics = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);

describe('catalog sources', function () {
  this.timeout(60_000);
  let api: CloudTrailEventsApi;
  let tree: vscode.TreeDataProvider<Node>;
  let lists: vscode.Uri;

  before(async () => {
    const extension = await activateExtension();
    api = extension.exports as CloudTrailEventsApi;
    tree = api.catalogTree as vscode.TreeDataProvider<Node>;
    lists = vscode.Uri.joinPath(vscode.extensions.getExtension(EXTENSION_ID)!.extensionUri, 'test', 'fixtures', 'lists');
    await waitFor('the catalog', async () => ((await api.whenCatalogSettled()) === 'ready' ? true : undefined));
  });

  afterEach(async () => {
    await vscode.workspace.getConfiguration('cloudtrailEvents').update('catalog.officialLists', undefined, vscode.ConfigurationTarget.Workspace);
    // The copied list holds IDs: left in the workspace, it would change other suites' usage counts.
    await Promise.resolve(vscode.workspace.fs.delete(fixtureUri('scratch/lists'), { recursive: true, useTrash: false })).catch(() => undefined);
  });

  it('Import Official Event List… adds the list to the setting, and diagnostics follow the newer list', async () => {
    const document = await openScratch('newer-events.yaml', 'a: event_id.iaas.flow_log_logger.create\n');
    await vscode.window.showTextDocument(document);
    await waitFor('the built-in catalog to flag the newer ID', () => (ourDiagnostics(document.uri).length === 1 ? true : undefined));

    // A list in the workspace: the setting names it relative to the folder, a form every host (the browser too) reads back.
    const list = fixtureUri('scratch/lists/newer.ko.md');
    await vscode.workspace.fs.copy(vscode.Uri.joinPath(lists, 'newer.ko.md'), list, { overwrite: true });
    const value = await vscode.commands.executeCommand<string[]>('cloudtrailEvents.importOfficialList', list, vscode.ConfigurationTarget.Workspace);
    assert.deepStrictEqual(value, ['scratch/lists/newer.ko.md']);
    assert.deepStrictEqual(vscode.workspace.getConfiguration('cloudtrailEvents').get('catalog.officialLists'), ['scratch/lists/newer.ko.md']);
    await waitFor('the imported list to accept the newer ID', () => (ourDiagnostics(document.uri).length === 0 ? true : undefined));

    const items = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, new vscode.Position(0, 39));
    const item = items.items.find((i) => (typeof i.label === 'string' ? i.label : i.label.label) === 'event_id.iaas.flow_log_logger.create');
    assert.strictEqual(item?.detail, '플로우 로그 로거 생성');
  });

  it('a list that is not an event list is refused and the setting is left alone', async () => {
    const value = await vscode.commands.executeCommand('cloudtrailEvents.importOfficialList', vscode.Uri.joinPath(lists, 'not-a-list.md'), vscode.ConfigurationTarget.Workspace);
    assert.strictEqual(value, undefined);
    assert.deepStrictEqual(vscode.workspace.getConfiguration('cloudtrailEvents').get('catalog.officialLists'), []);
  });

  it('.cloudtrail-events.json adds events in their own group, and removing it takes them away', async () => {
    const file = fixtureUri('.cloudtrail-events.json');
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(JSON.stringify({ events: [{ id: 'event_id.iaas.flow_log.create', description: '플로우 로그 생성' }] })));
    try {
      await waitFor('the user group in the tree', async () => ((await serviceLabels(tree)).includes('User events') ? true : undefined));
      const document = await openScratch('user-events.yaml', 'a: event_id.iaas.flow_log.create\nb: event_id.iaas.flow_log.craete\n');
      await vscode.window.showTextDocument(document);
      const [typo] = await waitFor('the typo of a user event', () => {
        const found = ourDiagnostics(document.uri);
        return found.length === 1 ? found : undefined;
      });
      assert.match(typo.message, /Did you mean 'event_id\.iaas\.flow_log\.create'\?/);
    } finally {
      await vscode.workspace.fs.delete(file);
    }
    await waitFor('the user group to go', async () => ((await serviceLabels(tree)).includes('User events') ? undefined : true));
  });
});
