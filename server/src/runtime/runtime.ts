/**
 * What the server needs from the place it runs in, so the same server runs as a Node process
 * (desktop VS Code, code-server, other editors) and in a browser's web worker (vscode.dev,
 * github.dev, code-server's web extension host). The pattern of VS Code's own CSS/HTML/JSON
 * language servers: a small runtime object instead of `fs`, `setImmediate` or `__dirname` in
 * the features.
 *
 * - Node (nodeRuntime.ts) reads `file:` URIs directly, with the caps of readFileCapped.ts.
 * - The web (webRuntime.ts) has no file system: it asks the client (fileRequests.ts), which
 *   answers with `vscode.workspace.fs`.
 */
import type { ServerContext } from '../serverContext';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import type { ReadTextResult } from '../../../shared/fileRequests';

export interface ServerRuntime {
  /** `node` reads files itself; `web` asks the client. */
  readonly kind: 'node' | 'web';
  /** Reads a file by URI (at most `maxBytes`), as UTF-8; never throws. */
  readText(uri: string, maxBytes: number): Promise<ReadTextResult>;
  /** A short stand-in for a long text, equal exactly when the texts are (Node: SHA-256; a web worker, which has no synchronous hash: the text). */
  digest(text: string): string;
  /** The workspace index, reading files the way this runtime can (the disk, or the client). */
  createWorkspaceIndex(context: ServerContext): WorkspaceIndex;
}

type TurnScope = { setImmediate?: (callback: () => void) => unknown; setTimeout: (callback: () => void, ms: number) => unknown };

/**
 * A function that runs a callback after the current turn of the event loop: Node's `setImmediate`
 * (after pending I/O, which is what lets a burst of received messages land first), or, in a web
 * worker that has none, a 0 ms timeout (as VS Code's CSS server does).
 */
export function turnScheduler(scope: TurnScope): (callback: () => void) => void {
  const immediate = scope.setImmediate;
  if (typeof immediate === 'function') return (callback) => void immediate(callback);
  return (callback) => void scope.setTimeout(callback, 0);
}

/** Runs `callback` after the current turn of the event loop, wherever the server runs. */
export const nextTurn = turnScheduler(globalThis as unknown as TurnScope);

/** A promise settled after the current turn of the event loop: `await yieldTurn()` lets other messages in. */
export const yieldTurn = (): Promise<void> => new Promise((resolve) => nextTurn(resolve));
