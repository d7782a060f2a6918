import * as assert from 'assert';
import * as vscode from 'vscode';
import type { CloudTrailEventsApi } from '../../../client/src/api';
import { activateExtension, bundledCatalog, waitFor } from './helpers';

/**
 * The bundled catalog, per service in catalog order, labelled as an English display language shows
 * it (NHN's English heading where the English page has the service), with its event count.
 */
async function expectedServices(): Promise<[string, number][]> {
  const { data } = await bundledCatalog();
  const counts = data.services.map(() => 0);
  for (const event of data.events) counts[event.service]++;
  return data.services.map((service, i): [string, number] => [service.en ?? service.ko, counts[i]]).filter(([, count]) => count > 0);
}

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
  let services: [string, number][];
  let total: number;

  before(async () => {
    services = await expectedServices();
    total = (await bundledCatalog()).data.events.length;
    assert.ok(services.length > 50 && total > 1900, `${services.length} services, ${total} events`);
    const extension = await activateExtension();
    api = extension.exports as CloudTrailEventsApi;
    assert.ok(api?.catalogTree, 'activate() returns { catalogTree } (client/src/api.ts)');
    tree = api.catalogTree as vscode.TreeDataProvider<Node>;
    await waitFor('the catalog to load from the server', async () => {
      const state = await api.whenCatalogSettled();
      return state === 'ready' && (await children(tree)).length > 0 ? true : undefined;
    });
  });

  it('lists every service in catalog order, under its English heading, each with its event count', async () => {
    const shown: [string, number][] = [];
    for (const service of await children(tree)) {
      const serviceItem = await item(tree, service);
      assert.strictEqual(serviceItem.collapsibleState, vscode.TreeItemCollapsibleState.Collapsed, `${labelText(serviceItem)} starts collapsed`);
      shown.push([labelText(serviceItem), Number(serviceItem.description)]);
    }
    assert.deepStrictEqual(shown, services);
  });

  it('holds every event, distinct, below service -> resource, each labelled in Korean with its ID as description', async () => {
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
      assert.strictEqual(underService, services.find(([name]) => name === serviceLabel)?.[1], `events under ${serviceLabel}`);
    }
    assert.strictEqual(ids.size, total);
  });

  it('shows event_id.iaas.instance.create as "인스턴스 생성 · Create Instance" under Default Infrastructure Service › instance', async () => {
    const all = await children(tree);
    const serviceLabels = await Promise.all(all.map(async (service) => labelText(await item(tree, service))));
    const iaas = all[serviceLabels.indexOf('Default Infrastructure Service')];
    assert.ok(iaas, `no "Default Infrastructure Service" among ${serviceLabels.join(', ')}`);
    const resources = await children(tree, iaas);
    const labels = await Promise.all(resources.map(async resource => labelText(await item(tree, resource))));
    const instance = resources[labels.indexOf('instance')];
    assert.ok(instance, `no "instance" resource among ${labels.join(', ')}`);
    const events = await Promise.all((await children(tree, instance)).map(node => item(tree, node)));
    const create = events.find(event => event.description === 'event_id.iaas.instance.create');
    assert.ok(create, 'event_id.iaas.instance.create is listed');
    assert.strictEqual(labelText(create), '인스턴스 생성 · Create Instance');
  });

  it('Search filters the tree by Korean text, Clear Search shows everything again', async () => {
    const result = await vscode.commands.executeCommand<{ shown: number; total: number }>('cloudtrailEvents.searchCatalog', '인스턴스 시작');
    assert.ok(result, 'searchCatalog returns its result');
    assert.strictEqual(result.total, total);
    // 중지된 인스턴스 시작 (start), 종료된 인스턴스 시작 (unshelve), their 완료 events, and the RDS ones.
    assert.ok(result.shown >= 4 && result.shown < total, `shown: ${result.shown}`);
    const [service] = await children(tree);
    assert.strictEqual(labelText(await item(tree, service)), 'Default Infrastructure Service', 'the first service with a match; Console has none');
    const cleared = await vscode.commands.executeCommand<{ shown: number }>('cloudtrailEvents.clearSearch');
    assert.strictEqual(cleared.shown, total);
    assert.strictEqual((await children(tree)).length, services.length);
  });

  it('Reveal in Catalog selects an event given its ID', async () => {
    const revealed = await vscode.commands.executeCommand<string | undefined>('cloudtrailEvents.revealInCatalog', 'event_id.backup.client.register');
    assert.strictEqual(revealed, 'event_id.backup.client.register');
  });
});
