/**
 * Output formats of the CLI: compiler-style text, JSON, and SARIF 2.1.0 for
 * code-scanning services.
 */
import { lineOf, lineStarts } from '../core/lines';
import { Problem } from '../core/problems';
import { Severity } from '../settings';
import { FileResult } from './lintFiles';

/** Notes (deprecated, not in the imported list) are informational whatever the severity setting. */
const severityOf = (problem: Problem, severity: Severity): Severity => (problem.informational ? 'information' : severity);

const VERSION = '0.1.0';

/** Each file with a function from offset to 1-based line and column (UTF-16 code units, as editors and SARIF count). */
function withPositions(files: FileResult[]) {
  return files.map((file) => {
    const starts = file.problems.length ? lineStarts(file.text) : [0];
    const at = (offset: number) => {
      const line = lineOf(starts, offset);
      return { line: line + 1, column: offset - starts[line] + 1 };
    };
    return { ...file, at };
  });
}

export function formatText(files: FileResult[], severity: Severity): string {
  const results = withPositions(files);
  const lines: string[] = [];
  for (const result of results) {
    for (const problem of result.problems) {
      const { line, column } = result.at(problem.start);
      lines.push(`${result.file}:${line}:${column}: ${severityOf(problem, severity)}: ${problem.message}`);
    }
  }
  return lines.join('\n');
}

export function formatJson(files: FileResult[], severity: Severity): string {
  const results = withPositions(files);
  const findings = results.flatMap((result) =>
    result.problems.map((problem) => {
      const start = result.at(problem.start);
      const end = result.at(problem.end);
      return {
        file: result.file,
        line: start.line,
        column: start.column,
        endLine: end.line,
        endColumn: end.column,
        severity: severityOf(problem, severity),
        code: problem.code,
        id: problem.text,
        message: problem.message,
        suggestions: problem.suggestions,
      };
    }),
  );
  const skipped = results.filter((r) => r.skipped).map((r) => ({ file: r.file, reason: r.skipped }));
  return JSON.stringify({ findings, skipped }, null, 2);
}

const SARIF_LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'note', hint: 'note', off: 'none' };

export function formatSarif(files: FileResult[], severity: Severity): string {
  const results = withPositions(files);
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
        columnKind: 'utf16CodeUnits',
        results: results.flatMap((result) =>
          result.problems.map((problem) => {
            const start = result.at(problem.start);
            const end = result.at(problem.end);
            const region = { startLine: start.line, startColumn: start.column, endLine: end.line, endColumn: end.column };
            return {
              ruleId: problem.code,
              ruleIndex: rules.findIndex((r) => r.id === problem.code),
              level: SARIF_LEVEL[severityOf(problem, severity)],
              message: { text: problem.message },
              locations: [{ physicalLocation: { artifactLocation: { uri: encodeURI(result.file), uriBaseId: '%SRCROOT%' }, region } }],
              ...(problem.suggestions.length
                ? {
                    fixes: [
                      {
                        description: { text: `Change to '${problem.suggestions[0]}'` },
                        artifactChanges: [{ artifactLocation: { uri: encodeURI(result.file), uriBaseId: '%SRCROOT%' }, replacements: [{ deletedRegion: region, insertedContent: { text: problem.suggestions[0] } }] }],
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
