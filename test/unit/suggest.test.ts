/**
 * "Did you mean" suggestions: the intended ID first, none when nothing is close.
 */
import * as assert from 'assert';
import fc from 'fast-check';
import { distance } from 'fastest-levenshtein';
import { builtinCatalog } from '../../server/src/core/builtin';
import { Catalog } from '../../server/src/core/catalog';
import { findProblems } from '../../server/src/core/problems';
import { suggest, suggestNamespace } from '../../server/src/core/suggest';
import { slipOf } from '../fixtures/hostile/generators';

const catalog = builtinCatalog();

interface Case {
  name: string;
  token: string;
  /** The expected suggestions, best first (a prefix of the full list when `top` is set). */
  expected: string[];
  top?: number;
}

function run(cases: Case[]): void {
  for (const c of cases) {
    it(`${c.name}: ${c.token}`, () => {
      const got = suggest(c.token, catalog, 3);
      assert.deepStrictEqual(c.top ? got.slice(0, c.top) : got, c.expected);
    });
  }
}

describe('suggest: the intended ID comes first', () => {
  run([
    { name: 'transposed letters', token: 'event_id.iaas.instnace.create', expected: ['event_id.iaas.instance.create'] },
    { name: 'transposed letters in a short ID', token: 'event_id.iam.lgoin', expected: ['event_id.iam.login'] },
    { name: 'transposed letters in the action', token: 'event_id.iaas.instance.craete', expected: ['event_id.iaas.instance.create'], top: 1 },
    { name: 'a missing letter', token: 'event_id.iaas.loadbalancer.updat', expected: ['event_id.iaas.loadbalancer.update'], top: 1 },
    { name: 'a missing letter in the resource', token: 'event_id.iaas.keypar.create', expected: ['event_id.iaas.keypair.create'], top: 1 },
    { name: 'an extra letter', token: 'event_id.iaas.volumee.attach', expected: ['event_id.iaas.volume.attach'], top: 1 },
    { name: 'a doubled letter', token: 'event_id.iaas.volume.dettach', expected: ['event_id.iaas.volume.detach', 'event_id.iaas.volume.attach'] },
    { name: 'a plural resource', token: 'event_id.iaas.cluster.pods.exec', expected: ['event_id.iaas.cluster.pod.exec'], top: 1 },
    { name: '.end written for _end', token: 'event_id.iaas.instance.create.end', expected: ['event_id.iaas.instance.create_end'], top: 1 },
    { name: '_end written for .end', token: 'event_id.iaas.cluster.create_end', expected: ['event_id.iaas.cluster.create.end'], top: 1 },
    { name: '-end written for _end', token: 'event_id.iaas.instance_action.start-end', expected: ['event_id.iaas.instance_action.start_end'], top: 1 },
    { name: '_ written for - (market_place)', token: 'event_id.market_place.apply_cancel', expected: ['event_id.market_place.apply-cancel'], top: 1 },
    { name: 'a resource split with a dot', token: 'event_id.iaas.loadbalancer.listener.delete', expected: ['event_id.iaas.loadbalancer_listener.delete'], top: 1 },
    { name: 'wrong case in a segment', token: 'event_id.iaas.Instance.create', expected: ['event_id.iaas.instance.create'] },
    { name: 'wrong case everywhere', token: 'EVENT_ID.IAAS.INSTANCE.CREATE', expected: ['event_id.iaas.instance.create'] },
    { name: 'lost camelCase', token: 'event_id.rds_for_mysql.createchartlayout', expected: ['event_id.rds_for_mysql.createChartLayout'] },
    { name: 'a misspelt service', token: 'event_id.rds_for_mysq.instance.create', expected: ['event_id.rds_for_mysql.instance.create'], top: 1 },
    { name: 'a service without its separator', token: 'event_id.objectstorage.container.create', expected: ['event_id.object_storage.container.create'] },
    { name: 'a service with a dash', token: 'event_id.object-storage.container.create', expected: ['event_id.object_storage.container.create'] },
    { name: 'cloudtrail for cloud_trail', token: 'event_id.cloudtrail.set_log_save_download_config', expected: ['event_id.cloud_trail.set_log_save_download_config'] },
    { name: 'a wrong resource segment (vpc for vpc_subnet)', token: 'event_id.iaas.vpc.attach_routingtable', expected: ['event_id.iaas.vpc_subnet.attach_routingtable'] },
    { name: 'a misspelt resource and a missing separator', token: 'event_id.iaas.floatingip.create', expected: ['event_id.iaas.floating_ip.create'], top: 1 },
    { name: 'a wrong resource, two candidates', token: 'event_id.iaas.instance.attach', expected: ['event_id.iaas.volume.attach', 'event_id.iaas.floating_ip.attach'] },
    { name: 'a verb in the wrong form (system monitoring)', token: 'event_id.system_monitoring.alarm_config_update', expected: ['event_id.system_monitoring.alarm_config_updating'] },
    { name: 'an extra trailing segment', token: 'event_id.iam.login.x', expected: ['event_id.iam.login'] },
    { name: 'a past tense', token: 'event_id.iaas.nodegroup.upgrade.started', expected: ['event_id.iaas.nodegroup.upgrade.start'], top: 1 },
  ]);
});

