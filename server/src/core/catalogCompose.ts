/**
 * Builds the catalog in force from its parts: the base (the built-in list, or
 * official lists imported at run time, merged by ID across languages) and the
 * user's additions. Pure: parsed inputs in, events and problems out.
 */
import { CatalogEvent, segmentsOf } from './catalog';
import { PUBLIC_EDITION } from './builtinData';
import { ListLanguage, ParsedEvent } from './catalogParser';
import { USER_SERVICE } from '../../../shared/userEvents';
import { UserEntry } from './userCatalog';

export interface OfficialList {
  /** Where the list came from, for messages. */
  source: string;
  language?: ListLanguage;
  /** The regional edition the list's file name names (`event-list-gov.md`); the public edition otherwise. */
  edition?: string;
  events: ParsedEvent[];
}

/**
 * Merges official lists by ID. The Korean list gives each event its description
 * and service; the other languages' names go to `names`. An ID missing from the
 * Korean list takes its description from the first list that has it.
 */
export function mergeOfficialLists(lists: readonly OfficialList[]): CatalogEvent[] {
  const ordered = [...lists].sort((a, b) => Number(b.language === 'ko') - Number(a.language === 'ko'));
  const byId = new Map<string, CatalogEvent>();
  for (const list of ordered) {
    const language = list.language ?? 'ko';
    const edition = list.edition ?? PUBLIC_EDITION;
    for (const parsed of list.events) {
      const existing = byId.get(parsed.id);
      if (existing) {
        if (language !== 'ko' && parsed.description !== existing.description) existing.names = { ...existing.names, [language]: parsed.description };
        if (!existing.editions?.includes(edition)) existing.editions = [...(existing.editions ?? []), edition];
        continue;
      }
      byId.set(parsed.id, {
        id: parsed.id,
        description: parsed.description,
        service: parsed.service,
        segments: segmentsOf(parsed.id),
        origin: 'imported',
        names: language === 'ko' ? undefined : { [language]: parsed.description },
        editions: [edition],
      });
    }
  }
  return [...byId.values()];
}

export interface CatalogDiff {
  added: string[];
  removed: string[];
  /** Same ID, different description. */
  reworded: string[];
}

/** What changed from `before` to `after`, by ID. */
export function diffCatalogs(before: readonly CatalogEvent[], after: readonly CatalogEvent[]): CatalogDiff {
  const old = new Map(before.map((e) => [e.id, e]));
  const now = new Set(after.map((e) => e.id));
  return {
    added: after.filter((e) => !old.has(e.id)).map((e) => e.id),
    removed: before.filter((e) => !now.has(e.id)).map((e) => e.id),
    reworded: after.filter((e) => old.has(e.id) && old.get(e.id)!.description !== e.description).map((e) => e.id),
  };
}

export interface SourcedEntry {
  entry: UserEntry;
  /** `file:line` or the setting path, for messages. */
  where: string;
}

/**
 * Applies user entries to the base: new events join (origin `user`), existing
 * ones may be marked deprecated. Conflicts are reported and skipped.
 */
export function applyUserEntries(base: readonly CatalogEvent[], entries: readonly SourcedEntry[]): { events: CatalogEvent[]; problems: string[] } {
  const events = [...base];
  const index = new Map(events.map((e, i) => [e.id, i]));
  const problems: string[] = [];
  for (const { entry, where } of entries) {
    const at = index.get(entry.id);
    if (at !== undefined) {
      if (entry.description !== undefined && events[at].origin !== 'user') {
        problems.push(`${where}: "${entry.id}" is already in the catalog (${events[at].description}); to mark it deprecated give only "id" and "deprecated".`);
        continue;
      }
      if (entry.description !== undefined) {
        problems.push(`${where}: "${entry.id}" is added twice; the first definition is kept.`);
        continue;
      }
      events[at] = { ...events[at], deprecated: entry.deprecated };
      continue;
    }
    if (entry.description === undefined) {
      problems.push(`${where}: "${entry.id}" is not in the catalog, so it cannot be deprecated; add a "description" to define it.`);
      continue;
    }
    index.set(entry.id, events.length);
    events.push({
      id: entry.id,
      description: entry.description,
      service: entry.service ?? USER_SERVICE,
      segments: segmentsOf(entry.id),
      origin: 'user',
      deprecated: entry.deprecated,
    });
  }
  return { events, problems };
}
