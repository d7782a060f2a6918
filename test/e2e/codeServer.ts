/**
 * A real VS Code (code-server 4.100.3, provisioned by .ci/provision-vscode.sh) and Debian's
 * Chromium, started in isolation for one test run. Shared by the extension-host runner
 * (runCodeServer.ts) and the browser UI test (test/ui/uiTest.ts).
 *
 * Facts behind the flags: ../../../shared/recipes/real-vscode-offline.md is the lab note; the
 * short version is that code-server and Chromium write into $HOME whatever the flags say, so
 * every XDG_* folder and TMPDIR point into the run's temp folder, and the extension gallery
 * (unreachable offline) is switched off with EXTENSIONS_GALLERY='{}'.
 */
import { ChildProcess, spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import type { Browser } from 'playwright-core';

export const CODE_SERVER_VERSION = '4.100.3';
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** Where .ci/provision-vscode.sh put code-server; `CODE_SERVER_ENTRY` overrides it. */
export function codeServerEntry(): string {
  const cacheRoot = process.env.CLOUDTRAIL_EVENTS_VSCODE_CACHE
    ?? path.join(os.homedir(), '.cache', 'cloudtrail-events-vscode');
  const entry = process.env.CODE_SERVER_ENTRY
    ?? path.join(cacheRoot, `code-server-${CODE_SERVER_VERSION}`, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  if (!fs.existsSync(entry)) {
    throw new Error(`code-server ${CODE_SERVER_VERSION} not found at ${entry}: run .ci/provision-vscode.sh first `
      + '(or set CLOUDTRAIL_EVENTS_VSCODE_CACHE / CODE_SERVER_ENTRY)');
  }
  return entry;
}

export function chromiumPath(): string {
  const exe = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!fs.existsSync(exe)) {
    throw new Error(`Chromium not found at ${exe}: apt-get install -y chromium (or run .ci/provision-vscode.sh), or set CHROMIUM_PATH`);
  }
  return exe;
}

/** Fails with the missing file named, instead of a silent extension that never activates. */
export function checkExtensionBuilt(extensionPath: string): void {
  const manifestPath = path.join(extensionPath, 'package.json');
  if (!fs.existsSync(manifestPath)) {
    throw new Error(`no extension at ${extensionPath} (package.json missing)`);
  }
  const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as { main?: string };
  if (manifest.main) {
    const main = path.resolve(extensionPath, manifest.main);
    if (!fs.existsSync(main) && !fs.existsSync(`${main}.js`)) {
      throw new Error(`the extension's main ${main} does not exist: run \`npm run build\` first`);
    }
  }
}

/** PIDs of the processes with a command-line argument that `matches` (Linux: /proc; elsewhere none). */
export function processesRunning(matches: (arg: string) => boolean): number[] {
  const pids: number[] = [];
  for (const entry of fs.existsSync('/proc') ? fs.readdirSync('/proc') : []) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').some(matches)) pids.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return pids;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address() as net.AddressInfo;
      server.close(() => resolve(address.port));
    });
  });
}

export async function waitFor<T>(what: string, probe: () => Promise<T | undefined> | T | undefined,
  timeoutMs: number, intervalMs = 200): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    }
    await new Promise(resolve => setTimeout(resolve, intervalMs));
  }
}

function httpStatus(url: string): Promise<number | undefined> {
  return new Promise(resolve => {
    const request = http.get(url, response => {
      response.resume();
      resolve(response.statusCode);
    });
    request.on('error', () => resolve(undefined));
    request.setTimeout(2000, () => { request.destroy(); resolve(undefined); });
  });
}

export interface CodeServerOptions {
  /** Extra environment for code-server; it reaches the extension host too. Given the temp folder. */
  env?: (tmp: string) => Record<string, string>;
  /** .vsix files installed before start (`--install-extension`). */
  installExtensions?: string[];
  /** User settings merged over the defaults below. */
  settings?: Record<string, unknown>;
  /** Prefix of the temp folder's name. */
  name?: string;
}

export interface CodeServer {
  port: number;
  origin: string;
  /** The run's temp folder: user data, extensions, XDG folders, TMPDIR, logs. */
  tmp: string;
  /** Isolated environment for child processes (the browser). */
  isolatedEnv: NodeJS.ProcessEnv;
  /** The workbench URL for a folder, with an optional `payload` (extension development/tests). */
  workbenchUrl(folder: string, payload?: [string, string][]): string;
  /** `vscode-remote://` URI of a local path, on the same authority as the page. */
  remoteUri(fsPath: string): string;
  /** The last lines code-server printed. */
  logTail(lines?: number): string;
  stop(): Promise<void>;
}

