/**
 * The server's runtime in Node: files are read directly, `file:` URIs only, with the caps that
 * keep a hostile path (a FIFO, /dev/zero, a huge file) from hanging or flooding the server.
 */
import { createHash } from 'crypto';
import { fileURLToPath } from 'url';
import { readRegularFile } from '../readFileCapped';
import { WorkspaceIndex } from '../workspace/workspaceIndex';
import type { ServerRuntime } from './runtime';

export const nodeRuntime: ServerRuntime = {
  kind: 'node',
  async readText(uri, maxBytes) {
    let file: string;
    try {
      file = fileURLToPath(uri);
    } catch {
      return { kind: 'unreadable', skipped: `is not a file: URI (${uri})` };
    }
    const read = readRegularFile(file, maxBytes);
    return 'skipped' in read ? read : { text: read.text.replace(/^\uFEFF/, '') };
  },
  digest: (text) => createHash('sha256').update(text).digest('base64'),
  createWorkspaceIndex: (context) => new WorkspaceIndex(context),
};
