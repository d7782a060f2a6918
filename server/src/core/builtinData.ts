/**
 * The shape of catalog/events.json, shared by the generator that writes it (catalog/build.ts)
 * and the server that bundles it (builtin.ts).
 */

/** The edition of NHN Cloud's main pages (`ko/event-list.md`); regional editions have their own pages. */
export const PUBLIC_EDITION = 'public';

export interface BuiltinEventRow {
  id: string;
  /** Index into `services`. */
  service: number;
  /** The Korean name, as the Korean page writes it. */
  ko: string;
  en?: string;
  ja?: string;
  /** Only where it differs from the English name (NHN's Chinese page is mostly English text). */
  zh?: string;
  /** Editions whose pages list the ID, `public` first; empty for a retired seed event. */
  editions: string[];
}

export interface BuiltinCatalogData {
  $comment: string;
  /** Where the lists were read: repository, commit and its date. */
  source: { repository: string; commit: string; date: string };
  editions: string[];
  /** Korean heading and, where the English page has the service, its English heading. */
  services: Array<{ ko: string; en?: string }>;
  events: BuiltinEventRow[];
  /** Seed events that no published list has any more: still known, noted as retired. */
  retired: BuiltinEventRow[];
}
