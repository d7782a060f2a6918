/**
 * The in-memory catalog: events indexed by ID, by namespace and by description.
 * Built once per catalog version and shared by every feature.
 */

export const ROOT_NAMESPACE = 'event_id';

export type EventOrigin = 'builtin' | 'imported' | 'user';

export interface CatalogEvent {
  id: string;
  /** The Korean description (or the list's own language when no Korean list was given). */
  description: string;
  /** Service section heading as written in the source list (Korean for the built-in catalog). */
  service: string;
  /** The service's heading on the English page, where known. */
  serviceEn?: string;
  /** The ID split on "." (`event_id`, `iaas`, `instance`, `create`). */
  segments: string[];
  /** Names in other languages, keyed by language code (en, ja, zh). */
  names?: Record<string, string>;
  origin?: EventOrigin;
  /** Set when a user catalog marks the event deprecated: the text says what to use instead. */
  deprecated?: string;
  /** Editions whose published lists have the ID (`public`, `gov`, …); undefined when the source does not say. */
  editions?: readonly string[];
  /** A seed event no published list has any more: the date of the lists it is missing from. */
  retiredSince?: string;
}

export interface NamespaceChild {
  /** Full dotted path of the child (`event_id.iaas.instance`). */
  path: string;
  /** Number of events at or below the child. */
  count: number;
  /** The event when the child is itself an event ID. */
  event?: CatalogEvent;
}

/** What a wildcard may stand for: the characters of an ID. */
const isIdCode = (c: number) =>
  (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f || c === 0x2e || c === 0x2d;

function onlyIdChars(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isIdCode(text.charCodeAt(i))) return false;
  return true;
}

/**
 * A matcher for a wildcard pattern (`*`, SQL `%`, printf verbs), or undefined when its literal text
 * is longer than `longest` and no ID can match.
 *
 * Not a regex: `^a[…]*a[…]*…b$` backtracks polynomially in the number of wildcards (a long user
 * event ID against `LIKE 'event_id.a%a%…b'` ran for over a minute). The literal parts are found in
 * order instead, each at its leftmost place after the previous one: time linear in the ID and the
 * pattern. Leftmost is enough: a later place leaves less text for the parts after it, and the
 * wildcard run before it (which must hold ID characters only) only longer.
 */
