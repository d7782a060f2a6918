/**
 * The custom requests of protocol.ts: the catalog for the client's tree and
 * QuickPick, and the ID under the cursor for "Reveal in Catalog".
 */
import { TextDocumentPositionParams } from 'vscode-languageserver';
import { CatalogInfo } from '../../../shared/protocol';
import { findingAt, ServerContext } from '../serverContext';

export function catalogInfo(context: ServerContext): CatalogInfo {
  const { catalog, sources, version } = context.catalogState;
  return {
    version,
    sources,
    services: [...catalog.services],
    events: catalog.events.map((e) => ({
      id: e.id,
      description: e.description,
      service: e.service,
      serviceEn: e.serviceEn,
      names: e.names,
      origin: e.origin ?? 'builtin',
      deprecated: e.deprecated,
      editions: e.editions,
    })),
  };
}

export async function eventAt(context: ServerContext, params: TextDocumentPositionParams): Promise<{ id: string } | null> {
  const found = await context.analysisOf(params.textDocument.uri);
  if (!found) return null;
  const finding = findingAt(found.analysis.findings, found.document.offsetAt(params.position));
  return finding?.event ? { id: finding.event.id } : null;
}
