/**
 * Custom requests and notifications between the client and the server,
 * declared once and imported by both sides.
 */
import { Location, NotificationType, RequestType, RequestType0, TextDocumentPositionParams } from 'vscode-languageserver-protocol';

/** One event as the client sees it (the tree, the QuickPick). */
export interface CatalogEventInfo {
  id: string;
  description: string;
  service: string;
  /** The service's English heading, where known. */
  serviceEn?: string;
  /** Names from lists in other languages, keyed by language code. */
  names?: Record<string, string>;
  origin: 'builtin' | 'imported' | 'user';
  deprecated?: string;
  /** Editions whose lists have the ID, where known. */
  editions?: readonly string[];
}

export interface CatalogInfo {
  /** Increases whenever the server's catalog changes. */
  version: number;
  /** Where the catalog came from, for display ("built-in", or the imported files). */
  sources: string[];
  services: string[];
  events: CatalogEventInfo[];
}

/** The catalog the server validates against. */
export namespace CatalogRequest {
  export const method = 'cloudtrailEvents/catalog';
  export const type = new RequestType0<CatalogInfo, void>(method);
}

/** Sent by the server after its catalog changed; the client re-requests it. */
export namespace CatalogChangedNotification {
  export const method = 'cloudtrailEvents/catalogChanged';
  export const type = new NotificationType<{ version: number }>(method);
}

/** The event ID at a position (for "Reveal in Catalog"), or null. */
export namespace EventAtRequest {
  export const method = 'cloudtrailEvents/eventAt';
  export const type = new RequestType<TextDocumentPositionParams, { id: string } | null, void>(method);
}

/** Where the workspace index is: still reading files, done, or turned off (`cloudtrailEvents.workspaceIndex.enabled`). */
export type UsageIndexState = 'indexing' | 'ready' | 'disabled';

export interface UsageCounts {
  /** Increases whenever usages may have changed. */
  version: number;
  state: UsageIndexState;
  /** Files the index read. */
  files: number;
  /** Event ID -> number of usages in the workspace (open documents as edited); unused events are left out. */
  counts: Record<string, number>;
}

/** How often each event is used in the workspace, for the tree's counts and its "used in this workspace" filter. */
export namespace UsagesRequest {
  export const method = 'cloudtrailEvents/usages';
  export const type = new RequestType0<UsageCounts, void>(method);
}

/** Every usage of one event ID in the workspace (the tree's "Find Usages"). */
export namespace UsageLocationsRequest {
  export const method = 'cloudtrailEvents/usageLocations';
  export const type = new RequestType<{ id: string }, Location[], void>(method);
}

/** Sent by the server (coalesced) after usages may have changed; the client re-requests the counts. */
export namespace UsagesChangedNotification {
  export const method = 'cloudtrailEvents/usagesChanged';
  export const type = new NotificationType<{ version: number; state: UsageIndexState }>(method);
}

/** Sent by the client when the user trusts the workspace: workspace catalog files may then be read. */
export namespace WorkspaceTrustNotification {
  export const method = 'cloudtrailEvents/workspaceTrusted';
  export const type = new NotificationType<{ trusted: boolean }>(method);
}

export interface ListCheck {
  /** The list's language (ko, en, ja, zh), when a table was found. */
  language?: string;
  events: number;
  /** `file:line: problem` for each problem; empty when the list can be imported. */
  problems: string[];
  /** One line on what was used, merged, repaired and skipped, when the list can be imported. */
  summary?: string;
  /** Compared with the built-in catalog. */
  added: number;
  removed: number;
  reworded: number;
}

/** Validates an official event-list file for the "Import Official Event List…" command. */
export namespace CheckListRequest {
  export const method = 'cloudtrailEvents/checkList';
  /** `path` names the file in messages (and is read in Node); `uri`, when given, is what a web worker reads. */
  export const type = new RequestType<{ path: string; uri?: string }, ListCheck, void>(method);
}
