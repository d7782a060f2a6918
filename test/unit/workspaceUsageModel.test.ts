/**
 * The catalog tree's usage counts (client/src/usageModel.ts and the `keep`
 * filter of catalogModel.ts), over the real built-in catalog: the row badge,
 * the "used in this workspace" filter and how it combines with the search.
 */
import * as assert from 'node:assert/strict';
import { buildCatalogTree, CatalogTree } from '../../client/src/catalogModel';
import { usageBadge, usageCount, usedEventCount, usedIn } from '../../client/src/usageModel';
import { builtinCatalog } from '../../server/src/core/builtin';
import type { CatalogEventInfo, UsageCounts } from '../../shared/protocol';

const catalog = builtinCatalog();
const services = [...catalog.services];
const events: CatalogEventInfo[] = catalog.events.map((e) => ({ id: e.id, description: e.description, service: e.service, origin: 'builtin' }));
const usages: UsageCounts = {
  version: 3,
  state: 'ready',
  files: 12,
  counts: { 'event_id.iaas.instance.create': 4, 'event_id.iaas.instance.delete': 1, 'event_id.backup.client.register': 2, 'event_id.not.in.catalog': 9 },
};
const shownIds = (tree: CatalogTree) => tree.services.flatMap((s) => s.resources.flatMap((r) => r.events.map((e) => e.event.id)));

describe('workspace usages in the catalog tree (client model)', () => {
  const badges: { name: string; count: number; expected: string | undefined }[] = [
    { name: 'an unused event has no badge', count: 0, expected: undefined },
    { name: 'a used event shows its count', count: 4, expected: '4' },
    { name: 'nine still fits', count: 9, expected: '9' },
    { name: 'from 10 on, 9+ (VS Code badges hold two characters; the tooltip has the number)', count: 250, expected: '9+' },
  ];
  for (const badge of badges) it(badge.name, () => assert.equal(usageBadge(badge.count), badge.expected));

  it('counts come from the server\'s answer, 0 when unused or unknown', () => {
    assert.equal(usageCount(usages, 'event_id.iaas.instance.create'), 4);
    assert.equal(usageCount(usages, 'event_id.iam.login'), 0);
    assert.equal(usageCount(undefined, 'event_id.iaas.instance.create'), 0);
  });

  it('"used in this workspace" keeps exactly the catalog events with usages, in catalog order', () => {
    const tree = buildCatalogTree(events, services, '', usedIn(usages));
    assert.deepEqual(shownIds(tree), ['event_id.iaas.instance.create', 'event_id.iaas.instance.delete', 'event_id.backup.client.register']);
    assert.equal(tree.shown, 3);
    assert.equal(tree.total, events.length);
    assert.equal(usedEventCount(events, usages), 3, 'IDs outside the catalog are not catalog events');
  });

  it('combines with the search filter', () => {
    const tree = buildCatalogTree(events, services, '인스턴스', usedIn(usages));
    assert.deepEqual(shownIds(tree), ['event_id.iaas.instance.create', 'event_id.iaas.instance.delete']);
  });

  it('a filtered tree has its own node keys and says it is filtered (so VS Code shows it expanded)', () => {
    const all = buildCatalogTree(events, services);
    const used = buildCatalogTree(events, services, '', usedIn(usages));
    assert.equal(all.filtered, false);
    assert.equal(used.filtered, true);
    assert.notEqual(used.find('event_id.iaas.instance.create')?.key, all.find('event_id.iaas.instance.create')?.key);
    assert.notEqual(used.services[0].key, all.services[0].key);
  });

  it('with no counts yet, the used-only tree is empty rather than wrong', () => {
    assert.equal(buildCatalogTree(events, services, '', usedIn(undefined)).shown, 0);
    assert.equal(usedEventCount(events, undefined), 0);
  });
});
