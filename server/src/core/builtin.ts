/**
 * The built-in catalog, generated from NHN Cloud's published lists by `npm run catalog:update`
 * (catalog/events.json) and bundled into the server, so the server works with no files around it.
 */
import data from '../../../catalog/events.json';
import { BuiltinCatalogData, BuiltinEventRow, PUBLIC_EDITION } from './builtinData';
import { Catalog, CatalogEvent, segmentsOf } from './catalog';

// The bundles embed the file as text (`loader: { '.json': 'text' }` in scripts/bundle.mjs):
// V8 skims a 400 KB string literal at load, where an object literal of 2,000 rows cost the
// server's start some milliseconds and megabytes. tsc's output (tests) requires the parsed object.
const catalogData: BuiltinCatalogData = typeof data === 'string' ? JSON.parse(data) : (data as BuiltinCatalogData);

/** Where the built-in catalog comes from, for messages and the client's status. */
export const BUILTIN_SOURCE = `built-in (${catalogData.source.repository} ${catalogData.source.commit.slice(0, 7)}, ${catalogData.source.date})`;

/** The editions NHN Cloud publishes lists for, the public one first. */
export const BUILTIN_EDITIONS: readonly string[] = catalogData.editions;

function eventOf(row: BuiltinEventRow, retired: boolean): CatalogEvent {
  const service = catalogData.services[row.service];
  const names: Record<string, string> = {};
  if (row.en) names.en = row.en;
  if (row.ja) names.ja = row.ja;
  if (row.zh) names.zh = row.zh;
  return {
    id: row.id,
    description: row.ko,
    service: service.ko,
    serviceEn: service.en,
    segments: segmentsOf(row.id),
    names: row.en || row.ja || row.zh ? names : undefined,
    editions: retired ? undefined : row.editions,
    retiredSince: retired ? catalogData.source.date : undefined,
    origin: 'builtin',
  };
}

let events: CatalogEvent[] | undefined;
let retired: CatalogEvent[] | undefined;

/**
 * The events of catalog/events.json, tagged as built-in. Made once: every catalog built on the
 * built-in one shares the same event objects (nothing changes an event; user entries copy it).
 */
export function builtinEvents(): CatalogEvent[] {
  events ??= catalogData.events.map((row) => eventOf(row, false));
  return events.slice();
}

/** Seed events that NHN Cloud's lists no longer have: known, reported as retired. */
export function builtinRetired(): CatalogEvent[] {
  retired ??= catalogData.retired.map((row) => eventOf(row, true));
  return retired.slice();
}

const shared = new Map<string, Catalog>();

/** The built-in catalog for an edition (default: the public one), built once per edition. */
export function builtinCatalog(edition = PUBLIC_EDITION): Catalog {
  let catalog = shared.get(edition);
  if (!catalog) {
    catalog = new Catalog(builtinEvents(), { retired: builtinRetired(), edition });
    shared.set(edition, catalog);
  }
  return catalog;
}
