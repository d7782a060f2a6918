/**
 * Which unknown IDs `--fix` may rewrite without asking. Suggestions (`suggest.ts`)
 * cast a wide net for a human to choose from; an unattended rewrite must only
 * undo a slip, because turning an ID into another event is worse than leaving it.
 * On NHN Cloud's own pages a catalog older than the file made the wide ranking
 * rewrite `*.create_end` to `*.create`, `event_id.gameanvil.…` to
 * `event_id.iaas.…` and `ha.remove` to `ha.resume` (issue 12).
 *
 * A slip is, from the written ID to a catalog ID in the same service namespace:
 * - a case-only difference;
 * - a separator-only difference (`-`, `_`, `.` swapped; case may differ too);
 * - a doubled prefix (`event_id.event_id.x`, `event_id.iaas.event_id.iaas.x`);
 * - one insertion, deletion, substitution or adjacent transposition inside one
 *   segment below the service, every other segment equal.
 * The correction must be the only candidate of the closest kind found, and the
 * written ID must not be known to any edition or list (`isKnown`): an ID that
 * a newer catalog holds is not a typo of this one.
 */
import { Catalog, CatalogEvent } from './catalog';

/** True when an ID is known to any edition of the catalog or any list the run was given. */
export type IsKnownId = (id: string) => boolean;

/**
 * Segments shorter than this are not corrected by one edit: in a short word one edit is
 * often another word (`get`/`set`, `add`/`ad`), so the "slip" may be a different action.
 */
const MIN_EDITED_SEGMENT = 4;

/** Lower-case, every separator the same: equal for IDs that differ only in case and separators. */
const skeleton = (id: string) => id.toLowerCase().replace(/[-_.]/g, '.');

/** The service segment as a namespace key: case and `-`/`_` do not make another service. */
const serviceKey = (segment: string | undefined) => (segment ?? '').toLowerCase().replace(/-/g, '_');

/** True when `a` becomes `b` by one insertion, deletion, substitution or adjacent transposition. */
export function isOneEdit(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true; // substitution
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // transposition
  }
  // Insertion or deletion: the rest of the longer string after skipping one character.
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** The ID with repeated leading segments removed (`event_id.event_id.x` -> `event_id.x`), or undefined. */
function withoutDoubledPrefix(segments: readonly string[]): string | undefined {
  let rest = segments;
  for (let changed = true; changed; ) {
    changed = false;
    for (let k = 1; 2 * k < rest.length; k++) {
      if (rest.slice(0, k).every((segment, i) => segment === rest[k + i])) {
        rest = rest.slice(k);
        changed = true;
        break;
      }
    }
  }
  return rest.length < segments.length ? rest.join('.') : undefined;
}

/** True when the written segments differ from the event's in exactly one segment below the service, by one edit. */
function isSegmentSlip(written: readonly string[], event: CatalogEvent): boolean {
  const target = event.segments;
  if (written.length !== target.length) return false;
  let edited = -1;
  for (let i = 0; i < target.length; i++) {
    if (written[i] === target[i]) continue;
    if (edited >= 0 || i < 2) return false;
    edited = i;
  }
  if (edited < 0) return false;
  const [a, b] = [written[edited], target[edited]];
  return Math.min(a.length, b.length) >= MIN_EDITED_SEGMENT && isOneEdit(a, b);
}

const byLength = new WeakMap<Catalog, Map<number, CatalogEvent[]>>();

/** Events by ID length: every slip but a doubled prefix changes the length by at most one. */
function lengthIndex(catalog: Catalog): Map<number, CatalogEvent[]> {
  let index = byLength.get(catalog);
  if (!index) {
    index = new Map();
    for (const event of catalog.events) {
      const list = index.get(event.id.length);
      if (list) list.push(event);
      else index.set(event.id.length, [event]);
    }
    byLength.set(catalog, index);
  }
  return index;
}

/** The one correction of a slip, by the catalog alone (memoised: a file repeats its typos). */
function slipCorrection(written: string, catalog: Catalog): string | undefined {
  const doubled = withoutDoubledPrefix(written.split('.'));
  if (doubled !== undefined) return catalog.get(doubled)?.id;
  const segments = written.split('.');
  const service = serviceKey(segments[1]);
  const lower = written.toLowerCase();
  const shape = skeleton(written);
  // Kinds of slip, closest first; the first kind with any candidate decides.
  const kinds: Array<Set<string>> = [new Set(), new Set(), new Set()];
  const index = lengthIndex(catalog);
  for (let length = written.length - 1; length <= written.length + 1; length++) {
    for (const event of index.get(length) ?? []) {
      if (serviceKey(event.segments[1]) !== service) continue;
      if (event.id.length === written.length && event.id.toLowerCase() === lower) kinds[0].add(event.id);
      else if (event.id.length === written.length && skeleton(event.id) === shape) kinds[1].add(event.id);
      else if (isSegmentSlip(segments, event)) kinds[2].add(event.id);
    }
  }
  const closest = kinds.find((candidates) => candidates.size > 0);
  return closest?.size === 1 ? [...closest][0] : undefined;
}

const memo = new WeakMap<Catalog, Map<string, string | undefined>>();
const MEMO_LIMIT = 10_000;

/**
 * The correction `--fix` may write for an unknown ID, or undefined when the mistake is not
 * a slip with exactly one correction (the ID then stays a finding with its suggestions).
 */
export function safeCorrection(written: string, catalog: Catalog, isKnown: IsKnownId): string | undefined {
  if (isKnown(written)) return undefined;
  let cache = memo.get(catalog);
  if (!cache) memo.set(catalog, (cache = new Map()));
  if (cache.has(written)) return cache.get(written);
  const correction = slipCorrection(written, catalog);
  if (cache.size >= MEMO_LIMIT) cache.clear();
  cache.set(written, correction);
  return correction;
}
