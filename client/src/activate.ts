/**
 * What both entries (extension.ts for Node, browserExtension.ts for the web) do: wire the language
 * server, the catalog view and the commands, and stop the server on deactivation. An activation
 * failure is shown to the user and rethrown, never swallowed.
 */
import * as vscode from 'vscode';
import { CloudTrailEventsApi } from './api';
import { CatalogTreeProvider } from './catalogTree';
import { registerCommands } from './commands';
import { LanguageServer, ServerLauncher } from './languageClient';

let server: LanguageServer | undefined;

export async function activateWith(context: vscode.ExtensionContext, launcher: ServerLauncher): Promise<CloudTrailEventsApi> {
  try {
    server = new LanguageServer(launcher);
    const catalog = new CatalogTreeProvider(server);
    context.subscriptions.push(catalog);
    registerCommands(context, { server, catalog });
    context.subscriptions.push(vscode.workspace.onDidGrantWorkspaceTrust(() => server?.workspaceTrusted()));
    await server.start();
    return { catalogTree: catalog, usageDecorations: catalog, whenCatalogSettled: () => catalog.whenSettled() };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    void vscode.window.showErrorMessage(vscode.l10n.t('CloudTrail Event IDs could not be activated: {0}', message));
    throw error;
  }
}

export async function deactivate(): Promise<void> {
  const stopping = server;
  server = undefined;
  await stopping?.dispose();
}
