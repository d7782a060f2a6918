/**
 * Entry of the extension-host test run (`extensionTestsPath`): loads every compiled `*.test.js`
 * next to this file into mocha 11 (the last CommonJS major) and resolves only when all pass.
 * The same file serves code-server (runCodeServer.ts) and a desktop VS Code (runElectron.ts).
 */
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';
import { RESULTS_ENV, SuiteResults } from './results';

export function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'bdd',
    // The output travels through the workbench's log forwarding, where escape codes are noise.
    color: false,
    reporter: 'spec',
    timeout: 60_000,
    ...(process.env.E2E_GREP ? { grep: process.env.E2E_GREP } : {}),
  });
  const files = fs.readdirSync(__dirname).filter(name => name.endsWith('.test.js')).sort();
  for (const file of files) {
    mocha.addFile(path.join(__dirname, file));
  }
  return new Promise((resolve, reject) => {
    const results: SuiteResults = { passes: 0, failures: 0, pending: 0, failed: [] };
    let runner: Mocha.Runner;
    try {
      runner = mocha.run(failures => {
        results.failures = Math.max(results.failures, failures);
        const file = process.env[RESULTS_ENV];
        if (file) {
          fs.writeFileSync(file, JSON.stringify(results, null, 2));
        }
        if (failures > 0) {
          reject(new Error(`${failures} test(s) failed`));
        } else {
          resolve();
        }
      });
    } catch (error) {
      reject(error);
      return;
    }
    runner.on('pass', () => { results.passes++; });
    runner.on('pending', () => { results.pending++; });
    runner.on('fail', (test, error: Error) => {
      results.failures++;
      results.failed.push({ title: test.fullTitle(), error: String(error?.stack ?? error) });
    });
  });
}
