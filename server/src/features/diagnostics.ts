/**
 * Diagnostics for unknown IDs, published after every change. Changes that
 * arrive while a validation is queued are coalesced: only the newest version
 * of a document is ever validated, and stale work is dropped, never queued.
 */
import { Diagnostic, DiagnosticSeverity, DiagnosticTag, Position } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Catalog } from '../core/catalog';
import { Problem, ProblemCodes, problemsOf } from '../core/problems';
import { readSuppression } from '../core/suppression';
import { nextTurn, yieldTurn } from '../runtime/runtime';
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

/**
 * `document.positionAt` for ascending offsets, walking line breaks with `indexOf`.
 * TextDocument's own positionAt first builds a table of every line start with a
 * character loop over the whole document, which for a large file costs more than
 * finding its IDs. Same results: `\r\n` and `\n` end lines; a lone `\r` (which also
 * ends one) hands over to `document.positionAt`.
 */
export function positionWalker(document: TextDocument): (offset: number) => Position {
  const text = document.getText();
  let line = 0;
  let lineStart = 0;
  let nextLf = -1;
  let nextCr = -1;
  let lastOffset = Infinity; // forces a start from the top
  let loneCr = false;
  return (offset) => {
    offset = Math.max(Math.min(offset, text.length), 0);
    if (loneCr) return document.positionAt(offset);
    if (offset < lastOffset) {
      line = 0;
      lineStart = 0;
      nextLf = text.indexOf('\n');
      nextCr = text.indexOf('\r');
    }
    lastOffset = offset;
    for (; nextCr >= 0 && nextCr < offset; nextCr = text.indexOf('\r', nextCr + 1)) {
      if (text.charCodeAt(nextCr + 1) !== 10) {
        loneCr = true;
        return document.positionAt(offset);
      }
    }
    for (; nextLf >= 0 && nextLf < offset; nextLf = text.indexOf('\n', lineStart)) {
      line++;
      lineStart = nextLf + 1;
    }
    // As positionAt does, an offset between `\r` and `\n` counts as before them.
    let character = offset;
    while (character > lineStart && (text.charCodeAt(character - 1) === 13 || text.charCodeAt(character - 1) === 10)) character--;
    return { line, character: character - lineStart };
  };
}

/**
 * Work done between two yields to the event loop: a file of thousands of typos must not hold up
 * requests on other files. Sliced by time, since a finding costs from a map lookup (a known ID)
 * to some 50 µs (an unknown one, with its suggestions): 2,000 of those took 100 ms.
 */
const SLICE_MS = 8;
/** Findings, or diagnostics, handled between two looks at the clock. */
const STEP = 64;

/** Tells a sliced loop when to yield; `next` resolves false when `isStale` says to stop. */
class Slices {
  private since = performance.now();

  constructor(private readonly isStale: () => boolean) {}

  async next(): Promise<boolean> {
    if (performance.now() - this.since < SLICE_MS) return true;
    await yieldTurn();
    this.since = performance.now();
    return !this.isStale();
  }
}

/**
 * Builds the diagnostics of an analysed document. Suggestions are computed in
 * slices with a turn of the event loop between them, so completion and hover on
 * other files answer meanwhile; returns undefined when `isStale` says a newer
 * version made the work pointless.
 */
export async function computeDiagnostics(
  document: TextDocument,
  analysis: Analysis,
  settings: Settings,
  catalog: Catalog,
  isStale: () => boolean = () => false,
  typingAt?: number,
): Promise<Diagnostic[] | undefined> {
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
  const text = document.getText();
  const problems: Problem[] = [];
  // Read once for all slices: each search of a large document for the directives costs milliseconds.
  const suppression = readSuppression(text);
  const slices = new Slices(isStale);
  for (let from = 0; from < analysis.findings.length; from += STEP) {
    if (!(await slices.next())) return undefined;
    problems.push(...problemsOf(text, analysis.findings.slice(from, from + STEP), catalog, suppression));
  }
  // The ID being typed, ending where the last edit did and still the start of a real ID: not yet a mistake.
  const typing = typingAt === undefined ? -1 : problems.findIndex((p) => p.end === typingAt && p.code === Codes.unknownId && catalog.hasIdStartingWith(p.text));
  if (typing >= 0) problems.splice(typing, 1);
  const positionAt = positionWalker(document);
  const diagnostics: Diagnostic[] = [];
  for (let from = 0; from < problems.length; from += STEP) {
    if (!(await slices.next())) return undefined;
    for (const problem of problems.slice(from, from + STEP)) {
      diagnostics.push({
        range: { start: positionAt(problem.start), end: positionAt(problem.end) },
        severity: problem.informational ? DiagnosticSeverity.Information : severity,
        tags: problem.deprecated ? [DiagnosticTag.Deprecated] : undefined,
        source: DIAGNOSTIC_SOURCE,
        code: problem.code,
        message: problem.message,
        data: { suggestions: problem.suggestions } satisfies DiagnosticData,
      });
    }
  }
  return diagnostics;
}

/** Validates documents after changes, newest version only. */
/** Turns to wait at most for a burst of changes to end, so a never-ending stream still gets diagnostics. */
const MAX_WAIT_TURNS = 64;

export class DiagnosticsScheduler {
  private readonly pending = new Set<string>();
  private scheduled = false;
  /** A change arrived since the last turn of the event loop. */
  private changed = false;
  private waitedTurns = 0;

  constructor(private readonly context: ServerContext) {}

  schedule(uri: string): void {
    this.pending.add(uri);
    this.changed = true;
    if (this.scheduled) return;
    this.scheduled = true;
    this.waitedTurns = 0;
    nextTurn(this.turn);
  }

  /**
   * The connection handles one received message per event-loop turn (setImmediate; a 0 ms timeout in a web worker),
   * so a burst of edits already read from the pipe lands one turn at a time. While
   * changes keep landing, wait another turn: the burst is then validated once, at
   * its newest version, instead of once per edit. No timer: an edit typed alone is
   * validated one turn after it arrives.
   */
  private readonly turn = (): void => {
    if (this.changed && this.waitedTurns < MAX_WAIT_TURNS) {
      this.changed = false;
      this.waitedTurns++;
      nextTurn(this.turn);
      return;
    }
    this.changed = false;
    this.scheduled = false;
    void this.flush();
  };

  scheduleAll(): void {
    for (const document of this.context.documents.all()) this.schedule(document.uri);
  }

  private async flush(): Promise<void> {
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
    const stale = () => this.context.documents.get(uri)?.version !== version || this.pending.has(uri);
    const edited = this.context.edits.lastEdit(uri, version);
    const diagnostics = await computeDiagnostics(current, analysis, settings, this.context.catalogState.catalog, stale, edited && current.offsetAt(edited));
    // Dropped, not queued: the newer version is already scheduled.
    if (!diagnostics || stale()) return;
    void this.context.connection.sendDiagnostics({ uri, version, diagnostics });
  }
}
