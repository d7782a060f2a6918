/**
 * Where an event is defined: its row in the catalog source (the built-in catalog
 * shipped as catalog/events.json, or an imported list or user catalog file named in
 * the catalog's sources). Go to Definition and Workspace Symbols point there.
 */
import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';
import { CatalogEvent } from '../core/catalog';
import { lineStarts } from '../core/lines';
import { readRegularFile } from '../readFileCapped';

/** As for official lists: a source larger than this is not one the catalog was read from. */
const MAX_SOURCE_BYTES = 20 * 1024 * 1024;

// One event per line: Go to Definition lands on the event's row.
export const BUILTIN_SOURCE_FILE = path.join('catalog', 'events.json');

/**
 * The first `relative` found in `start` or a folder above it. The bundle runs
 * from dist/ (catalog/ is its sibling), the compiled tests from out/server/src/…;
 * searching upward serves both.
 */
export function findUpward(start: string, relative: string, maxLevels = 8): string | undefined {
  let dir = path.resolve(start);
  for (let level = 0; level <= maxLevels; level++) {
    const candidate = path.join(dir, relative);
    if (fs.existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return undefined;
}

/**
 * catalog/events.json beside the extension's (or the repository's) package.json. Not the first
 * one upward: tsc re-serializes an imported JSON file into out/, with other line breaks.
 */
function shippedCatalogFile(): string | undefined {
  // No __dirname in a web worker: the web server has no file to read the rows from.
  const manifest = typeof __dirname === 'string' ? findUpward(__dirname, 'package.json') : undefined;
  const file = manifest && path.join(path.dirname(manifest), BUILTIN_SOURCE_FILE);
  return file && fs.existsSync(file) ? file : undefined;
}

export interface Row {
  line: number;
  start: number;
  end: number;
}

const ID = /event_id\.[A-Za-z0-9_.-]*[A-Za-z0-9_-]/g;

/** The first occurrence of each event ID in `text` (the row of a Markdown list, the `"id"` of a JSON catalog). Pure. */
export function idRows(text: string): Map<string, Row> {
  const rows = new Map<string, Row>();
  const starts = lineStarts(text);
  let line = 0;
  for (const match of text.matchAll(ID)) {
    const offset = match.index;
    // IDs are glued to neither side: `xevent_id.a` or `event_id.a.b.json` are not rows.
    if (offset > 0 && /[A-Za-z0-9_.-]/.test(text[offset - 1])) continue;
    const id = match[0];
    if (rows.has(id)) continue;
    while (line + 1 < starts.length && starts[line + 1] <= offset) line++;
    rows.set(id, { line, start: offset - starts[line], end: offset - starts[line] + id.length });
  }
  return rows;
}

interface CachedFile {
  mtimeMs: number;
  size: number;
  rows: Map<string, Row>;
}

/** Finds catalog rows in source files, re-reading a file only when it changed on disk. */
export class CatalogSources {
  private readonly cache = new Map<string, CachedFile>();
  readonly builtinPath: string | undefined;

  constructor(builtinPath: string | undefined = shippedCatalogFile()) {
    this.builtinPath = builtinPath;
  }

  /**
   * The row of `event`: for a built-in event in the shipped list, otherwise in
   * the first of `sources` (file paths or `file:` URIs; other entries, such as
   * "built-in (…)", are skipped) that has the ID.
   */
  rowOf(event: CatalogEvent, sources: readonly string[]): { uri: string; row: Row } | undefined {
    const files = (event.origin ?? 'builtin') === 'builtin' ? [this.builtinPath] : [...sources.map(sourcePath), this.builtinPath];
    for (const file of files) {
      if (!file) continue;
      const row = this.rowsOf(file)?.get(event.id);
      if (row) return { uri: this.uriOf(file), row };
    }
    return undefined;
  }

  /** The URI of a source file (webCatalogSources.ts maps its keys to the client's URIs). */
  protected uriOf(file: string): string {
    return pathToFileURL(file).href;
  }

  protected rowsOf(file: string): Map<string, Row> | undefined {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(file);
    } catch {
      this.cache.delete(file);
      return undefined;
    }
    if (!stat.isFile()) return undefined;
    const cached = this.cache.get(file);
    if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached.rows;
    const read = readRegularFile(file, MAX_SOURCE_BYTES);
    if ('skipped' in read) return undefined;
    const rows = idRows(read.text.replace(/^\uFEFF/, ''));
    this.cache.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, rows });
    return rows;
  }
}

/** A source entry as a file path, or undefined when it names no file. */
function sourcePath(source: string): string | undefined {
  if (source.startsWith('file:')) {
    try {
      return fileURLToPath(source);
    } catch {
      return undefined;
    }
  }
  return path.isAbsolute(source) ? source : undefined;
}
