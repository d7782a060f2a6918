/**
 * The generator of catalog/events.json (catalog/build.ts) on small pages shaped like NHN Cloud's:
 * four languages, a regional edition and each erratum its real pages carry. And the committed
 * catalog itself: every seed ID still resolves.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { buildCatalog, Page } from '../../catalog/build';
import { OUTPUT_FILE, SEED_FILE } from '../../catalog/generate';
import { builtinCatalog } from '../../server/src/core/builtin';
import { BuiltinCatalogData } from '../../server/src/core/builtinData';
import { parseEventList } from '../../server/src/core/catalogParser';
import { findProblems } from '../../server/src/core/problems';

const table = (header: string, rows: string[]) => [header, '| --- | --- |', ...rows].join('\n');
const PAGES: Page[] = [
  {
    path: 'ko/event-list.md',
    text: [
      '## CloudTrail > 수집되는 이벤트 목록',
      '### 기본 인프라 서비스',
      table('| 이벤트 | 이벤트 ID |', ['|인스턴스 생성|event_id.iaas.instance.create|', '|인스턴스 생성 완료|event_id.iaas.instance.create_end|', '|인스턴스 생성|event_id.iaas.instance.create|']),
      '### Log &amp; Crash Search',
      table('| 이벤트 | 이벤트 ID |', ['|노드 시작|event_id.gameanvil.gateway_node.&#8;start_up|', '|파일 다운로드|email_id.email.file_download|', '|번호 등록|event_id.notification_hub.event_id.notification_hub.registered|']),
    ].join('\n'),
  },
  { path: 'en/event-list.md', text: ['### Default Infrastructure Service', table('| Event | Event ID |', ['|Create Instance|event_id.iaas.instance.create|', '|Create Instance Completed|event_id.iaas.instance.create_end|']), '### Log &amp; Crash Search', table('| Event | Event ID |', ['|Start Node|event_id.gameanvil.gateway_node.start_up|'])].join('\n') },
  { path: 'ja/event-list.md', text: ['### 基本インフラサービス', table('| イベント | イベントID |', ['|インスタンス作成|event_id.iaas.instance.create|'])].join('\n') },
  // NHN's Chinese page is English text under English headers: only a name that differs is a Chinese name.
  { path: 'zh/event-list.md', text: ['### Default Infrastructure Service', table('| Event | Event ID |', ['|Create Instance|event_id.iaas.instance.create|', '|创建实例完成|event_id.iaas.instance.create_end|'])].join('\n') },
  { path: 'ko/event-list-gov.md', text: ['### 기본 인프라 서비스', table('| 이벤트 | 이벤트 ID |', ['|인스턴스 생성|event_id.iaas.instance.create|', '|워크로드 생성|event_id.iaas.ncs.workload.create|'])].join('\n') },
  { path: 'ko/overview.md', text: '# not an event list' },
];
const SEED = ['### 기본 인프라 서비스', table('| 이벤트 | 이벤트 ID |', ['|인스턴스 생성|event_id.iaas.instance.create|', '|키페어 삭제|event_id.iaas.keypair.delete|'])].join('\n');
const PROVENANCE = { repository: 'TOAST-DOCS/CloudTrail', commit: '0123456789abcdef0123456789abcdef01234567', date: '2026-03-23' };

describe('generator: catalog/build.ts on pages shaped like NHN Cloud\'s', () => {
  const result = buildCatalog(PAGES, SEED, PROVENANCE);
  const data = JSON.parse(result.json) as BuiltinCatalogData;
  const row = (id: string) => data.events.find((e) => e.id === id);

  it('records the provenance and the editions, public first', () => {
    assert.deepStrictEqual(data.source, PROVENANCE);
    assert.deepStrictEqual(data.editions, ['public', 'gov']);
  });
  it('merges the four languages by ID; the Chinese name only where it is not the English one', () => {
    assert.deepStrictEqual(row('event_id.iaas.instance.create'), { id: 'event_id.iaas.instance.create', service: 0, ko: '인스턴스 생성', en: 'Create Instance', ja: 'インスタンス作成', editions: ['public', 'gov'] });
    assert.deepStrictEqual(row('event_id.iaas.instance.create_end'), { id: 'event_id.iaas.instance.create_end', service: 0, ko: '인스턴스 생성 완료', en: 'Create Instance Completed', zh: '创建实例完成', editions: ['public'] });
  });
  it('names services in Korean and English, HTML entities decoded', () => {
    assert.deepStrictEqual(data.services, [{ ko: '기본 인프라 서비스', en: 'Default Infrastructure Service' }, { ko: 'Log & Crash Search', en: 'Log & Crash Search' }]);
  });
  it('an ID only a regional edition lists is kept, with that edition', () => {
    assert.deepStrictEqual(row('event_id.iaas.ncs.workload.create')?.editions, ['gov']);
  });
  it('errata: repeated rows merged, damaged IDs repaired, an email_id. row skipped; none becomes a catalog ID as written', () => {
    const ids = data.events.map((e) => e.id);
    assert.ok(ids.includes('event_id.gameanvil.gateway_node.start_up'));
    assert.ok(ids.includes('event_id.notification_hub.registered'));
    assert.ok(!ids.some((id) => /[^A-Za-z0-9_.-]|&|email_id|\.event_id\./.test(id)), ids.join(' '));
    assert.strictEqual(new Set(ids).size, ids.length);
    const ko = result.reports.find((r) => r.path === 'ko/event-list.md')!;
    assert.deepStrictEqual(ko.problems.map((p) => [p.line, p.kind]), [[11, 'repaired'], [12, 'invalid-id'], [13, 'repaired']]);
    assert.match(ko.summary, /^4 events; 1 identical repeated row merged; 2 IDs repaired \(lines 11, 13\); 1 rows skipped for an invalid ID \(line 12\)$/);
  });
  it('a seed ID no page lists any more is retired, with its seed name', () => {
    assert.deepStrictEqual(data.retired, [{ id: 'event_id.iaas.keypair.delete', service: 0, ko: '키페어 삭제', editions: [] }]);
  });
  it('only event-list pages are read', () => assert.ok(!result.reports.some((r) => r.path === 'ko/overview.md')));
  it('refuses a page that is not an event list, and a docs copy without the Korean page', () => {
    assert.throws(() => buildCatalog([...PAGES, { path: 'ja/event-list-x.md', text: '# moved' }], SEED, PROVENANCE), /ja\/event-list-x\.md: not an event list/);
    assert.throws(() => buildCatalog(PAGES.filter((p) => p.path !== 'ko/event-list.md'), SEED, PROVENANCE), /ko\/event-list\.md is missing/);
  });
});

describe('generator: the committed catalog', () => {
  const data = JSON.parse(fs.readFileSync(OUTPUT_FILE, 'utf8')) as BuiltinCatalogData;
  const catalog = builtinCatalog();

  it('holds NHN Cloud\'s published events with their provenance', () => {
    assert.match(data.source.commit, /^[0-9a-f]{40}$/);
    assert.match(data.source.date, /^\d{4}-\d{2}-\d{2}$/);
    assert.ok(data.events.length > 1900, String(data.events.length));
    assert.deepStrictEqual(data.editions[0], 'public');
  });
  it('every one of the 520 seed IDs resolves: known, or retired (a note, never a warning)', () => {
    const seed = parseEventList(fs.readFileSync(SEED_FILE, 'utf8'));
    assert.strictEqual(seed.events.length, 520);
    for (const event of seed.events) assert.ok(catalog.knows(event.id), event.id);
    const text = seed.events.map((e) => `- ${e.id}`).join('\n');
    assert.deepStrictEqual(findProblems(text, 'yaml', catalog).filter((p) => !p.informational), []);
  });
  it('IDs that only newer lists have are known (image.create_end, skm.keystore.create, gameanvil.instance_action.reboot)', () => {
    for (const id of ['event_id.iaas.image.create_end', 'event_id.skm.keystore.create', 'event_id.gameanvil.instance_action.reboot']) assert.ok(catalog.get(id), id);
  });
  it('catalog/provenance.json names the same commit and every page read', () => {
    const record = JSON.parse(fs.readFileSync(path.join(path.dirname(OUTPUT_FILE), 'provenance.json'), 'utf8')) as { commit: string; pages: { path: string }[] };
    assert.strictEqual(record.commit, data.source.commit);
    assert.ok(record.pages.some((p) => p.path === 'ko/event-list.md') && record.pages.some((p) => p.path === 'zh/event-list.md'));
  });
});
