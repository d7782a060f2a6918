/**
 * Completion of event IDs: the next namespace level and full IDs, each with
 * the Korean description as detail. Accepting never duplicates text or eats a
 * closing quote: VS Code (which filters by the edit's range) replaces the whole
 * partial token with the ID; other editors get edits of the word at the cursor.
 */
import { CancellationToken, CompletionItem, CompletionItemKind, CompletionItemTag, CompletionList, CompletionParams, MarkupKind, Range, TextEdit } from 'vscode-languageserver';
import { completionCandidates, completionContext } from '../core/completion';
import { eventMarkdown, eventTitle } from '../core/markdown';
import { ServerContext } from '../serverContext';

/** `.` continues a token; quotes open a string where VS Code does not suggest by default. */
export const TRIGGER_CHARACTERS = ['.', '"', "'", '`'];
const MAX_ITEMS = 2000;

export async function doComplete(context: ServerContext, params: CompletionParams, token?: CancellationToken): Promise<CompletionList | null> {
  const found = await context.analysisOf(params.textDocument.uri);
  // A request the client cancelled while the document was analysed gets no list built.
  if (!found || found.analysis.skipped || token?.isCancellationRequested) return null;
  const { document } = found;
  const text = document.getText();
  const offset = document.offsetAt(params.position);
  const at = completionContext(text, offset, document.languageId);
  if (!at) return null;
  const range = { start: document.positionAt(at.start), end: document.positionAt(at.end) };
  const sharedRange = context.completionEditRangeDefault;
  const editOf = sharedRange ? () => ({}) : wordEdits(text.slice(at.start, at.wordStart), range, { start: document.positionAt(at.wordStart), end: range.end });
  const catalog = context.catalogState.catalog;
  let candidates = completionCandidates(catalog, at.typed);
  // A huge user or imported catalog: send what starts with the typed text, at most MAX_ITEMS.
  if (candidates.length > MAX_ITEMS) candidates = candidates.filter((c) => (c.kind === 'namespace' ? c.path : c.event.id).startsWith(at.typed)).slice(0, MAX_ITEMS);
  const items = candidates.map((candidate, index): CompletionItem => {
    const sortText = String(index).padStart(4, '0');
    if (candidate.kind === 'namespace') {
      const newText = `${candidate.path}.`;
      return {
        label: newText,
        kind: CompletionItemKind.Module,
        detail: `${candidate.count} events`,
        sortText,
        ...editOf(newText),
        // Open the next level right away, in VS Code; other editors ask again when the user types on.
        command: sharedRange ? { title: 'Suggest', command: 'editor.action.triggerSuggest' } : undefined,
      };
    }
    const { event } = candidate;
    return {
      label: event.id,
      kind: CompletionItemKind.EnumMember,
      detail: eventTitle(event, context.locale),
      labelDetails: { description: event.description },
      tags: event.deprecated ? [CompletionItemTag.Deprecated] : undefined,
      sortText,
      ...editOf(event.id),
      data: event.id,
    };
  });
  // Every item replaces the same token with its label: one shared edit range keeps the list small
  // (a level's groups and events) where the client supports it.
  // The candidates depend on the typed text (one level, plus deeper matches of the segment being
  // typed): the editor must ask again as the user types rather than filter this list.
  return { isIncomplete: true, itemDefaults: sharedRange ? { editRange: range } : undefined, items };
}

type ItemEdit = Pick<CompletionItem, 'textEdit' | 'filterText' | 'insertText'>;

/**
 * The edit of each item for editors that filter and insert by the word at the cursor (eglot,
 * Neovim's omnifunc, Vim's ALE, Helix): after `event_id.iaas.instance.cr` they match `cr` against
 * the item and replace only `cr`, so an ID that continues what precedes the word replaces the word
 * with the rest of the ID (`create`), and says so in `filterText` and `insertText` too (eglot and
 * ALE filter and insert those, Neovim 0.7 the edit's text). An ID that does not continue it (the
 * typed namespace has a typo) replaces the whole token, for the editors that match fuzzily.
 */
function wordEdits(beforeWord: string, token: Range, word: Range): (id: string) => ItemEdit {
  return (id) => {
    if (!beforeWord || !id.startsWith(beforeWord)) return { textEdit: TextEdit.replace(token, id) };
    const rest = id.slice(beforeWord.length);
    return { textEdit: TextEdit.replace(word, rest), filterText: rest, insertText: rest };
  };
}

/** Adds the documentation block when an item is focused, to keep the list response small. */
export function resolveCompletion(context: ServerContext, item: CompletionItem): CompletionItem {
  const event = typeof item.data === 'string' ? context.catalogState.catalog.get(item.data) : undefined;
  if (!event) return item;
  const format = context.completionDocumentationFormat;
  const value = eventMarkdown(event, context.catalogState.catalog, context.locale, false, format);
  item.documentation = { kind: format === 'markdown' ? MarkupKind.Markdown : MarkupKind.PlainText, value };
  return item;
}
