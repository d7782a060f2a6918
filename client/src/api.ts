/**
 * What `activate` returns (`vscode.extensions.getExtension(...).exports`), for
 * extension-host tests and other extensions.
 */
import type * as vscode from 'vscode';
import type { CatalogNode } from './catalogModel';
import type { CatalogState } from './catalogTree';

export interface CloudTrailEventsApi {
  /** The catalog view's data, exactly as VS Code reads it. */
  readonly catalogTree: vscode.TreeDataProvider<CatalogNode>;
  /** The usage badges of the catalog view's event rows (keyed by their `resourceUri`), exactly as VS Code reads them. */
  readonly usageDecorations: vscode.FileDecorationProvider;
  /** Resolves once the catalog is loaded from the server, or known to be unavailable. */
  whenCatalogSettled(): Promise<CatalogState>;
}
