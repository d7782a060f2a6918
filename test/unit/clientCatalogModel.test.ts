/**
 * The catalog view's pure model (client/src/catalogModel.ts) against the real
 * built-in catalog: grouping, filter, highlights, tooltips, QuickPick entries.
 */
import * as assert from 'node:assert/strict';
import {
  buildCatalogTree,
  CatalogNode,
  CatalogTree,
  childrenOf,
  eventIdOf,
  eventPickEntries,
  eventTooltipMarkdown,
  highlightsOf,
  parentOf,
  resourceOf,
  TooltipLabels,
  eventLabel,
  serviceLanguageFor,
} from '../../client/src/catalogModel';
import * as fs from 'fs';
import * as path from 'path';
import { parseEventList } from '../../server/src/core/catalogParser';
import type { CatalogEventInfo } from '../../shared/protocol';

/**
 * The seed list (520 events, 7 services) as the server would send it in CatalogRequest: a fixed
 * catalog, so these tests pin the tree's rules, not NHN's current data.
 */
function seedInfo(): { services: string[]; events: CatalogEventInfo[] } {
  const seed = parseEventList(fs.readFileSync(path.resolve(__dirname, '..', '..', '..', 'catalog', 'source', 'cloudtrail-event-list.ko.md'), 'utf8'));
  return {
    services: [...new Set(seed.events.map((e) => e.service))],
    events: seed.events.map((e) => ({ id: e.id, description: e.description, service: e.service, origin: 'builtin' })),
  };
}

const { services, events } = seedInfo();
const full = buildCatalogTree(events, services);

const serviceNamed = (tree: CatalogTree, name: string) => tree.services.find((s) => s.label === name);
const resourceNamed = (tree: CatalogTree, service: string, resource: string) => serviceNamed(tree, service)?.resources.find((r) => r.label === resource);
const idsUnder = (tree: CatalogTree, service: string, resource: string) => resourceNamed(tree, service, resource)?.events.map((e) => e.event.id) ?? [];
const shownIds = (tree: CatalogTree) => tree.services.flatMap((s) => s.resources.flatMap((r) => r.events.map((e) => e.event.id)));
function allNodes(tree: CatalogTree): CatalogNode[] {
  const out: CatalogNode[] = [];
  const walk = (node?: CatalogNode) => {
    for (const child of childrenOf(tree, node)) {
      out.push(child);
      walk(child);
    }
  };
  walk();
  return out;
}

