/**
 * The catalog index: by ID, by namespace, by description, and wildcard matching.
 */
import * as assert from 'assert';
import { builtinCatalog, builtinEvents } from '../../server/src/core/builtin';
import { Catalog, CatalogEvent } from '../../server/src/core/catalog';

const catalog = builtinCatalog();
const ids = (events: readonly CatalogEvent[]) => events.map((e) => e.id);

describe('catalog: the built-in catalog', () => {
  it('has every published event (1,988 in 52 services, NHN Cloud 2026-03-23), in the order of the Korean page', () => {
    assert.strictEqual(catalog.size, 1988);
    assert.strictEqual(catalog.services.length, 52);
    assert.deepStrictEqual(catalog.services.slice(0, 4), ['콘솔', '기본 인프라 서비스', 'Object Storage', 'RDS for MySQL']);
    assert.strictEqual(catalog.events[0].id, 'event_id.cloud_monitoring_organization.alarm_activate');
    assert.strictEqual(catalog.events.find((e) => e.id === 'event_id.iaas.instance.create')?.service, '기본 인프라 서비스');
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

  it('event_id.iaas.instance_action. has 14 events, in source order', () => {
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
      'event_id.iaas.instance_action.reset_keypair',
    ]);
  });
  it('a namespace holds whole segments only: instance is not instance_action or instance_template', () => {
    assert.strictEqual(catalog.eventsUnder('event_id.iaas.instance').length, 5);
  });
  it('the root holds every event; a service its own', () => {
    assert.strictEqual(catalog.eventsUnder('event_id').length, 1988);
    assert.strictEqual(catalog.eventsUnder('event_id.iaas').length, 570);
    assert.strictEqual(catalog.eventsUnder('event_id.nope').length, 0);
  });
  it('childrenOf the root lists the 61 top segments with their counts', () => {
    const children = catalog.childrenOf('event_id').map((c) => `${c.path} ${c.count}`);
    assert.strictEqual(children.length, 61);
    assert.deepStrictEqual(children.slice(0, 5), ['event_id.cloud_monitoring_organization 10', 'event_id.iam 4', 'event_id.org 31', 'event_id.project 27', 'event_id.budget 3']);
    assert.ok(children.includes('event_id.iaas 570') && children.includes('event_id.gameanvil 51') && children.includes('event_id.skm 72'));
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
  it('프로젝트 생성 is both project.create and logncrash.project.save', () => {
    const create = catalog.get('event_id.project.create')!;
    assert.deepStrictEqual(ids(catalog.sharingDescription(create)), ['event_id.logncrash.project.save']);
    assert.deepStrictEqual(ids(catalog.sharingDescription(catalog.get('event_id.logncrash.project.save')!)), ['event_id.project.create']);
  });
  it('an event with a unique description shares it with nobody', () => {
    assert.deepStrictEqual(catalog.sharingDescription(catalog.get('event_id.iaas.instance.create')!), []);
  });
  it('there are 113 duplicate descriptions, in catalog order', () => {
    const duplicates = catalog.duplicateDescriptions();
    assert.strictEqual(duplicates.size, 113);
    assert.deepStrictEqual(
      [...duplicates].slice(0, 2).map(([description, events]) => [description, ids(events)]),
      [
        ['프로젝트 생성', ['event_id.project.create', 'event_id.logncrash.project.save']],
        ['프로젝트 삭제', ['event_id.project.delete', 'event_id.logncrash.project.delete']],
      ],
    );
  });
});

describe('catalog: wildcards', () => {
  const CASES: { pattern: string; count: number; first?: string }[] = [
    { pattern: 'event_id.iaas.instance.*', count: 5, first: 'event_id.iaas.instance.create' },
    { pattern: 'event_id.iaas.instance.%', count: 5 },
    { pattern: 'event_id.iaas.*', count: 570 },
    { pattern: 'event_id.*', count: 1988 },
    { pattern: 'event_id.iaas.instance%', count: 5 + 14 + 4 },
    { pattern: 'event_id.iaas.instance_action.*_end', count: 6, first: 'event_id.iaas.instance_action.reboot_end' },
    { pattern: 'event_id.iaas.%s.create', count: 110 },
    { pattern: 'event_id.iaas.%(resource)s.create', count: 110 },
    { pattern: 'event_id.iaas.%-10s.create', count: 110 },
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
    assert.strictEqual(merged.size, 1989);
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
