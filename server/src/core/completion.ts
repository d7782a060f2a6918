/**
 * What to complete at a cursor: the partial token being typed and the catalog
 * entries that can follow it. Offsets only; the LSP adapter makes items.
 */
import { Catalog, CatalogEvent, ROOT_NAMESPACE, segmentsOf } from './catalog';
import { examinedRegions, scanModeOf } from './languages';
import { tokenAt } from './scanner';

export interface CompletionContext {
  /** The span the accepted item replaces: the whole partial token, including text after the cursor. */
  start: number;
  end: number;
  /** What was typed from `start` to the cursor. */
  typed: string;
  /**
   * Where the word at the cursor starts, as editors that filter by the word before the cursor see
   * it: letters, digits and `_` (Vim's default 'iskeyword', Helix's word characters, the symbol at
   * point in Emacs's programming modes). `.` and `-` end a word, so after `event_id.iaas.instance.cr`
   * the word is `cr`.
   */
  wordStart: number;
}

export type Candidate =
  | { kind: 'namespace'; path: string; count: number }
  | { kind: 'event'; event: CatalogEvent };

const QUOTES = `"'\``;
// `event_id == "|`, `eventId: '|`, `"event_id": "|`, `WHERE event_id = '|`: a quote opened for an event ID.
const EVENT_ID_KEY = /event[_-]?id["'`\]]?\s*(?::|==?=?|!==?|<>|\(|,|\bin\b|\bIN\b)?\s*$/i;

/** True when `offset` lies in a string or comment of a code file (any text for data files). */
function inExaminedText(text: string, offset: number, languageId: string): boolean {
  if (scanModeOf(languageId) !== 'code') return true;
  const regions = examinedRegions(text, languageId, offset);
  for (let i = regions.length - 2; i >= 0; i -= 2) {
    if (regions[i] <= offset && offset <= regions[i + 1]) return true;
    if (regions[i + 1] < offset) return false;
  }
  return false;
}

const isWordChar = (code: number) => (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;

function wordStart(text: string, tokenStart: number, offset: number): number {
  let start = offset;
  while (start > tokenStart && isWordChar(text.charCodeAt(start - 1))) start--;
  return start;
}

/**
 * The completion context at `offset`, or undefined where completing an event ID
 * makes no sense (outside strings and comments in code, or not after `event_id`).
 */
export function completionContext(text: string, offset: number, languageId: string): CompletionContext | undefined {
  const token = tokenAt(text, offset);
  if (token) {
    if (!inExaminedText(text, offset, languageId)) return undefined;
    return { start: token.start, end: token.end, typed: text.slice(token.start, offset), wordStart: wordStart(text, token.start, offset) };
  }
  // Right after an opening quote whose line names an event ID: offer every ID.
  const before = text[offset - 1];
  if (before && QUOTES.includes(before)) {
    const lineStart = text.lastIndexOf('\n', offset - 2) + 1;
    if (EVENT_ID_KEY.test(text.slice(lineStart, offset - 1)) && inExaminedText(text, offset, languageId)) {
      return { start: offset, end: offset, typed: '', wordStart: offset };
    }
  }
  return undefined;
}

/** True when the characters of `typed` occur in `text` in order, ignoring case (`icr` in `instance.create`). */
function containsInOrder(text: string, typed: string): boolean {
  let at = 0;
  const lower = text.toLowerCase();
  for (const char of typed.toLowerCase()) {
    at = lower.indexOf(char, at) + 1;
    if (at === 0) return false;
  }
  return true;
}

/**
 * Candidates for what was typed, one level at a time so lists stay short with 2,000 events:
 * the namespaces one level below the deepest complete namespace and the events directly in it;
 * once a segment is being typed, also the deeper events whose rest holds its characters in
 * order, so `event_id.iaas.crea` still reaches `event_id.iaas.instance.create`. The list depends
 * on the typed text: the editor asks again as the user types. When the typed namespace does not
 * exist (a typo further left), the events matching the segment being typed anywhere below the root,
 * so the editor's fuzzy matching can repair the rest.
 * Events of other editions than the catalog's are left out; they are known, not offered.
 */
export function completionCandidates(catalog: Catalog, typed: string): Candidate[] {
  const dot = typed.lastIndexOf('.');
  const typedNamespace = dot > 0 ? typed.slice(0, dot) : ROOT_NAMESPACE;
  const namespace = catalog.isNamespace(typedNamespace) ? typedNamespace : ROOT_NAMESPACE;
  // The segment being typed; under a mistyped namespace, only it narrows the events (the rest is the typo).
  const partial = dot < 0 ? '' : typed.slice(dot + 1);
  const depth = namespace.length + 1;
  const level = segmentsOf(namespace).length + 1;
  const offered = (event: CatalogEvent) => catalog.inEdition(event);
  const namespaces: Candidate[] = [];
  for (const child of catalog.childrenOf(namespace)) {
    if (child.event) continue;
    // The count an item shows is what it offers: this edition's events only.
    const count = catalog.eventsUnder(child.path).filter(offered).length;
    if (count > 0) namespaces.push({ kind: 'namespace', path: child.path, count });
  }
  const events = catalog
    .eventsUnder(namespace)
    .filter((event) => offered(event) && (partial ? containsInOrder(event.id.slice(depth), partial) : namespace !== typedNamespace || event.segments.length === level));
  return [...namespaces, ...events.map((event): Candidate => ({ kind: 'event', event }))];
}
