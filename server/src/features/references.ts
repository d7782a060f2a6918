/**
 * Find All References on an event ID: every usage in the workspace (open
 * documents as edited, other files from the workspace index), and the ID's
 * catalog row when the client asks for the declaration too. Also serves the
 * tree's "Find Usages" (UsageLocationsRequest).
 */
import { Location, ReferenceParams } from 'vscode-languageserver';
import { findingAt, ServerContext } from '../serverContext';
import { usageKey } from '../workspace/usageIndex';
import { WorkspaceIndex } from '../workspace/workspaceIndex';

export async function doReferences(context: ServerContext, index: WorkspaceIndex, params: ReferenceParams): Promise<Location[] | null> {
  const found = await context.analysisOf(params.textDocument.uri);
  if (!found) return null;
  const { document, analysis } = found;
  const finding = findingAt(analysis.findings, document.offsetAt(params.position));
  const usage = finding && usageKey(finding);
  if (!finding || !usage) return null;
  const locations = await index.usagesOf(usage.key);
  // A document outside the workspace folders still lists its own usages.
  if (!locations.some((location) => location.uri === document.uri)) {
    for (const other of analysis.findings) {
      if (usageKey(other)?.key === usage.key) {
        locations.push({ uri: document.uri, range: { start: document.positionAt(other.start), end: document.positionAt(other.end) } });
      }
    }
  }
  const declaration = params.context.includeDeclaration && finding.event ? index.definitionOf(finding.event) : undefined;
  if (!declaration) return locations;
  // The catalog source may be in the workspace itself: list its row once.
  const same = (l: Location) => l.uri === declaration.uri && l.range.start.line === declaration.range.start.line && l.range.start.character === declaration.range.start.character;
  return [declaration, ...locations.filter((location) => !same(location))];
}

/** The usages of an event ID, for the tree's "Find Usages". */
export function usageLocations(index: WorkspaceIndex, params: { id: string }): Promise<Location[]> {
  return index.usagesOf(params.id);
}
