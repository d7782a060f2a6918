/**
 * Workspace Symbols (Ctrl+T) over the catalog: events found by ID or by their
 * Korean (or other-language) description. Pure.
 */
import { CatalogEvent } from '../core/catalog';
import { eventTitle } from '../core/markdown';

/** Makes texts comparable: NFC (macOS input methods may send decomposed Hangul), lower case. */
const fold = (text: string) => text.normalize('NFC').toLowerCase();
const squeeze = (text: string) => text.replace(/\s+/g, '');

/** True when the characters of `needle` occur in `haystack` in order (fuzzy, as VS Code's quick open matches). */
export function isSubsequence(needle: string, haystack: string): boolean {
  let at = 0;
  for (const char of needle) {
    at = haystack.indexOf(char, at);
    if (at < 0) return false;
    at += char.length;
  }
  return true;
}

/**
 * How well `event` answers `query` (higher is better), or 0 when it does not.
 * Exact and whole-substring matches on the ID or a description come first,
 * then every word of the query somewhere, then fuzzy matches on the ID.
 */
export function symbolScore(event: CatalogEvent, query: string): number {
  const q = fold(query).trim();
  if (!q) return 1;
  const id = event.id.toLowerCase();
  const descriptions = [event.description, ...Object.values(event.names ?? {})].map(fold);
  if (id === q) return 100;
  if (descriptions.some((d) => d === q)) return 95;
  if (id.startsWith(q)) return 90;
  if (id.includes(q)) return 80;
  if (descriptions.some((d) => d.includes(q))) return 75;
  const compact = squeeze(q);
  if (descriptions.some((d) => squeeze(d).includes(compact))) return 70;
  const words = q.split(/\s+/);
  const all = `${id} ${descriptions.join(' ')}`;
  if (words.length > 1 && words.every((word) => all.includes(word))) return 60;
  if (isSubsequence(compact, id)) return 30;
  if (descriptions.some((d) => isSubsequence(compact, squeeze(d)))) return 20;
  return 0;
}

/** The events matching `query`, best first (catalog order among equals), at most `max`. */
export function searchEvents(events: readonly CatalogEvent[], query: string, max = 200): CatalogEvent[] {
  return events
    .map((event, order) => ({ event, order, score: symbolScore(event, query) }))
    .filter((entry) => entry.score > 0)
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .slice(0, max)
    .map((entry) => entry.event);
}

/**
 * The name a symbol is listed under. VS Code filters the server's answer again
 * by fuzzy-matching the query against this name alone, so it carries the Korean
 * description, the name in the UI language and the ID: each kind of query keeps it.
 */
export function symbolName(event: CatalogEvent, locale?: string): string {
  return `${eventTitle(event, locale)} (${event.id})`;
}
