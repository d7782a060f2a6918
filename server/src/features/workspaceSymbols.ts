/**
 * Workspace Symbols (Ctrl+T): catalog events by ID or by Korean description,
 * located at their catalog row (or, for events with no source file, such as
 * ones added in the settings, at their first usage).
 */
import { SymbolInformation, SymbolKind, SymbolTag, WorkspaceSymbolParams } from 'vscode-languageserver';
import { ServerContext } from '../serverContext';
import { searchEvents, symbolName } from '../workspace/symbolSearch';
import { WorkspaceIndex } from '../workspace/workspaceIndex';

/** Symbols returned at most; VS Code filters and sorts them again. */
export const MAX_SYMBOLS = 200;

export async function doWorkspaceSymbols(context: ServerContext, index: WorkspaceIndex, params: WorkspaceSymbolParams): Promise<SymbolInformation[]> {
  const symbols: SymbolInformation[] = [];
  for (const event of searchEvents(context.catalogState.catalog.events, params.query, MAX_SYMBOLS)) {
    const location = index.definitionOf(event) ?? (await index.usagesOf(event.id))[0];
    if (!location) continue;
    symbols.push({
      name: symbolName(event, context.locale),
      kind: SymbolKind.Event,
      containerName: event.service,
      location,
      ...(event.deprecated !== undefined ? { tags: [SymbolTag.Deprecated] } : {}),
    });
  }
  return symbols;
}
