/**
 * The server's runtime in a web worker: no file system, so files are read by the client (through
 * `vscode.workspace.fs`) on request. A client that does not answer (another editor running the
 * worker) leaves the file unread, with the reason.
 */
import type { Connection } from 'vscode-languageserver';
import { ReadTextRequest } from './fileRequests';
import type { ServerRuntime } from './runtime';

export function webRuntime(connection: Connection): ServerRuntime {
  return {
    kind: 'web',
    async readText(uri, maxBytes) {
      try {
        return await connection.sendRequest(ReadTextRequest.type, { uri, maxBytes });
      } catch (error) {
        return { skipped: `cannot read (${error instanceof Error ? error.message : String(error)})` };
      }
    },
  };
}
