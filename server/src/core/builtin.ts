/**
 * The built-in catalog, generated from catalog/source/ by `npm run catalog`
 * and bundled into the server, so the server works with no files around it.
 */
import data from '../../../catalog/events.json';
import { Catalog, CatalogEvent } from './catalog';

export const BUILTIN_SOURCE = 'built-in (catalog/source/cloudtrail-event-list.ko.md)';

/** The events of catalog/events.json, tagged as built-in. */
export function builtinEvents(): CatalogEvent[] {
  return data.events.map((e) => ({ ...e, origin: 'builtin' as const }));
}

let shared: Catalog | undefined;

/** The built-in catalog, built once. */
export function builtinCatalog(): Catalog {
  return (shared ??= new Catalog(builtinEvents()));
}
