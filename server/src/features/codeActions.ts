/**
 * Quick fixes: one per suggestion (top 3), the best marked preferred, each
 * replacing exactly the unknown token.
 */
import { CodeAction, CodeActionKind, CodeActionParams } from 'vscode-languageserver';
import { Codes, DiagnosticData, DIAGNOSTIC_SOURCE } from './diagnostics';
import { ServerContext } from '../serverContext';

export function doCodeActions(context: ServerContext, params: CodeActionParams): CodeAction[] {
  const catalog = context.catalogState.catalog;
  const actions: CodeAction[] = [];
  for (const diagnostic of params.context.diagnostics) {
    if (diagnostic.source !== DIAGNOSTIC_SOURCE || (diagnostic.code !== Codes.unknownId && diagnostic.code !== Codes.unmatchedPattern)) continue;
    const suggestions = (diagnostic.data as DiagnosticData | undefined)?.suggestions ?? [];
    suggestions.slice(0, 3).forEach((id, index) => {
      const description = catalog.get(id)?.description;
      actions.push({
        title: `Change to '${id}'${description ? ` (${description})` : ''}`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: index === 0,
        edit: { changes: { [params.textDocument.uri]: [{ range: diagnostic.range, newText: id }] } },
      });
    });
  }
  return actions;
}
