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
import { CatalogBase, builtinBase, CatalogInputs, CatalogMessage, loadCatalog, readOfficialList, TRUST_HINT } from './catalogLoader';
import { ListCheck } from '../../shared/protocol';
import { prefetchCatalogFiles } from './runtime/catalogFiles';
import type { ReadTextResult } from '../../shared/fileRequests';
import type { ServerRuntime } from './runtime/runtime';
import { uriPath } from './runtime/uriPath';
import { ServerContext, uriToPath } from './serverContext';
import { normalizeSettings, SECTION, Settings } from './settings';

/**
 * What makes two catalogs different for users: sources and every event's visible fields. Kept
 * as a digest where the runtime has one (the text itself is some 600 KB with the full catalog).
 */
const signatureOf = (runtime: ServerRuntime, catalog: Catalog, sources: string[]) =>
  runtime.digest(JSON.stringify([sources, catalog.edition, catalog.events.map((e) => [e.id, e.description, e.service, e.deprecated ?? '', e.names ?? '', e.editions ?? '']), catalog.retiredCount]));

export class CatalogSync {
  /** The base of the catalog in force; the built-in one until a reload says otherwise. */
  private base: CatalogBase | undefined;
  /** That of the catalog in force, computed on the first reload (the server starts without building the catalog). */
  private signature: string | undefined;
  private reported = new Set<string>();
  private watched = new Set<string>();
  private reloading: Promise<void> = Promise.resolve();
  /** Whether the workspace is trusted: until a client says so, it is not. */
  trusted = false;
  /** The client leaves an untrusted workspace's own catalog settings out (VS Code's restricted settings). */
  clientRestrictsSettings = false;

  constructor(
    private readonly context: ServerContext,
    private readonly runtime: ServerRuntime,
  ) {}

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
      settingsTrusted: this.trusted || this.clientRestrictsSettings,
    };
    const webMessages: CatalogMessage[] = [];
    if (this.runtime.kind === 'web') {
      // No file system in a web worker: the files are read through the client first.
      const prefetched = await prefetchCatalogFiles(this.runtime, this.context.folderLocations, inputs.officialLists);
      inputs.officialLists = prefetched.officialLists;
      inputs.prefetched = prefetched.files;
      webMessages.push(...prefetched.messages);
    }
    const loaded = loadCatalog(inputs, this.base ?? builtinBase());
    this.base = loaded.base;
    this.watched = new Set(loaded.watched);
    // The editor keeps what it had: the pop-up about a refused list (its first error) says which catalog that is.
    const refusal = loaded.refused ? loaded.messages.findIndex((m) => m.level === 'error') : -1;
    const messages = loaded.messages.map((m, i) => (i === refusal ? { ...m, text: `${m.text} The catalog in force stays: ${loaded.base.sources.join(', ')}.` } : m));
    this.report([...webMessages, ...messages]);
    const signature = signatureOf(this.runtime, loaded.catalog, loaded.sources);
    this.signature ??= signatureOf(this.runtime, this.context.catalogState.catalog, this.context.catalogState.sources);
    if (signature === this.signature) return;
    this.signature = signature;
    this.context.catalogState.replace(loaded.catalog, loaded.sources);
  }

  /**
   * Every new message goes to the output; pop-ups are one per list, file or setting, however many
   * problems it has (a list with 5,000 bad rows raised 5,001 pop-ups), plus import summaries.
   */
  private report(messages: CatalogMessage[]): void {
    const { connection } = this.context;
    const bySource = new Map<string, CatalogMessage[]>();
    for (const message of messages) {
      // Clipped first: the set of reported messages then stays small whatever the file quoted.
      const text = clip(message.text);
      const key = `${message.level}:${text}`;
      if (this.reported.has(key)) continue;
      this.reported.add(key);
      if (message.level === 'info') connection.console.info(text);
      else connection.console.warn(text);
      if (message.level === 'info' && !message.text.startsWith('Imported') && !message.text.includes(TRUST_HINT)) continue;
      const source = message.source ?? message.text;
      const group = bySource.get(source);
      if (group) group.push(message);
      else bySource.set(source, [message]);
    }
    for (const group of bySource.values()) {
      const [first] = group;
      const more = group.length - 1;
      const text = `CloudTrail Events: ${clip(first.text)}${more ? ` (${more} more ${more === 1 ? 'message' : 'messages'} about ${first.source}: see the output)` : ''}`;
      const level = group.some((m) => m.level === 'error') ? 'error' : group.some((m) => m.level === 'warning') ? 'warning' : 'info';
      if (level === 'info') void connection.window.showInformationMessage(text);
      else void (level === 'error' ? connection.window.showErrorMessage(text) : connection.window.showWarningMessage(text));
    }
  }
}

/** A message cut to a length a pop-up or a log line can hold, whatever a file put in it. */
const clip = (text: string, max = 500) => (text.length <= max ? text : `${text.slice(0, max)}… (${text.length} characters)`);

/** Checks a list for the import command without changing anything. */
export function checkList(file: string, prefetched?: ReadonlyMap<string, ReadTextResult>): ListCheck {
  const read = readOfficialList(file, false, prefetched);
  if (!read.list) return { events: 0, problems: read.messages.map((m) => clip(m.text)), added: 0, removed: 0, reworded: 0 };
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
