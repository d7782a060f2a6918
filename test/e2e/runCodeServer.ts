/**
 * Runs the extension-host mocha suite in a real VS Code: code-server 4.100.3 in headless Chromium,
 * offline. This is the runner CI uses (the desktop one is runElectron.ts).
 *
 *   node out/test/e2e/runCodeServer.js [--web] [--extension DIR] [--tests FILE] [--workspace DIR] [--timeout SECONDS]
 *
 * Defaults: the repository (needs `npm run build`), out/test/e2e/suite/index.js, a copy of
 * test/fixtures/workspace.
 *
 * `--web` runs the same suite in the browser's web-worker extension host instead of the Node one:
 * the user setting `remote.extensionKind` moves the extension there (the payload's
 * `extensionDevelopmentKind` is ignored by the browser workbench), the suite is the bundle
 * out/test/e2e/web/index.js (`node scripts/bundle.mjs --e2e-web`), its results come as a console
 * line (a worker has no file system), and the run fails if a Node process ever runs dist/server.js. Environment: E2E_GREP (mocha grep), E2E_TIMEOUT (seconds, default 420),
 * E2E_VERBOSE=1 (browser console too), E2E_KEEP_TMP=1 (keep the temp folder).
 *
 * code-server rejects --extensionDevelopmentPath and ignores --extensionTestsPath, so the suite is
 * passed the way VS Code's own browser integration tests do it: the workbench URL's `payload`
 * parameter. The workbench then reports the extension host's console through
 * window.codeAutomationLog and the result through window.codeAutomationExit, both exposed before
 * the page loads. The extension host's exit code says nothing (it is 0 when tests fail), and a
 * dead extension host reports nothing at all: hence the results file and the overall timeout.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as util from 'util';
import { checkExtensionBuilt, copyWorkspace, launchChromium, processesRunning, REPO_ROOT, startCodeServer } from './codeServer';
import { RESULTS_ENV, RESULTS_LINE_PREFIX, SuiteResults } from './suite/results';

interface Args {
  web: boolean;
  extension: string;
  tests: string;
  workspace: string;
  timeoutMs: number;
}

function parseArgs(argv: string[]): Args {
  const web = argv.includes('--web');
  argv = argv.filter(arg => arg !== '--web');
  const args: Args = {
    web,
    extension: REPO_ROOT,
    tests: path.join(REPO_ROOT, 'out', 'test', 'e2e', web ? 'web' : 'suite', 'index.js'),
    workspace: path.join(REPO_ROOT, 'test', 'fixtures', 'workspace'),
    timeoutMs: Number(process.env.E2E_TIMEOUT ?? 420) * 1000,
  };
  for (let i = 0; i < argv.length; i++) {
    const value = argv[i + 1];
    if (value === undefined) {
      throw new Error(`missing value after ${argv[i]}`);
    }
    switch (argv[i]) {
      case '--extension': args.extension = path.resolve(value); break;
      case '--tests': args.tests = path.resolve(value); break;
      case '--workspace': args.workspace = path.resolve(value); break;
      case '--timeout': args.timeoutMs = Number(value) * 1000; break;
      default: throw new Error(`unknown argument ${argv[i]}`);
    }
    i++;
  }
  return args;
}

/** Workbench chatter that drowns mocha's report; shown with E2E_VERBOSE=1. */
const NOISE = /^(Ignoring fetching additional builtin|Updating additional builtin|Creating a socket|Resolving connection token|Resolved connection token|\[Service Worker\]|ChatSessionStore)/;

function formatLog(args: unknown): string {
  if (Array.isArray(args)) {
    return util.format(...(args as unknown[]));
  }
  return typeof args === 'string' ? args : util.inspect(args);
}

/** `publisher.name`, as `remote.extensionKind` names the extension. */
function extensionId(extensionPath: string): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(extensionPath, 'package.json'), 'utf8')) as { publisher: string; name: string };
  return `${manifest.publisher}.${manifest.name}`;
}

