/**
 * The catalog's files in a web worker: the official lists named in the settings and each
 * workspace folder's `.cloudtrail-events.json`, read through the runtime (the client's
 * `workspace.fs`) before the catalog is composed, keyed by the paths catalogLoader.ts uses (the
 * paths of the folders' URIs). `~` and absolute list paths name a file on the user's own
 * machine: desktop only, said once in a message.
 */
import * as path from 'path';
import { USER_CATALOG_FILE } from '../core/userCatalog';
import type { CatalogMessage } from '../catalogLoader';
import type { ReadTextResult } from '../../../shared/fileRequests';
import type { ServerRuntime } from './runtime';
import { uriPath } from './uriPath';

/** Lists and catalog files are capped as catalogLoader caps them on disk. */
const MAX_CATALOG_BYTES = 20 * 1024 * 1024;

export interface FolderLocation {
  /** The folder's URI. */
  uri: string;
  /** The path of its URI: what catalogLoader joins file names to. */
  path: string;
}

/** The workspace folders of a web worker, as URI and path. */
export function folderLocations(uris: readonly string[]): FolderLocation[] {
  return uris.flatMap((uri) => {
    const folderPath = uriPath(uri);
    return folderPath ? [{ uri: uri.replace(/\/+$/, ''), path: folderPath.replace(/\/+$/, '') || '/' }] : [];
  });
}

/** The URI of `file`, a path inside `folder`; undefined when it is outside. */
export function uriInFolder(folder: FolderLocation, file: string): string | undefined {
  const relative = path.posix.relative(folder.path, file);
  if (relative === '' || relative.startsWith('..') || path.posix.isAbsolute(relative)) return undefined;
  return `${folder.uri}/${relative.split('/').map(encodeURIComponent).join('/')}`;
}

export interface PrefetchedCatalogFiles {
  /** What catalogLoader reads instead of the disk (CatalogInputs.prefetched). */
  files: Map<string, ReadTextResult>;
  /** Lists that cannot be read in the web, and why. */
  messages: CatalogMessage[];
  /** The list names that can be read (the others are left out of the load). */
  officialLists: string[];
}

/** Reads the lists and the folders' catalog files through `runtime`; files that do not exist are left out. */
export async function prefetchCatalogFiles(runtime: ServerRuntime, folders: readonly FolderLocation[], officialLists: readonly string[]): Promise<PrefetchedCatalogFiles> {
  const files = new Map<string, ReadTextResult>();
  const messages: CatalogMessage[] = [];
  const readable: string[] = [];
  const wanted: { file: string; uri: string }[] = [];
  for (const list of officialLists) {
    if (list.startsWith('~') || path.posix.isAbsolute(list) || /^[A-Za-z]:[\\/]/.test(list) || !folders[0]) {
      messages.push({ level: 'error', text: `${list}: in the browser only lists inside the workspace folder can be read (a relative path); \`~\` and absolute paths work in desktop VS Code.` });
      continue;
    }
    const file = path.posix.resolve(folders[0].path, list);
    const uri = uriInFolder(folders[0], file);
    if (!uri) {
      messages.push({ level: 'error', text: `${list}: in the browser only lists inside the workspace folder can be read.` });
      continue;
    }
    readable.push(list);
    wanted.push({ file, uri });
  }
  for (const folder of folders) {
    const file = path.posix.join(folder.path, USER_CATALOG_FILE);
    wanted.push({ file, uri: `${folder.uri}/${USER_CATALOG_FILE}` });
  }
  const read = await Promise.all(wanted.map(({ uri }) => runtime.readText(uri, MAX_CATALOG_BYTES)));
  wanted.forEach(({ file }, i) => {
    const result = read[i];
    // A missing file is not an error: catalogLoader says so for a list, and skips a folder without a catalog file.
    if ('text' in result || result.kind !== 'notFound') files.set(file, result);
  });
  return { files, messages, officialLists: readable };
}
