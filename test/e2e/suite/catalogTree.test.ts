import * as assert from 'assert';
import * as vscode from 'vscode';
import type { CloudTrailEventsApi } from '../../../client/src/api';
import { activateExtension, waitFor } from './helpers';

/** The bundled catalog, per service, in the order of the source list. */
const SERVICES: [string, number][] = [
  ['기본 인프라 서비스', 375],
  ['Object Storage', 8],
  ['RDS for MySQL', 39],
  ['콘솔', 62],
  ['Backup', 7],
  ['CloudTrail', 2],
  ['System Monitoring', 27],
];
const TOTAL = 520;

type Node = unknown;

function labelText(item: vscode.TreeItem): string {
  const label = item.label;
  return typeof label === 'string' ? label : label?.label ?? '';
}

async function children(tree: vscode.TreeDataProvider<Node>, node?: Node): Promise<Node[]> {
  return (await tree.getChildren(node)) ?? [];
}

async function item(tree: vscode.TreeDataProvider<Node>, node: Node): Promise<vscode.TreeItem> {
  return tree.getTreeItem(node);
}

describe('catalog tree (view cloudtrailEvents.catalog)', () => {
  let api: CloudTrailEventsApi;
  let tree: vscode.TreeDataProvider<Node>;

  before(async () => {
    const extension = await activateExtension();
    api = extension.exports as CloudTrailEventsApi;
    assert.ok(api?.catalogTree, 'activate() returns { catalogTree } (client/src/api.ts)');
    tree = api.catalogTree as vscode.TreeDataProvider<Node>;
    await waitFor('the catalog to load from the server', async () => {
      const state = await api.whenCatalogSettled();
      return state === 'ready' && (await children(tree)).length > 0 ? true : undefined;
    });
  });

  it(`lists ${SERVICES.length} services in catalog order, each with its event count`, async () => {
    const services = await children(tree);
    const shown: [string, number][] = [];
    for (const service of services) {
      const serviceItem = await item(tree, service);
      assert.strictEqual(serviceItem.collapsibleState, vscode.TreeItemCollapsibleState.Collapsed, `${labelText(serviceItem)} starts collapsed`);
      shown.push([labelText(serviceItem), Number(serviceItem.description)]);
    }
    assert.deepStrictEqual(shown, SERVICES);
  });

  it(`holds ${TOTAL} distinct events below service -> resource, each labelled in Korean with its ID as description`, async () => {
    const ids = new Set<string>();
    for (const service of await children(tree)) {
      const serviceLabel = labelText(await item(tree, service));
      let underService = 0;
      for (const resource of await children(tree, service)) {
        assert.strictEqual(tree.getParent?.(resource), service, 'a resource knows its service (TreeView.reveal needs it)');
        for (const event of await children(tree, resource)) {
          const eventItem = await item(tree, event);
          const id = String(eventItem.description);
          assert.match(id, /^event_id\.[A-Za-z0-9_.-]+$/, `event under ${serviceLabel} has its ID as description`);
          assert.ok(labelText(eventItem).length > 0, `${id} has a label`);
          assert.strictEqual(eventItem.collapsibleState, vscode.TreeItemCollapsibleState.None);
          assert.strictEqual(tree.getParent?.(event), resource, `${id} knows its resource`);
          ids.add(id);
          underService++;
        }
      }
      assert.strictEqual(underService, SERVICES.find(([name]) => name === serviceLabel)?.[1], `events under ${serviceLabel}`);
    }
    assert.strictEqual(ids.size, TOTAL);
  });

  it('shows event_id.iaas.instance.create as "인스턴스 생성" under 기본 인프라 서비스 › instance', async () => {
    const [iaas] = await children(tree);
    const resources = await children(tree, iaas);
    const labels = await Promise.all(resources.map(async resource => labelText(await item(tree, resource))));
    const instance = resources[labels.indexOf('instance')];
    assert.ok(instance, `no "instance" resource among ${labels.join(', ')}`);
    const events = await Promise.all((await children(tree, instance)).map(node => item(tree, node)));
    const create = events.find(event => event.description === 'event_id.iaas.instance.create');
    assert.ok(create, 'event_id.iaas.instance.create is listed');
    assert.strictEqual(labelText(create), '인스턴스 생성');
  });

  it('Search filters the tree by Korean text, Clear Search shows everything again', async () => {
    const result = await vscode.commands.executeCommand<{ shown: number; total: number }>('cloudtrailEvents.searchCatalog', '인스턴스 시작');
    assert.ok(result, 'searchCatalog returns its result');
    assert.strictEqual(result.total, TOTAL);
    // 인스턴스 시작 (start), 인스턴스 시작 (unshelve) and their 완료 events.
    assert.ok(result.shown >= 4 && result.shown < TOTAL, `shown: ${result.shown}`);
    const [service] = await children(tree);
    assert.strictEqual(labelText(await item(tree, service)), '기본 인프라 서비스');
    const cleared = await vscode.commands.executeCommand<{ shown: number }>('cloudtrailEvents.clearSearch');
    assert.strictEqual(cleared.shown, TOTAL);
    assert.strictEqual((await children(tree)).length, SERVICES.length);
  });

  it('Reveal in Catalog selects an event given its ID', async () => {
    const revealed = await vscode.commands.executeCommand<string | undefined>('cloudtrailEvents.revealInCatalog', 'event_id.backup.client.register');
    assert.strictEqual(revealed, 'event_id.backup.client.register');
  });
});
