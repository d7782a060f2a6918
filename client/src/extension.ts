/**
 * Entry point: wires the language server, the catalog view and the commands.
 * An activation failure is shown to the user and rethrown, never swallowed.
 */
import * as vscode from 'vscode';
import { CloudTrailEventsApi } from './api';
import { CatalogTreeProvider } from './catalogTree';
import { registerCommands } from './commands';
import { LanguageServer } from './languageClient';

let server: LanguageServer | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<CloudTrailEventsApi> {
  try {
    server = new LanguageServer(context.asAbsolutePath('dist/server.js'));
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
