/**
 * Keeps the server's catalog in step with its inputs: settings (official lists,
 * lenient mode, extra events), the workspace's `.cloudtrail-events.json`, and
 * workspace trust. Reloads on each change, tells the user what is wrong or what
 * an import changed (once per distinct message), and replaces the catalog only
 * when it really changed.
 */
import { createHash } from 'crypto';
import { builtinEvents } from './core/builtin';
import { Catalog } from './core/catalog';
import { diffCatalogs } from './core/catalogCompose';
import { CatalogBase, builtinBase, CatalogMessage, loadCatalog, readOfficialList } from './catalogLoader';
import { ListCheck } from './protocol';
import { ServerContext, uriToPath } from './serverContext';
import { normalizeSettings, SECTION, Settings } from './settings';

/**
 * What makes two catalogs different for users: sources and every event's visible fields. Kept
 * as a digest: the text itself is some 600 KB with the full catalog.
 */
const signatureOf = (catalog: Catalog, sources: string[]) =>
  createHash('sha256')
    .update(JSON.stringify([sources, catalog.edition, catalog.events.map((e) => [e.id, e.description, e.service, e.deprecated ?? '', e.names ?? '', e.editions ?? '']), catalog.retiredCount]))
    .digest('base64');

export class CatalogSync {
  /** The base of the catalog in force; the built-in one until a reload says otherwise. */
  private base: CatalogBase | undefined;
  /** That of the catalog in force, computed on the first reload (the server starts without building the catalog). */
  private signature: string | undefined;
  private reported = new Set<string>();
  private watched = new Set<string>();
  private reloading: Promise<void> = Promise.resolve();
  trusted = true;

  constructor(private readonly context: ServerContext) {}

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
    const file = uriToPath(uri);
    return file !== undefined && this.watched.has(file);
  }

  private async doReload(): Promise<void> {
    const settings = await this.settings();
    const loaded = loadCatalog(
      {
        officialLists: settings.catalog.officialLists,
        lenient: settings.catalog.lenient,
        extraEvents: settings.catalog.extraEvents,
        folders: this.context.workspaceFolders,
        trusted: this.trusted,
        edition: settings.catalog.edition,
      },
      this.base ?? builtinBase(),
    );
    this.base = loaded.base;
    this.watched = new Set(loaded.watched);
    // The editor keeps what it had: say which catalog that is.
    const kept: CatalogMessage[] = loaded.refused ? [{ level: 'error', text: `The catalog in force stays: ${loaded.base.sources.join(', ')}.` }] : [];
    this.report([...loaded.messages, ...kept]);
    const signature = signatureOf(loaded.catalog, loaded.sources);
    this.signature ??= signatureOf(this.context.catalogState.catalog, this.context.catalogState.sources);
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
export function checkList(file: string): ListCheck {
  const read = readOfficialList(file, false);
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
