/**
 * Document highlights: the other occurrences of the ID under the cursor in the
 * same document (the same event, or the same unknown ID).
 */
import { DocumentHighlight, DocumentHighlightKind, DocumentHighlightParams } from 'vscode-languageserver';
import { findingAt, ServerContext } from '../serverContext';
import { usageKey } from '../workspace/usageIndex';

export async function doDocumentHighlight(context: ServerContext, params: DocumentHighlightParams): Promise<DocumentHighlight[] | null> {
  const found = await context.analysisOf(params.textDocument.uri);
  if (!found) return null;
  const { document, analysis } = found;
  const finding = findingAt(analysis.findings, document.offsetAt(params.position));
  const key = finding && usageKey(finding)?.key;
  if (!key) return null;
  return analysis.findings
    .filter((other) => usageKey(other)?.key === key)
    .map((other) => ({ range: { start: document.positionAt(other.start), end: document.positionAt(other.end) }, kind: DocumentHighlightKind.Text }));
}