export async function startCodeServer(options: CodeServerOptions = {}): Promise<CodeServer> {
  const entry = codeServerEntry();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `${options.name ?? 'cloudtrail-vscode'}-`));
  const dirs = {
    user: path.join(tmp, 'user'),
    ext: path.join(tmp, 'ext'),
    config: path.join(tmp, 'xdg', 'config'),
    data: path.join(tmp, 'xdg', 'data'),
    cache: path.join(tmp, 'xdg', 'cache'),
    state: path.join(tmp, 'xdg', 'state'),
    tmp: path.join(tmp, 'tmp'),
  };
  for (const dir of Object.values(dirs)) {
    fs.mkdirSync(dir, { recursive: true });
  }
  fs.mkdirSync(path.join(dirs.user, 'User'), { recursive: true });
  fs.writeFileSync(path.join(dirs.user, 'User', 'settings.json'), JSON.stringify({
    'security.workspace.trust.enabled': false,
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'git.enabled': false,
    ...options.settings,
  }, null, 2));
  // An empty config file fails with "invalid config: null".
  const configFile = path.join(tmp, 'config.yaml');
  fs.writeFileSync(configFile, 'auth: none\n');

  const isolatedEnv: NodeJS.ProcessEnv = {
    ...process.env,
    XDG_CONFIG_HOME: dirs.config,
    XDG_DATA_HOME: dirs.data,
    XDG_CACHE_HOME: dirs.cache,
    XDG_STATE_HOME: dirs.state,
    TMPDIR: dirs.tmp,
  };
  const serverEnv: NodeJS.ProcessEnv = { ...isolatedEnv, EXTENSIONS_GALLERY: '{}', ...options.env?.(tmp) };
  // Variables of a surrounding VS Code (its terminal) would redirect the server's CLI to it.
  for (const key of Object.keys(serverEnv)) {
    if (key.startsWith('VSCODE_') || key === 'ELECTRON_RUN_AS_NODE') {
      delete serverEnv[key];
    }
  }
  const common = ['--config', configFile, '--user-data-dir', dirs.user, '--extensions-dir', dirs.ext];

  for (const vsix of options.installExtensions ?? []) {
    const result = spawnSync(process.execPath, [entry, ...common, '--install-extension', vsix],
      { env: serverEnv, encoding: 'utf8', timeout: 120_000 });
    if (result.status !== 0 || !/successfully installed/i.test(`${result.stdout}${result.stderr}`)) {
      throw new Error(`installing ${vsix} failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
    }
  }

  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const logFile = path.join(tmp, 'code-server.log');
  const log = fs.openSync(logFile, 'a');
  const child: ChildProcess = spawn(process.execPath, [
    entry, ...common,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
  ], {
    env: serverEnv,
    stdio: ['ignore', log, log],
    // Its own process group: stop() ends code-server and every process it started (extension
    // host, pty host, file watcher), and nothing else.
    detached: true,
  });
  fs.closeSync(log);
  let exited: string | undefined;
  const exitPromise = new Promise<void>(resolve => child.once('exit', (code, signal) => {
    exited = `code-server exited (code ${code}, signal ${signal})`;
    resolve();
  }));

  const logTail = (lines = 40): string => {
    try {
      return fs.readFileSync(logFile, 'utf8').split('\n').slice(-lines).join('\n');
    } catch {
      return '';
    }
  };

  const stop = async (): Promise<void> => {
    if (exited === undefined && child.pid !== undefined) {
      try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
      const timer = setTimeout(() => {
        try { process.kill(-child.pid!, 'SIGKILL'); } catch { /* already gone */ }
      }, 5000);
      await exitPromise;
      clearTimeout(timer);
    }
    if (!process.env.E2E_KEEP_TMP) {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  };

  try {
    await waitFor('code-server to answer /healthz', async () => {
      if (exited) {
        throw new Error(`${exited} before it was ready:\n${logTail()}`);
      }
      return (await httpStatus(`${origin}/healthz`)) === 200 ? true : undefined;
    }, 60_000);
  } catch (error) {
    await stop();
    throw error;
  }

  return {
    port,
    origin,
    tmp,
    isolatedEnv: { ...isolatedEnv, HOME: tmp },
    workbenchUrl(folder, payload) {
      let url = `${origin}/?folder=${encodeURIComponent(folder)}`;
      if (payload) {
        url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
      }
      return url;
    },
    remoteUri(fsPath) {
      return `vscode-remote://127.0.0.1:${port}${fsPath.split(path.sep).map(encodeURIComponent).join('/')}`;
    },
    logTail,
    stop,
  };
}

/** Headless Debian Chromium; never a downloaded browser. */
export async function launchChromium(env: NodeJS.ProcessEnv): Promise<Browser> {
  // Loaded lazily so that a missing playwright-core is reported by the caller, not at import time.
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_FLAGS, env });
}

/** Copies a folder into the run's temp folder, so tests may edit files and workspace settings. */
export function copyWorkspace(source: string, tmp: string): string {
  if (!fs.existsSync(source)) {
    throw new Error(`workspace ${source} does not exist`);
  }
  const target = path.join(tmp, 'workspace');
  fs.cpSync(source, target, { recursive: true });
  return target;
}
