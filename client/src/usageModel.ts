/**
 * Usage counts in the catalog tree, free of VS Code so they are unit-tested
 * with mocha: the badge of an event row and the "used in this workspace"
 * filter. The counts come from the server's workspace index (UsagesRequest).
 *
 * The count is a decoration badge (as the Explorer shows a file's problem
 * count), not part of the row's label or description: those stay the Korean
 * description and the bare ID, which users and tests read and copy.
 */
import type { CatalogEventInfo, UsageCounts } from '../../shared/protocol';

/** The URI scheme of event rows' `resourceUri`, which carries the decoration. */
export const EVENT_URI_SCHEME = 'cloudtrail-event';

/**
 * The badge of an event used `count` times: none when unused; VS Code allows
 * two characters, so from 10 on it reads `9+` like the Explorer's problem
 * badges (the tooltip has the exact count).
 */
export function usageBadge(count: number): string | undefined {
  if (count <= 0) return undefined;
  return count < 10 ? String(count) : '9+';
}

/** How often an event is used; 0 when unused or while no counts are known. */
export function usageCount(usages: UsageCounts | undefined, id: string): number {
  return usages?.counts[id] ?? 0;
}

/** The "used in this workspace" filter for buildCatalogTree. */
export function usedIn(usages: UsageCounts | undefined): (event: CatalogEventInfo) => boolean {
  return (event) => usageCount(usages, event.id) > 0;
}

/** How many of the catalog's events the workspace uses. */
export function usedEventCount(events: readonly CatalogEventInfo[], usages: UsageCounts | undefined): number {
  return usages ? events.filter(usedIn(usages)).length : 0;
}
