/**
 * The core on shapes real text holds: groups of phase events written as one event, a doubled
 * prefix, verbs the catalog spells otherwise, IDs in JSX/Vue/Svelte markup text.
 */
import * as assert from 'assert';
import { findIds } from '../../server/src/core/analyze';
import { builtinCatalog } from '../../server/src/core/builtin';
import { findProblems } from '../../server/src/core/problems';
import { verbSynonymIds } from '../../server/src/core/verbs';

const catalog = builtinCatalog();
const brief = (text: string, languageId: string) => findIds(text, languageId, catalog).map((f) => `${f.kind}:${f.text}`);

describe('real text: a group of events written as an event', () => {
  const CASES: { name: string; text: string; expected: string[] }[] = [
    { name: 'cluster.create whose events are .start/.end/.failed', text: 'a: event_id.iaas.cluster.create\n', expected: ['group:event_id.iaas.cluster.create'] },
    { name: 'with a trailing dot it is a prefix filter', text: 'a: event_id.iaas.cluster.create.\n', expected: ['namespace:event_id.iaas.cluster.create.'] },
    { name: 'a resource namespace is not a group (its events are verbs, not phases)', text: 'a: event_id.iaas.instance\n', expected: ['namespace:event_id.iaas.instance'] },
    { name: 'its phase events are events', text: 'a: event_id.iaas.nodegroup.delete.failed\n', expected: ['event:event_id.iaas.nodegroup.delete.failed'] },
  ];
  for (const c of CASES) it(c.name, () => assert.deepStrictEqual(brief(c.text, 'yaml'), c.expected));
  it('its problem names the events and offers them and both prefix forms', () => {
    const [problem] = findProblems('x: event_id.iaas.cluster.create\n', 'yaml', catalog);
    assert.strictEqual(problem.code, 'event-group-id');
    assert.deepStrictEqual(problem.suggestions, ['event_id.iaas.cluster.create.end', 'event_id.iaas.cluster.create.failed', 'event_id.iaas.cluster.create.start', 'event_id.iaas.cluster.create.', 'event_id.iaas.cluster.create.*']);
  });
  it('a prefix cut by concatenation stays a prefix', () => assert.deepStrictEqual(brief('x = "event_id.iaas.cluster.create" + phase', 'python'), ['namespace:event_id.iaas.cluster.create']));
});

describe('real text: slips no edit distance explains', () => {
  const top = (text: string, languageId = 'yaml') => findProblems(text, languageId, catalog).map((p) => p.suggestions[0]);
  it('a doubled prefix, also in strict files', () => {
    assert.deepStrictEqual(top('a: event_id.event_id.iaas.instance.create\n'), ['event_id.iaas.instance.create']);
    assert.deepStrictEqual(top('a event_id.event_id.iaas.instance.create', 'unknown-language'), ['event_id.iaas.instance.create']);
  });
  it('verbs users swap, limited to the words the catalog uses', () => {
    assert.deepStrictEqual(verbSynonymIds('event_id.iaas.instance.remove', catalog), ['event_id.iaas.instance.delete']);
    assert.deepStrictEqual(verbSynonymIds('event_id.iaas.volume.modify', catalog), ['event_id.iaas.volume.update']);
    assert.deepStrictEqual(verbSynonymIds('event_id.iaas.instance.frobnicate', catalog), []);
    assert.deepStrictEqual(top('a: event_id.iaas.volume.remove\n'), ['event_id.iaas.volume.delete']);
  });
});

describe('real text: markup text in code', () => {
  const tsx = 'const Row = () => (\n  <td className="id">event_id.iaas.instnace.create</td>\n);\nif (a > event_id.iaas.x && b < 3) {}\nconst f = (x) => event_id.lower();\n';
  for (const languageId of ['typescriptreact', 'javascriptreact', 'vue', 'svelte', 'astro']) {
    it(`${languageId}: text between tags is read, comparisons and calls are not`, () => assert.deepStrictEqual(brief(tsx, languageId), ['unknown:event_id.iaas.instnace.create']));
  }
  it('plain TypeScript has no markup text', () => assert.deepStrictEqual(brief(tsx, 'typescript'), []));
  it('a Vue template with an interpolation and a fragment', () => {
    const vue = '<template>\n  <p>{{ label }} event_id.iaas.instance.create</p>\n  <>event_id.iaas.instance.update</>\n</template>\n';
    assert.deepStrictEqual(brief(vue, 'vue'), ['event:event_id.iaas.instance.create', 'event:event_id.iaas.instance.update']);
  });
});
