/**
 * Launches the language server in a web worker (dist/web/server.js), from the web-worker extension
 * host. Traps of the browser client, met on this machine (see README "In the browser"):
 * - it has no `restart()` and does not terminate its worker on dispose: every start gets a fresh
 *   worker, terminated here;
 * - a worker that throws at start-up is not a "close" for it, and `start()` then waits forever:
 *   the worker's `error` event is reported as a failure and the start has a timeout, so the crash
 *   policy in languageClient.ts applies as it does to a Node process;
 * - code-server refuses `new Worker(<vscode-remote: URL>)` ("Creating workers from remote
 *   extensions is currently not supported"): the script is read with `workspace.fs` and started
 *   from a `blob:` URL. vscode.dev serves the extension over https, where the URL works directly.
 */
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import type { LaunchedServer, ServerLauncher } from './languageClient';

/** What is used of a DOM Worker (the DOM library is not in the shared tsconfig). */
interface WebWorker {
  terminate(): void;
  addEventListener(type: 'error', listener: (event: { message?: string; filename?: string; lineno?: number; preventDefault(): void }) => void): void;
}
declare const Worker: new (url: string, options?: { name?: string }) => WebWorker;

/** Generous: a worker parses a ~1 MB bundle and loads the catalog before it answers `initialize`. */
const START_TIMEOUT_MS = 30_000;

/** A URL `new Worker` accepts for the script, and what to free once the worker is gone. */
async function workerUrl(script: vscode.Uri): Promise<{ url: string; revoke(): void }> {
  if (script.scheme === 'http' || script.scheme === 'https') return { url: script.toString(true), revoke: () => undefined };
  const bytes = await vscode.workspace.fs.readFile(script);
  const url = URL.createObjectURL(new Blob([bytes], { type: 'text/javascript' }));
  return { url, revoke: () => URL.revokeObjectURL(url) };
}

/**
 * Launches `script` (dist/web/server.js); `builtinCatalog` is the extension's catalog/events.json,
 * which the server reads through the client for Go to Definition (a worker has no __dirname).
 */
export function webServerLauncher(script: vscode.Uri, builtinCatalog?: vscode.Uri): ServerLauncher {
  return {
    startTimeoutMs: START_TIMEOUT_MS,
    initializationOptions: builtinCatalog && { builtinCatalogUri: builtinCatalog.toString() },
    async launch(id, name, options): Promise<LaunchedServer> {
      const { url, revoke } = await workerUrl(script);
      const worker = new Worker(url, { name });
      const failed = new Promise<string>((resolve) =>
        worker.addEventListener('error', (event) => {
          // Handled here: unhandled, the error would also surface as an uncaught error of the extension host.
          event.preventDefault();
          const where = event.filename ? ` (${event.filename}:${event.lineno ?? '?'})` : '';
          resolve(`the worker failed: ${event.message ?? 'unknown error'}${where}`);
        }),
      );
      return {
        client: new LanguageClient(id, name, options, worker),
        failed,
        dispose: () => {
          worker.terminate();
          revoke();
        },
      };
    },
  };
}
