/**
 * catalog/events.json is generated from catalog/source/ and committed: it must
 * never drift from the source, and the generator must stop on a bad row.
 */
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { generateCatalogJson, OUTPUT_FILE, SOURCE_FILE } from '../../catalog/generate';

describe('generator: catalog/events.json', () => {
  it('reads the committed source and writes the committed JSON (paths resolve from out/ to the repository)', () => {
    assert.ok(fs.existsSync(SOURCE_FILE), SOURCE_FILE);
    assert.strictEqual(path.relative(path.dirname(SOURCE_FILE), OUTPUT_FILE), path.join('..', 'events.json'));
  });

  it('regenerates byte for byte what is committed', () => {
    const committed = fs.readFileSync(OUTPUT_FILE, 'utf8');
    const generated = generateCatalogJson();
    if (generated !== committed) {
      const a = committed.split('\n');
      const b = generated.split('\n');
      const line = a.findIndex((l, i) => l !== b[i]);
      assert.fail(`catalog/events.json is out of date at line ${line + 1} (run \`npm run catalog\`):\n  committed: ${a[line]}\n  generated: ${b[line]}`);
    }
  });

  it('holds 520 events in 7 services, each with ID, description, service and segments', () => {
    const json = JSON.parse(fs.readFileSync(OUTPUT_FILE, 'utf8')) as {
      language: string;
      services: string[];
      events: { id: string; description: string; service: string; segments: string[] }[];
    };
    assert.strictEqual(json.language, 'ko');
    assert.strictEqual(json.events.length, 520);
    assert.strictEqual(json.services.length, 7);
    assert.deepStrictEqual(json.events[0], { id: 'event_id.iaas.instance.create', description: '인스턴스 생성', service: '기본 인프라 서비스', segments: ['event_id', 'iaas', 'instance', 'create'] });
    for (const e of json.events) assert.deepStrictEqual(Object.keys(e), ['id', 'description', 'service', 'segments'], e.id);
  });

  it('`generate.js --check` exits 0 on the committed files', () => {
    const run = spawnSync(process.execPath, [path.resolve(__dirname, '..', '..', 'catalog', 'generate.js'), '--check'], { encoding: 'utf8' });
    assert.strictEqual(run.status, 0, run.stderr);
  });
});

describe('generator: a source with problems', () => {
  let dir: string;
  const write = (name: string, text: string) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    return file;
  };
  before(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cloudtrail-catalog-'))));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  const HEAD = '## CloudTrail > 수집되는 이벤트 목록\n\n### 기본 인프라 서비스\n\n| 이벤트 | 이벤트 ID |\n| --- | --- |\n';

  it('fails with file:line on a malformed row', () => {
    const file = write('malformed.md', `${HEAD}|인스턴스 생성|event_id.iaas.instance.create|\n|인스턴스 삭제|\n`);
    assert.throws(() => generateCatalogJson(file), (error: Error) => {
      assert.match(error.message, new RegExp(`^${escape(path.relative(process.cwd(), file))}:8: Malformed row`));
      return true;
    });
  });

  it('lists every problem, each with its line: duplicate ID, invalid characters', () => {
    const file = write('several.md', `${HEAD}|인스턴스 생성|event_id.iaas.instance.create|\n|인스턴스 생성|event_id.iaas.instance.create|\n|이상한 ID|event_id.iaas.instance.create?|\n`);
    assert.throws(() => generateCatalogJson(file), (error: Error) => {
      const lines = error.message.split('\n');
      assert.strictEqual(lines.length, 2, error.message);
      assert.match(lines[0], /several\.md:8: Duplicate event ID "event_id\.iaas\.instance\.create" \(first on line 7\)/);
      assert.match(lines[1], /several\.md:9: Invalid event ID "event_id\.iaas\.instance\.create\?"/);
      return true;
    });
  });

  it('fails on an empty file', () => {
    assert.throws(() => generateCatalogJson(write('empty.md', '')), /empty\.md:0: No event table found/);
  });

  it('writes one event per line, in source order, for a valid source', () => {
    const file = write('valid.md', `${HEAD}|인스턴스 생성|event_id.iaas.instance.create|\n|인스턴스 삭제|event_id.iaas.instance.delete|\n\n### Backup\n\n| 이벤트 | 이벤트 ID |\n| --- | --- |\n|클라이언트 등록|event_id.backup.client.register|\n`);
    const json = generateCatalogJson(file);
    const eventLines = json.split('\n').filter((l) => l.startsWith('    {'));
    assert.deepStrictEqual(eventLines, [
      '    {"id":"event_id.iaas.instance.create","description":"인스턴스 생성","service":"기본 인프라 서비스","segments":["event_id","iaas","instance","create"]},',
      '    {"id":"event_id.iaas.instance.delete","description":"인스턴스 삭제","service":"기본 인프라 서비스","segments":["event_id","iaas","instance","delete"]},',
      '    {"id":"event_id.backup.client.register","description":"클라이언트 등록","service":"Backup","segments":["event_id","backup","client","register"]}',
    ]);
    assert.deepStrictEqual(JSON.parse(json).services, ['기본 인프라 서비스', 'Backup']);
    assert.ok(json.endsWith('  ]\n}\n'));
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
