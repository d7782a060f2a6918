/**
 * The catalog index: by ID, by namespace, by description, and wildcard matching.
 */
import * as assert from 'assert';
import { builtinCatalog, builtinEvents } from '../../server/src/core/builtin';
import { Catalog, CatalogEvent } from '../../server/src/core/catalog';

const catalog = builtinCatalog();
const ids = (events: readonly CatalogEvent[]) => events.map((e) => e.id);

describe('catalog: the built-in catalog', () => {
  it('has 520 events in 7 services, in source order', () => {
    assert.strictEqual(catalog.size, 520);
    assert.deepStrictEqual(catalog.services, ['기본 인프라 서비스', 'Object Storage', 'RDS for MySQL', '콘솔', 'Backup', 'CloudTrail', 'System Monitoring']);
    assert.strictEqual(catalog.events[0].id, 'event_id.iaas.instance.create');
    assert.strictEqual(catalog.events[catalog.size - 1].service, 'System Monitoring');
  });
  it('every event has segments that join back to its ID, a description and a service', () => {
    for (const event of catalog.events) {
      assert.strictEqual(event.segments.join('.'), event.id);
      assert.ok(event.description.trim() !== '' && event.service !== '', event.id);
      assert.strictEqual(event.origin, 'builtin');
    }
  });
  it('is built once and shared', () => {
    assert.strictEqual(builtinCatalog(), catalog);
  });
});

describe('catalog: lookup by ID', () => {
  const CASES: [string, string | undefined][] = [
    ['event_id.iaas.instance.create', '인스턴스 생성'],
    ['event_id.iaas.image.create_id', '이미지 아이디 생성'],
    ['event_id.iaas.instnace.create', undefined],
    ['event_id.iaas.instance', undefined],
    ['EVENT_ID.IAAS.INSTANCE.CREATE', undefined],
  ];
  for (const [id, description] of CASES) {
    it(`get(${id}) is ${description ?? 'undefined'}`, () => assert.strictEqual(catalog.get(id)?.description, description));
  }
  it('IDs with dashes are found', () => assert.ok(catalog.get('event_id.market_place.termination-apply-cancel')));
  it('getIgnoringCase finds the ID whatever its case', () => {
    assert.strictEqual(catalog.getIgnoringCase('EVENT_ID.IAAS.INSTANCE.CREATE')?.id, 'event_id.iaas.instance.create');
    assert.strictEqual(catalog.getIgnoringCase('event_id.rds_for_mysql.createchartlayout')?.id, 'event_id.rds_for_mysql.createChartLayout');
  });
});

describe('catalog: namespaces', () => {
  const NAMESPACES: [string, boolean][] = [
    ['event_id', true],
    ['event_id.iaas', true],
    ['event_id.iaas.instance_action', true],
    ['event_id.iaas.cluster.create', true],
    ['event_id.iaas.instance_action.start', false],
    ['event_id.iaas.instnace', false],
    ['event_id.iaas.', false],
    ['event_id.iaas.inst', false],
  ];
  for (const [path, expected] of NAMESPACES) it(`isNamespace(${path}) is ${expected}`, () => assert.strictEqual(catalog.isNamespace(path), expected));

  it('event_id.iaas.instance_action. has 13 events, in source order', () => {
    assert.deepStrictEqual(ids(catalog.eventsUnder('event_id.iaas.instance_action')), [
      'event_id.iaas.instance_action.reboot',
      'event_id.iaas.instance_action.reboot_end',
      'event_id.iaas.instance_action.resize',
      'event_id.iaas.instance_action.resize_end',
      'event_id.iaas.instance_action.screenshot',
      'event_id.iaas.instance_action.shelve',
      'event_id.iaas.instance_action.shelve_end',
      'event_id.iaas.instance_action.start',
      'event_id.iaas.instance_action.start_end',
      'event_id.iaas.instance_action.stop',
      'event_id.iaas.instance_action.stop_end',
      'event_id.iaas.instance_action.unshelve',
      'event_id.iaas.instance_action.unshelve_end',
    ]);
  });
  it('a namespace holds whole segments only: instance is not instance_action or instance_template', () => {
    assert.strictEqual(catalog.eventsUnder('event_id.iaas.instance').length, 5);
  });
  it('the root holds every event; a service its own', () => {
    assert.strictEqual(catalog.eventsUnder('event_id').length, 520);
    assert.strictEqual(catalog.eventsUnder('event_id.iaas').length, 375);
    assert.strictEqual(catalog.eventsUnder('event_id.nope').length, 0);
  });
  it('childrenOf the root lists the 13 top segments with their counts', () => {
    assert.deepStrictEqual(
      catalog.childrenOf('event_id').map((c) => `${c.path} ${c.count}`),
      [
        'event_id.iaas 375', 'event_id.object_storage 8', 'event_id.rds_for_mysql 39', 'event_id.iam 4', 'event_id.org 25',
        'event_id.project 23', 'event_id.budget 3', 'event_id.governance 1', 'event_id.supporter 2', 'event_id.market_place 4',
        'event_id.backup 7', 'event_id.cloud_trail 2', 'event_id.system_monitoring 27',
      ],
    );
    assert.deepStrictEqual([...catalog.topSegments], catalog.childrenOf('event_id').map((c) => c.path.split('.')[1]));
  });
  it('childrenOf a resource lists its events, each carrying its entry', () => {
    const children = catalog.childrenOf('event_id.iaas.instance');
    assert.deepStrictEqual(children.map((c) => [c.path, c.count, c.event?.description]), [
      ['event_id.iaas.instance.create', 1, '인스턴스 생성'],
      ['event_id.iaas.instance.create_end', 1, '인스턴스 생성 완료'],
      ['event_id.iaas.instance.delete', 1, '인스턴스 삭제'],
      ['event_id.iaas.instance.delete_end', 1, '인스턴스 삭제 완료'],
      ['event_id.iaas.instance.update', 1, '인스턴스 정보 변경'],
    ]);
  });
  it('childrenOf mixes sub-namespaces and events (cluster.create.* vs cluster.pod)', () => {
    const children = catalog.childrenOf('event_id.iaas.cluster');
    const create = children.find((c) => c.path === 'event_id.iaas.cluster.create');
    assert.deepStrictEqual([create?.count, create?.event], [3, undefined]);
  });
  it('hasIdStartingWith accepts text cut inside a segment of a real namespace only', () => {
    assert.strictEqual(catalog.hasIdStartingWith('event_id.iaas.instance_'), true);
    assert.strictEqual(catalog.hasIdStartingWith('event_id.iaas.vol'), true);
    assert.strictEqual(catalog.hasIdStartingWith('event_id.iaas.instnace_'), false);
    assert.strictEqual(catalog.hasIdStartingWith('event_id.iaas.zzz'), false);
  });
});