function wildcardMatcher(pattern: string, longest: number): ((id: string) => boolean) | undefined {
  const parts = pattern.split(/%\(\w+\)[sdr]|%[-+ #0-9]*[sdvqrfx]|[*%]/);
  const literalLength = parts.reduce((n, part) => n + part.length, 0);
  if (literalLength > longest) return undefined;
  const first = parts[0];
  const last = parts[parts.length - 1];
  if (parts.length === 1) return (id) => id === first;
  const middle = parts.slice(1, -1).filter((part) => part !== '');
  return (id) => {
    if (id.length < first.length + last.length || !id.startsWith(first) || !id.endsWith(last)) return false;
    const end = id.length - last.length;
    let at = first.length;
    for (const part of middle) {
      const found = id.indexOf(part, at);
      if (found < 0 || found + part.length > end || !onlyIdChars(id, at, found)) return false;
      at = found + part.length;
    }
    return onlyIdChars(id, at, end);
  };
}

export class Catalog {
  readonly events: readonly CatalogEvent[];
  private readonly byId = new Map<string, CatalogEvent>();
  private readonly byLowerId = new Map<string, CatalogEvent>();
  /** Namespace path (no trailing dot) -> events at or below it, in catalog order. */
  private readonly namespaces = new Map<string, CatalogEvent[]>();
  /** Namespace path -> ordered child paths. */
  private readonly children = new Map<string, string[]>();
  private readonly byDescription = new Map<string, CatalogEvent[]>();
  private readonly wildcardCache = new Map<string, CatalogEvent[]>();
  private longestId: number | undefined;
  private editionTotal: number | undefined;
  /** Second segments (`iaas`, `org`, ...) that start some ID. */
  readonly topSegments = new Set<string>();
  readonly services: readonly string[];
  /** Built-in events left out of an imported official list, or seed events NHN no longer lists: still recognised, reported as retired. */
  private readonly retired = new Map<string, CatalogEvent>();
  /** The edition the workspace targets: events of other editions only are known but noted. */
  readonly edition: string | undefined;

  constructor(events: readonly CatalogEvent[], options: { retired?: readonly CatalogEvent[]; edition?: string } = {}) {
    this.events = events;
    this.edition = options.edition;
    for (const event of options.retired ?? []) this.retired.set(event.id, event);
    // Sets, not Array.includes: a user catalog of 100k IDs under one namespace made this quadratic (minutes).
    const services = new Set<string>();
    const childPaths = new Set<string>();
    for (const event of events) {
      this.byId.set(event.id, event);
      this.byLowerId.set(event.id.toLowerCase(), event);
      services.add(event.service);
      const sameDescription = this.byDescription.get(event.description);
      if (sameDescription) sameDescription.push(event);
      else this.byDescription.set(event.description, [event]);
      if (event.segments.length > 1) this.topSegments.add(event.segments[1]);
      let path = '';
      for (let i = 0; i < event.segments.length; i++) {
        const parent = path;
        path = i === 0 ? event.segments[0] : `${path}.${event.segments[i]}`;
        if (parent) {
          if (!childPaths.has(path)) {
            childPaths.add(path);
            const siblings = this.children.get(parent) ?? [];
            siblings.push(path);
            this.children.set(parent, siblings);
          }
        }
        if (i < event.segments.length - 1) {
          const under = this.namespaces.get(path) ?? [];
          under.push(event);
          this.namespaces.set(path, under);
        }
      }
    }
    this.services = [...services];
  }

  get size(): number {
    return this.events.length;
  }

  get(id: string): CatalogEvent | undefined {
    return this.byId.get(id);
  }

  /** True when `id` is an event of any edition or a retired one: what `--fix` must never rewrite. */
  knows(id: string): boolean {
    return this.byId.has(id) || this.retired.has(id);
  }

  /** How many editions the catalog's events name (9 for NHN's lists: public and eight regional ones). */
  get editionCount(): number {
    if (this.editionTotal === undefined) {
      const editions = new Set<string>();
      for (const event of this.events) for (const edition of event.editions ?? []) editions.add(edition);
      this.editionTotal = editions.size;
    }
    return this.editionTotal;
  }

  /** True when the event is listed in the targeted edition (or its source names no editions). */
  inEdition(event: CatalogEvent): boolean {
    return !this.edition || !event.editions || event.editions.includes(this.edition);
  }

  /** How many built-in events the imported official list leaves out. */
  get retiredCount(): number {
    return this.retired.size;
  }

  /** A built-in event that the imported official list does not contain. */
  retiredEvent(id: string): CatalogEvent | undefined {
    return this.retired.get(id);
  }

  /** Case-insensitive lookup, for "wrong case" suggestions. */
  getIgnoringCase(id: string): CatalogEvent | undefined {
    return this.byLowerId.get(id.toLowerCase());
  }

  /** True when `path` (no trailing dot) is a namespace with events below it, e.g. `event_id.iaas.instance_action`. */
  isNamespace(path: string): boolean {
    return this.namespaces.has(path);
  }

  /** Every namespace path (`event_id`, `event_id.iaas`, `event_id.iaas.instance`, ...). */
  namespacePaths(): IterableIterator<string> {
    return this.namespaces.keys();
  }

  /** Events below a namespace, in catalog order; empty for an unknown namespace. */
  eventsUnder(path: string): readonly CatalogEvent[] {
    return this.namespaces.get(path) ?? [];
  }

  /** The next level below a namespace: sub-namespaces and events. */
  childrenOf(path: string): NamespaceChild[] {
    return (this.children.get(path) ?? []).map((child) => {
      const event = this.byId.get(child);
      return { path: child, count: event ? 1 : this.eventsUnder(child).length, event };
    });
  }

  /** Other events that share this event's description (인스턴스 시작: start and unshelve). */
  sharingDescription(event: CatalogEvent): CatalogEvent[] {
    return (this.byDescription.get(event.description) ?? []).filter((other) => other !== event);
  }

  /** Descriptions used by more than one event. */
  duplicateDescriptions(): Map<string, CatalogEvent[]> {
    return new Map([...this.byDescription].filter(([, events]) => events.length > 1));
  }

  /** True when some ID starts with `text` (for prefixes cut short by concatenation or interpolation). */
  hasIdStartingWith(text: string): boolean {
    const dot = text.lastIndexOf('.');
    const parent = dot > 0 ? text.slice(0, dot) : text;
    if (!this.isNamespace(parent)) return false;
    return this.eventsUnder(parent).some((event) => event.id.startsWith(text));
  }

  /** Events matched by a wildcard pattern (`event_id.iaas.instance.*`, `event_id.iaas.%`). */
  matchWildcard(pattern: string): readonly CatalogEvent[] {
    let matched = this.wildcardCache.get(pattern);
    if (!matched) {
      this.longestId ??= this.events.reduce((n, event) => Math.max(n, event.id.length), 0);
      const matches = wildcardMatcher(pattern, this.longestId);
      matched = matches ? this.events.filter((event) => matches(event.id)) : [];
      if (this.wildcardCache.size > 1000) this.wildcardCache.clear();
      this.wildcardCache.set(pattern, matched);
    }
    return matched;
  }
}

/** Splits an ID into its segments. */
export const segmentsOf = (id: string): string[] => id.split('.');
