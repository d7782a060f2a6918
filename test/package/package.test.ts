/**
 * The npm package as users get it: `npm pack` holds only what runs, installs
 * with nothing else to fetch, and both bins work from a project install, a
 * global install, `npx --package` (the README's CI step) and the pre-commit
 * hook (`.pre-commit-hooks.yaml`, run by Debian's pre-commit). npm fetches the
 * package from a registry served by this test on 127.0.0.1, which knows only
 * this package: a dependency to install would fail loudly. Commands run
 * asynchronously, so the registry in this process can answer them. Run after
 * `npm run build` (the tarball is packed from dist/ as built).
 */
import * as assert from 'assert';
import { execFileSync, spawn } from 'child_process';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as http from 'http';
import { AddressInfo } from 'net';
import * as os from 'os';
import * as path from 'path';
import { MarkupContent } from 'vscode-languageserver-protocol';
import { TestClient } from '../protocol/lspClient';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const NAME: string = manifest.name;
const VERSION: string = manifest.version;
const TYPO = 'alerts:\n  - event_id.iaas.volume.atach\n';
const FINDING = "Unknown CloudTrail event ID 'event_id.iaas.volume.atach'. Did you mean 'event_id.iaas.volume.attach'?";

/** A registry with one package: its packument and its tarball. */
function serveRegistry(tarball: string): Promise<http.Server> {
  const bytes = fs.readFileSync(tarball);
  const server = http.createServer((request, response) => {
    const { port } = server.address() as AddressInfo;
    const tarballPath = `/${NAME}/-/${path.basename(tarball)}`;
    if (request.url === `/${NAME}`) {
      const version = {
        ...manifest,
        dist: {
          tarball: `http://127.0.0.1:${port}${tarballPath}`,
          integrity: `sha512-${crypto.createHash('sha512').update(bytes).digest('base64')}`,
          shasum: crypto.createHash('sha1').update(bytes).digest('hex'),
        },
      };
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ name: NAME, 'dist-tags': { latest: VERSION }, versions: { [VERSION]: version } }));
    } else if (request.url === tarballPath) {
      response.writeHead(200, { 'content-type': 'application/octet-stream' });
      response.end(bytes);
    } else {
      response.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

describe('the npm package', function () {
  this.timeout(120_000);
  let work: string;
  let tarball: string;
  let registry: http.Server;
  let env: NodeJS.ProcessEnv;
  let sample: string;

  /** Runs a command to its end (killed after 90 s), with the test registry's environment. */
  const run = (command: string, args: string[], cwd: string, extraEnv: NodeJS.ProcessEnv = {}) =>
    new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(command, args, { cwd, env: { ...env, ...extraEnv }, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const timer = setTimeout(() => child.kill('SIGKILL'), 90_000);
      // A missing command (pre-commit not installed: apt-get install pre-commit) fails with its message.
      child.on('error', (error) => (stderr += `${command}: ${error.message}`));
      child.on('close', (status) => {
        clearTimeout(timer);
        resolve({ status, stdout, stderr });
      });
    });

  before(async () => {
    assert.ok(fs.existsSync(path.join(ROOT, 'dist', 'server.js')), 'dist/server.js is missing: run npm run build');
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'cloudtrail-package-'));
    // --ignore-scripts: pack dist/ as built instead of rebuilding it (prepack does that for a release).
    const packed = execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], { cwd: ROOT, encoding: 'utf8' });
    tarball = path.join(work, JSON.parse(packed)[0].filename);
    registry = await serveRegistry(tarball);
    const { port } = registry.address() as AddressInfo;
    env = {
      ...process.env,
      npm_config_registry: `http://127.0.0.1:${port}/`,
      npm_config_cache: path.join(work, 'npm-cache'),
      npm_config_audit: 'false',
      npm_config_fund: 'false',
      npm_config_update_notifier: 'false',
    };
    sample = path.join(work, 'sample');
    fs.mkdirSync(sample);
    fs.writeFileSync(path.join(sample, 'alerts.yaml'), TYPO);
  });
  after(() => {
    registry?.close();
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  it('holds only what runs: the bundles, the catalog source and schema, README, LICENSE, CHANGELOG', () => {
    const files = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).trim().split('\n').sort();
    assert.deepStrictEqual(files, [
      'package/CHANGELOG.md',
      'package/LICENSE',
      'package/README.md',
      'package/catalog/schema/cloudtrail-events.schema.json',
      'package/catalog/source/cloudtrail-event-list.ko.md',
      'package/dist/cli.js',
      'package/dist/server.js',
      'package/package.json',
    ]);
    assert.strictEqual(manifest.dependencies, undefined, 'the bundles are self-contained: nothing to install at run time');
    assert.ok(manifest.engines.node, 'engines.node');
  });

  it('installed into an empty folder: the CLI lints and the server answers over stdio', async () => {
    const project = path.join(work, 'project');
    fs.mkdirSync(project);
    const install = await run('npm', ['install', '--offline', tarball], project);
    assert.strictEqual(install.status, 0, install.stderr);
    assert.deepStrictEqual(fs.readdirSync(path.join(project, 'node_modules')).filter((n) => !n.startsWith('.')), [NAME], 'no other package installed');

    const lint = await run(path.join(project, 'node_modules', '.bin', 'cloudtrail-events'), ['lint', 'alerts.yaml'], sample);
    assert.strictEqual(lint.status, 1, lint.stderr);
    assert.ok(lint.stdout.includes(`alerts.yaml:2:5: warning: ${FINDING}`), lint.stdout);

    const client = TestClient.spawned(path.join(project, 'node_modules', '.bin', 'cloudtrail-events-language-server'), ['--stdio']);
    try {
      const result = await client.initialize();
      assert.strictEqual(result.serverInfo?.name, 'cloudtrail-events-language-server');
      const uri = 'file:///package/alerts.yaml';
      await client.open(uri, 'yaml', 'on: event_id.iaas.volume.attach\n');
      const hover = await client.hover(uri, { line: 0, character: 20 });
      assert.match((hover!.contents as MarkupContent).value, /인스턴스 블록 스토리지 연결/);
    } finally {
      await client.dispose();
    }
  });

  it('installed globally: both bins on PATH', async () => {
    const prefix = path.join(work, 'global');
    const install = await run('npm', ['install', '--global', '--prefix', prefix, NAME], work);
    assert.strictEqual(install.status, 0, install.stderr);
    const bin = path.join(prefix, 'bin');
    const lint = await run('cloudtrail-events', ['lint', 'alerts.yaml'], sample, { PATH: `${bin}${path.delimiter}${process.env.PATH}` });
    assert.strictEqual(lint.status, 1, lint.stderr);
    assert.ok(lint.stdout.includes(FINDING), lint.stdout);
    const server = await run('cloudtrail-events-language-server', ['--version'], sample, { PATH: `${bin}${path.delimiter}${process.env.PATH}` });
    assert.strictEqual(server.stdout.trim(), `cloudtrail-events-language-server ${VERSION}`);
  });

  it("npx --package (the README's CI step), by name and from the tarball", async () => {
    const pinned = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8').match(new RegExp(`--package ${NAME}@\\S+`, 'g')) ?? [];
    assert.ok(pinned.length > 0 && pinned.every((spec) => spec === `--package ${NAME}@${VERSION}`), `the README pins ${VERSION}: ${pinned}`);
    for (const spec of [NAME, tarball]) {
      const lint = await run('npx', ['--yes', '--package', spec, 'cloudtrail-events', 'lint', '--format', 'json', 'alerts.yaml'], sample);
      assert.strictEqual(lint.status, 1, `${spec}: ${lint.stderr}`);
      assert.ok(lint.stdout.includes(FINDING), lint.stdout);
    }
  });

  it('the pre-commit hook fails a commit with a typo and passes the fixed file', async () => {
    for (const file of ['.pre-commit-hooks.yaml', 'test/package/pre-commit-config.yaml']) {
      assert.ok(fs.readFileSync(path.join(ROOT, file), 'utf8').includes(`--package ${NAME}@${VERSION} `), `${file} pins the version of package.json`);
    }
    const repo = path.join(work, 'hooked');
    fs.mkdirSync(repo);
    fs.writeFileSync(path.join(repo, 'alerts.yaml'), TYPO);
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: repo, env });
    git('init', '-q');
    git('add', 'alerts.yaml');
    const hookEnv = { PRE_COMMIT_HOME: path.join(work, 'pre-commit-home') };
    // try-repo: the hook definition of this checkout, as `repo:` in a .pre-commit-config.yaml would use it.
    const failing = await run('pre-commit', ['try-repo', ROOT, 'cloudtrail-events', '--files', 'alerts.yaml'], repo, hookEnv);
    assert.strictEqual(failing.status, 1, failing.stdout + failing.stderr);
    assert.ok(failing.stdout.includes(FINDING), failing.stdout);
    // The README's .pre-commit-config.yaml (a local hook with the same entry), as a commit runs it.
    fs.copyFileSync(path.join(ROOT, 'test', 'package', 'pre-commit-config.yaml'), path.join(repo, '.pre-commit-config.yaml'));
    git('add', '.pre-commit-config.yaml');
    const configured = await run('pre-commit', ['run', '--files', 'alerts.yaml'], repo, hookEnv);
    assert.strictEqual(configured.status, 1, configured.stdout + configured.stderr);
    assert.ok(configured.stdout.includes(FINDING), configured.stdout);
    fs.writeFileSync(path.join(repo, 'alerts.yaml'), TYPO.replace('atach', 'attach'));
    git('add', 'alerts.yaml');
    const passing = await run('pre-commit', ['try-repo', ROOT, 'cloudtrail-events', '--files', 'alerts.yaml'], repo, hookEnv);
    assert.strictEqual(passing.status, 0, passing.stdout + passing.stderr);
    const configuredPassing = await run('pre-commit', ['run', '--files', 'alerts.yaml'], repo, hookEnv);
    assert.strictEqual(configuredPassing.status, 0, configuredPassing.stdout + configuredPassing.stderr);
  });
});
