/**
 * parseEventList reads NHN Cloud's published event lists (Korean, English,
 * Japanese, Chinese) and reports every problem with its line.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { EVENT_ID_PATTERN, isRefused, isValidEventId, listEditionOfPath, listLanguageOfPath, parseEventList, ParsedList, repairEventId, splitRow, summarizeList } from '../../server/src/core/catalogParser';

const SOURCE = path.resolve(__dirname, '..', '..', '..', 'catalog', 'source', 'cloudtrail-event-list.ko.md');

const brief = (parsed: ParsedList) => ({
  language: parsed.language,
  events: parsed.events.map((e) => [e.line, e.service, e.description, e.id]),
  problems: parsed.problems.map((p) => [p.line, p.message]),
});

describe('catalogParser: the Korean source list', () => {
  const parsed = parseEventList(fs.readFileSync(SOURCE, 'utf8'));
  it('parses 520 events in 7 services without problems', () => {
    assert.deepStrictEqual(parsed.problems, []);
    assert.strictEqual(parsed.language, 'ko');
    assert.strictEqual(parsed.events.length, 520);
    assert.deepStrictEqual([...new Set(parsed.events.map((e) => e.service))], ['기본 인프라 서비스', 'Object Storage', 'RDS for MySQL', '콘솔', 'Backup', 'CloudTrail', 'System Monitoring']);
  });
  it('keeps the row line and the description exactly as written', () => {
    assert.deepStrictEqual(parsed.events[0], { id: 'event_id.iaas.instance.create', description: '인스턴스 생성', service: '기본 인프라 서비스', line: 7 });
  });
});

describe('catalogParser: headers in four languages', () => {
  const CASES: { name: string; header: string; language: string }[] = [
    { name: 'Korean', header: '| 이벤트 | 이벤트 ID |', language: 'ko' },
    { name: 'Korean, no space in 이벤트ID', header: '| 이벤트명 | 이벤트ID |', language: 'ko' },
    { name: 'English', header: '| Event | Event ID |', language: 'en' },
    { name: 'English, other case and spacing', header: '|event name|  EVENTID |', language: 'en' },
    { name: 'Japanese', header: '| イベント | イベントID |', language: 'ja' },
    { name: 'Japanese, with a space', header: '| イベント名 | イベント ID |', language: 'ja' },
    { name: 'Chinese (simplified)', header: '| 事件 | 事件ID |', language: 'zh' },
    { name: 'Chinese, 事件名称 / 事件 ID', header: '| 事件名称 | 事件 ID |', language: 'zh' },
  ];
  for (const c of CASES) {
    it(c.name, () => {
      const parsed = parseEventList(`### Compute\n\n${c.header}\n| --- | --- |\n| Instance created | event_id.iaas.instance.create |\n`);
      assert.deepStrictEqual(brief(parsed), { language: c.language, events: [[5, 'Compute', 'Instance created', 'event_id.iaas.instance.create']], problems: [] });
    });
  }
});

describe('catalogParser: tolerated layouts', () => {
  const CASES: { name: string; text: string; events: (string | number)[][] }[] = [
    {
      name: 'extra columns, ID column first',
      text: '### Compute\n| Event ID | Service | Event | Since |\n|---|---|---|---|\n| event_id.iaas.vpc.create | VPC | VPC 생성 | 2023 |\n',
      events: [[4, 'Compute', 'VPC 생성', 'event_id.iaas.vpc.create']],
    },
    {
      name: 'cells wrapped in backticks',
      text: '### Compute\n| 이벤트 | 이벤트 ID |\n| --- | --- |\n| VPC 생성 | `event_id.iaas.vpc.create` |\n| VPC 삭제 | ``event_id.iaas.vpc.delete`` |\n',
      events: [[4, 'Compute', 'VPC 생성', 'event_id.iaas.vpc.create'], [5, 'Compute', 'VPC 삭제', 'event_id.iaas.vpc.delete']],
    },
    {
      name: 'stray spaces and tabs',
      text: '###   Compute  \n|  이벤트 |이벤트 ID|\n| :--- | ---: |\n|   VPC 생성\t|\t event_id.iaas.vpc.create   |\n',
      events: [[4, 'Compute', 'VPC 생성', 'event_id.iaas.vpc.create']],
    },
    {
      name: 'no outer pipes',
      text: '### Compute\n이벤트 | 이벤트 ID\n--- | ---\nVPC 생성 | event_id.iaas.vpc.create\n',
      events: [[4, 'Compute', 'VPC 생성', 'event_id.iaas.vpc.create']],
    },
    {
      name: 'CRLF line ends and a BOM',
      text: '\uFEFF### Compute\r\n| 이벤트 | 이벤트 ID |\r\n| --- | --- |\r\n| VPC 생성 | event_id.iaas.vpc.create |\r\n',
      events: [[4, 'Compute', 'VPC 생성', 'event_id.iaas.vpc.create']],
    },
    {
      name: 'the nearest heading names the service, at any level, closing hashes dropped',
      text: '## CloudTrail\n### Compute ###\n| 이벤트 | 이벤트 ID |\n| --- | --- |\n| A | event_id.iaas.vpc.create |\n#### Storage\n| 이벤트 | 이벤트 ID |\n| --- | --- |\n| B | event_id.object_storage.container.create |\n',
      events: [[5, 'Compute', 'A', 'event_id.iaas.vpc.create'], [9, 'Storage', 'B', 'event_id.object_storage.container.create']],
    },
    {
      name: 'IDs with dashes and camelCase',
      text: '### S\n| 이벤트 | 이벤트 ID |\n| --- | --- |\n| A | event_id.market_place.apply-cancel |\n| B | event_id.rds_for_mysql.createChartLayout |\n',
      events: [[4, 'S', 'A', 'event_id.market_place.apply-cancel'], [5, 'S', 'B', 'event_id.rds_for_mysql.createChartLayout']],
    },
    {
      name: 'prose and other tables around the event tables are ignored',
      text: '# Title\n\nSome text | with a pipe.\n\n| Name | Value |\n| --- | --- |\n| a | b |\n\n### S\n| 이벤트 | 이벤트 ID |\n| --- | --- |\n| A | event_id.iaas.vpc.create |\n',
      events: [[12, 'S', 'A', 'event_id.iaas.vpc.create']],
    },
  ];
  for (const c of CASES) {
    it(c.name, () => {
      const parsed = parseEventList(c.text);
      assert.deepStrictEqual(parsed.problems, []);
      assert.deepStrictEqual(brief(parsed).events, c.events);
    });
  }
});

describe('catalogParser: problems are reported with their line', () => {
  const table = (rows: string) => `### S\n| 이벤트 | 이벤트 ID |\n| --- | --- |\n${rows}`;
  const CASES: { name: string; text: string; problems: [number, RegExp][]; events: number }[] = [
    { name: 'a row with an empty ID cell', text: table('| A | |\n| B | event_id.iaas.vpc.create |\n'), problems: [[4, /^Malformed row: .*"\| A \| \|"/]], events: 1 },
    { name: 'a row with one cell', text: table('| A |\n'), problems: [[4, /^Malformed row/]], events: 0 },
    { name: 'a row with an empty description', text: table('| | event_id.iaas.vpc.create |\n'), problems: [[4, /^Malformed row/]], events: 0 },
    { name: 'a header without its delimiter row', text: '### S\n| 이벤트 | 이벤트 ID |\n| A | event_id.iaas.vpc.create |\n', problems: [[3, /delimiter row/]], events: 1 },
    {
      name: 'a repeated ID with another name keeps the first and names both',
      text: table('| VPC 생성 | event_id.iaas.vpc.create |\n| VPC 삭제 | event_id.iaas.vpc.create |\n'),
      problems: [[5, /listed again with another name \(line 4 says "VPC 생성", this row says "VPC 삭제"\); the first is kept/]],
      events: 1,
    },
    { name: 'a character outside [A-Za-z0-9_.-]', text: table('| A | event_id.iaas.vpc.create! |\n'), problems: [[4, /^Invalid event ID "event_id\.iaas\.vpc\.create!"/]], events: 0 },
    { name: 'a Hangul character in the ID', text: table('| A | event_id.iaas.인스턴스 |\n'), problems: [[4, /^Invalid event ID/]], events: 0 },
    { name: 'a space in the ID', text: table('| A | event_id.iaas vpc.create |\n'), problems: [[4, /^Invalid event ID/]], events: 0 },
    { name: 'an ID without the event_id. prefix', text: table('| A | iaas.vpc.create |\n'), problems: [[4, /^Invalid event ID/]], events: 0 },
    { name: 'an empty segment or a trailing dot', text: table('| A | event_id..vpc |\n| B | event_id.iaas.vpc. |\n'), problems: [[4, /^Invalid/], [5, /^Invalid/]], events: 0 },
    { name: 'an empty file', text: '', problems: [[0, /^No event table found/]], events: 0 },
    { name: 'a file without an event table', text: '# Notes\n\n| Name | Value |\n| --- | --- |\n| a | b |\n', problems: [[0, /^No event table found/]], events: 0 },
  ];
  for (const c of CASES) {
    it(c.name, () => {
      const parsed = parseEventList(c.text);
      assert.strictEqual(parsed.problems.length, c.problems.length, JSON.stringify(parsed.problems));
      c.problems.forEach(([line, message], i) => {
        assert.strictEqual(parsed.problems[i].line, line);
        assert.match(parsed.problems[i].message, message);
      });
      assert.strictEqual(parsed.events.length, c.events, 'rows that parse are still returned');
    });
  }
  it('an empty file has no language', () => assert.strictEqual(parseEventList('').language, undefined));
  it('a problem quotes at most 80 characters of a long row', () => {
    const parsed = parseEventList(table(`| ${'가'.repeat(5000)} |\n`));
    assert.ok(parsed.problems[0].message.length < 200, parsed.problems[0].message.length.toString());
  });
});

/** Rows shaped like NHN Cloud's real pages (TOAST-DOCS/CloudTrail, 2026): each erratum the parser meets there. */
describe('catalogParser: lists as NHN Cloud publishes them', () => {
  const page = [
    '## CloudTrail > 수집되는 이벤트 목록',
    '',
    '### Log &amp; Crash Search',
    '',
    '| 이벤트 | 이벤트 ID |',
    '| --- | --- |',
    '|Log &amp; Crash Search 저장|event_id.logncrash.save|',
    '|GATEWAY 노드 강제 종료|event_id.gameanvil.gateway_node.&#8;force_stop|',
    '|GATEWAY 노드 강제 종료|event_id.gameanvil.gateway_node.\u0008force_stop|',
    '|GATEWAY 노드 시작|event_id.gameanvil.gateway_node.?start_up|',
    '|파일 다운로드|email_id.email.file_download|',
    '|080 수신거부 외부 번호 등록|event_id.notification_hub.event_id.notification_hub.unsubscribe_registered|',
    '|중복 접두어|event_id.event_id.iaas.vpc.create|',
    '',
    '### RDS for MySQL',
    '',
    '| 이벤트 | 이벤트 ID |',
    '| --- | --- |',
    '|DB 인스턴스 생성|event_id.rds_for_mysql.instance.create|',
    '',
    '### RDS for MariaDB',
    '',
    '| 이벤트 | 이벤트 ID |',
    '| --- | --- |',
    '|DB 인스턴스 생성|event_id.rds_for_mysql.instance.create|',
    '',
  ].join('\n');
  const parsed = parseEventList(page);

  it('HTML entities are decoded in headings and names', () => {
    assert.deepStrictEqual(parsed.events[0], { id: 'event_id.logncrash.save', description: 'Log & Crash Search 저장', service: 'Log & Crash Search', line: 7 });
  });
  it('control characters, `&#8;` and `?` inside an ID are removed; the repaired rows that repeat merge', () => {
    assert.deepStrictEqual(parsed.events.filter((e) => e.id.startsWith('event_id.gameanvil')).map((e) => [e.line, e.id]), [
      [8, 'event_id.gameanvil.gateway_node.force_stop'],
      [10, 'event_id.gameanvil.gateway_node.start_up'],
    ]);
  });
  it('a doubled prefix is written once', () => {
    assert.ok(parsed.events.some((e) => e.id === 'event_id.notification_hub.unsubscribe_registered'));
    assert.ok(parsed.events.some((e) => e.id === 'event_id.iaas.vpc.create'));
    assert.ok(!parsed.events.some((e) => e.id.indexOf('event_id.', 1) > 0), 'no catalog ID holds the prefix twice');
  });
  it('an `email_id.` row is skipped, not guessed', () => {
    assert.ok(!parsed.events.some((e) => e.id.includes('file_download')));
    assert.deepStrictEqual(parsed.problems.filter((p) => p.kind === 'invalid-id').map((p) => p.line), [11]);
  });
  it('identical rows repeated under another heading merge silently into the first', () => {
    assert.strictEqual(parsed.duplicates, 2);
    assert.strictEqual(parsed.events.find((e) => e.id === 'event_id.rds_for_mysql.instance.create')?.service, 'RDS for MySQL');
  });
  it('the list is used, with one summary line', () => {
    assert.strictEqual(isRefused(parsed), false);
    assert.strictEqual(
      summarizeList(parsed),
      '6 events; 2 identical repeated rows merged; 5 IDs repaired (lines 8, 9, 10, 12, …); 1 rows skipped for an invalid ID (line 11)',
    );
  });
  it('most rows failing refuses the list; no table at all refuses it', () => {
    assert.strictEqual(isRefused(parseEventList('### S\n| 이벤트 | 이벤트 ID |\n| --- | --- |\n|a|event_id.a.b|\n|b|x|\n|c|y|\n')), true);
    assert.strictEqual(isRefused(parseEventList('# nothing\n')), true);
  });
  it('the page path names the language: NHN\'s Chinese page has English headers', () => {
    const zh = parseEventList('### Console\n| Event | Event ID |\n| --- | --- |\n|IAM 登入|event_id.iam.login|\n', listLanguageOfPath('docs/zh/event-list.md'));
    assert.strictEqual(zh.language, 'zh');
    assert.strictEqual(parseEventList('### Console\n| Event | Event ID |\n| --- | --- |\n|IAM Login|event_id.iam.login|\n', listLanguageOfPath('/tmp/event-list.md')).language, 'en');
  });
  it('paths name languages and editions', () => {
    assert.deepStrictEqual(
      ['ko/event-list.md', 'zh/event-list.md', 'lists/event-list.ja.md', 'C:\\docs\\en\\event-list.md', 'ko/event-list-gov.md', 'event-list.md'].map((p) => [listLanguageOfPath(p), listEditionOfPath(p)]),
      [['ko', undefined], ['zh', undefined], ['ja', undefined], ['en', undefined], ['ko', 'gov'], [undefined, undefined]],
    );
  });
  it('repairEventId leaves valid IDs alone and refuses what it cannot repair', () => {
    assert.deepStrictEqual(repairEventId('event_id.iaas.instance.create'), { id: 'event_id.iaas.instance.create', repair: undefined });
    assert.strictEqual(repairEventId('email_id.email.file_download'), undefined);
    assert.strictEqual(repairEventId('event_id.iaas.인스턴스'), undefined);
    assert.strictEqual(repairEventId('event_id.a.event_id.b.c')?.id, undefined, 'a second prefix that does not repeat the first part is neither repaired nor an ID');
  });
});

