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

/**
 * Character counts, for a cheap lower bound on the edit distance: an edit changes at
 * most one character of each string, so strings whose multisets of characters differ
 * by more than `k` (the bag distance) are more than `k` edits apart. Most candidates
 * fail this bound, and most of the cost of a suggestion was their full distance.
 * Undefined for text outside ASCII (no bound is used then).
 */
type Counts = Uint16Array | undefined;

function countsOf(text: string): Counts {
  const counts = new Uint16Array(128);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 128) return undefined;
    counts[code]++;
  }
  return counts;
}

/** A token's counts and its distinct characters. */
interface Profile {
  counts: Uint16Array;
  chars: number[];
}

function profileOf(text: string): Profile | undefined {
  const counts = countsOf(text);
  if (!counts) return undefined;
  const chars: number[] = [];
  for (let code = 0; code < 128; code++) if (counts[code] > 0) chars.push(code);
  return { counts, chars };
}

/** True when the bag distance between the profiled token and a string with `counts` exceeds `max`. */
function surelyFartherThan(token: string, profile: Profile | undefined, other: string, counts: Counts, max: number): boolean {
  if (!profile || !counts) return false;
  let missing = 0; // characters of the token that `other` lacks
  for (const code of profile.chars) {
    const extra = profile.counts[code] - counts[code];
    if (extra > 0 && (missing += extra) > max) return true;
  }
  // Characters of `other` that the token lacks.
  return other.length - token.length + missing > max;
}

/** Per catalog, built once: what lets a suggestion look only at candidates that can score. */
interface SuggestIndex {
  /** Parallel to `catalog.events`. */
  counts: Counts[];
  /** Indexes into `catalog.events` by ID length. */
  byLength: Map<number, number[]>;
  /** `exceptKey(segments, i)` -> events with those segments at every position but `i`. */
  sameExcept: Map<string, CatalogEvent[]>;
  /** An ID with one inner segment left out (never the first or the last) -> events. */
  withoutOne: Map<string, CatalogEvent[]>;
  namespaces: Array<{ path: string; segments: string[]; counts: Counts }>;
  /** The most segments an ID has. */
  maxSegments: number;
}

/** Segments are never empty of meaning but never hold `.`, so joining keeps keys distinct. */
const exceptKey = (segments: readonly string[], i: number) => `${segments.length}|${i}|${segments.filter((_, j) => j !== i).join('.')}`;

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const indexes = new WeakMap<Catalog, SuggestIndex>();

function suggestIndex(catalog: Catalog): SuggestIndex {
  let index = indexes.get(catalog);
  if (!index) {
    const byLength = new Map<number, number[]>();
    const sameExcept = new Map<string, CatalogEvent[]>();
    const withoutOne = new Map<string, CatalogEvent[]>();
    catalog.events.forEach((event, index) => {
      const s = event.segments;
      push(byLength, event.id.length, index);
      for (let i = 0; i < s.length; i++) push(sameExcept, exceptKey(s, i), event);
      for (let i = 1; i < s.length - 1; i++) push(withoutOne, s.filter((_, j) => j !== i).join('.'), event);
    });
    index = {
      counts: catalog.events.map((event) => countsOf(event.id)),
      byLength,
      sameExcept,
      withoutOne,
      namespaces: [...catalog.namespacePaths()].map((path) => ({ path, segments: path.split('.'), counts: countsOf(path) })),
      maxSegments: catalog.events.reduce((n, event) => Math.max(n, event.segments.length), 0),
    };
    indexes.set(catalog, index);
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

function score(token: string, tokenSegments: string[], event: CatalogEvent, maxDistance: number, profile: Profile | undefined, counts: Counts): number {
  const id = event.id;
  // Both distances below are at least the length difference and the bag distance (a swap keeps the bag).
  if (Math.abs(token.length - id.length) > maxDistance || surelyFartherThan(token, profile, id, counts, maxDistance)) return Infinity;
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
  const { sameExcept, withoutOne, maxSegments } = suggestIndex(catalog);
  // No ID has that many segments; building a key per segment would be quadratic (`event_id.x` and 20,000 dots: 20 s).
  if (n > maxSegments) return;
  // IDs of the same length that differ from the token in exactly one segment.
  for (let i = 0; i < n; i++) {
    for (const event of sameExcept.get(exceptKey(tokenSegments, i)) ?? []) {
      const s = event.segments;
      if (s[i] === tokenSegments[i]) continue; // the token itself
      if (i < n - 1) byPosition.set(i, [...(byPosition.get(i) ?? []), event]);
      else if (last.length >= 3 && s[n - 1].startsWith(last)) cutShort.push(event);
    }
  }
  // One segment inserted somewhere in the token gives the ID.
  for (const event of withoutOne.get(tokenSegments.join('.')) ?? []) add(event, 2);
  for (const events of byPosition.values()) if (events.length <= 3) for (const event of events) add(event, 2.5);
  if (cutShort.length === 1) add(cutShort[0], 1.5);
}

/** Returns up to `max` suggested IDs for an unknown token, best first. */
export function suggest(token: string, catalog: Catalog, max = 3): string[] {
  return rank(token, catalog)
    .slice(0, max)
    .map((r) => r.id);
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
  const profile = profileOf(token);
  const { counts, byLength } = suggestIndex(catalog);
  // A distance is at least the difference in length: only IDs of nearly the token's length can score.
  for (let length = token.length - maxDistance; length <= token.length + maxDistance; length++) {
    for (const i of byLength.get(length) ?? []) {
      const event = catalog.events[i];
      const value = score(token, tokenSegments, event, maxDistance, profile, counts[i]);
      if (value !== Infinity) add(event, value);
    }
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
  const profile = profileOf(path);
  const scored: Array<[string, number]> = [];
  for (const { path: candidate, segments, counts } of suggestIndex(catalog).namespaces) {
    // As in `score`: both distances are at least the length difference and the bag distance.
    if (candidate === path || Math.abs(candidate.length - path.length) > maxDistance) continue;
    if (surelyFartherThan(path, profile, candidate, counts, maxDistance)) continue;
    const d = Math.min(distance(path, candidate), segmentDistance(pathSegments, segments));
    if (d <= maxDistance) scored.push([candidate, d]);
  }
  return scored.sort((a, b) => a[1] - b[1]).slice(0, max).map(([candidate]) => candidate);
}
