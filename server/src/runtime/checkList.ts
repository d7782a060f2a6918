/**
 * "Import Official Event List…" asks the server to check a list before it is added to the
 * settings. In Node the server reads the path; in a web worker it reads the list's URI through
 * the runtime (the client's `workspace.fs`), then checks the text with the same parser.
 */
import { checkList } from '../catalogSync';
import type { ListCheck } from '../protocol';
import type { ServerRuntime } from './runtime';

/** Lists are capped as on disk (catalogLoader.ts). */
const MAX_LIST_BYTES = 20 * 1024 * 1024;

export async function checkListWith(runtime: ServerRuntime, params: { path: string; uri?: string }): Promise<ListCheck> {
  if (runtime.kind === 'node' || !params.uri) return checkList(params.path);
  const read = await runtime.readText(params.uri, MAX_LIST_BYTES);
  return checkList(params.path, new Map([[params.path, read]]));
}
