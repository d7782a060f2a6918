/**
 * The CLI over a hostile repository (issue 13): nothing it names can hang the run,
 * exhaust memory, hide a skipped file or forge output. Paths that could block are
 * run in a child process, so a regression fails on its timeout instead of hanging.
 */
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { run, runChild, sarifErrors, workspace } from './cliHarness';

const LISTS = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'lists');
const TYPO = 'x: event_id.iaas.volume.atach\n';

function withFifo(files: Record<string, string>, fifo: string): string {
  const root = workspace(files);
  execFileSync('mkfifo', [path.join(root, fifo)]);
  return root;
}

describe('cli: only regular files are read, with a cap enforced while reading', () => {
  it('skips a FIFO, /dev/zero and /dev/urandom given as files, says why, and exits 3', () => {
    const root = withFifo({ 'a.yaml': TYPO }, 'pipe.yaml');
    const result = runChild(root, ['lint', '--format', 'json', 'a.yaml', 'pipe.yaml', '/dev/zero', '/dev/urandom']);
    assert.strictEqual(result.status, 3, result.stderr);
    const json = JSON.parse(result.stdout);
    assert.deepStrictEqual(
      json.skipped.map((s: { file: string; reason: string }) => [path.basename(s.file), s.reason]),
      [
        ['urandom', 'is a character device, not a regular file; skipped'],
        ['zero', 'is a character device, not a regular file; skipped'],
        ['pipe.yaml', 'is a FIFO (named pipe), not a regular file; skipped'],
      ],
    );
    assert.strictEqual(json.findings.length, 1, 'the other file is still checked');
  });

  it('refuses /dev/zero or a FIFO as --catalog or --settings, and a FIFO as .cloudtrail-events.json, with exit 2', () => {
    const root = withFifo({ 'a.yaml': TYPO }, 'fifo');
    for (const argv of [
      ['lint', '--catalog', '/dev/zero'],
      ['lint', '--catalog', 'fifo'],
      ['lint', '--settings', '/dev/zero'],
      ['lint', '--settings', 'fifo'],
    ]) {
      const result = runChild(root, argv);
      assert.strictEqual(result.status, 2, `${argv.join(' ')}: ${result.stderr}`);
      assert.match(result.stderr, /(character device|FIFO \(named pipe\)), not a regular file; skipped/, argv.join(' '));
    }
    const defaultSettings = withFifo({ 'a.yaml': TYPO, '.vscode/.keep': '' }, '.vscode/settings.json');
    const settings = runChild(defaultSettings, ['lint']);
    assert.strictEqual(settings.status, 2, settings.stderr);
    assert.match(settings.stderr, /\.vscode\/settings\.json: is a FIFO \(named pipe\), not a regular file; skipped/);
    const userCatalog = withFifo({ 'a.yaml': TYPO }, '.cloudtrail-events.json');
    const result = runChild(userCatalog, ['lint']);
    assert.strictEqual(result.status, 2, result.stderr);
    assert.match(result.stderr, /\.cloudtrail-events\.json: is a FIFO \(named pipe\), not a regular file; skipped/);
  });

  it('ignores a FIFO as .gitignore and a symlink to /dev/zero as a file found in a folder', () => {
    const root = withFifo({ 'a.yaml': TYPO }, '.gitignore');
    fs.symlinkSync('/dev/zero', path.join(root, 'zero.yaml'));
    const result = runChild(root, ['lint', '--follow-symlinks']);
    assert.strictEqual(result.status, 1, result.stderr);
    assert.match(result.stdout, /^a\.yaml:1:4: warning/);
  });

  it('reports a file over the size cap in text, JSON and SARIF, and exits 3', () => {
    const root = workspace({
      'a.yaml': TYPO,
      'big.yaml': TYPO + '#'.repeat(1024 * 1024),
      '.vscode/settings.json': '{ "cloudtrailEvents.maxFileSizeMB": 1 }',
    });
    const text = run(root, 'lint');
    assert.strictEqual(text.code, 3);
    assert.match(text.out, /^big\.yaml: error: is larger than 1 MB; skipped$/m);
    assert.match(text.err, /1 finding in 3 files; 1 file not checked or not fixed/);
    assert.deepStrictEqual(JSON.parse(run(root, 'lint', '--format', 'json').out).skipped, [{ file: 'big.yaml', reason: 'is larger than 1 MB; skipped', failure: true }]);
    const sarif = JSON.parse(run(root, 'lint', '--format', 'sarif').out);
    assert.strictEqual(sarifErrors(sarif), undefined);
    const invocation = sarif.runs[0].invocations[0];
    assert.strictEqual(invocation.executionSuccessful, false);
    assert.deepStrictEqual(
      invocation.toolExecutionNotifications.map((n: { level: string; message: { text: string }; locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }) => [n.level, n.message.text, n.locations[0].physicalLocation.artifactLocation.uri]),
      [['error', 'big.yaml: is larger than 1 MB; skipped', 'big.yaml']],
    );
  });

  it('counts binary files in the summary and lists them in SARIF as notes, without failing the run', () => {
    const root = workspace({ 'a.bin': 'x\0\0', 'b.yaml': 'x: event_id.iaas.instance.create\n' });
    const text = run(root, 'lint');
    assert.strictEqual(text.code, 0);
    assert.match(text.err, /0 findings in 2 files; 1 skipped \(binary or excluded language\)/);
    const sarif = JSON.parse(run(root, 'lint', '--format', 'sarif').out);
    assert.strictEqual(sarifErrors(sarif), undefined);
    assert.deepStrictEqual(
      sarif.runs[0].invocations[0].toolExecutionNotifications.map((n: { level: string; message: { text: string } }) => [n.level, n.message.text]),
      [['note', 'a.bin: binary']],
    );
  });

  it('keeps memory flat with the number of files: each file is released before the next', function () {
    this.timeout(120000);
    // 40 files of 4 MB (160 MB of text) under a 64 MB heap: keeping every text to the end runs out of memory.
    const root = workspace({});
    const content = Buffer.alloc(4 * 1024 * 1024, '# ' + 'filler '.repeat(20) + '\n');
    TYPO.split('').forEach((c, i) => (content[i] = c.charCodeAt(0)));
    for (let i = 0; i < 40; i++) fs.writeFileSync(path.join(root, `f${String(i).padStart(2, '0')}.yaml`), content);
    const result = runChild(root, ['lint', '--format', 'json'], { nodeOptions: ['--max-old-space-size=64'], timeout: 110000 });
    fs.rmSync(root, { recursive: true });
    assert.strictEqual(result.status, 1, result.stderr.slice(0, 2000));
    assert.strictEqual(JSON.parse(result.stdout).findings.length, 40);
  });
});

