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

export interface Ranked {
  id: string;
  /** Lower is closer: 0 wrong case, 0.5 separators, then edits. */
  score: number;
}

const memo = new WeakMap<Catalog, Map<string, Ranked[]>>();
const skeletons = new WeakMap<Catalog, Map<string, CatalogEvent[]>>();
const MEMO_LIMIT = 10_000;

const orders = new WeakMap<Catalog, Map<CatalogEvent, number>>();

/** Catalog position of each event, to break ties in source order. */
function catalogOrder(catalog: Catalog): Map<CatalogEvent, number> {
  let order = orders.get(catalog);
  if (!order) orders.set(catalog, (order = new Map(catalog.events.map((event, index) => [event, index]))));
  return order;
}

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

/** Segment by segment, an adjacent swap inside a segment counts one edit (`instnace.craete` is two). */
function segmentDistance(tokenSegments: string[], segments: string[]): number {
  if (tokenSegments.length !== segments.length) return Infinity;
  let total = 0;
  for (let i = 0; i < segments.length; i++) {
    const a = tokenSegments[i];
    const b = segments[i];
    if (a !== b) total += isTransposition(a, b) ? 1 : distance(a, b);
  }
  return total;
}

function score(token: string, tokenSegments: string[], event: CatalogEvent, maxDistance: number): number {
  const id = event.id;
  if (Math.abs(token.length - id.length) > maxDistance + 1) return Infinity;
  const d = distance(token, id);
  const adjusted = Math.min(d === 2 && isTransposition(token, id) ? 1 : d, segmentDistance(tokenSegments, event.segments));
  return adjusted <= maxDistance ? adjusted : Infinity;
}

/**
 * Structural near-misses, scored after close spellings:
 * - one wrong segment other than the last (`cluster.upgrade.start` for `nodegroup.upgrade.start`),
 *   when at most 3 IDs differ at that position;
 * - one segment missing (`iaas.snapshot.restore` for `iaas.nas.snapshot.restore`);
 * - the last segment cut short (`user_group_add` for `user_group_addition`), when unique.
 */
function structural(tokenSegments: string[], catalog: Catalog, add: (event: CatalogEvent, value: number) => void): void {
  const n = tokenSegments.length;
  const last = tokenSegments[n - 1];
  const byPosition = new Map<number, CatalogEvent[]>();
  const cutShort: CatalogEvent[] = [];
  for (const event of catalog.events) {
    const s = event.segments;
    if (s.length === n) {
      let differs = -1;
      let count = 0;
      for (let i = 0; i < n && count < 2; i++) {
        if (s[i] !== tokenSegments[i]) {
          differs = i;
          count++;
        }
      }
      if (count !== 1) continue;
      if (differs < n - 1) byPosition.set(differs, [...(byPosition.get(differs) ?? []), event]);
      else if (last.length >= 3 && s[n - 1].startsWith(last)) cutShort.push(event);
    } else if (s.length === n + 1) {
      // One segment inserted somewhere in the token gives the ID.
      for (let i = 1; i < s.length - 1; i++) {
        if (tokenSegments.every((segment, j) => segment === s[j < i ? j : j + 1])) {
          add(event, 2);
          break;
        }
      }
    }
  }
  for (const events of byPosition.values()) if (events.length <= 3) for (const event of events) add(event, 2.5);
  if (cutShort.length === 1) add(cutShort[0], 1.5);
}

/** Returns up to `max` suggested IDs for an unknown token, best first. */
export function suggest(token: string, catalog: Catalog, max = 3): string[] {
  return rank(token, catalog)
    .slice(0, max)
    .map((r) => r.id);
}

/** True when the best suggestion is strictly closer than the next one: safe to apply without asking. */
export function isUnambiguous(token: string, catalog: Catalog): boolean {
  const [best, next] = rank(token, catalog);
  return best !== undefined && (next === undefined || best.score < next.score);
}

/** Every candidate for a token with its score, best first (memoised per catalog). */
function rank(token: string, catalog: Catalog): Ranked[] {
  let cache = memo.get(catalog);
  if (!cache) memo.set(catalog, (cache = new Map()));
  const cached = cache.get(token);
  if (cached) return cached;

  const scored = new Map<CatalogEvent, number>();
  const add = (event: CatalogEvent, value: number) => {
    if (value < (scored.get(event) ?? Infinity)) scored.set(event, value);
  };
  const sameCase = catalog.getIgnoringCase(token);
  if (sameCase) add(sameCase, 0);
  for (const event of skeletonIndex(catalog).get(skeleton(token)) ?? []) add(event, 0.5);
  // A completion suffix on an event that has no completion event: the event itself.
  const withoutEnd = /[._]end$/.test(token) ? catalog.get(token.slice(0, -4)) : undefined;
  if (withoutEnd) add(withoutEnd, 0.8);
  const maxDistance = allowedDistance(token);
  const tokenSegments = token.split('.');
  for (const event of catalog.events) {
    const value = score(token, tokenSegments, event, maxDistance);
    if (value !== Infinity) add(event, value);
  }
  structural(tokenSegments, catalog, add);

  const order = catalogOrder(catalog);
  const ranked = [...scored]
    .sort(([a, x], [b, y]) => x - y || order.get(a)! - order.get(b)!)
    .map(([event, score]) => ({ id: event.id, score }));
  if (cache.size >= MEMO_LIMIT) cache.clear();
  cache.set(token, ranked);
  return ranked;
}

/**
 * Namespaces close to a mistyped one (`event_id.iaas.imgae` -> `event_id.iaas.image`), best first,
 * for wildcards and prefixes that match nothing.
 */
export function suggestNamespace(path: string, catalog: Catalog, max = 3): string[] {
  const maxDistance = allowedDistance(path);
  const pathSegments = path.split('.');
  const scored: Array<[string, number]> = [];
  for (const candidate of catalog.namespacePaths()) {
    if (candidate === path || Math.abs(candidate.length - path.length) > maxDistance + 1) continue;
    const d = Math.min(distance(path, candidate), segmentDistance(pathSegments, candidate.split('.')));
    if (d <= maxDistance) scored.push([candidate, d]);
  }
  return scored.sort((a, b) => a[1] - b[1]).slice(0, max).map(([candidate]) => candidate);
}
