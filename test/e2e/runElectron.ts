/**
 * Runs the same extension-host suite in a desktop VS Code through @vscode/test-electron.
 *
 *   VSCODE_EXECUTABLE=/path/to/code node out/test/e2e/runElectron.js
 *   node out/test/e2e/runElectron.js            (downloads VSCODE_VERSION, default "stable", into
 *                                                the provisioning cache, or VSCODE_TEST_CACHE)
 *
 * Offline (CI) the download is impossible (ENOTFOUND update.code.visualstudio.com): CI uses
 * runCodeServer.ts. The suite files are shared and use only the `vscode` API.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runTests } from '@vscode/test-electron';
import { checkExtensionBuilt, copyWorkspace, REPO_ROOT } from './codeServer';
import { RESULTS_ENV, SuiteResults } from './suite/results';

async function main(): Promise<number> {
  const started = Date.now();
  checkExtensionBuilt(REPO_ROOT);
  const extensionTestsPath = path.join(REPO_ROOT, 'out', 'test', 'e2e', 'suite', 'index.js');
  if (!fs.existsSync(extensionTestsPath)) {
    throw new Error(`test entry ${extensionTestsPath} does not exist: run \`npm run compile\` first`);
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cloudtrail-electron-'));
  try {
    const workspace = copyWorkspace(path.join(REPO_ROOT, 'test', 'fixtures', 'workspace'), tmp);
    const resultsFile = path.join(tmp, 'results.json');
    const userDir = path.join(tmp, 'user');
    fs.mkdirSync(path.join(userDir, 'User'), { recursive: true });
    fs.writeFileSync(path.join(userDir, 'User', 'settings.json'), JSON.stringify({
      'security.workspace.trust.enabled': false,
      'workbench.startupEditor': 'none',
    }));
    const executable = process.env.VSCODE_EXECUTABLE;
    if (executable && !fs.existsSync(executable)) {
      throw new Error(`VSCODE_EXECUTABLE=${executable} does not exist`);
    }
    const exitCode = await runTests({
      ...(executable ? { vscodeExecutablePath: executable } : {
        version: process.env.VSCODE_VERSION ?? 'stable',
        // Not the default ./.vscode-test: the repository's top level is fixed.
        cachePath: process.env.VSCODE_TEST_CACHE
          ?? path.join(process.env.CLOUDTRAIL_EVENTS_VSCODE_CACHE ?? path.join(os.homedir(), '.cache', 'cloudtrail-events-vscode'), 'vscode-test'),
      }),
      extensionDevelopmentPath: REPO_ROOT,
      extensionTestsPath,
      extensionTestsEnv: {
        [RESULTS_ENV]: resultsFile,
        ...(process.env.E2E_GREP ? { E2E_GREP: process.env.E2E_GREP } : {}),
      },
      launchArgs: [
        workspace,
        '--user-data-dir', userDir,
        '--extensions-dir', path.join(tmp, 'ext'),
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
      ],
    });
    if (!fs.existsSync(resultsFile)) {
      console.error(`[e2e] FAILED: the suite wrote no results (VS Code exit code ${exitCode})`);
      return 1;
    }
    const results = JSON.parse(fs.readFileSync(resultsFile, 'utf8')) as SuiteResults;
    console.log(`[e2e] ${results.passes} passing, ${results.failures} failing, ${results.pending} pending `
      + `in ${((Date.now() - started) / 1000).toFixed(1)}s (VS Code exit code ${exitCode})`);
    return exitCode === 0 && results.failures === 0 && results.passes > 0 ? 0 : 1;
  } finally {
    if (!process.env.E2E_KEEP_TMP) {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  }
}

main().then(code => process.exit(code), (error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`[e2e] FAILED: ${message}`);
  if (/ENOTFOUND|EAI_AGAIN|getaddrinfo/.test(message)) {
    console.error('[e2e] VS Code cannot be downloaded here: set VSCODE_EXECUTABLE to a desktop VS Code, '
      + 'or use the offline runner (node out/test/e2e/runCodeServer.js)');
  }
  process.exit(1);
});
