/**
 * Custom requests and notifications between the client and the server,
 * declared once and imported by both sides.
 */
import { NotificationType, RequestType, TextDocumentPositionParams } from 'vscode-languageserver-protocol';

/** One event as the client sees it (the tree, the QuickPick). */
export interface CatalogEventInfo {
  id: string;
  description: string;
  service: string;
  /** Names from lists in other languages, keyed by language code. */
  names?: Record<string, string>;
  origin: 'builtin' | 'imported' | 'user';
  deprecated?: string;
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
  export const type = new RequestType<void, CatalogInfo, void>(method);
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