async function main(): Promise<number> {
  const started = Date.now();
  const elapsed = (): string => `${((Date.now() - started) / 1000).toFixed(1)}s`;
  const args = parseArgs(process.argv.slice(2));
  checkExtensionBuilt(args.extension);
  if (!fs.existsSync(args.tests)) {
    throw new Error(`test entry ${args.tests} does not exist: run \`npm run compile\` first`);
  }

  const resultsFile = (tmp: string): string => path.join(tmp, 'results.json');
  const server = await startCodeServer({
    name: args.web ? 'cloudtrail-e2e-web' : 'cloudtrail-e2e',
    settings: args.web ? { 'remote.extensionKind': { [extensionId(args.extension)]: ['web'] } } : undefined,
    env: tmp => ({
      [RESULTS_ENV]: resultsFile(tmp),
      ...(process.env.E2E_GREP ? { E2E_GREP: process.env.E2E_GREP } : {}),
    }),
  });
  let browser: Awaited<ReturnType<typeof launchChromium>> | undefined;
  try {
    console.log(`[e2e] code-server ${server.origin} ready after ${elapsed()} (tmp ${server.tmp})`);
    const workspace = copyWorkspace(args.workspace, server.tmp);
    browser = await launchChromium(server.isolatedEnv);
    // vscode.env.clipboard is the page's clipboard in the web workbench.
    const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await context.newPage();

    let settle: (code: number) => void = () => undefined;
    const exitCode = new Promise<number>(resolve => { settle = resolve; });
    let loggedResults: SuiteResults | undefined;
    await page.exposeFunction('codeAutomationLog', (_level: string, logArgs: unknown) => {
      const text = formatLog(logArgs);
      if (text.startsWith(RESULTS_LINE_PREFIX)) {
        loggedResults = JSON.parse(text.slice(RESULTS_LINE_PREFIX.length)) as SuiteResults;
        return;
      }
      if (process.env.E2E_VERBOSE || !NOISE.test(text)) {
        process.stdout.write(`${text}\n`);
      }
    });
    await page.exposeFunction('codeAutomationExit', (code: number) => settle(code));
    if (process.env.E2E_VERBOSE) {
      page.on('console', message => console.log(`[browser ${message.type()}] ${message.text()}`));
    }
    page.on('pageerror', error => console.log(`[browser pageerror] ${error.message}`));

    const url = server.workbenchUrl(workspace, [
      ['extensionDevelopmentPath', server.remoteUri(args.extension)],
      ['extensionTestsPath', server.remoteUri(args.tests)],
      ['skipWelcome', 'true'],
    ]);
    // In the web worker, no Node process may ever run the extension's server.
    const nodeServers = new Set<number>();
    const serverModule = path.join(args.extension, 'dist', 'server.js');
    const watcher = args.web ? setInterval(() => processesRunning(arg => arg === serverModule).forEach(pid => nodeServers.add(pid)), 500) : undefined;
    await page.goto(url);
    console.log(`[e2e] workbench loaded after ${elapsed()}${args.web ? ' (extension in the web worker)' : ''}`);

    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>(resolve => { timer = setTimeout(() => resolve('timeout'), args.timeoutMs); });
    const outcome = await Promise.race([exitCode, timedOut]);
    clearTimeout(timer);
    clearInterval(watcher);
    if (outcome === 'timeout') {
      console.error(`[e2e] FAILED: no result from the extension host after ${args.timeoutMs / 1000}s. code-server log:\n${server.logTail()}`);
      return 1;
    }

    const file = resultsFile(server.tmp);
    const results = args.web ? loggedResults : fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) as SuiteResults : undefined;
    if (!results) {
      console.error(`[e2e] FAILED: the suite reported no results (workbench exit code ${outcome}); `
        + `did ${args.tests} run? code-server log:\n${server.logTail()}`);
      return 1;
    }
    console.log(`[e2e] ${results.passes} passing, ${results.failures} failing, ${results.pending} pending `
      + `in ${elapsed()} (workbench exit code ${outcome})`);
    if (nodeServers.size > 0) {
      console.error(`[e2e] FAILED: a Node process ran ${serverModule} (pids ${[...nodeServers].join(', ')}): the extension did not run in the web worker`);
      return 1;
    }
    if (results.failures > 0 || outcome !== 0) {
      return 1;
    }
    if (results.passes === 0) {
      console.error('[e2e] FAILED: no test ran');
      return 1;
    }
    return 0;
  } finally {
    await browser?.close().catch(() => undefined);
    await server.stop();
  }
}

main().then(code => process.exit(code), (error: unknown) => {
  console.error(`[e2e] FAILED: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
