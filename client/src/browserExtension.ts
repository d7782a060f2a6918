/**
 * Entry point in a web-worker extension host (package.json `browser`: vscode.dev, github.dev,
 * code-server with the extension forced into the web worker): the server runs in a nested web
 * worker (dist/web/server.js). Everything else is shared with the Node entry (activate.ts).
 */
import * as vscode from 'vscode';
import { activateWith } from './activate';
import { CloudTrailEventsApi } from './api';
import { webServerLauncher } from './webServer';

export { deactivate } from './activate';

export function activate(context: vscode.ExtensionContext): Promise<CloudTrailEventsApi> {
  const { extensionUri } = context;
  return activateWith(context, webServerLauncher(vscode.Uri.joinPath(extensionUri, 'dist', 'web', 'server.js'), vscode.Uri.joinPath(extensionUri, 'catalog', 'events.json')));
}
