/**
 * Quick fixes: one per suggestion (top 3; every event and prefix form of a group
 * of events), the best marked preferred, each replacing exactly the unknown token.
 */
import { CodeAction, CodeActionKind, CodeActionParams } from 'vscode-languageserver';
import { Codes, DiagnosticData, DIAGNOSTIC_SOURCE } from './diagnostics';
import { ServerContext } from '../serverContext';

const FIXED_CODES = new Set<unknown>([Codes.unknownId, Codes.unmatchedPattern, Codes.eventGroup]);

export function doCodeActions(context: ServerContext, params: CodeActionParams): CodeAction[] {
  const catalog = context.catalogState.catalog;
  const actions: CodeAction[] = [];
  for (const diagnostic of params.context.diagnostics) {
    if (diagnostic.source !== DIAGNOSTIC_SOURCE || !FIXED_CODES.has(diagnostic.code)) continue;
    const suggestions = (diagnostic.data as DiagnosticData | undefined)?.suggestions ?? [];
    // A group's events and prefix forms are alternatives of equal standing: all of them, none preferred.
    const group = diagnostic.code === Codes.eventGroup;
    suggestions.slice(0, group ? undefined : 3).forEach((id, index) => {
      const description = catalog.get(id)?.description;
      actions.push({
        title: `Change to '${id}'${description ? ` (${description})` : ''}`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: index === 0 && !group,
        edit: { changes: { [params.textDocument.uri]: [{ range: diagnostic.range, newText: id }] } },
      });
    });
  }
  return actions;
}
