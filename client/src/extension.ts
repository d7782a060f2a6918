/**
 * Entry point in a Node extension host (package.json `main`): the server runs as a Node process.
 * The web entry is browserExtension.ts; everything else is shared (activate.ts).
 */
import * as vscode from 'vscode';
import { activateWith } from './activate';
import { CloudTrailEventsApi } from './api';
import { nodeServerLauncher } from './nodeServer';

export { deactivate } from './activate';

export function activate(context: vscode.ExtensionContext): Promise<CloudTrailEventsApi> {
  return activateWith(context, nodeServerLauncher(context.asAbsolutePath('dist/server.js')));
}