describe('suggest: nothing when nothing is close', () => {
  run([
    { name: 'an unrelated resource', token: 'event_id.iaas.widget.frobnicate', expected: [] },
    { name: 'an unrelated service', token: 'event_id.totally.unrelated.thing', expected: [] },
    { name: 'a short name', token: 'event_id.xyz', expected: [] },
    { name: 'an Elasticsearch sub-field', token: 'event_id.keyword', expected: [] },
    { name: 'a verb that does not exist', token: 'event_id.iaas.instance.terminate', expected: [] },
  ]);
});

describe('suggest: contract', () => {
  it('returns at most max suggestions, best first', () => {
    const three = suggest('event_id.iaas.instance.create.end', catalog, 3);
    assert.strictEqual(three.length, 3);
    assert.deepStrictEqual(suggest('event_id.iaas.instance.create.end', catalog, 1), three.slice(0, 1));
  });
  it('is deterministic (memoised answers equal fresh ones)', () => {
    const fresh = new Catalog(catalog.events);
    assert.deepStrictEqual(suggest('event_id.iaas.vloume.attach', catalog), suggest('event_id.iaas.vloume.attach', fresh));
    assert.deepStrictEqual(suggest('event_id.iaas.vloume.attach', catalog), suggest('event_id.iaas.vloume.attach', catalog));
  });
  it('only suggests IDs of the catalog it is given', () => {
    const small = new Catalog([{ id: 'event_id.demo.thing.create', description: '생성', service: 'Demo', segments: ['event_id', 'demo', 'thing', 'create'] }]);
    assert.deepStrictEqual(suggest('event_id.demo.thing.craete', small), ['event_id.demo.thing.create']);
    assert.deepStrictEqual(suggest('event_id.iaas.instnace.create', small), []);
  });

  // One realistic slip (swap, drop, double or change one letter after `event_id.`) of any catalog ID:
  // the ID itself is offered among the first three, and first unless another ID is one edit away too
  // (`instance_action.nshelve` reads as shelve as well as unshelve). An exhaustive run over all 39,185
  // swaps, drops and doublings found 0 misses in the top 3 and 6 such ties; it takes 7 s, so sample.
  it('one slip of a catalog ID is corrected first, or within the top 3 when ambiguous (property)', () => {
    const ids = catalog.events.map((e) => e.id);
    const slip = slipOf(ids, () => 'event_id.'.length)
      .filter(({ typo }) => catalog.get(typo) === undefined);
    fc.assert(
      fc.property(slip, ({ id, typo }) => {
        const got = suggest(typo, catalog, 3);
        return got.includes(id) && (got[0] === id || distance(typo, got[0]) === 1);
      }),
      { seed: 20241118, numRuns: 2000 },
    );
  });
});

describe('suggest: slips beyond plain edit distance', () => {
  it('two transpositions', () => {
    assert.deepStrictEqual(suggest('event_id.iaas.instnace.craete', catalog, 1), ['event_id.iaas.instance.create']);
  });

  it('a mistyped namespace gets a corrected namespace', () => {
    assert.deepStrictEqual(suggestNamespace('event_id.iaas.imgae', catalog, 1), ['event_id.iaas.image']);
    assert.deepStrictEqual(suggestNamespace('event_id.iaas.instnace', catalog, 1), ['event_id.iaas.instance']);
    assert.deepStrictEqual(suggestNamespace('event_id.iaas.cluster.replicaset', catalog, 1), ['event_id.iaas.cluster.replica_set']);
  });

  it('a mistyped wildcard gets the corrected wildcard as its fix', () => {
    const [problem] = findProblems('on: event_id.iaas.imgae.*', 'yaml', catalog);
    assert.deepStrictEqual(problem.suggestions.slice(0, 1), ['event_id.iaas.image.*']);
    assert.strictEqual(problem.message, "No CloudTrail event matches 'event_id.iaas.imgae.*'. Did you mean 'event_id.iaas.image.*'?");
  });

  it('a wrong resource segment among many same-action IDs', () => {
    assert.deepStrictEqual(suggest('event_id.iaas.cluster.upgrade.start', catalog, 1), ['event_id.iaas.nodegroup.upgrade.start']);
  });

  it('a missing middle segment', () => {
    assert.deepStrictEqual(suggest('event_id.iaas.snapshot.restore', catalog, 1), ['event_id.iaas.nas.snapshot.restore']);
  });

  it('an _end suffix on a resource without completion events', () => {
    assert.deepStrictEqual(suggest('event_id.iaas.keypair.create_end', catalog, 1), ['event_id.iaas.keypair.create']);
  });

  it('a verb cut short', () => {
    assert.deepStrictEqual(suggest('event_id.system_monitoring.user_group_add', catalog, 1), ['event_id.system_monitoring.user_group_addition']);
  });
});
