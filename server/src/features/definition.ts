/**
 * Go to Definition on an event ID: its row in the catalog source (the built-in
 * list shipped with the extension, or the imported list or user catalog file
 * it came from).
 */
import { DefinitionParams, Location } from 'vscode-languageserver';
import { findingAt, ServerContext } from '../serverContext';
import { WorkspaceIndex } from '../workspace/workspaceIndex';

export async function doDefinition(context: ServerContext, index: WorkspaceIndex, params: DefinitionParams): Promise<Location | null> {
  const found = await context.analysisOf(params.textDocument.uri);
  if (!found) return null;
  const finding = findingAt(found.analysis.findings, found.document.offsetAt(params.position));
  if (finding?.kind !== 'event' || !finding.event) return null;
  return index.definitionOf(finding.event) ?? null;
}
