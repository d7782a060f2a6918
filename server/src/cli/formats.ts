/**
 * Output formats of the CLI: compiler-style text, JSON, and SARIF 2.1.0 for
 * code-scanning services.
 */
import { Problem } from '../core/problems';
import { Severity } from '../settings';
import { FileResult } from './lintFiles';
import { printable } from './printable';

/** Notes (deprecated, not in the imported list) are informational whatever the severity setting. */
const severityOf = (problem: Problem, severity: Severity): Severity => (problem.informational ? 'information' : severity);

const VERSION = '0.1.0';

/** Files the run could not check or fix, as they are listed in text output. */
const failures = (files: FileResult[]) => files.filter((f) => f.skipped?.failure);

export function formatText(files: FileResult[], severity: Severity): string {
  const lines: string[] = [];
  for (const result of files) {
    for (const problem of result.problems) {
      lines.push(`${printable(result.file)}:${problem.line}:${problem.column}: ${severityOf(problem, severity)}: ${problem.message}`);
    }
  }
  // Files left out on purpose (binary, excluded languages) are only counted in the summary.
  for (const result of failures(files)) lines.push(`${printable(result.file)}: error: ${result.skipped!.reason}`);
  return lines.join('\n');
}

export function formatJson(files: FileResult[], severity: Severity): string {
  const findings = files.flatMap((result) =>
    result.problems.map((problem) => ({
      file: result.file,
      line: problem.line,
      column: problem.column,
      endLine: problem.endLine,
      endColumn: problem.endColumn,
      severity: severityOf(problem, severity),
      code: problem.code,
      id: problem.text,
      message: problem.message,
      suggestions: problem.suggestions,
    })),
  );
  const skipped = files.filter((r) => r.skipped).map((r) => ({ file: r.file, reason: r.skipped!.reason, failure: r.skipped!.failure }));
  return JSON.stringify({ findings, skipped }, null, 2);
}

const SARIF_LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'note', hint: 'note', off: 'none' };

export function formatSarif(files: FileResult[], severity: Severity): string {
  const artifact = (file: string) => ({ uri: encodeURI(file), uriBaseId: '%SRCROOT%' });
  // Skipped files are tool notifications, so code-scanning services show that the run was incomplete.
  const notifications = files
    .filter((r) => r.skipped)
    .map((r) => ({
      descriptor: { id: r.skipped!.failure ? 'file-not-checked' : 'file-skipped' },
      level: r.skipped!.failure ? 'error' : 'note',
      message: { text: `${r.file}: ${r.skipped!.reason}` },
      locations: [{ physicalLocation: { artifactLocation: artifact(r.file) } }],
    }));
  const rules = [
    { id: 'unknown-event-id', name: 'UnknownEventId', shortDescription: { text: 'Unknown CloudTrail event ID' }, fullDescription: { text: 'The text looks like an NHN Cloud CloudTrail event ID but is not in the catalog.' } },
    { id: 'unmatched-event-pattern', name: 'UnmatchedEventPattern', shortDescription: { text: 'CloudTrail event pattern matches nothing' }, fullDescription: { text: 'A wildcard or prefix over CloudTrail event IDs matches no event of the catalog.' } },
    { id: 'deprecated-event-id', name: 'DeprecatedEventId', shortDescription: { text: 'Deprecated CloudTrail event ID' }, fullDescription: { text: 'The event ID is marked deprecated by the user catalog.' } },
    { id: 'not-in-imported-list', name: 'NotInImportedList', shortDescription: { text: 'CloudTrail event ID not in the imported list' }, fullDescription: { text: 'The event ID is in the built-in catalog but not in the imported official event list.' } },
  ];
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'cloudtrail-events', version: VERSION, informationUri: 'https://docs.nhncloud.com/ko/Governance%20&%20Audit/CloudTrail/ko/event-list/', rules } },
        invocations: [{ executionSuccessful: !files.some((r) => r.skipped?.failure), toolExecutionNotifications: notifications }],
        columnKind: 'utf16CodeUnits',
        results: files.flatMap((result) =>
          result.problems.map((problem) => {
            const region = { startLine: problem.line, startColumn: problem.column, endLine: problem.endLine, endColumn: problem.endColumn };
            return {
              ruleId: problem.code,
              ruleIndex: rules.findIndex((r) => r.id === problem.code),
              level: SARIF_LEVEL[severityOf(problem, severity)],
              message: { text: problem.message },
              locations: [{ physicalLocation: { artifactLocation: artifact(result.file), region } }],
              ...(problem.suggestions.length
                ? {
                    fixes: [
                      {
                        description: { text: `Change to '${problem.suggestions[0]}'` },
                        artifactChanges: [{ artifactLocation: artifact(result.file), replacements: [{ deletedRegion: region, insertedContent: { text: problem.suggestions[0] } }] }],
                      },
                    ],
                  }
                : {}),
            };
          }),
        ),
      },
    ],
  };
  return JSON.stringify(sarif, null, 2);
}
