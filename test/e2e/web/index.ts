/**
 * Entry of the extension-host test run in the web worker (`extensionTestsPath` of
 * `runCodeServer.js --web`): the same suite files as the Node host, bundled by
 * `node scripts/bundle.mjs --e2e-web` (a web worker cannot `require` compiled files), run by
 * mocha's browser build. Results go to the console (RESULTS_LINE_PREFIX): the worker has no file
 * system and no environment.
 */
import 'mocha/mocha';
import { countResults, RESULTS_LINE_PREFIX, SuiteResults } from '../suite/results';


export function run(): Promise<void> {
  // The browser build's default reporter writes HTML; undefined selects `spec`, which logs to the console.
  // E2E_GREP is read when the suite is bundled: the worker has no environment.
  mocha.setup({ ui: 'bdd', reporter: undefined, color: false, timeout: 60_000, ...(process.env.E2E_GREP ? { grep: process.env.E2E_GREP } : {}) });
  // A module made by scripts/bundle.mjs: it requires every test/e2e/suite/*.test.ts, as ../suite/index.ts reads the folder.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- after setup(), which defines describe/it; an import would run first
  require('virtual:e2e-suites');
  return new Promise((resolve, reject) => {
    // The callback runs once the tests ran, after `results` is set below.
    const runner = mocha.run((failures) => {
      const counted: SuiteResults = results;
      counted.failures = Math.max(counted.failures, failures);
      console.log(`${RESULTS_LINE_PREFIX}${JSON.stringify(counted)}`);
      if (failures > 0) reject(new Error(`${failures} test(s) failed`));
      else resolve();
    });
    const results = countResults(runner);
  });
}
