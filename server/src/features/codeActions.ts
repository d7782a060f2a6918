/**
 * Quick fixes: one per suggestion (top 3; every event and prefix form of a group
 * of events), the best marked preferred, each replacing exactly the unknown token.
 */
import { CodeAction, CodeActionKind, CodeActionParams, Diagnostic } from 'vscode-languageserver';
import { problemsOf } from '../core/problems';
import { Codes, computeDiagnostics, DiagnosticData, DIAGNOSTIC_SOURCE } from './diagnostics';
import { findingAt, ServerContext } from '../serverContext';

const FIXED_CODES = new Set<unknown>([Codes.unknownId, Codes.unmatchedPattern, Codes.eventGroup]);
const isOurs = (diagnostic: Diagnostic) =>
  (diagnostic.source === undefined || diagnostic.source === DIAGNOSTIC_SOURCE) && FIXED_CODES.has(diagnostic.code);

export async function doCodeActions(context: ServerContext, params: CodeActionParams): Promise<CodeAction[]> {
  const catalog = context.catalogState.catalog;
  const uri = params.textDocument.uri;
  let diagnostics = params.context.diagnostics.filter(isOurs);
  // Vim's ALE 3.3 sends no diagnostic when the cursor is inside a word: fix what the range covers.
  if (diagnostics.length === 0) diagnostics = (await diagnosticsIn(context, params)).filter(isOurs);
  const actions: CodeAction[] = [];
  for (const diagnostic of diagnostics) {
    const suggestions = (diagnostic.data as DiagnosticData | undefined)?.suggestions ?? (await suggestionsAt(context, uri, diagnostic));
    // A group's events and prefix forms are alternatives of equal standing: all of them, none preferred.
    const group = diagnostic.code === Codes.eventGroup;
    suggestions.slice(0, group ? undefined : 3).forEach((id, index) => {
      const description = catalog.get(id)?.description;
      actions.push({
        title: `Change to '${id}'${description ? ` (${description})` : ''}`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: index === 0 && !group,
        edit: { changes: { [uri]: [{ range: diagnostic.range, newText: id }] } },
      });
    });
  }
  return actions;
}

/** The diagnostics the server publishes for the findings the requested range touches (none when they are turned off). */
async function diagnosticsIn(context: ServerContext, params: CodeActionParams): Promise<Diagnostic[]> {
  const found = await context.analysisOf(params.textDocument.uri);
  if (!found || found.analysis.skipped) return [];
  const { document, analysis } = found;
  const start = document.offsetAt(params.range.start);
  const end = document.offsetAt(params.range.end);
  const findings = analysis.findings.filter((f) => f.start <= end && f.end >= start);
  if (findings.length === 0) return [];
  const settings = await context.settingsFor(document.uri);
  return (await computeDiagnostics(document, { ...analysis, findings }, settings, context.catalogState.catalog)) ?? [];
}

/**
 * The suggestions for a diagnostic the client sent back without its `data` (Vim's ALE keeps only
 * the range, message and code): computed again from the document, for the problem the diagnostic
 * was published for (same range and code), so a bare diagnostic gets the same fixes.
 */
async function suggestionsAt(context: ServerContext, uri: string, diagnostic: Diagnostic): Promise<string[]> {
  const found = await context.analysisOf(uri);
  if (!found || found.analysis.skipped) return [];
  const { document, analysis } = found;
  const start = document.offsetAt(diagnostic.range.start);
  const finding = findingAt(analysis.findings, start);
  if (!finding || finding.start !== start || finding.end !== document.offsetAt(diagnostic.range.end)) return [];
  const [problem] = problemsOf(document.getText(), [finding], context.catalogState.catalog);
  return problem?.code === diagnostic.code ? problem.suggestions : [];
}
