/**
 * Entry of the extension-host test run (`extensionTestsPath`): loads every compiled `*.test.js`
 * next to this file into mocha 11 (the last CommonJS major) and resolves only when all pass.
 * The same file serves code-server (runCodeServer.ts) and a desktop VS Code (runElectron.ts).
 */
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';
import { countResults, RESULTS_ENV, SuiteResults } from './results';

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
    let results: SuiteResults | undefined;
    try {
      const runner = mocha.run(failures => {
        const counted = results ?? { passes: 0, failures: 0, pending: 0, failed: [] };
        counted.failures = Math.max(counted.failures, failures);
        const file = process.env[RESULTS_ENV];
        if (file) {
          fs.writeFileSync(file, JSON.stringify(counted, null, 2));
        }
        if (failures > 0) {
          reject(new Error(`${failures} test(s) failed`));
        } else {
          resolve();
        }
      });
      results = countResults(runner);
    } catch (error) {
      reject(error);
    }
  });
}
