/**
 * Inlay hints (opt-in): the Korean description after each known ID, as
 * i18n Ally shows translations.
 */
import { InlayHint, InlayHintParams } from 'vscode-languageserver';
import { ServerContext } from '../serverContext';

export async function doInlayHints(context: ServerContext, params: InlayHintParams): Promise<InlayHint[]> {
  const uri = params.textDocument.uri;
  const settings = await context.settingsFor(uri);
  const document = context.documents.get(uri);
  if (!settings.inlayHints.enabled || !document) return [];
  const analysis = context.analyze(document, settings);
  const from = document.offsetAt(params.range.start);
  const to = document.offsetAt(params.range.end);
  return analysis.findings
    .filter((f) => f.event && f.end >= from && f.start <= to)
    .map((f) => ({ position: document.positionAt(f.end), label: f.event!.description, paddingLeft: true }));
}
