/**
 * The workspace index: where each event ID is used in the workspace's files,
 * not only in open editors. Built in the background (with work-done progress),
 * in small slices that yield to the event loop so completion and hover never
 * wait for it; kept current by the client's file watcher; open documents
 * override what is on disk.
 *
 * Memory stays bounded: per file only the ID occurrences are kept (see
 * usageIndex.ts), and at most `maxFiles` files are read.
 */
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import {
  DidChangeWatchedFilesNotification,
  FileChangeType,
  FileEvent,
  InitializeParams,
  Location,
  WorkDoneProgressReporter,
  WorkspaceFolder,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { findIds } from '../core/analyze';
import { CatalogEvent } from '../core/catalog';
import { languageIdForPath } from '../core/languages';
import { UsageCounts, UsagesChangedNotification } from '../../../shared/protocol';
import { yieldTurn } from '../runtime/runtime';
import { Analysis, ServerContext, uriToPath } from '../serverContext';
import type { Skipped } from '../../../shared/fileRequests';
import { readRegularBytesAsync } from '../readFileCapped';
import { Settings } from '../settings';
import { CatalogSources } from './catalogSource';
import { ExcludeRules, parseFilesExclude, parseGitignore } from './excludeRules';
import { FileUsages, fileUsagesOf, UsageIndex, usageKey } from './usageIndex';

export interface WorkspaceIndexOptions {
  /** Files read per scan at most (default 20 000). */
  maxFiles?: number;
  /** Work done before yielding to the event loop, in milliseconds (default 8). */
  sliceMs?: number;
  /** Delay that coalesces usage-change notifications, in milliseconds (default 250). */
  notifyDelayMs?: number;
  /** Delay that coalesces rescans (settings, catalog, .gitignore changes), in milliseconds (default 300). */
  rescanDelayMs?: number;
}

export type IndexState = 'indexing' | 'ready' | 'disabled';

export interface Folder {
  uri: string;
  name: string;
  /** Absolute file-system path. */
  path: string;
  /** Settings and exclusions, loaded once per configuration. */
  rules?: Promise<FolderRules>;
  /** The same once loaded, for synchronous checks. */
  loaded?: FolderRules;
}

export interface FolderRules {
  settings: Settings;
  exclude: ExcludeRules;
  /** What a rescan depends on, to skip rescans when a configuration change did not touch it. */
  fingerprint: string;
}

const MB = 1024 * 1024;
/** A .gitignore is a few KB; one far larger is not one to honour. */
const MAX_GITIGNORE_BYTES = MB;
const DEFAULT_MAX_FILES = 20_000;
/** Files read concurrently while scanning. */
const READ_AHEAD = 8;
/** Never entered, whatever the settings say: version-control internals. */
export const ALWAYS_SKIPPED = new Set(['.git', '.hg', '.svn']);

const toPosix = (p: string) => p.split(path.sep).join('/');

const byPosition = (a: Location, b: Location) =>
  a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;

export class WorkspaceIndex {
  readonly index = new UsageIndex();
  readonly sources = new CatalogSources();
  private folders: Folder[] = [];
  private watchFiles = false;
  private started = false;
  private stateValue: IndexState = 'indexing';
  /** Files read by the current or last scan. */
  private filesRead = 0;
  protected generation = 0;
  private version = 0;
  private fingerprint = '';
  /** Files updated by the watcher while a scan runs: the scan must not drop them as stale. */
  private touched = new Set<string>();
  private pendingChanges = new Map<string, FileChangeType>();
  private changeQueue: Promise<void> = Promise.resolve();
  private changeTimer: NodeJS.Timeout | undefined;
  private notifyTimer: NodeJS.Timeout | undefined;
  private rescanTimer: NodeJS.Timeout | undefined;
  /** Set when a pending rescan must run even if the settings it depends on look unchanged. */
  private rescanForced = false;
  protected readonly maxFiles: number;
  private readonly sliceMs: number;
  private readonly notifyDelayMs: number;
  private readonly rescanDelayMs: number;

  constructor(
    protected readonly context: ServerContext,
    options: WorkspaceIndexOptions = {},
  ) {
    this.maxFiles = options.maxFiles ?? DEFAULT_MAX_FILES;
    this.sliceMs = options.sliceMs ?? 8;
    this.notifyDelayMs = options.notifyDelayMs ?? 250;
    this.rescanDelayMs = options.rescanDelayMs ?? 300;
    context.documents.onDidChangeContent(() => this.usagesChanged());
    context.documents.onDidClose(() => this.usagesChanged());
    context.catalogState.onDidChange(() => this.scheduleRescan(true));
  }

  get state(): IndexState {
    return this.stateValue;
  }

  /** Called from onInitialize: the workspace folders and what the client can do. */
  initialize(params: InitializeParams): void {
    const folders: WorkspaceFolder[] =
      params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: 'root' }] : params.rootPath ? [{ uri: pathToFileURL(params.rootPath).href, name: 'root' }] : []);
    this.setFolders(folders);
    this.watchFiles = !!params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
  }

  /** Called from onInitialized: watches files and starts the first scan. */
  start(): void {
    this.started = true;
    if (this.watchFiles) {
      void this.context.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*' }] }).catch((error: unknown) => {
        this.context.connection.console.warn(`Workspace index: watching files failed (${String(error)}); the index is updated only on restart.`);
      });
    }
    this.scheduleRescan(true, 0);
  }

  /** Settings (ours or files.exclude) changed: rescan when what the index depends on changed. */
  configurationChanged(): void {
    for (const folder of this.folders) folder.rules = folder.loaded = undefined;
    this.scheduleRescan(false);
  }

  /** Workspace folders were added or removed. */
  foldersChanged(added: readonly WorkspaceFolder[], removed: readonly WorkspaceFolder[]): void {
    const gone = new Set(removed.map((f) => f.uri));
    const kept = this.folders.filter((f) => !gone.has(f.uri));
    this.setFolders([...kept.map((f) => ({ uri: f.uri, name: f.name })), ...added]);
    this.scheduleRescan(true);
  }

  /** workspace/didChangeWatchedFiles: batches the changes and applies them in order. */
  filesChanged(changes: readonly FileEvent[]): void {
    for (const change of changes) {
      const file = this.pathOf(change.uri);
      const folder = file && this.folderOf(file);
      if (!file || !folder) continue;
      if (path.basename(file) === '.gitignore' && path.dirname(file) === folder.path) {
        folder.rules = folder.loaded = undefined;
        this.scheduleRescan(false);
        continue;
      }
      this.pendingChanges.set(file, change.type);
    }
    if (this.pendingChanges.size && !this.changeTimer) {
      this.changeTimer = setTimeout(() => {
        this.changeTimer = undefined;
        this.changeQueue = this.changeQueue.then(() => this.applyChanges()).catch((error: unknown) => this.logError('applying file changes', error));
      }, 20);
      this.changeTimer.unref?.();
    }
  }

  /** Every usage of `key` (an event ID, or the text of an unknown ID) in the workspace, open documents first-hand. */
  async usagesOf(key: string): Promise<Location[]> {
    const open = await this.openAnalyses();
    const openFiles = new Set(open.map((o) => this.pathOf(o.document.uri)).filter((f): f is string => !!f));
    const locations: Location[] = [];
    for (const { document, analysis } of open) {
      for (const finding of analysis.findings) {
        if (usageKey(finding)?.key !== key) continue;
        locations.push({ uri: document.uri, range: { start: document.positionAt(finding.start), end: document.positionAt(finding.end) } });
      }
    }
    for (const usage of this.index.usagesOf(key, (file) => openFiles.has(file))) {
      locations.push({
        uri: this.uriOf(usage.file),
        range: { start: { line: usage.line, character: usage.start }, end: { line: usage.line, character: usage.end } },
      });
    }
    return locations.sort(byPosition);
  }

  /** How often each event is used in the workspace (events not used are left out). */
  async counts(): Promise<UsageCounts> {
    const version = this.version;
    const open = await this.openAnalyses();
    const openFiles = new Set(open.map((o) => this.pathOf(o.document.uri)).filter((f): f is string => !!f));
    const counts = this.index.eventCounts((file) => openFiles.has(file));
    for (const { analysis } of open) {
      for (const finding of analysis.findings) {
        if (finding.kind === 'event' && finding.event) counts.set(finding.event.id, (counts.get(finding.event.id) ?? 0) + 1);
      }
    }
    return { version, state: this.stateValue, files: this.filesRead, counts: Object.fromEntries(counts) };
  }

  /** The catalog row that defines `event`, if its source file can be found. */
  definitionOf(event: CatalogEvent): Location | undefined {
    const found = this.sources.rowOf(event, this.context.catalogState.sources);
    if (!found) return undefined;
    const { line, start, end } = found.row;
    return { uri: found.uri, range: { start: { line, character: start }, end: { line, character: end } } };
  }

  // ---------------------------------------------------------------- internals

  private setFolders(folders: readonly WorkspaceFolder[]): void {
    this.folders = [];
    for (const folder of folders) {
      const folderPath = this.pathOf(folder.uri);
      if (folderPath) this.folders.push({ uri: folder.uri, name: folder.name, path: path.resolve(folderPath) });
    }
    // Nested folders: the innermost one decides a file's settings.
    this.folders.sort((a, b) => b.path.length - a.path.length);
  }

  protected folderOf(file: string): Folder | undefined {
    return this.folders.find((folder) => file === folder.path || file.startsWith(folder.path.endsWith(path.sep) ? folder.path : folder.path + path.sep));
  }

  protected relative(folder: Folder, file: string): string {
    return toPosix(path.relative(folder.path, file));
  }

  /** Open documents that belong to the workspace, with their current analysis. */
  private async openAnalyses(): Promise<{ document: TextDocument; analysis: Analysis }[]> {
    const result: { document: TextDocument; analysis: Analysis }[] = [];
    for (const document of this.context.documents.all()) {
      if (!this.includesOpenDocument(document.uri)) continue;
      const found = await this.context.analysisOf(document.uri);
      if (found) result.push(found);
    }
    return result;
  }

  /** Untitled documents and files in a workspace folder that its exclusions do not leave out. */
  private includesOpenDocument(uri: string): boolean {
    const file = this.pathOf(uri);
    if (!file) return uri.startsWith('untitled:');
    if (this.folders.length === 0) return true;
    const folder = this.folderOf(file);
    if (!folder) return false;
    const rules = folder.loaded;
    return !rules || !rules.exclude.isExcludedWithParents(this.relative(folder, file), (name) => this.siblingExists(file, name));
  }

  private rulesOf(folder: Folder): Promise<FolderRules> {
    folder.rules ??= this.loadRules(folder).then((rules) => (folder.loaded = rules));
    return folder.rules;
  }

  private async loadRules(folder: Folder): Promise<FolderRules> {
    const settings = await this.context.settingsFor(folder.uri);
    let filesExclude: unknown;
    if (this.context.hasConfigurationCapability) {
      filesExclude = await this.context.connection.workspace.getConfiguration({ scopeUri: folder.uri, section: 'files.exclude' }).catch(() => undefined);
    }
    const gitignorePath = path.join(folder.path, '.gitignore');
    const read = await this.readFolderFile(gitignorePath, MAX_GITIGNORE_BYTES);
    if ('skipped' in read && read.kind !== 'notFound') this.context.connection.console.warn(`Workspace index: ${gitignorePath} ${read.skipped}; its rules are not applied.`);
    const gitignore = 'text' in read ? read.text : '';
    const rules = [...parseFilesExclude(filesExclude), ...parseGitignore(gitignore)];
    const exclude = new ExcludeRules(settings.exclude.globs, rules, toPosix(folder.path));
    const fingerprint = JSON.stringify([folder.path, settings.workspaceIndex, settings.exclude, settings.maxFileSizeMB, rules]);
    return { settings, exclude, fingerprint };
  }

  private scheduleRescan(force: boolean, delay = this.rescanDelayMs): void {
    if (!this.started) return;
    if (this.rescanTimer) clearTimeout(this.rescanTimer);
    const forced = force || this.rescanForced;
    this.rescanForced = forced;
    this.rescanTimer = setTimeout(() => {
      this.rescanTimer = undefined;
      this.rescanForced = false;
      void this.rescan(forced).catch((error: unknown) => this.logError('indexing the workspace', error));
    }, delay);
    this.rescanTimer.unref?.();
  }

  private async rescan(force: boolean): Promise<void> {
    const rules = await Promise.all(this.folders.map((folder) => this.rulesOf(folder)));
    const fingerprint = JSON.stringify([this.context.catalogState.version, rules.map((r) => r.fingerprint)]);
    if (!force && fingerprint === this.fingerprint) return;
    this.fingerprint = fingerprint;
    await this.scan(++this.generation, rules);
  }

  /** Reads every file of every folder; stops early when a newer scan starts. */
  private async scan(generation: number, rules: FolderRules[]): Promise<void> {
    const enabled = this.folders.filter((_, i) => rules[i].settings.workspaceIndex.enabled);
    if (enabled.length === 0) {
      this.index.clear();
      this.filesRead = 0;
      this.stateValue = this.folders.length ? 'disabled' : 'ready';
      this.usagesChanged(true);
      return;
    }
    this.stateValue = 'indexing';
    this.touched = new Set();
    this.usagesChanged(true);
    const progress: WorkDoneProgressReporter | undefined = await this.context.connection.window.createWorkDoneProgress().catch(() => undefined);
    progress?.begin('CloudTrail event IDs', 0, 'Looking for files…', false);
    try {
      const files: { file: string; settings: Settings }[] = [];
      let capped = false;
      for (const folder of enabled) {
        const folderRules = rules[this.folders.indexOf(folder)];
        capped = await this.collect(folder, folderRules, files, generation);
        if (generation !== this.generation) return;
        if (capped) break;
      }
      if (capped) {
        this.context.connection.console.warn(
          `Workspace index: the workspace has more than ${this.maxFiles} files to examine; only the first ${this.maxFiles} are indexed. ` +
            'Exclude generated or vendored folders with files.exclude, .gitignore or cloudtrailEvents.exclude.globs.',
        );
      }
      const seen = new Set<string>();
      const catalog = this.context.catalogState.catalog;
      let sliceStart = Date.now();
      let reported = 0;
      this.filesRead = 0;
      for (let i = 0; i < files.length; i += READ_AHEAD) {
        if (generation !== this.generation) return;
        // A few reads in flight at once: the disk, not the event loop, is the bottleneck.
        const batch = files.slice(i, i + READ_AHEAD);
        const read = await Promise.all(batch.map(({ file, settings }) => (this.touched.has(file) ? undefined : this.readUsages(file, settings, catalog))));
        if (generation !== this.generation) return;
        batch.forEach(({ file }, j) => {
          seen.add(file);
          if (!this.touched.has(file)) this.index.set(file, read[j]);
        });
        this.filesRead += batch.length;
        const now = Date.now();
        if (now - sliceStart >= this.sliceMs) {
          if (now - reported >= 100) {
            progress?.report(Math.floor((100 * this.filesRead) / files.length), `${this.filesRead}/${files.length} files`);
            reported = now;
          }
          await yieldTurn();
          sliceStart = Date.now();
        }
      }
      if (generation !== this.generation) return;
      this.index.deleteWhere((file) => !seen.has(file) && !this.touched.has(file));
      this.stateValue = 'ready';
      progress?.report(100, `${this.filesRead}/${files.length} files`);
      this.context.connection.console.info(`Workspace index: ${this.index.size} of ${this.filesRead} files use event IDs.`);
      this.usagesChanged(true);
    } finally {
      progress?.done();
    }
  }

  /** Lists the files of a folder (or of `root`, a directory in it) that the index examines; true when the cap was reached. */
  protected async collect(folder: Folder, rules: FolderRules, out: { file: string; settings: Settings }[], generation: number, root = folder.path): Promise<boolean> {
    const stack = [root];
    let sliceStart = Date.now();
    while (stack.length) {
      if (generation !== this.generation) return false;
      const dir = stack.pop()!;
      let entries: fs.Dirent[];
      try {
        entries = await fs.promises.readdir(dir, { withFileTypes: true });
      } catch {
        continue;
      }
      const names = new Set(entries.map((entry) => entry.name));
      const subdirectories: string[] = [];
      for (const entry of entries) {
        if (ALWAYS_SKIPPED.has(entry.name)) continue;
        const absolute = path.join(dir, entry.name);
        let directory = entry.isDirectory();
        let file = entry.isFile();
        let kind: fs.Dirent | fs.Stats | undefined = entry;
        if (entry.isSymbolicLink()) {
          // Links to files are followed; links to directories are not (they may loop or leave the folder).
          kind = await fs.promises.stat(absolute).catch(() => undefined);
          directory = false;
          file = !!kind?.isFile();
        }
        if (!directory && !file) {
          // A read of a FIFO, a socket or a device would block or never end: say why it is left out.
          if (kind && (kind.isFIFO() || kind.isSocket() || kind.isCharacterDevice() || kind.isBlockDevice())) {
            this.context.connection.console.info(`Workspace index: ${absolute} is not a regular file; skipped.`);
          }
          continue;
        }
        if (rules.exclude.isExcluded(this.relative(folder, absolute), directory, (name) => names.has(name))) continue;
        if (directory) subdirectories.push(absolute);
        else if (!rules.settings.exclude.languages.includes(languageIdForPath(absolute))) {
          if (out.length >= this.maxFiles) return true;
          out.push({ file: absolute, settings: rules.settings });
        }
      }
      // Reverse, so the stack visits directories in their listed order.
      for (let i = subdirectories.length - 1; i >= 0; i--) stack.push(subdirectories[i]);
      if (Date.now() - sliceStart >= this.sliceMs) {
        await yieldTurn();
        sliceStart = Date.now();
      }
    }
    return false;
  }

  /** The usages in one file on disk; undefined when it has none or is not examined (too large, binary, excluded language). */
  private async readUsages(file: string, settings: Settings, catalog = this.context.catalogState.catalog): Promise<FileUsages | undefined> {
    const languageId = languageIdForPath(file);
    if (settings.exclude.languages.includes(languageId)) return undefined;
    const text = await this.readIndexedText(file, settings.maxFileSizeMB * MB);
    return text === undefined ? undefined : fileUsagesOf(text, findIds(text, languageId, catalog));
  }

  // ------------------------------------------ file access (webWorkspaceIndex.ts overrides it)

  /** The index's key of a document URI: its file-system path; undefined when it is no workspace file. */
  protected pathOf(uri: string): string | undefined {
    return uriToPath(uri);
  }

  /** The URI of an indexed path. */
  protected uriOf(file: string): string {
    return pathToFileURL(file).href;
  }

  /** Whether `name` exists beside `file` (for files.exclude's `when` rules). */
  protected siblingExists(file: string, name: string): boolean {
    return fs.existsSync(path.join(path.dirname(file), name));
  }

  /** A folder's own file (.gitignore) as text, or why it was not read. */
  protected async readFolderFile(file: string, maxBytes: number): Promise<{ text: string } | Skipped> {
    const read = await readRegularBytesAsync(file, maxBytes);
    return 'bytes' in read ? { text: read.bytes.toString('utf8') } : read;
  }

  /** What is at `file`: a file, a directory, or nothing (gone). */
  protected async kindOf(file: string): Promise<'file' | 'directory' | undefined> {
    const stat = await fs.promises.stat(file).catch(() => undefined);
    return stat?.isDirectory() ? 'directory' : stat ? 'file' : undefined;
  }

  /** The text of a file worth scanning: undefined when it is not a regular file, is larger than `maxBytes`, is binary or mentions no ID. */
  protected async readIndexedText(file: string, maxBytes: number): Promise<string | undefined> {
    // A file can be swapped for a FIFO or a device between the crawl and the read, or grow past the cap.
    const read = await readRegularBytesAsync(file, maxBytes);
    if ('skipped' in read) {
      if (read.kind === 'notRegular') this.context.connection.console.info(`Workspace index: ${file} ${read.skipped}.`);
      return undefined;
    }
    const buffer = read.bytes;
    // NUL bytes in the first 8 KB: binary, as the editor decides for open documents.
    if (buffer.subarray(0, 8192).includes(0)) return undefined;
    // Most files mention no ID at all: skip decoding them.
    if (!buffer.includes('event_id.')) return undefined;
    return buffer.toString('utf8').replace(/^\uFEFF/, '');
  }

  /** Applies the watcher's batched changes to the index. */
  private async applyChanges(): Promise<void> {
    const changes = [...this.pendingChanges];
    this.pendingChanges.clear();
    let changed = false;
    for (const [file, type] of changes) {
      this.touched.add(file);
      if (type === FileChangeType.Deleted) {
        // A deleted folder is reported once, for the folder.
        const below = file + path.sep;
        changed = this.index.deleteWhere((f) => f === file || f.startsWith(below)) > 0 || changed;
        continue;
      }
      const folder = this.folderOf(file);
      if (!folder) continue;
      const rules = await this.rulesOf(folder);
      if (!rules.settings.workspaceIndex.enabled) continue;
      const kind = await this.kindOf(file);
      if (!kind) {
        changed = this.index.delete(file) || changed;
        continue;
      }
      if (kind === 'directory') {
        if (type !== FileChangeType.Created) continue;
        if (rules.exclude.isExcludedWithParents(this.relative(folder, file))) continue;
        // A folder moved or copied in: its files may not be reported one by one.
        const files: { file: string; settings: Settings }[] = [];
        await this.collect(folder, rules, files, this.generation, file);
        for (const entry of files) {
          if (!this.index.has(entry.file) && this.index.size >= this.maxFiles) break;
          this.touched.add(entry.file);
          this.index.set(entry.file, await this.readUsages(entry.file, entry.settings));
          changed = true;
        }
        continue;
      }
      const excluded = rules.exclude.isExcludedWithParents(this.relative(folder, file), (name) => this.siblingExists(file, name));
      if (excluded || (!this.index.has(file) && this.index.size >= this.maxFiles)) {
        changed = this.index.delete(file) || changed;
        continue;
      }
      const had = this.index.has(file);
      const usages = await this.readUsages(file, rules.settings);
      this.index.set(file, usages);
      changed = changed || had || !!usages;
    }
    if (changed) this.usagesChanged();
  }

  /** Tells the client (coalesced) that usage counts may have changed. */
  private usagesChanged(immediately = false): void {
    this.version++;
    if (this.notifyTimer) clearTimeout(this.notifyTimer);
    this.notifyTimer = setTimeout(
      () => {
        this.notifyTimer = undefined;
        try {
          void this.context.connection.sendNotification(UsagesChangedNotification.type, { version: this.version, state: this.stateValue }).catch(() => undefined);
        } catch {
          // The connection is gone (the client disconnected); nothing to tell.
        }
      },
      immediately ? 0 : this.notifyDelayMs,
    );
    this.notifyTimer.unref?.();
  }

  private logError(what: string, error: unknown): void {
    try {
      this.context.connection.console.error(`Workspace index: ${what} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    } catch {
      // The connection is gone.
    }
  }
}
