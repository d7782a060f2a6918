/**
 * Launches the language server as a Node process (dist/server.js over IPC): desktop VS Code and
 * code-server's Node extension host. A crashed process is restarted by the client library, as the
 * close handler in languageClient.ts decides.
 */
import { LanguageClient, TransportKind } from 'vscode-languageclient/node';
import type { LaunchedServer, ServerLauncher } from './languageClient';

export function nodeServerLauncher(serverModule: string): ServerLauncher {
  return {
    async launch(id, name, options): Promise<LaunchedServer> {
      const run = { module: serverModule, transport: TransportKind.ipc };
      // Run from the debugger (.vscode/launch.json), the server waits for "Attach to Server" on 6011.
      const debug = { ...run, options: { execArgv: ['--nolazy', '--inspect=6011'] } };
      return { client: new LanguageClient(id, name, { run, debug }, options) };
    },
  };
}
