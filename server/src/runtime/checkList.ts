/**
 * "Import Official Event List…" asks the server to check a list before it is added to the
 * settings. The list's URI, when the client sends one, is read through the runtime (Node: the
 * file itself; a web worker: the client's `workspace.fs`); a client that sends only a path (other
 * editors, the protocol tests) has it read from disk. Then the same parser checks the text.
 */
import { checkList } from '../catalogSync';
import type { ListCheck } from '../../../shared/protocol';
import type { ServerRuntime } from './runtime';

/** Lists are capped as on disk (catalogLoader.ts). */
const MAX_LIST_BYTES = 20 * 1024 * 1024;

export async function checkListWith(runtime: ServerRuntime, params: { path: string; uri?: string }): Promise<ListCheck> {
  if (!params.uri) return checkList(params.path);
  const read = await runtime.readText(params.uri, MAX_LIST_BYTES);
  return checkList(params.path, new Map([[params.path, read]]));
}
