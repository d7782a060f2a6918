/**
 * The custom requests a server without a file system (the web worker) sends to read files: the
 * client answers them with `vscode.workspace.fs` and `vscode.workspace.findFiles`, as VS Code's own
 * CSS/HTML/JSON language features do. Declared once, shared by the server and the client.
 */
import { RequestType } from 'vscode-languageserver-protocol';

export type SkipKind = 'notFound' | 'notRegular' | 'tooLarge' | 'unreadable';

/** Why a file was not read (server/src/readFileCapped.ts decides; the web client answers the same way). */
export interface Skipped {
  kind: SkipKind;
  /** Why the file was not read, for a message: "is a FIFO, not a regular file". */
  skipped: string;
}

/** A file's text, or why it was not read (missing, a directory, larger than the cap), as readFileCapped.ts says it. */
export type ReadTextResult = { text: string } | Skipped;

/** Reads a file by URI, at most `maxBytes` bytes, as UTF-8 (a BOM is dropped). */
export namespace ReadTextRequest {
  export const method = 'cloudtrailEvents/fs/readText';
  export const type = new RequestType<{ uri: string; maxBytes: number }, ReadTextResult, void>(method);
}

/** The files below a folder URI (at most `maxFiles`), leaving out what files.exclude leaves out. */
export namespace FindFilesRequest {
  export const method = 'cloudtrailEvents/fs/findFiles';
  export const type = new RequestType<{ folderUri: string; maxFiles: number }, string[], void>(method);
}

/** What is at a URI: a file, a directory, or nothing (null). */
export namespace StatRequest {
  export const method = 'cloudtrailEvents/fs/stat';
  export const type = new RequestType<{ uri: string }, 'file' | 'directory' | null, void>(method);
}
