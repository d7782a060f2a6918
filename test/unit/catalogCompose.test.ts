/**
 * The catalog in force: official lists merged by ID across languages, the
 * user's additions and deprecations, and what an import changed.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { builtinBase, loadCatalog } from '../../server/src/catalogLoader';
import { findProblems } from '../../server/src/core/problems';
import { applyUserEntries, diffCatalogs, mergeOfficialLists } from '../../server/src/core/catalogCompose';
import { parseEventList } from '../../server/src/core/catalogParser';
import { parseJsonWithPositions } from '../../server/src/core/jsonPositions';
import { USER_SERVICE } from '../../shared/userEvents';
import { parseUserCatalog, validateEntry } from '../../server/src/core/userCatalog';

const LISTS = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'lists');
const list = (name: string) => path.join(LISTS, name);
const read = (name: string) => fs.readFileSync(list(name), 'utf8');
const inputs = (overrides: Partial<Parameters<typeof loadCatalog>[0]> = {}) => ({
  officialLists: [],
  lenient: false,
  extraEvents: [],
  folders: [],
  trusted: true,
  ...overrides,
});

describe('catalog composition: official lists merged by ID', () => {
  const ko = parseEventList(read('newer.ko.md'));
  const en = parseEventList(read('newer.en.md'));

  it('parses the newer Korean and English lists without problems', () => {
    assert.deepStrictEqual([ko.language, ko.problems, ko.events.length], ['ko', [], 525]);
    assert.deepStrictEqual([en.language, en.problems, en.events.length], ['en', [], 525]);
  });

  it('Korean descriptions first, English names beside them, whatever the order given', () => {
    for (const order of [[en, ko], [ko, en]]) {
      const merged = mergeOfficialLists(order.map((l, i) => ({ source: `list${i}`, language: l.language, events: l.events })));
      const event = merged.find((e) => e.id === 'event_id.iaas.image.create_end')!;
      assert.deepStrictEqual([event.description, event.service, event.names, event.origin, event.editions], ['이미지 생성 완료', '기본 인프라 서비스', { en: 'Create end image' }, 'imported', ['public']]);
    }
  });

  it('an English list alone gives English descriptions', () => {
    const merged = mergeOfficialLists([{ source: 'en', language: 'en', events: en.events }]);
    assert.strictEqual(merged.find((e) => e.id === 'event_id.iaas.instance.create')!.description, 'Create instance');
  });

  it('a Japanese list with an extra column, stray spaces and backticks', () => {
    const ja = parseEventList(read('list.ja.md'));
    assert.deepStrictEqual(ja.events.map((e) => [e.id, e.description, e.service]), [
      ['event_id.iaas.instance.create', 'インスタンス作成', '基本インフラサービス'],
      ['event_id.iaas.instance.delete', 'インスタンス削除', '基本インフラサービス'],
    ]);
  });

  it('the summary counts added, removed and reworded events (against the seed list the fixture was written from)', () => {
    const seed = parseEventList(fs.readFileSync(path.resolve(LISTS, '..', '..', '..', 'catalog', 'source', 'cloudtrail-event-list.ko.md'), 'utf8'));
    const diff = diffCatalogs(mergeOfficialLists([{ source: 'seed', language: 'ko', events: seed.events }]), mergeOfficialLists([{ source: 'ko', language: 'ko', events: ko.events }]));
    assert.deepStrictEqual(diff, {
      added: [
        'event_id.iaas.image.create_end',
        'event_id.iaas.volume.create_end',
        'event_id.iaas.flow_log_logger.create',
        'event_id.iaas.flow_log_logger.delete',
        'event_id.iaas.loadbalancer_pool.create',
        'event_id.iaas.ip_acl_group.create',
      ],
      removed: ['event_id.iaas.keypair.delete'],
      reworded: ['event_id.iaas.instance.update'],
    });
  });
});

describe('catalog composition: loading lists from settings', () => {
  it('an imported list replaces the built-in one; a built-in ID it leaves out becomes a note, not an error', () => {
    const loaded = loadCatalog(inputs({ officialLists: [list('newer.ko.md'), list('newer.en.md')] }));
    assert.strictEqual(loaded.catalog.size, 525);
    assert.match(loaded.messages.map((m) => m.text).join('\n'), /Imported 525 events \(ko, en\).*compared with the built-in catalog, 3 added, 1466 removed, 25 reworded/);
    const problems = findProblems('a: event_id.gameanvil.instance_action.reboot\nb: event_id.iaas.image.create_end\n', 'yaml', loaded.catalog);
    assert.deepStrictEqual(problems.map((p) => [p.code, p.informational]), [['not-in-imported-list', true]]);
  });

  it('a list with a few bad rows imports, with one summary line for the output naming their lines', () => {
    const loaded = loadCatalog(inputs({ officialLists: [list('malformed.ko.md')] }));
    assert.deepStrictEqual(loaded.catalog.events.map((e) => e.id), ['event_id.iaas.instance.create', 'event_id.iaas.brand_new.create']);
    const messages = loaded.messages.filter((m) => m.text.includes('malformed.ko.md (ko)'));
    assert.deepStrictEqual(messages.map((m) => m.level), ['info']);
    assert.match(messages[0].text, /2 events; 1 malformed rows skipped \(line 6\); 1 repeated IDs with another name \(first kept\) \(line 8\)/);
  });

  for (const [name, pattern] of [
    ['mostly-broken.ko.md', /mostly-broken\.ko\.md \(ko\): not imported, most rows fail/],
    ['not-a-list.md', /not-a-list\.md: No event table found/],
    ['empty.md', /empty\.md: No event table found/],
    ['missing.md', /missing\.md: cannot read the event list \(it does not exist\)/],
  ] as const) {
    it(`${name}: a clear message with file and line, and the previous catalog stays in force`, () => {
      const loaded = loadCatalog(inputs({ officialLists: [list(name)] }));
      assert.match(loaded.messages.map((m) => m.text).join('\n'), pattern);
      assert.ok(loaded.messages.some((m) => m.level === 'error'));
      assert.strictEqual(loaded.catalog.size, 1988, 'the built-in catalog still serves');
      assert.ok(loaded.refused);
    });
  }

  it('a refused list quotes at most a few of its problems, never one message per row', () => {
    const loaded = loadCatalog(inputs({ officialLists: [list('mostly-broken.ko.md')] }));
    assert.ok(loaded.messages.length <= 4, loaded.messages.map((m) => m.text).join('\n'));
  });

  it('lenient mode uses the rows that parse of a list where most rows fail, with one warning', () => {
    const loaded = loadCatalog(inputs({ officialLists: [list('mostly-broken.ko.md')], lenient: true }));
    assert.deepStrictEqual(loaded.catalog.events.map((e) => e.id), ['event_id.iaas.instance.create']);
    assert.deepStrictEqual(loaded.messages.map((m) => m.level), ['warning', 'info']);
  });

  it('a rejected list keeps the previously imported one, not only the built-in list', () => {
    const first = loadCatalog(inputs({ officialLists: [list('newer.ko.md')] }));
    const second = loadCatalog(inputs({ officialLists: [list('empty.md')] }), first.base);
    assert.strictEqual(second.catalog.size, 525);
  });
});

describe('catalog composition: user events and deprecations', () => {
  it('adds events in their own group and marks built-in ones deprecated', () => {
    const { events, problems } = applyUserEntries(builtinBase().events, [
      { entry: { id: 'event_id.iaas.flow_log.create', description: '플로우 로그 생성' }, where: 'x' },
      { entry: { id: 'event_id.iaas.instance.update', deprecated: 'Use event_id.iaas.instance.modify' }, where: 'x' },
    ]);
    assert.deepStrictEqual(problems, []);
    const added = events.find((e) => e.id === 'event_id.iaas.flow_log.create')!;
    assert.deepStrictEqual([added.service, added.origin], [USER_SERVICE, 'user']);
    assert.strictEqual(events.find((e) => e.id === 'event_id.iaas.instance.update')!.deprecated, 'Use event_id.iaas.instance.modify');
  });

  const invalid: Array<[string, unknown, RegExp]> = [
    ['not an object', 'event_id.x', /must be an object/],
    ['no id', { description: 'x' }, /"id" must be a non-empty string/],
    ['a bad id', { id: 'iaas.instance.create', description: 'x' }, /must start with "event_id\."/],
    ['bad characters', { id: 'event_id.iaas.인스턴스', description: 'x' }, /use only A-Z/],
    ['neither description nor deprecated', { id: 'event_id.a.b' }, /needs a "description"/],
    ['an unknown property', { id: 'event_id.a.b', description: 'x', colour: 'red' }, /unknown property "colour"/],
  ];
  for (const [name, entry, message] of invalid) {
    it(`rejects an entry with ${name}`, () => assert.match(validateEntry(entry) as string, message));
  }

  it('names the line of each bad entry in .cloudtrail-events.json, and keeps the good ones', () => {
    const text = '{\n  "events": [\n    { "id": "event_id.a.b", "description": "좋음" },\n    { "id": "bad" },\n    { "id": "event_id.c.d", "description": "" }\n  ]\n}\n';
    const parsed = parseUserCatalog(text);
    assert.deepStrictEqual(parsed.entries.map((e) => e.id), ['event_id.a.b']);
    assert.deepStrictEqual(parsed.problems.map((p) => p.line), [4, 5]);
  });

  it('a syntax error names its line', () => {
    const parsed = parseUserCatalog('{\n  "events": [\n    { "id": "event_id.a.b", }\n  ]\n}');
    assert.deepStrictEqual(parsed.problems.map((p) => p.line), [3]);
    assert.match(parsed.problems[0].message, /not valid JSON/);
  });

  it('the position-keeping parser agrees with JSON.parse', () => {
    const text = '{"a": [1, {"b": "c\\u00e9"}, true, null, -1.5e3], "d": {}}';
    const parsed = parseJsonWithPositions(text);
    assert.deepStrictEqual(parsed.value, JSON.parse(text));
    assert.strictEqual(text.slice(parsed.offsets.get('a[1].b')!, parsed.offsets.get('a[1].b')! + 4), '"c\\u');
  });

  it('reads .cloudtrail-events.json from a trusted workspace folder only', () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'cte-user-'));
    fs.writeFileSync(path.join(folder, '.cloudtrail-events.json'), JSON.stringify({ events: [{ id: 'event_id.iaas.flow_log.create', description: '플로우 로그 생성' }] }));
    assert.ok(loadCatalog(inputs({ folders: [folder] })).catalog.get('event_id.iaas.flow_log.create'));
    const untrusted = loadCatalog(inputs({ folders: [folder], trusted: false }));
    assert.strictEqual(untrusted.catalog.get('event_id.iaas.flow_log.create'), undefined);
    assert.match(untrusted.messages.map((m) => m.text).join('\n'), /not read, because the workspace is not trusted/);
  });

  it('setting entries that are wrong are named by index, the rest still apply', () => {
    const loaded = loadCatalog(inputs({ extraEvents: [{ id: 'event_id.x.y', description: '엑스' }, { id: 42 }] }));
    assert.ok(loaded.catalog.get('event_id.x.y'));
    assert.match(loaded.messages.map((m) => m.text).join('\n'), /extraEvents\[1\]: "id" must be a non-empty string/);
  });
});
