/**
 * `--fix` never damages a file (issue 12): bytes compared for BOM, line endings,
 * Korean text, UTF-16 and legacy encodings; idempotence; the dry run; permissions
 * and owner; a read-only file; a write that fails or is killed half-way.
 */
import * as assert from 'assert';
import { execFileSync, spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { replaceFile } from '../../server/src/cli/replaceFile';
import { CLI_SCRIPT, run, runChild, workspace } from './cliHarness';

const bytesOf = (root: string, name: string) => fs.readFileSync(path.join(root, name));
const utf8 = (text: string) => Buffer.from(text, 'utf8');
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** '한글' in CP949 (EUC-KR): 한 = C7 D1, 글 = B1 DB. Not valid UTF-8. */
const CP949_HANGUL = Buffer.from([0xc7, 0xd1, 0xb1, 0xdb]);
/** 'café' in Latin-1: é = E9. */
const LATIN1_CAFE = Buffer.from([0x63, 0x61, 0x66, 0xe9]);

describe('cli --fix: files keep every byte but the corrected IDs', () => {
  it('keeps a UTF-8 BOM, CRLF line endings and Korean comments', () => {
    const before = Buffer.concat([BOM, utf8('# 볼륨 연결 이벤트\r\nx: event_id.iaas.volume.atach # 한국어\r\ny: event_id.iaas.instance.create\r\n')]);
    const root = workspace({ 'a.yaml': before });
    const { code, err } = run(root, 'lint', '--fix');
    assert.strictEqual(code, 0, err);
    assert.deepStrictEqual(bytesOf(root, 'a.yaml'), Buffer.concat([BOM, utf8('# 볼륨 연결 이벤트\r\nx: event_id.iaas.volume.attach # 한국어\r\ny: event_id.iaas.instance.create\r\n')]));
  });

  it('keeps mixed line endings and a last line without one', () => {
    const root = workspace({ 'a.yaml': 'a: event_id.iaas.volume.atach\r\nb: 1\nc: event_id.iaas.instnace.create' });
    run(root, 'lint', '--fix');
    assert.strictEqual(bytesOf(root, 'a.yaml').toString('utf8'), 'a: event_id.iaas.volume.attach\r\nb: 1\nc: event_id.iaas.instance.create');
  });

  it('rewrites UTF-16 with a BOM in UTF-16', () => {
    for (const [name, encode] of [
      ['le.yaml', (text: string) => Buffer.from('\ufeff' + text, 'utf16le')],
      ['be.yaml', (text: string) => Buffer.from('\ufeff' + text, 'utf16le').swap16()],
    ] as const) {
      const root = workspace({ [name]: encode('# 한국어\r\nx: event_id.iaas.volume.atach\r\n') });
      assert.strictEqual(run(root, 'lint', '--fix').code, 0, name);
      assert.deepStrictEqual(bytesOf(root, name), encode('# 한국어\r\nx: event_id.iaas.volume.attach\r\n'), name);
    }
  });

  it('never rewrites a CP949 or Latin-1 file: it is reported as not fixed, with the reason', () => {
    const cp949 = Buffer.concat([utf8('# '), CP949_HANGUL, utf8('\r\nx: event_id.iaas.volume.atach\r\n')]);
    const latin1 = Buffer.concat([utf8('# '), LATIN1_CAFE, utf8('\nx: event_id.iaas.volume.atach\n')]);
    const root = workspace({ 'cp949.yaml': cp949, 'latin1.yaml': latin1 });
    const { code, out } = run(root, 'lint', '--fix', '--format', 'json');
    assert.deepStrictEqual(bytesOf(root, 'cp949.yaml'), cp949);
    assert.deepStrictEqual(bytesOf(root, 'latin1.yaml'), latin1);
    assert.strictEqual(code, 3, 'some files could not be fixed');
    const json = JSON.parse(out);
    assert.deepStrictEqual(
      json.skipped.map((s: { file: string; reason: string; failure: boolean }) => [s.file, /not valid UTF-8/.test(s.reason), s.failure]),
      [
        ['cp949.yaml', true, true],
        ['latin1.yaml', true, true],
      ],
    );
    // Still checked: the typo stays a finding.
    assert.deepStrictEqual(json.findings.map((f: { file: string; line: number }) => [f.file, f.line]), [
      ['cp949.yaml', 2],
      ['latin1.yaml', 2],
    ]);
  });

  it('is idempotent: a second run changes nothing', () => {
    const root = workspace({ 'a.yaml': Buffer.concat([BOM, utf8('x: event_id.IAAS.volume.atach\r\ny: event_id.event_id.iaas.instance.create\r\n')]) });
    run(root, 'lint', '--fix');
    const once = bytesOf(root, 'a.yaml');
    const second = run(root, 'lint', '--fix');
    assert.match(second.err, /fixed 0 event IDs/);
    assert.deepStrictEqual(bytesOf(root, 'a.yaml'), once);
  });

  it('does not rewrite IDs of a catalog newer than the built-in one: *_end events and other services stay', () => {
    // Neither ID is in the built-in catalog; a newer edition may well have them. The old --fix made them
    // event_id.iaas.volume.attach and event_id.iaas.instance.update.
    const root = workspace({ 'a.yaml': 'x: event_id.iaas.volume.attach_end\ny: event_id.gameanvil.instance.update\nz: event_id.iaas.volume.atach\n' });
    const { err } = run(root, 'lint', '--fix', 'a.yaml');
    assert.match(err, /fixed 1 event ID\n/);
    assert.strictEqual(bytesOf(root, 'a.yaml').toString('utf8'), 'x: event_id.iaas.volume.attach_end\ny: event_id.gameanvil.instance.update\nz: event_id.iaas.volume.attach\n');
  });

  it('keeps permissions and owner', function () {
    const root = workspace({ 'a.yaml': 'x: event_id.iaas.volume.atach\n' });
    const file = path.join(root, 'a.yaml');
    fs.chmodSync(file, 0o640);
    const owned = process.getuid?.() === 0;
    if (owned) fs.chownSync(file, 4321, 4322);
    run(root, 'lint', '--fix');
    const stat = fs.statSync(file);
    assert.strictEqual(bytesOf(root, 'a.yaml').toString('utf8'), 'x: event_id.iaas.volume.attach\n');
    assert.strictEqual(stat.mode & 0o7777, 0o640);
    if (!owned) this.skip(); // only root can give a file to another owner
    assert.deepStrictEqual([stat.uid, stat.gid], [4321, 4322]);
  });

  it('writes through the link, keeping the symlink', () => {
    const root = workspace({ 'real.yaml': 'x: event_id.iaas.volume.atach\n' });
    fs.symlinkSync('real.yaml', path.join(root, 'link.yaml'));
    run(root, 'lint', '--fix', 'link.yaml');
    assert.ok(fs.lstatSync(path.join(root, 'link.yaml')).isSymbolicLink());
    assert.strictEqual(bytesOf(root, 'real.yaml').toString('utf8'), 'x: event_id.iaas.volume.attach\n');
  });

  it('reports a read-only file and goes on with the others', () => {
    const root = workspace({ 'a.yaml': 'x: event_id.iaas.volume.atach\n', 'b.yaml': 'x: event_id.iaas.volume.atach\n' });
    fs.chmodSync(path.join(root, 'a.yaml'), 0o444);
    const { code, out, err } = run(root, 'lint', '--fix');
    assert.strictEqual(code, 3);
    assert.strictEqual(bytesOf(root, 'a.yaml').toString('utf8'), 'x: event_id.iaas.volume.atach\n');
    assert.strictEqual(bytesOf(root, 'b.yaml').toString('utf8'), 'x: event_id.iaas.volume.attach\n');
    assert.match(out, /^a\.yaml: error: 1 correction not applied: the file is read-only$/m);
    assert.match(err, /1 file not checked or not fixed/);
  });

  it('leaves a hard-linked file alone rather than split its names', () => {
    const root = workspace({ 'a.yaml': 'x: event_id.iaas.volume.atach\n' });
    fs.linkSync(path.join(root, 'a.yaml'), path.join(root, 'b.yml'));
    const { code, out } = run(root, 'lint', '--fix', 'a.yaml');
    assert.strictEqual(code, 3);
    assert.match(out, /^a\.yaml: error: 1 correction not applied: the file has 2 hard links; replacing one name would split them$/m);
    assert.strictEqual(bytesOf(root, 'b.yml').toString('utf8'), 'x: event_id.iaas.volume.atach\n');
  });

  it('leaves a file edited since it was checked alone', () => {
    const root = workspace({ 'a.yaml': 'x: event_id.iaas.volume.atach # edited\n' });
    const file = path.join(root, 'a.yaml');
    const reason = replaceFile(file, utf8('x: event_id.iaas.volume.atach\n'), utf8('x: event_id.iaas.volume.attach\n'));
    assert.strictEqual(reason, 'the file changed since it was checked');
    assert.strictEqual(bytesOf(root, 'a.yaml').toString('utf8'), 'x: event_id.iaas.volume.atach # edited\n');
  });

  it('a write that fails (file-size limit) leaves the original intact and no temporary file', () => {
    // ulimit -f 16: writes past 16 KB fail (EFBIG) or stop the process (SIGXFSZ); the original must survive both.
    const before = `x: event_id.iaas.volume.atach\n${'# padding line\n'.repeat(2000)}`;
    const root = workspace({ 'big.yaml': before });
    const result = runChild(root, ['lint', '--fix', 'big.yaml'], { shellPrefix: 'ulimit -f 16' });
    assert.strictEqual(bytesOf(root, 'big.yaml').toString('utf8'), before);
    if (result.signal === null) {
      assert.strictEqual(result.status, 3, result.stderr);
      assert.match(result.stdout, /^big\.yaml: error: 1 correction not applied: cannot write it \(EFBIG\); the file is unchanged$/m);
      assert.deepStrictEqual(fs.readdirSync(root), ['big.yaml']);
    }
  });

  it('a run killed at any moment leaves the old file or the new one, never a mix', async function () {
    this.timeout(60000);
    const line = 'x: event_id.iaas.volume.atach\n';
    const before = line.repeat(120_000); // about 3.6 MB: the write takes a while
    const after = before.split('atach').join('attach');
    for (const delay of [50, 150, 300, 600, 1200]) {
      const root = workspace({ 'a.yaml': before });
      const child = spawn(process.execPath, [CLI_SCRIPT, 'lint', '--fix', 'a.yaml'], { cwd: root, stdio: 'ignore' });
      const exited = new Promise((resolve) => child.on('exit', resolve));
      await new Promise((resolve) => setTimeout(resolve, delay));
      child.kill('SIGKILL');
      await exited;
      const now = bytesOf(root, 'a.yaml').toString('utf8');
      fs.rmSync(root, { recursive: true });
      assert.ok(now === before || now === after, `killed after ${delay} ms: the file is neither the old nor the new one`);
    }
  });
});

describe('cli --fix --dry-run / --diff: a unified diff, nothing written', () => {
  const before = Buffer.concat([BOM, utf8('# 한국어\r\nx: event_id.iaas.volume.atach\r\n' + 'k: v\r\n'.repeat(10) + 'y: event_id.iaas.instnace.create\r\n')]);

  it('prints a diff that patch applies to give what --fix writes', () => {
    for (const flags of [['--fix', '--dry-run'], ['--diff']]) {
      const root = workspace({ 'a.yaml': before });
      const { code, out, err } = run(root, 'lint', ...flags);
      assert.deepStrictEqual(bytesOf(root, 'a.yaml'), before, `${flags}: nothing written`);
      assert.strictEqual(code, 1, 'every finding is still there');
      assert.match(err, /a\.yaml:2:4: warning: Unknown CloudTrail event ID 'event_id\.iaas\.volume\.atach'/);
      assert.match(out, /^--- a\/a\.yaml\n\+\+\+ b\/a\.yaml\n@@ -1,5 \+1,5 @@\n/);
      assert.match(out, /^-x: event_id\.iaas\.volume\.atach\r\n\+x: event_id\.iaas\.volume\.attach\r\n/m);
      // The patch gives exactly the bytes --fix writes.
      const fixed = workspace({ 'a.yaml': before });
      run(fixed, 'lint', '--fix');
      fs.writeFileSync(path.join(root, 'fix.patch'), out);
      execFileSync('patch', ['-p1', '--binary', '-s', '-i', 'fix.patch'], { cwd: root });
      assert.deepStrictEqual(bytesOf(root, 'a.yaml'), bytesOf(fixed, 'a.yaml'));
    }
  });

  it('is refused with JSON or SARIF output, which would share stdout with the diff', () => {
    assert.strictEqual(run(workspace({}), 'lint', '--diff', '--format', 'json').code, 2);
    assert.strictEqual(run(workspace({}), 'lint', '--dry-run').code, 2, '--dry-run needs --fix');
  });
});
