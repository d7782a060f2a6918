/**
 * The command-line linter: findings like a compiler, JSON and SARIF output,
 * exit codes, --fix, --catalog, settings and suppression as the editor has them.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { run, sarifErrors, workspace } from './cliHarness';
const LISTS = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'lists');

const FILES = {
  'src/handler.py': 'if event_id.lower() == "event_id.iaas.instnace.create":\n    pass\n',
  'alerts.yaml': 'rules:\n  - event_id.iaas.instance.*\n  - event_id.iaas.volume.atach\n',
  'ok.ts': 'const id = "event_id.iaas.instance.create";\n',
};

describe('cli: cloudtrail-events lint', () => {
  it('prints findings like a compiler and exits 1', () => {
    const { code, out, err } = run(workspace(FILES), 'lint');
    assert.strictEqual(code, 1);
    assert.deepStrictEqual(out.trim().split('\n'), [
      "alerts.yaml:3:5: warning: Unknown CloudTrail event ID 'event_id.iaas.volume.atach'. Did you mean 'event_id.iaas.volume.attach'?",
      "src/handler.py:1:25: warning: Unknown CloudTrail event ID 'event_id.iaas.instnace.create'. Did you mean 'event_id.iaas.instance.create'?",
    ]);
    assert.match(err, /2 findings in 3 files/);
  });

  it('exits 0 on clean files, 2 on usage errors', () => {
    assert.strictEqual(run(workspace({ 'ok.ts': FILES['ok.ts'] }), 'lint').code, 0);
    assert.strictEqual(run(workspace({}), 'lint', '--format', 'xml').code, 2);
    assert.strictEqual(run(workspace({}), 'lint', '--bogus').code, 2);
    assert.strictEqual(run(workspace({}), 'check').code, 2);
    assert.strictEqual(run(workspace({}), 'lint', 'missing-file.ts').code, 2);
  });

  it('takes files, directories and globs', () => {
    const root = workspace(FILES);
    assert.match(run(root, 'lint', 'alerts.yaml').out, /^alerts\.yaml:3:5/);
    assert.match(run(root, 'lint', 'src').out, /^src\/handler\.py:1:25/);
    assert.match(run(root, 'lint', '**/*.py').out, /^src\/handler\.py:1:25/);
  });

  it('JSON output lists findings with suggestions', () => {
    const { out } = run(workspace(FILES), 'lint', '--format', 'json');
    const json = JSON.parse(out);
    assert.deepStrictEqual(json.findings.map((f: { file: string; line: number; column: number; id: string; suggestions: string[] }) => [f.file, f.line, f.column, f.id, f.suggestions[0]]), [
      ['alerts.yaml', 3, 5, 'event_id.iaas.volume.atach', 'event_id.iaas.volume.attach'],
      ['src/handler.py', 1, 25, 'event_id.iaas.instnace.create', 'event_id.iaas.instance.create'],
    ]);
  });

  it('SARIF output is valid SARIF 2.1.0', () => {
    const { out } = run(workspace(FILES), 'lint', '--format=sarif');
    const sarif = JSON.parse(out);
    assert.strictEqual(sarifErrors(sarif), undefined);
    assert.deepStrictEqual(sarif.runs[0].results.map((r: { ruleId: string; locations: Array<{ physicalLocation: { region: { startLine: number } } }> }) => [r.ruleId, r.locations[0].physicalLocation.region.startLine]), [
      ['unknown-event-id', 3],
      ['unknown-event-id', 1],
    ]);
  });

  it('--fix applies only unambiguous corrections', () => {
    const root = workspace({ 'a.yaml': 'x: event_id.iaas.volume.atach\ny: event_id.iaas.instance.stop\n' });
    const { code } = run(root, 'lint', '--fix');
    assert.strictEqual(fs.readFileSync(path.join(root, 'a.yaml'), 'utf8').split('\n')[0], 'x: event_id.iaas.volume.attach');
    assert.strictEqual(fs.readFileSync(path.join(root, 'a.yaml'), 'utf8').split('\n')[1], 'y: event_id.iaas.instance.stop', 'two candidates: left alone');
    assert.strictEqual(code, 1, 'the ambiguous one is still reported');
  });

  it('honours suppression comments and the settings file', () => {
    const root = workspace({
      'a.py': '# cloudtrail-events-disable-next-line\nx = "event_id.iaas.instnace.create"\n',
      'gen/b.yaml': 'x: event_id.iaas.instnace.create\n',
      'c.yaml': 'x: event_id.iaas.instnace.delete\n',
      '.vscode/settings.json': '{\n  // comments are fine\n  "cloudtrailEvents.exclude.globs": ["gen/**"],\n  "cloudtrailEvents.diagnostics.severity": "error",\n}\n',
    });
    const { out } = run(root, 'lint');
    assert.deepStrictEqual(out.trim().split('\n'), ["c.yaml:1:4: error: Unknown CloudTrail event ID 'event_id.iaas.instnace.delete'. Did you mean 'event_id.iaas.instance.delete'?"]);
  });

  it('--catalog imports official lists, as the editor setting does', () => {
    const root = workspace({ 'a.yaml': 'x: event_id.iaas.image.create_end\ny: event_id.gameanvil.instance_action.reboot\nz: event_id.iaas.ip_acl_group.create\n' });
    assert.strictEqual(run(root, 'lint').code, 1);
    const { code, out } = run(root, 'lint', '--catalog', path.join(LISTS, 'newer.ko.md'), '--catalog', path.join(LISTS, 'newer.en.md'));
    assert.strictEqual(code, 0, 'a note is not a failure');
    assert.match(out, /a\.yaml:2:4: information: CloudTrail event ID 'event_id\.gameanvil\.instance_action\.reboot' \(.*\) is not in the imported event list/);
    const bad = run(root, 'lint', '--catalog', path.join(LISTS, 'mostly-broken.ko.md'));
    assert.strictEqual(bad.code, 2);
    assert.match(bad.err, /mostly-broken\.ko\.md:6: Malformed row/);
  });

  it('--edition (or the setting) names the targeted edition: IDs of other editions only are notes, not findings', () => {
    const root = workspace({ 'a.yaml': 'x: event_id.iaas.ncs.workload.create\ny: event_id.iaas.instance.create\n' });
    const publicRun = run(root, 'lint');
    assert.strictEqual(publicRun.code, 0, 'a note is not a failure');
    assert.match(publicRun.out, /a\.yaml:1:4: information: .*listed only in the ncgn, ngcc, .* editions, not in the public edition/);
    const ncgn = run(root, 'lint', '--edition', 'ncgn');
    assert.strictEqual(ncgn.code, 0);
    assert.doesNotMatch(ncgn.out, /ncs\.workload/);
    assert.match(run(root, 'lint', '--edition', 'gov').out, /ncs\.workload\.create.*not in the gov edition/);
    fs.writeFileSync(path.join(root, 'settings.json'), JSON.stringify({ 'cloudtrailEvents.catalog.edition': 'ppp' }));
    assert.doesNotMatch(run(root, 'lint', '--settings', 'settings.json').out, /ncs\.workload/);
    assert.strictEqual(run(root, 'lint', '--edition', 'moon').code, 2);
  });

  it('reads .cloudtrail-events.json in the working directory', () => {
    const root = workspace({
      '.cloudtrail-events.json': JSON.stringify({ events: [{ id: 'event_id.iaas.flow_log.create', description: '플로우 로그 생성' }] }),
      'a.yaml': 'x: event_id.iaas.flow_log.create\n',
    });
    assert.strictEqual(run(root, 'lint', 'a.yaml').code, 0);
  });

  it('does not follow symlinks out of its roots unless asked', () => {
    const outside = workspace({ 'secret.yaml': 'x: event_id.iaas.instnace.create\n' });
    const root = workspace({ 'ok.yaml': 'x: event_id.iaas.instance.create\n' });
    fs.symlinkSync(outside, path.join(root, 'linked'));
    fs.symlinkSync(path.join(outside, 'secret.yaml'), path.join(root, 'file-link.yaml'));
    assert.strictEqual(run(root, 'lint').code, 0);
    assert.strictEqual(run(root, 'lint', '--follow-symlinks').code, 1);
  });

  it('skips binary and oversized files with a reason', () => {
    const root = workspace({ 'a.bin': 'event_id.iaas.instnace.create\0\0', 'b.yaml': 'x: event_id.iaas.instance.create\n' });
    const { code, out } = run(root, 'lint', '--format', 'json');
    assert.strictEqual(code, 0);
    assert.deepStrictEqual(JSON.parse(out).skipped, [{ file: 'a.bin', reason: 'binary', failure: false }]);
  });
});
