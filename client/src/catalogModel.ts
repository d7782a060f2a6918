/**
 * The catalog tree's shape, free of VS Code so it is unit-tested with mocha:
 * grouping (service -> resource -> event), the search filter, label highlights,
 * tooltips and QuickPick entries. catalogTree.ts only turns these nodes into
 * TreeItems.
 */
import type { CatalogEventInfo } from '../../shared/protocol';
import { USER_SERVICE } from '../../shared/userEvents';

export interface ServiceNode {
  readonly kind: 'service';
  /** Unique among the tree's nodes; used as the TreeItem id. */
  readonly key: string;
  readonly label: string;
  readonly resources: ResourceNode[];
  /** Events shown below this service. */
  count: number;
}

export interface ResourceNode {
  readonly kind: 'resource';
  readonly key: string;
  readonly label: string;
  readonly parent: ServiceNode;
  readonly events: EventNode[];
}

export interface EventNode {
  readonly kind: 'event';
  readonly key: string;
  readonly event: CatalogEventInfo;
  readonly parent: ResourceNode;
}

export type CatalogNode = ServiceNode | ResourceNode | EventNode;

export interface CatalogTree {
  readonly services: ServiceNode[];
  /** The normalized filter ('' when none). */
  readonly query: string;
  /** Events in the catalog. */
  readonly total: number;
  /** Events that pass the filter (all of them without a filter). */
  readonly shown: number;
  /** True when a query or a `keep` filter narrows the tree (its nodes then show expanded). */
  readonly filtered: boolean;
  /** The node of a shown event, by ID. */
  find(id: string): EventNode | undefined;
}

/**
 * The resource an event belongs to: the segment after the service namespace
 * (`event_id.iaas.instance_action.reboot` -> `instance_action`,
 * `event_id.iaas.nodegroup.node_action.start_node.end` -> `nodegroup`).
 * A three-segment ID has no separate resource segment, so its namespace is the
 * resource (`event_id.org.update` -> `org`).
 */
export function resourceOf(id: string): string {
  const segments = id.split('.');
  if (segments.length >= 4) return segments[2];
  return segments.length >= 2 ? segments[1] : id;
}

/**
 * Makes a search text comparable: NFC (macOS input methods may produce
 * decomposed Hangul), trimmed, lower-cased.
 */
export function normalizeQuery(text: string): string {
  return text.normalize('NFC').trim().toLowerCase();
}

/** The language of the service groups' labels: NHN's Korean headings or its English ones. */
export type ServiceLanguage = 'ko' | 'en';

/** The service-label language that suits a VS Code display language: Korean for Korean, English otherwise. */
export const serviceLanguageFor = (displayLanguage: string): ServiceLanguage => (displayLanguage.toLowerCase().startsWith('ko') ? 'ko' : 'en');

/**
 * An event row's label: the Korean description and, for an English, Japanese or Chinese display
 * language, the event's name in it (Chinese falls back to English, as NHN's Chinese page does).
 */
export function eventLabel(event: CatalogEventInfo, displayLanguage: string): string {
  const wanted = displayLanguage.slice(0, 2).toLowerCase();
  const order = wanted === 'zh' ? ['zh', 'en'] : wanted === 'ja' ? ['ja', 'en'] : wanted === 'ko' ? [] : ['en'];
  const local = order.map((language) => event.names?.[language]).find((name) => name && name !== event.description);
  return local ? `${event.description} · ${local}` : event.description;
}

/** True when the event's description, ID or another-language name contains the normalized query. */
export function matchesQuery(event: CatalogEventInfo, query: string): boolean {
  if (!query) return true;
  if (fold(event.description).includes(query) || event.id.toLowerCase().includes(query)) return true;
  return Object.values(event.names ?? {}).some((name) => fold(name).includes(query));
}

const fold = (text: string) => text.normalize('NFC').toLowerCase();

/**
 * Groups events into service -> resource -> event, keeping catalog order
 * (`serviceOrder` first, then services met in the events), and keeps only the
 * events matching `query` (case-insensitive, on description, ID or names) and,
 * when given, `keep` (e.g. "used in this workspace").
 * Empty services and resources are left out.
 */
