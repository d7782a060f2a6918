/**
 * "Did you mean" suggestions for an unknown ID: the most likely intended IDs,
 * best first, none when nothing is close.
 *
 * Scores (lower is better): wrong case 0; a different separator (`_end` vs
 * `.end`, `-` vs `_`) 0.5; otherwise the Levenshtein distance, with an adjacent
 * transposition counted as one edit. A token whose only mistake is one wrong
 * service or resource segment (`event_id.iaas.instance.attach` for
 * `volume.attach`) scores 2.5 when few IDs fit that shape.
 */
import { distance } from 'fastest-levenshtein';
import { Catalog, CatalogEvent } from './catalog';

const memo = new WeakMap<Catalog, Map<string, string[]>>();
const skeletons = new WeakMap<Catalog, Map<string, CatalogEvent[]>>();
const MEMO_LIMIT = 10_000;

const skeleton = (id: string) => id.toLowerCase().replace(/[-_.]/g, '.');

function skeletonIndex(catalog: Catalog): Map<string, CatalogEvent[]> {
  let index = skeletons.get(catalog);
  if (!index) {
    index = new Map();
    for (const event of catalog.events) {
      const key = skeleton(event.id);
      index.set(key, [...(index.get(key) ?? []), event]);
    }
    skeletons.set(catalog, index);
  }
  return index;
}

/** True when `a` becomes `b` by swapping one pair of adjacent characters. */
function isTransposition(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i < a.length - 1 && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}

/** Edits allowed for a token: grows with the part after `event_id.`, so short tokens need close matches. */
function allowedDistance(token: string): number {
  const tail = token.length - 'event_id.'.length;
  return tail <= 10 ? 1 : tail <= 18 ? 2 : 3;
}

function score(token: string, id: string, maxDistance: number): number {
  if (Math.abs(token.length - id.length) > maxDistance) return Infinity;
  const d = distance(token, id);
  const adjusted = d === 2 && isTransposition(token, id) ? 1 : d;
  return adjusted <= maxDistance ? adjusted : Infinity;
}

/** Candidates that differ from the token in exactly one segment other than the last. */
function oneSegmentOff(tokenSegments: string[], catalog: Catalog): CatalogEvent[] {
  return catalog.events.filter((event) => {
    const s = event.segments;
    if (s.length !== tokenSegments.length || s[s.length - 1] !== tokenSegments[s.length - 1]) return false;
    let differences = 0;
    for (let i = 0; i < s.length && differences < 2; i++) if (s[i] !== tokenSegments[i]) differences++;
    return differences === 1;
  });
}

/** Returns up to `max` suggested IDs for an unknown token, best first. */
export function suggest(token: string, catalog: Catalog, max = 3): string[] {
  let cache = memo.get(catalog);
  if (!cache) memo.set(catalog, (cache = new Map()));
  const cached = cache.get(token);
  if (cached) return cached.slice(0, max);

  const scored = new Map<CatalogEvent, number>();
  const add = (event: CatalogEvent, value: number) => {
    if (value < (scored.get(event) ?? Infinity)) scored.set(event, value);
  };
  const sameCase = catalog.getIgnoringCase(token);
  if (sameCase) add(sameCase, 0);
  for (const event of skeletonIndex(catalog).get(skeleton(token)) ?? []) add(event, 0.5);
  const maxDistance = allowedDistance(token);
  for (const event of catalog.events) {
    const value = score(token, event.id, maxDistance);
    if (value !== Infinity) add(event, value);
  }
  const shape = oneSegmentOff(token.split('.'), catalog);
  if (shape.length > 0 && shape.length <= 3) for (const event of shape) add(event, 2.5);

  const order = new Map(catalog.events.map((event, index) => [event, index]));
  const ranked = [...scored]
    .sort(([a, x], [b, y]) => x - y || order.get(a)! - order.get(b)!)
    .map(([event]) => event.id);
  if (cache.size >= MEMO_LIMIT) cache.clear();
  cache.set(token, ranked);
  return ranked.slice(0, max);
}