describe('client catalog model', () => {
  describe('resourceOf: the segment after the service namespace', () => {
    const cases = [
      { name: 'four segments', id: 'event_id.iaas.instance_action.reboot', expected: 'instance_action' },
      { name: 'deep ID keeps the first resource segment', id: 'event_id.iaas.nodegroup.node_action.start_node.end', expected: 'nodegroup' },
      { name: 'five segments with .end', id: 'event_id.iaas.cluster.create.end', expected: 'cluster' },
      { name: 'three segments: the namespace is the resource', id: 'event_id.org.update', expected: 'org' },
      { name: 'three segments, camelCase action', id: 'event_id.rds_for_mysql.createChartLayout', expected: 'rds_for_mysql' },
      { name: 'two segments', id: 'event_id.x', expected: 'x' },
    ];
    for (const c of cases) it(`${c.name}: ${c.id} -> ${c.expected}`, () => assert.equal(resourceOf(c.id), c.expected));
  });

  describe('service and event labels in the display language', () => {
    const event: CatalogEventInfo = { id: 'event_id.iaas.instance.create', description: '인스턴스 생성', service: '기본 인프라 서비스', serviceEn: 'Default Infrastructure Service', names: { en: 'Create Instance', ja: 'インスタンス作成' }, origin: 'builtin' };
    it('groups by the Korean or the English heading, keyed the same', () => {
      const ko = buildCatalogTree([event], [], '', undefined, 'ko');
      const en = buildCatalogTree([event], [], '', undefined, 'en');
      assert.deepEqual([ko.services[0].label, en.services[0].label], ['기본 인프라 서비스', 'Default Infrastructure Service']);
      assert.equal(ko.services[0].key, en.services[0].key);
      assert.deepEqual(['ko', 'ko-KR', 'en', 'ja', 'zh-cn'].map(serviceLanguageFor), ['ko', 'ko', 'en', 'en', 'en']);
    });
    it('an event row shows the Korean name and the display language\'s name', () => {
      assert.deepEqual(['ko', 'en', 'ja', 'zh-cn'].map((language) => eventLabel(event, language)), ['인스턴스 생성', '인스턴스 생성 · Create Instance', '인스턴스 생성 · インスタンス作成', '인스턴스 생성 · Create Instance']);
    });
  });

  describe('grouping the seed catalog', () => {
    it('has the 7 services in the order of the source list', () => {
      assert.deepEqual(
        full.services.map((s) => s.label),
        ['기본 인프라 서비스', 'Object Storage', 'RDS for MySQL', '콘솔', 'Backup', 'CloudTrail', 'System Monitoring'],
      );
    });

    it('shows all 520 events, each exactly once, in catalog order within a resource', () => {
      assert.equal(full.total, 520);
      assert.equal(full.shown, 520);
      const ids = shownIds(full);
      assert.equal(ids.length, 520);
      assert.equal(new Set(ids).size, 520);
      assert.deepEqual([...ids].sort(), events.map((e) => e.id).sort());
      assert.equal(full.services.reduce((sum, s) => sum + s.count, 0), 520);
    });

    const groups = [
      { name: '기본 인프라 서비스 > instance_action has its 13 events', service: '기본 인프라 서비스', resource: 'instance_action', count: 13, first: 'event_id.iaas.instance_action.reboot', contains: 'event_id.iaas.instance_action.unshelve_end' },
      { name: '기본 인프라 서비스 > instance is separate from instance_action', service: '기본 인프라 서비스', resource: 'instance', count: 5, first: 'event_id.iaas.instance.create', contains: 'event_id.iaas.instance.update' },
      { name: '기본 인프라 서비스 > nodegroup holds the deep node_action IDs', service: '기본 인프라 서비스', resource: 'nodegroup', count: 24, first: 'event_id.iaas.nodegroup.create.end', contains: 'event_id.iaas.nodegroup.node_action.start_node.end' },
      { name: '콘솔 > org holds the three-segment event_id.org.update', service: '콘솔', resource: 'org', contains: 'event_id.org.update' },
      { name: 'RDS for MySQL > rds_for_mysql holds the three-segment IDs', service: 'RDS for MySQL', resource: 'rds_for_mysql', contains: 'event_id.rds_for_mysql.createChartLayout' },
      { name: 'RDS for MySQL has its own instance resource', service: 'RDS for MySQL', resource: 'instance', contains: 'event_id.rds_for_mysql.instance.create' },
      { name: 'Backup > client', service: 'Backup', resource: 'client', count: 3, first: 'event_id.backup.client.register', contains: 'event_id.backup.client.update' },
      { name: 'CloudTrail > cloud_trail', service: 'CloudTrail', resource: 'cloud_trail', count: 2, first: 'event_id.cloud_trail.delete_log_save_download_config', contains: 'event_id.cloud_trail.set_log_save_download_config' },
    ];
    for (const g of groups) {
      it(g.name, () => {
        const ids = idsUnder(full, g.service, g.resource);
        if (g.count !== undefined) assert.equal(ids.length, g.count);
        if (g.first !== undefined) assert.equal(ids[0], g.first);
        assert.ok(ids.includes(g.contains), `${g.contains} in ${g.service} > ${g.resource}: ${ids.join(', ')}`);
      });
    }

    it('puts every event under its own service and the resource resourceOf names', () => {
      for (const service of full.services) {
        for (const resource of service.resources) {
          for (const node of resource.events) {
            assert.equal(node.event.service, service.label);
            assert.equal(resourceOf(node.event.id), resource.label);
          }
        }
      }
    });

    it('gives every node a unique key (the TreeItem id)', () => {
      const keys = allNodes(full).map((n) => n.key);
      assert.equal(new Set(keys).size, keys.length);
    });

    it('walks from any event back to its service with parentOf (what TreeView.reveal needs)', () => {
      const node = full.find('event_id.iaas.nodegroup.node_action.start_node.end');
      assert.ok(node);
      const resource = parentOf(node);
      assert.equal(resource?.kind, 'resource');
      const service = resource && parentOf(resource);
      assert.equal(service?.kind, 'service');
      assert.equal(service && parentOf(service), undefined);
      assert.ok(childrenOf(full).includes(service as CatalogNode));
      assert.ok(childrenOf(full, service).includes(resource as CatalogNode));
      assert.ok(childrenOf(full, resource).includes(node));
      assert.deepEqual(childrenOf(full, node), []);
    });

    it('finds every event by ID', () => {
      for (const event of events) assert.equal(full.find(event.id)?.event, event);
      assert.equal(full.find('event_id.iaas.instance.craete'), undefined);
    });
  });

  describe('edge cases of the data the server sends', () => {
    const event = (id: string, service: string, description = id): CatalogEventInfo => ({ id, description, service, origin: 'imported' });
    it('an empty catalog has no services', () => {
      const tree = buildCatalogTree([], services);
      assert.deepEqual(tree.services, []);
      assert.equal(tree.total, 0);
    });
    it('a service missing from the service list is appended after the listed ones', () => {
      const tree = buildCatalogTree([event('event_id.custom.thing.do', 'Custom'), event('event_id.iaas.instance.create', '기본 인프라 서비스')], ['기본 인프라 서비스']);
      assert.deepEqual(tree.services.map((s) => s.label), ['기본 인프라 서비스', 'Custom']);
    });
    it('a repeated ID is shown once (the first), so tree ids stay unique', () => {
      const tree = buildCatalogTree([event('event_id.a.b.c', 'S', 'first'), event('event_id.a.b.c', 'S', 'second')]);
      assert.equal(tree.shown, 1);
      assert.equal(tree.find('event_id.a.b.c')?.event.description, 'first');
    });
  });

  describe('filter: Korean text or ID, case-insensitive', () => {
    const cases = [
      {
        name: 'Korean description finds both IDs that share 인스턴스 시작, and their _end events',
        query: '인스턴스 시작',
        expected: ['event_id.iaas.instance_action.start', 'event_id.iaas.instance_action.start_end', 'event_id.iaas.instance_action.unshelve', 'event_id.iaas.instance_action.unshelve_end'],
      },
      { name: 'surrounding spaces are ignored', query: '  인스턴스 재부팅 ', expected: ['event_id.iaas.instance_action.reboot', 'event_id.iaas.instance_action.reboot_end'] },
      { name: 'decomposed Hangul (macOS input) matches composed text', query: '인스턴스 재부팅'.normalize('NFD'), expected: ['event_id.iaas.instance_action.reboot', 'event_id.iaas.instance_action.reboot_end'] },
      { name: 'part of an ID', query: 'instance_action.reboot', expected: ['event_id.iaas.instance_action.reboot', 'event_id.iaas.instance_action.reboot_end'] },
      { name: 'ID in upper case', query: 'INSTANCE_ACTION.REBOOT', expected: ['event_id.iaas.instance_action.reboot', 'event_id.iaas.instance_action.reboot_end'] },
      { name: 'an English service name is not a filter on the service', query: 'System Monitoring', expected: [] },
      { name: 'a description spanning several resources', query: '오브젝트', expected: ['event_id.object_storage.object.upload', 'event_id.object_storage.object.copy', 'event_id.object_storage.object.delete', 'event_id.object_storage.object.metadata.update', 'event_id.rds_for_mysql.backup.export'] },
      { name: 'nothing matches', query: 'no such event', expected: [] },
    ];
    for (const c of cases) {
      it(`${c.name}: "${c.query}"`, () => {
        const tree = buildCatalogTree(events, services, c.query);
        assert.deepEqual(shownIds(tree), c.expected);
        assert.equal(tree.shown, c.expected.length);
        assert.equal(tree.total, 520);
      });
    }

    it('an empty or blank filter shows everything with the unfiltered keys', () => {
      for (const query of ['', '   ']) {
        const tree = buildCatalogTree(events, services, query);
        assert.equal(tree.shown, 520);
        assert.equal(tree.query, '');
        assert.deepEqual(allNodes(tree).map((n) => n.key), allNodes(full).map((n) => n.key));
      }
    });

    it('leaves out services and resources with no match', () => {
      const tree = buildCatalogTree(events, services, '인스턴스 시작');
      assert.deepEqual(tree.services.map((s) => [s.label, s.count, s.resources.map((r) => r.label)]), [['기본 인프라 서비스', 4, ['instance_action']]]);
    });

    it('gives filtered nodes their own keys, so the view can show them expanded', () => {
      const tree = buildCatalogTree(events, services, 'reboot');
      const keys = new Set(allNodes(full).map((n) => n.key));
      for (const node of allNodes(tree)) assert.ok(!keys.has(node.key), node.key);
    });

    it('matches names in other languages too', () => {
      const withNames: CatalogEventInfo[] = [{ id: 'event_id.iaas.instance.create', description: '인스턴스 생성', service: '기본 인프라 서비스', origin: 'imported', names: { en: 'Create Instance' } }];
      assert.equal(buildCatalogTree(withNames, [], 'create instance').shown, 1);
    });
  });

  describe('highlightsOf: where the filter matched in a label', () => {
    const cases = [
      { name: 'whole label', text: '인스턴스 시작', query: '인스턴스 시작', expected: [[0, 7]] },
      { name: 'prefix', text: '인스턴스 시작 완료', query: '인스턴스 시작', expected: [[0, 7]] },
      { name: 'every occurrence', text: '로그 저장/다운로드 설정 저장', query: '저장', expected: [[3, 5], [14, 16]] },
      { name: 'case-insensitive', text: 'Object Storage', query: 'storage', expected: [[7, 14]] },
      { name: 'no filter', text: '인스턴스 생성', query: '', expected: [] },
      { name: 'no match', text: '인스턴스 생성', query: '볼륨', expected: [] },
    ];
    for (const c of cases) it(c.name, () => assert.deepEqual(highlightsOf(c.text, c.query), c.expected));
  });

  describe('event tooltip markdown', () => {
    const labels: TooltipLabels = { service: 'Service', deprecated: 'Deprecated', origin: { user: 'Added in the settings' } };
    const reboot = full.find('event_id.iaas.instance_action.reboot')!.event;
    const cases: { name: string; event: CatalogEventInfo; contains: string[]; excludes?: string[] }[] = [
      { name: 'built-in event: description, ID and service', event: reboot, contains: ['**인스턴스 재부팅**', '`event_id.iaas.instance_action.reboot`', 'Service: 기본 인프라 서비스'], excludes: ['Deprecated', 'Added'] },
      { name: 'names in other languages are listed', event: { ...reboot, names: { en: 'Reboot Instance', ja: 'インスタンス再起動' } }, contains: ['- en: Reboot Instance', '- ja: インスタンス再起動'] },
      { name: 'a deprecated event says what to use instead', event: { ...reboot, deprecated: 'use event_id.iaas.instance_action.stop' }, contains: ['**Deprecated**: use event\\_id\\.iaas\\.instance\\_action\\.stop'] },
      { name: 'an event from the settings says so', event: { ...reboot, origin: 'user' }, contains: ['_Added in the settings_'] },
      { name: 'Markdown in a description is shown as text', event: { ...reboot, description: '*로그* [저장](x) <b>' }, contains: ['**\\*로그\\* \\[저장\\]\\(x\\) \\<b\\>**'] },
    ];
    for (const c of cases) {
      it(c.name, () => {
        const markdown = eventTooltipMarkdown(c.event, labels);
        for (const text of c.contains) assert.ok(markdown.includes(text), `${JSON.stringify(text)} in\n${markdown}`);
        for (const text of c.excludes ?? []) assert.ok(!markdown.includes(text), `${JSON.stringify(text)} not in\n${markdown}`);
      });
    }
  });

  describe('QuickPick entries', () => {
    const entries = eventPickEntries(events, 'deprecated');
    it('one per event, in catalog order', () => {
      assert.equal(entries.length, 520);
      assert.deepEqual(entries.map((e) => e.id), events.map((e) => e.id));
    });
    it('label is the ID, description the Korean text, detail the service', () => {
      const entry = entries.find((e) => e.id === 'event_id.iaas.instance.create');
      assert.deepEqual(entry, { label: 'event_id.iaas.instance.create', description: '인스턴스 생성', detail: '기본 인프라 서비스', id: 'event_id.iaas.instance.create' });
    });
    it('a deprecated event is marked in the detail', () => {
      const [entry] = eventPickEntries([{ id: 'event_id.a.b.c', description: 'x', service: 'S', origin: 'user', deprecated: 'use event_id.a.b.d' }], 'deprecated');
      assert.equal(entry.detail, 'S · deprecated: use event_id.a.b.d');
    });
  });

  describe('eventIdOf: the ID a command was invoked with', () => {
    const node = full.find('event_id.iaas.instance.create')!;
    const cases: { name: string; arg: unknown; expected: string | undefined }[] = [
      { name: 'an ID string', arg: 'event_id.iaas.instance.create', expected: 'event_id.iaas.instance.create' },
      { name: 'an ID string with spaces', arg: ' event_id.iaas.instance.create ', expected: 'event_id.iaas.instance.create' },
      { name: 'a tree event node', arg: node, expected: 'event_id.iaas.instance.create' },
      { name: 'a QuickPick entry', arg: eventPickEntries([node.event], 'deprecated')[0], expected: 'event_id.iaas.instance.create' },
      { name: 'a resource node has no ID', arg: node.parent, expected: undefined },
      { name: 'no argument', arg: undefined, expected: undefined },
      { name: 'an empty string', arg: '', expected: undefined },
      { name: 'a number', arg: 42, expected: undefined },
      { name: 'a keybinding argument', arg: { fromSelection: true }, expected: undefined },
    ];
    for (const c of cases) it(c.name, () => assert.equal(eventIdOf(c.arg), c.expected));
  });
});

describe('client catalog model: user events', () => {
  it('events from the user catalog get their own group, even when they name a service', () => {
    const user = (id: string, service: string): CatalogEventInfo => ({ id, description: '사용자 이벤트', service, origin: 'user' });
    const tree = buildCatalogTree([...events, user('event_id.iaas.flow_log.create', '기본 인프라 서비스'), user('event_id.custom.thing.do', 'User events')], services);
    assert.deepEqual(idsUnder(tree, 'User events', 'flow_log'), ['event_id.iaas.flow_log.create']);
    assert.deepEqual(idsUnder(tree, 'User events', 'thing'), ['event_id.custom.thing.do']);
    assert.equal(idsUnder(tree, '기본 인프라 서비스', 'flow_log').length, 0);
    assert.equal(tree.services.length, 8);
  });
});
