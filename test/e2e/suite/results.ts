/** What the suite reports to its runner, besides the workbench's exit code (which cannot tell "0 tests ran"). */
export interface SuiteResults {
  passes: number;
  failures: number;
  pending: number;
  failed: { title: string; error: string }[];
}

/** Environment variable naming the results file; set by the runners, read inside the extension host. */
export const RESULTS_ENV = 'CLOUDTRAIL_E2E_RESULTS';

/**
 * A web worker has neither environment variables nor a file system to write the results file:
 * the web suite prints this prefix and the results as JSON, and the runner reads the line from
 * the forwarded console.
 */
export const RESULTS_LINE_PREFIX = '[cloudtrail-e2e-results] ';

/** What a mocha runner reports, counted as the runners expect it. */
export interface CountableRunner {
  on(event: 'pass' | 'pending', listener: () => void): unknown;
  on(event: 'fail', listener: (test: { fullTitle(): string }, error: Error) => void): unknown;
}

/** Counts the runner's results into a fresh SuiteResults. */
export function countResults(runner: CountableRunner): SuiteResults {
  const results: SuiteResults = { passes: 0, failures: 0, pending: 0, failed: [] };
  runner.on('pass', () => { results.passes++; });
  runner.on('pending', () => { results.pending++; });
  runner.on('fail', (test, error) => {
    results.failures++;
    results.failed.push({ title: test.fullTitle(), error: String(error?.stack ?? error) });
  });
  return results;
}
