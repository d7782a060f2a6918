/** What the suite reports to its runner, besides the workbench's exit code (which cannot tell "0 tests ran"). */
export interface SuiteResults {
  passes: number;
  failures: number;
  pending: number;
  failed: { title: string; error: string }[];
}

/** Environment variable naming the results file; set by the runners, read inside the extension host. */
export const RESULTS_ENV = 'CLOUDTRAIL_E2E_RESULTS';