describe('cli: output cannot be forged or misplaced', () => {
  it('counts columns on line 1 of a file with a UTF-8 BOM from after the BOM', () => {
    const root = workspace({ 'a.yaml': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TYPO)]) });
    assert.match(run(root, 'lint').out, /^a\.yaml:1:4: warning/);
    const sarif = JSON.parse(run(root, 'lint', '--format', 'sarif').out);
    assert.strictEqual(sarif.runs[0].results[0].locations[0].physicalLocation.region.startColumn, 4);
  });

  it('escapes control characters and bidirectional overrides in file names', () => {
    const name = 'a\u001b[2K\rb\nfake.yaml:1:1: error: forged\u202e.yaml';
    const root = workspace({ [name]: TYPO });
    const { out } = run(root, 'lint');
    assert.strictEqual(out, "a\\u{1b}[2K\\u{d}b\\u{a}fake.yaml:1:1: error: forged\\u{202e}.yaml:1:4: warning: Unknown CloudTrail event ID 'event_id.iaas.volume.atach'. Did you mean 'event_id.iaas.volume.attach'?\n");
  });

  it('-- ends the options: a file named -x can be checked', () => {
    const root = workspace({ '-x.yaml': TYPO });
    const { code, out } = run(root, 'lint', '--', '-x.yaml');
    assert.strictEqual(code, 1);
    assert.match(out, /^-x\.yaml:1:4: warning/);
    assert.strictEqual(run(root, 'lint', '-x.yaml').code, 2, 'without --, it is an unknown option');
  });

  it('a refused --catalog list stops the run with exit 2 and does not claim a previous catalog stays in force', () => {
    const root = workspace({ 'a.yaml': TYPO });
    const { code, out, err } = run(root, 'lint', '--catalog', path.join(LISTS, 'mostly-broken.ko.md'));
    assert.strictEqual(code, 2);
    assert.strictEqual(out, '');
    assert.doesNotMatch(err, /stays in force/);
    assert.match(err, /an event list was refused; nothing was checked/);
  });

  it('documents the exit statuses in --help', () => {
    const { code, out } = run(workspace({}), '--help');
    assert.strictEqual(code, 0);
    for (const status of ['0  no findings', '1  findings', '2  usage or configuration error', '3  some files could not be checked or fixed']) assert.ok(out.includes(status), status);
  });

  it('findings and a file not checked together exit 3', () => {
    const root = withFifo({ 'a.yaml': TYPO }, 'pipe.yaml');
    assert.strictEqual(runChild(root, ['lint', 'a.yaml', 'pipe.yaml']).status, 3);
  });
});
