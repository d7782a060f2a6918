/**
 * The server's runtime in a web worker: no file system, so files are read by the client (through
 * `vscode.workspace.fs`) on request. A client that does not answer (another editor running the
 * worker) leaves the file unread, with the reason.
 */
import type { Connection } from 'vscode-languageserver';
import { FindFilesRequest, ReadTextRequest, StatRequest } from '../../../shared/fileRequests';
import { WebWorkspaceIndex } from '../workspace/webWorkspaceIndex';
import type { ServerRuntime } from './runtime';

/** The web runtime, with what only the web's workspace index needs: listing and stat through the client. */
export interface WebRuntime extends ServerRuntime {
  readonly kind: 'web';
  /** The files below a folder URI, as the client's `workspace.findFiles` lists them (files.exclude applied); empty when it cannot. */
  findFiles(folderUri: string, maxFiles: number): Promise<string[]>;
  /** What is at a URI; undefined when nothing is (or the client cannot tell). */
  stat(uri: string): Promise<'file' | 'directory' | undefined>;
}

export function webRuntime(connection: Connection): WebRuntime {
  const runtime: WebRuntime = {
    kind: 'web',
    async readText(uri, maxBytes) {
      try {
        return await connection.sendRequest(ReadTextRequest.type, { uri, maxBytes });
      } catch (error) {
        return { kind: 'unreadable', skipped: `cannot be read (${error instanceof Error ? error.message : String(error)})` };
      }
    },
    findFiles: (folderUri, maxFiles) => connection.sendRequest(FindFilesRequest.type, { folderUri, maxFiles }).catch(() => []),
    stat: (uri) => connection.sendRequest(StatRequest.type, { uri }).then((kind) => kind ?? undefined, () => undefined),
    digest: (text) => text,
    createWorkspaceIndex: (context) => new WebWorkspaceIndex(context, runtime),
  };
  return runtime;
}