describe('catalog: descriptions shared by several events', () => {
  it('인스턴스 시작 is both instance_action.start and instance_action.unshelve', () => {
    const start = catalog.get('event_id.iaas.instance_action.start')!;
    assert.deepStrictEqual(ids(catalog.sharingDescription(start)), ['event_id.iaas.instance_action.unshelve']);
    assert.deepStrictEqual(ids(catalog.sharingDescription(catalog.get('event_id.iaas.instance_action.unshelve')!)), ['event_id.iaas.instance_action.start']);
  });
  it('an event with a unique description shares it with nobody', () => {
    assert.deepStrictEqual(catalog.sharingDescription(catalog.get('event_id.iaas.instance.create')!), []);
  });
  it('there are 7 duplicate descriptions', () => {
    const duplicates = catalog.duplicateDescriptions();
    assert.deepStrictEqual(
      [...duplicates].map(([description, events]) => [description, ids(events)]),
      [
        ['인스턴스 타입 변경 완료', ['event_id.iaas.instance_action.resize_end', 'event_id.iaas.nodegroup.update_flavor.end']],
        ['인스턴스 시작', ['event_id.iaas.instance_action.start', 'event_id.iaas.instance_action.unshelve']],
        ['인스턴스 시작 완료', ['event_id.iaas.instance_action.start_end', 'event_id.iaas.instance_action.unshelve_end']],
        ['인스턴스 중지', ['event_id.iaas.instance_action.stop', 'event_id.rds_for_mysql.instance.stop']],
        ['알림 그룹 삭제', ['event_id.rds_for_mysql.deleteNotificationGroup', 'event_id.system_monitoring.alarm_group_deletion']],
        ['사용자 그룹 삭제', ['event_id.rds_for_mysql.deleteUserGroup', 'event_id.system_monitoring.user_group_deletion']],
        ['프로젝트 멤버 삭제', ['event_id.project.member.delete', 'event_id.project.members.delete']],
      ],
    );
  });
});

describe('catalog: wildcards', () => {
  const CASES: { pattern: string; count: number; first?: string }[] = [
    { pattern: 'event_id.iaas.instance.*', count: 5, first: 'event_id.iaas.instance.create' },
    { pattern: 'event_id.iaas.instance.%', count: 5 },
    { pattern: 'event_id.iaas.*', count: 375 },
    { pattern: 'event_id.*', count: 520 },
    { pattern: 'event_id.iaas.instance%', count: 5 + 13 + 4 },
    { pattern: 'event_id.iaas.instance_action.*_end', count: 6, first: 'event_id.iaas.instance_action.reboot_end' },
    { pattern: 'event_id.iaas.%s.create', count: 96 },
    { pattern: 'event_id.iaas.%(resource)s.create', count: 96 },
    { pattern: 'event_id.iaas.%-10s.create', count: 96 },
    { pattern: 'event_id.iaas.instnace.*', count: 0 },
    { pattern: 'event_id.iaas.instance.create*', count: 2 },
  ];
  for (const c of CASES) {
    it(`${c.pattern} matches ${c.count}`, () => {
      const matched = catalog.matchWildcard(c.pattern);
      assert.strictEqual(matched.length, c.count);
      if (c.first) assert.strictEqual(matched[0].id, c.first);
    });
  }
  it('regex characters in a pattern are literal', () => {
    assert.deepStrictEqual(catalog.matchWildcard('event_id.iaas.instance.(create|delete)'), []);
    assert.deepStrictEqual(catalog.matchWildcard('event_id.iaas.instance.create+'), []);
  });
  it('a pattern is a whole-ID match, not a substring match', () => {
    assert.deepStrictEqual(catalog.matchWildcard('iaas.instance.*'), []);
  });
});

describe('catalog: a catalog built from other events', () => {
  it('indexes user events like built-in ones', () => {
    const extra: CatalogEvent = { id: 'event_id.custom.thing.create', description: '사용자 정의', service: 'Custom', segments: ['event_id', 'custom', 'thing', 'create'], origin: 'user' };
    const merged = new Catalog([...builtinEvents(), extra]);
    assert.strictEqual(merged.size, 521);
    assert.strictEqual(merged.get(extra.id), extra);
    assert.ok(merged.isNamespace('event_id.custom.thing'));
    assert.deepStrictEqual(merged.services.slice(-1), ['Custom']);
    assert.ok(merged.topSegments.has('custom'));
  });
  it('an empty catalog answers every question with nothing', () => {
    const empty = new Catalog([]);
    assert.deepStrictEqual([empty.size, empty.get('event_id.iam.login'), empty.isNamespace('event_id'), empty.matchWildcard('event_id.*')], [0, undefined, false, []]);
  });
});
