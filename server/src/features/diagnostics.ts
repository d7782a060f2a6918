/**
 * Diagnostics for unknown IDs, published after every change. Changes that
 * arrive while a validation is queued are coalesced: only the newest version
 * of a document is ever validated, and stale work is dropped, never queued.
 */
import { Diagnostic, DiagnosticSeverity, DiagnosticTag } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Catalog } from '../core/catalog';
import { ProblemCodes, problemsOf } from '../core/problems';
import { Analysis, ServerContext, SkipReason } from '../serverContext';
import { Settings, Severity } from '../settings';

export const DIAGNOSTIC_SOURCE = 'cloudtrail-events';

/** Stable diagnostic codes, for filtering and for the quick fixes. */
export const Codes = { ...ProblemCodes, notChecked: 'file-not-checked' } as const;

/** What the quick fixes need, carried in `Diagnostic.data`. */
export interface DiagnosticData {
  suggestions: string[];
}

const SEVERITIES: Record<Exclude<Severity, 'off'>, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

const NOT_CHECKED: Record<Exclude<SkipReason, 'excluded'>, (s: Settings) => string> = {
  tooLarge: (s) => `CloudTrail event IDs are not checked in this file: it is larger than ${s.maxFileSizeMB} MB (setting cloudtrailEvents.maxFileSizeMB).`,
  binary: () => 'CloudTrail event IDs are not checked in this file: it looks binary (it contains NUL characters).',
};

/** Builds the diagnostics of an analysed document. */
export function computeDiagnostics(document: TextDocument, analysis: Analysis, settings: Settings, catalog: Catalog): Diagnostic[] {
  if (analysis.skipped === 'tooLarge' || analysis.skipped === 'binary') {
    return [
      {
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        severity: DiagnosticSeverity.Information,
        source: DIAGNOSTIC_SOURCE,
        code: Codes.notChecked,
        message: NOT_CHECKED[analysis.skipped](settings),
      },
    ];
  }
  if (settings.diagnostics.severity === 'off') return [];
  const severity = SEVERITIES[settings.diagnostics.severity];
  return problemsOf(document.getText(), analysis.findings, catalog).map((problem) => ({
    range: { start: document.positionAt(problem.start), end: document.positionAt(problem.end) },
    severity: problem.informational ? DiagnosticSeverity.Information : severity,
    tags: problem.deprecated ? [DiagnosticTag.Deprecated] : undefined,
    source: DIAGNOSTIC_SOURCE,
    code: problem.code,
    message: problem.message,
    data: { suggestions: problem.suggestions } satisfies DiagnosticData,
  }));
}

/** Validates documents after changes, newest version only. */
export class DiagnosticsScheduler {
  private readonly pending = new Set<string>();
  private scheduled = false;

  constructor(private readonly context: ServerContext) {}

  schedule(uri: string): void {
    this.pending.add(uri);
    if (this.scheduled) return;
    this.scheduled = true;
    // setImmediate lets every message already received (a burst of edits) land first.
    setImmediate(() => void this.flush());
  }

  scheduleAll(): void {
    for (const document of this.context.documents.all()) this.schedule(document.uri);
  }

  private async flush(): Promise<void> {
    this.scheduled = false;
    const uris = [...this.pending];
    this.pending.clear();
    for (const uri of uris) {
      try {
        await this.validate(uri);
      } catch (error) {
        this.context.connection.console.error(`Validating ${uri} failed: ${(error as Error).stack ?? error}`);
      }
    }
  }

  private async validate(uri: string): Promise<void> {
    const document = this.context.documents.get(uri);
    if (!document) return;
    const version = document.version;
    const settings = await this.context.settingsFor(uri);
    const current = this.context.documents.get(uri);
    // A newer version arrived while the settings were fetched: it is already scheduled.
    if (!current || current.version !== version || this.pending.has(uri)) return;
    const analysis = this.context.analyze(current, settings);
    const diagnostics = computeDiagnostics(current, analysis, settings, this.context.catalogState.catalog);
    void this.context.connection.sendDiagnostics({ uri, version, diagnostics });
  }
}
