/**
 * Keeps the server's catalog in step with its inputs: settings (official lists,
 * lenient mode, extra events), the workspace's `.cloudtrail-events.json`, and
 * workspace trust. Reloads on each change, tells the user what is wrong or what
 * an import changed (once per distinct message), and replaces the catalog only
 * when it really changed.
 */
import { builtinEvents } from './core/builtin';
import { Catalog } from './core/catalog';
import { diffCatalogs } from './core/catalogCompose';
import { CatalogBase, builtinBase, CatalogInputs, CatalogMessage, loadCatalog, readOfficialList } from './catalogLoader';
import { ListCheck } from './protocol';
import { FolderLocation, prefetchCatalogFiles } from './runtime/catalogFiles';
import type { ReadTextResult } from './runtime/fileRequests';
import type { ServerRuntime } from './runtime/runtime';
import { uriPath } from './runtime/uriPath';
import { ServerContext, uriToPath } from './serverContext';
import { normalizeSettings, SECTION, Settings } from './settings';

/** What makes two catalogs different for users: sources and every event's visible fields. */
const signatureOf = (catalog: Catalog, sources: string[]) =>
  JSON.stringify([sources, catalog.edition, catalog.events.map((e) => [e.id, e.description, e.service, e.deprecated ?? '', e.names ?? '', e.editions ?? '']), catalog.retiredCount]);

export class CatalogSync {
  private base: CatalogBase = builtinBase();
  private signature: string;
  private reported = new Set<string>();
  private watched = new Set<string>();
  private reloading: Promise<void> = Promise.resolve();
  trusted = true;
  /** The workspace folders' URIs and paths: where a web worker reads the catalog files through its runtime. */
  folders: FolderLocation[] = [];

  constructor(
    private readonly context: ServerContext,
    private readonly runtime: ServerRuntime,
  ) {
    this.signature = signatureOf(context.catalogState.catalog, context.catalogState.sources);
  }

  /** Catalog settings are window-wide: read without a scope. */
  private async settings(): Promise<Settings> {
    if (!this.context.hasConfigurationCapability) return this.context.globalSettingsForCatalog();
    const raw = await this.context.connection.workspace.getConfiguration(SECTION).catch(() => undefined);
    return normalizeSettings(raw).settings;
  }

  /** Reloads after a change; calls are serialised so the last one wins. */
  reload(): Promise<void> {
    this.reloading = this.reloading.then(() => this.doReload()).catch((error) => this.context.connection.console.error(`Loading the catalog failed: ${(error as Error).stack ?? error}`));
    return this.reloading;
  }

  /** True when a changed file is one the catalog was read from (or may be read from). */
  isCatalogFile(uri: string): boolean {
    const file = this.runtime.kind === 'node' ? uriToPath(uri) : uriPath(uri);
    return file !== undefined && this.watched.has(file);
  }

  private async doReload(): Promise<void> {
    const settings = await this.settings();
    const inputs: CatalogInputs = {
      officialLists: settings.catalog.officialLists,
      lenient: settings.catalog.lenient,
      extraEvents: settings.catalog.extraEvents,
      folders: this.context.workspaceFolders,
      trusted: this.trusted,
      edition: settings.catalog.edition,
    };
    const webMessages: CatalogMessage[] = [];
    if (this.runtime.kind === 'web') {
      // No file system in a web worker: the files are read through the client first.
      const prefetched = await prefetchCatalogFiles(this.runtime, this.folders, inputs.officialLists);
      inputs.officialLists = prefetched.officialLists;
      inputs.prefetched = prefetched.files;
      webMessages.push(...prefetched.messages);
    }
    const loaded = loadCatalog(inputs, this.base);
    this.base = loaded.base;
    this.watched = new Set(loaded.watched);
    // The editor keeps what it had: say which catalog that is.
    const kept: CatalogMessage[] = loaded.refused ? [{ level: 'error', text: `The catalog in force stays: ${loaded.base.sources.join(', ')}.` }] : [];
    this.report([...webMessages, ...loaded.messages, ...kept]);
    const signature = signatureOf(loaded.catalog, loaded.sources);
    if (signature === this.signature) return;
    this.signature = signature;
    this.context.catalogState.replace(loaded.catalog, loaded.sources);
  }

  private report(messages: CatalogMessage[]): void {
    const { connection } = this.context;
    for (const message of messages) {
      const key = `${message.level}:${message.text}`;
      if (this.reported.has(key)) continue;
      this.reported.add(key);
      const text = `CloudTrail Events: ${message.text}`;
      if (message.level === 'info') {
        connection.console.info(message.text);
        if (message.text.startsWith('Imported')) void connection.window.showInformationMessage(text);
      } else {
        connection.console.warn(message.text);
        void (message.level === 'error' ? connection.window.showErrorMessage(text) : connection.window.showWarningMessage(text));
      }
    }
  }
}

/** Checks a list for the import command without changing anything. */
export function checkList(file: string, prefetched?: ReadonlyMap<string, ReadTextResult>): ListCheck {
  const read = readOfficialList(file, false, prefetched);
  if (!read.list) return { events: 0, problems: read.messages.map((m) => m.text), added: 0, removed: 0, reworded: 0 };
  const diff = diffCatalogs(builtinEvents(), read.list.events.map((e) => ({ ...e, segments: e.id.split('.') })));
  return {
    language: read.list.language,
    events: read.list.events.length,
    problems: [],
    summary: read.messages.map((m) => m.text).join('\n'),
    added: diff.added.length,
    removed: diff.removed.length,
    reworded: diff.reworded.length,
  };
}