describe('catalogParser: splitRow', () => {
  const CASES: [string, string[] | undefined][] = [
    ['| a | b |', ['a', 'b']],
    ['a | b', ['a', 'b']],
    ['|a|`b`|', ['a', 'b']],
    ['no pipes here', undefined],
    ['| a \\| b | c |', ['a | b', 'c']],
  ];
  for (const [line, cells] of CASES) it(JSON.stringify(line), () => assert.deepStrictEqual(splitRow(line), cells));
});

describe('catalogParser: escaped pipes and rows cut off from their table', () => {
  it('an escaped pipe in a description is unescaped', () => {
    const parsed = parseEventList('### S\n| Event | Event ID |\n| --- | --- |\n| Start \\| resume | event_id.iaas.vpc.create |\n');
    assert.strictEqual(parsed.events[0]?.description, 'Start | resume');
  });

  it('an event row outside any table is reported', () => {
    const parsed = parseEventList('### S\n| 이벤트 | 이벤트 ID |\n| --- | --- |\n| A | event_id.iaas.vpc.create |\n\nNote: deprecated.\n| B | event_id.iaas.vpc.delete |\n');
    assert.deepStrictEqual(parsed.problems.map((p) => p.line), [7]);
  });
});

describe('catalogParser: the event-ID rule, written once', () => {
  const CASES: [string, boolean][] = [
    ['event_id.iaas.instance.create', true],
    ['event_id.market_place.apply-cancel', true],
    ['event_id.rds_for_postgresql.DB_INSTANCE_MODIFY', true],
    ['event_id.a.event_id', true],
    ['event_id.', false],
    ['event_id', false],
    ['event_id.a..b', false],
    ['event_id.a.', false],
    ['event_id.x.event_id.x.y', false],
    ['event_id.event_id.iaas.instance.create', false],
    ['email_id.email.file_download', false],
    ['event_id.iaas.인스턴스', false],
    ['event_id.iaas vpc', false],
  ];
  for (const [id, valid] of CASES) it(`${JSON.stringify(id)} is ${valid ? '' : 'not '}an ID`, () => assert.strictEqual(isValidEventId(id), valid));

  it('the manifest (extraEvents) and the .cloudtrail-events.json schema carry the same pattern', () => {
    const root = path.resolve(__dirname, '..', '..', '..');
    const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
    const sections: { properties: Record<string, { items?: { properties?: { id?: { pattern?: string } } } }> }[] = manifest.contributes.configuration;
    const extra = sections.map((s) => s.properties['cloudtrailEvents.catalog.extraEvents']).find(Boolean);
    assert.strictEqual(extra?.items?.properties?.id?.pattern, EVENT_ID_PATTERN);
    const schema = fs.readFileSync(path.join(root, 'catalog', 'schema', 'cloudtrail-events.schema.json'), 'utf8');
    assert.ok(schema.includes(JSON.stringify(EVENT_ID_PATTERN)), 'the schema holds EVENT_ID_PATTERN');
    for (const [id, valid] of CASES) assert.strictEqual(new RegExp(EVENT_ID_PATTERN).test(id), valid, id);
  });
});
