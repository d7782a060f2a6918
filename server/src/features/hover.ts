/**
 * Hover: the Korean description of a known ID, or what a namespace, prefix
 * or wildcard covers.
 */
import { CancellationToken, Hover, HoverParams, MarkupKind } from 'vscode-languageserver';
import { coverageMarkdown, eventMarkdown } from '../core/markdown';
import { findingAt, ServerContext } from '../serverContext';

export async function doHover(context: ServerContext, params: HoverParams, token?: CancellationToken): Promise<Hover | null> {
  const found = await context.analysisOf(params.textDocument.uri);
  if (!found || token?.isCancellationRequested) return null;
  const { document, analysis } = found;
  const finding = findingAt(analysis.findings, document.offsetAt(params.position));
  if (!finding || finding.kind === 'unknown') return null;
  const catalog = context.catalogState.catalog;
  const format = context.hoverFormat;
  const value = finding.event
    ? eventMarkdown(finding.event, catalog, context.locale, finding.kind === 'retired', format)
    : coverageMarkdown(finding.text, finding.covers ?? [], context.locale, format);
  return {
    contents: { kind: format === 'markdown' ? MarkupKind.Markdown : MarkupKind.PlainText, value },
    range: { start: document.positionAt(finding.start), end: document.positionAt(finding.end) },
  };
}