export function buildCatalogTree(
  events: readonly CatalogEventInfo[],
  serviceOrder: readonly string[] = [],
  query = '',
  keep?: (event: CatalogEventInfo) => boolean,
  serviceLanguage: ServiceLanguage = 'ko',
): CatalogTree {
  const normalized = normalizeQuery(query);
  // Filtered nodes get their own keys so VS Code shows them expanded instead of
  // reusing the collapse state remembered for the unfiltered tree.
  const filtered = normalized !== '' || keep !== undefined;
  const prefix = filtered ? `filter:${normalized}${keep ? '+kept' : ''}/` : '';
  const services = new Map<string, ServiceNode>();
  const serviceNode = (name: string, english?: string): ServiceNode => {
    let node = services.get(name);
    if (!node) {
      // Keyed by the Korean heading whatever the label, so switching languages keeps what is expanded.
      node = { kind: 'service', key: `${prefix}service:${name}`, label: (serviceLanguage === 'en' && english) || name, resources: [], count: 0 };
      services.set(name, node);
    }
    return node;
  };
  const englishOf = new Map(events.map((event) => [event.service, event.serviceEn]));
  for (const name of serviceOrder) serviceNode(name, englishOf.get(name));

  const resources = new Map<string, ResourceNode>();
  const byId = new Map<string, EventNode>();
  let shown = 0;
  for (const event of events) {
    if (!matchesQuery(event, normalized) || (keep && !keep(event))) continue;
    if (byId.has(event.id)) continue; // the server deduplicates; never let a repeat break the tree's unique ids
    // Events from the user's catalog get their own group, whatever service they name.
    const group = event.origin === 'user' ? USER_SERVICE : event.service;
    const service = serviceNode(group, event.origin === 'user' ? undefined : event.serviceEn);
    const name = resourceOf(event.id);
    const resourceKey = `${prefix}resource:${group}/${name}`;
    let resource = resources.get(resourceKey);
    if (!resource) {
      resource = { kind: 'resource', key: resourceKey, label: name, parent: service, events: [] };
      resources.set(resourceKey, resource);
      service.resources.push(resource);
    }
    const node: EventNode = { kind: 'event', key: `${prefix}event:${event.id}`, event, parent: resource };
    resource.events.push(node);
    byId.set(event.id, node);
    service.count++;
    shown++;
  }
  return {
    services: [...services.values()].filter((service) => service.count > 0),
    query: normalized,
    total: events.length,
    shown,
    filtered,
    find: (id) => byId.get(id),
  };
}

/** The children of a node (the services for the root). */
export function childrenOf(tree: CatalogTree, node?: CatalogNode): CatalogNode[] {
  if (!node) return tree.services;
  if (node.kind === 'service') return node.resources;
  if (node.kind === 'resource') return node.events;
  return [];
}

/** The parent of a node, undefined for a service (so `TreeView.reveal` can walk up). */
export function parentOf(node: CatalogNode): CatalogNode | undefined {
  return node.kind === 'service' ? undefined : node.parent;
}

/** Where the normalized query occurs in `text`, as [start, end) offsets for TreeItemLabel.highlights. */
export function highlightsOf(text: string, query: string): [number, number][] {
  if (!query) return [];
  const folded = fold(text);
  // Case folding must not shift offsets; when it would (rare scripts), skip highlighting rather than mark the wrong text.
  if (folded.length !== text.length) return [];
  const ranges: [number, number][] = [];
  for (let at = folded.indexOf(query); at >= 0; at = folded.indexOf(query, at + query.length)) {
    ranges.push([at, at + query.length]);
  }
  return ranges;
}

/** Escapes text for a Markdown paragraph (descriptions come from user lists and settings too). */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, '\\$&');
}

export interface TooltipLabels {
  /** e.g. "Service" */
  service: string;
  /** e.g. "Deprecated" */
  deprecated: string;
  /** Text per origin, e.g. { user: "Added in settings" }; no line for an origin that is not listed. */
  origin: Partial<Record<CatalogEventInfo['origin'], string>>;
}

/** The tooltip of an event: description, ID, service, other-language names, deprecation. */
export function eventTooltipMarkdown(event: CatalogEventInfo, labels: TooltipLabels): string {
  const lines = [`**${escapeMarkdown(event.description)}**`, '', `\`${event.id}\``, '', `${escapeMarkdown(labels.service)}: ${escapeMarkdown(event.service)}`];
  const names = Object.entries(event.names ?? {}).filter(([, name]) => name && name !== event.description);
  if (names.length) {
    lines.push('');
    for (const [language, name] of names) lines.push(`- ${escapeMarkdown(language)}: ${escapeMarkdown(name)}`);
  }
  const origin = labels.origin[event.origin];
  if (origin) lines.push('', `_${escapeMarkdown(origin)}_`);
  if (event.deprecated !== undefined) {
    lines.push('', `$(warning) **${escapeMarkdown(labels.deprecated)}**${event.deprecated ? `: ${escapeMarkdown(event.deprecated)}` : ''}`);
  }
  return lines.join('\n');
}

export interface EventPickEntry {
  /** The ID: what is inserted or copied. */
  label: string;
  /** The Korean description, matched too (QuickPick matchOnDescription). */
  description: string;
  /** The service. */
  detail: string;
  id: string;
}

/** QuickPick entries for every event, in catalog order. */
export function eventPickEntries(events: readonly CatalogEventInfo[], deprecatedLabel: string): EventPickEntry[] {
  return events.map((event) => ({
    label: event.id,
    description: event.description,
    detail: event.deprecated === undefined ? event.service : `${event.service} · ${deprecatedLabel}${event.deprecated ? `: ${event.deprecated}` : ''}`,
    id: event.id,
  }));
}

/**
 * The event ID a command was invoked with: an ID string, a tree node, or an
 * object carrying an `id` (QuickPick item) or an `event` (tree node from another
 * extension's point of view). Undefined when there is none.
 */
export function eventIdOf(arg: unknown): string | undefined {
  if (typeof arg === 'string') return arg.trim() || undefined;
  if (!arg || typeof arg !== 'object') return undefined;
  const value = arg as { id?: unknown; event?: { id?: unknown } };
  if (value.event && typeof value.event.id === 'string') return value.event.id;
  if (typeof value.id === 'string') return value.id;
  return undefined;
}
