/**
 * Catalog rows (Go to Definition, Workspace Symbols) in a web worker: the source files are read
 * through the runtime beforehand, since a definition is answered synchronously. The built-in
 * catalog is the extension's own catalog/events.json, whose URI the web client sends
 * (`initializationOptions.builtinCatalogUri`); imported lists and `.cloudtrail-events.json` are
 * files of the workspace folders.
 */
import type { ServerRuntime } from '../runtime/runtime';
import { BUILTIN_SOURCE_FILE, CatalogSources, idRows, Row } from './catalogSource';

/** Lists are capped as on disk (catalogLoader.ts). */
const MAX_SOURCE_BYTES = 20 * 1024 * 1024;

export class WebCatalogSources extends CatalogSources {
  private rows = new Map<string, Map<string, Row>>();
  private uris = new Map<string, string>();
  private generation = 0;

  constructor(private readonly runtime: ServerRuntime) {
    // The built-in catalog's key; its URI comes with load().
    super(BUILTIN_SOURCE_FILE);
  }

  /** Reads the rows of these files (key: the path the catalog names it by) through the runtime, replacing what was loaded. */
  async load(files: readonly { file: string; uri: string }[]): Promise<void> {
    const generation = ++this.generation;
    const read = await Promise.all(files.map(({ uri }) => this.runtime.readText(uri, MAX_SOURCE_BYTES)));
    // A newer load (the catalog changed meanwhile) wins, whichever finishes first.
    if (generation !== this.generation) return;
    const rows = new Map<string, Map<string, Row>>();
    const uris = new Map<string, string>();
    files.forEach(({ file, uri }, i) => {
      const result = read[i];
      if (!('text' in result)) return;
      rows.set(file, idRows(result.text));
      uris.set(file, uri);
    });
    this.rows = rows;
    this.uris = uris;
  }

  protected override uriOf(file: string): string {
    return this.uris.get(file) ?? file;
  }

  protected override rowsOf(file: string): Map<string, Row> | undefined {
    return this.rows.get(file);
  }
}
