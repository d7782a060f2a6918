/**
 * What every feature shares: the open documents, the catalog, settings cached
 * per document, and the analysis of each document version.
 */
import { fileURLToPath } from 'url';
import { Connection, DidChangeWatchedFilesParams, TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CatalogState } from './catalogState';
import { EditTracker } from './editTracker';
import { Finding, IdScan, rescanIds } from './core/analyze';
import { matchGlob } from './core/glob';
import { TextFormat } from './core/markdown';
import { FolderLocation, folderLocations } from './runtime/catalogFiles';
import { uriPath } from './runtime/uriPath';
import { DEFAULT_SETTINGS, normalizeSettings, SECTION, Settings } from './settings';

export type SkipReason = 'excluded' | 'tooLarge' | 'binary';

export interface Analysis {
  version: number;
  catalogVersion: number;
  /** Why the document is not examined, when it is not. */
  skipped?: SkipReason;
  findings: Finding[];
}

const MB = 1024 * 1024;
/** How many documents being edited keep their lexer's state. */
const LEXED_DOCUMENTS = 8;

/** The file-system path of a `file:` URI; undefined for other schemes. */
export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** Finds the first entry in `findings` (sorted by start) that contains `offset`. */
export function findingAt(findings: readonly Finding[], offset: number): Finding | undefined {
  let low = 0;
  let high = findings.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const f = findings[mid];
    if (offset < f.start) high = mid - 1;
    else if (offset > f.end) low = mid + 1;
    else return f;
  }
  return undefined;
}

export class ServerContext {
  readonly documents = new TextDocuments(TextDocument);
  readonly edits = new EditTracker();
  readonly catalogState = new CatalogState();
  /** The VS Code UI language (from initializationOptions), for hover labels and name order. */
  locale: string | undefined;
  hasConfigurationCapability = false;
  /** The client applies `CompletionList.itemDefaults.editRange` to items without an edit of their own. */
  completionEditRangeDefault = false;
  /** What the client renders in hovers and in completion documentation (Vim's ALE: plain text only). */
  hoverFormat: TextFormat = 'markdown';
  completionDocumentationFormat: TextFormat = 'markdown';
  /**
   * The workspace folders, kept current (initialize, then every didChangeWorkspaceFolders): their URIs,
   * their file-system paths (in a web worker, the paths of their URIs) for the exclude rules and the
   * catalog, and their locations for the catalog files a worker reads through the client.
   */
  folderUris: string[] = [];
  workspaceFolders: string[] = [];
  folderLocations: FolderLocation[] = [];

  /** Sets the workspace folders; everything that depends on them reads them here. */
  setWorkspaceFolders(uris: readonly string[], toPath: (uri: string) => string | undefined): void {
    this.folderUris = [...new Set(uris)];
    this.workspaceFolders = this.folderUris.map(toPath).filter((folder): folder is string => folder !== undefined);
    this.folderLocations = folderLocations(this.folderUris);
  }
  private globalSettings: Settings = DEFAULT_SETTINGS;
  private readonly settingsCache = new Map<string, Promise<Settings>>();
  private readonly analyses = new Map<string, Analysis>();
  /** The last scan of each document and its language, so the next version is lexed only around the edit. */
  private readonly scans = new Map<string, { languageId: string; scan: IdScan }>();
  /** Documents whose scan keeps the lexer's state, least recently edited first (see `analyze`). */
  private readonly lexing: string[] = [];
  private readonly reportedProblems = new Set<string>();
  private readonly watchedFileListeners: Array<(params: DidChangeWatchedFilesParams) => void> = [];

  constructor(readonly connection: Connection) {}

  /** Settings for one document, asked of the client once and cached until the configuration changes. */
  settingsFor(uri: string): Promise<Settings> {
    if (!this.hasConfigurationCapability) return Promise.resolve(this.globalSettings);
    let settings = this.settingsCache.get(uri);
    if (!settings) {
      settings = this.connection.workspace
        .getConfiguration({ scopeUri: uri, section: SECTION })
        .then((raw) => this.validated(raw), () => DEFAULT_SETTINGS);
      this.settingsCache.set(uri, settings);
    }
    return settings;
  }

  /**
   * workspace/didChangeWatchedFiles has one handler per connection; features that
   * care about files on disk (the catalog files, the workspace index) subscribe here.
   */
  onWatchedFilesChanged(listener: (params: DidChangeWatchedFilesParams) => void): void {
    this.watchedFileListeners.push(listener);
  }

  watchedFilesChanged(params: DidChangeWatchedFilesParams): void {
    for (const listener of this.watchedFileListeners) listener(params);
  }

  /** Settings pushed by a client without workspace/configuration (catalog settings are window-wide). */
  globalSettingsForCatalog(): Settings {
    return this.globalSettings;
  }

  /** Called on workspace/didChangeConfiguration. */
  configurationChanged(pushed: unknown): void {
    this.settingsCache.clear();
    if (!this.hasConfigurationCapability) {
      const section = pushed && typeof pushed === 'object' ? (pushed as Record<string, unknown>)[SECTION] : undefined;
      this.globalSettings = this.validated(section);
    }
  }

  /** Normalizes settings and tells the user, once per distinct problem, what was wrong. */
  private validated(raw: unknown): Settings {
    const { settings, problems } = normalizeSettings(raw);
    for (const problem of problems) {
      if (this.reportedProblems.has(problem)) continue;
      this.reportedProblems.add(problem);
      this.connection.console.warn(problem);
      void this.connection.window.showWarningMessage(`CloudTrail Events: ${problem}`);
    }
    return settings;
  }

  /** Why a document is not examined under `settings`, or undefined when it is. */
  skipReason(document: TextDocument, settings: Settings): SkipReason | undefined {
    if (settings.exclude.languages.includes(document.languageId)) return 'excluded';
    const path = uriToPath(document.uri) ?? uriPath(document.uri);
    if (path) {
      // Globs match the absolute path and, as in the workspace index and the CLI, the path in its folder (`src/gen/**`).
      const folder = this.workspaceFolders.find((f) => path.startsWith(`${f}/`));
      const relative = folder ? path.slice(folder.length + 1) : undefined;
      if (settings.exclude.globs.some((glob) => matchGlob(glob, path) || (relative !== undefined && matchGlob(glob, relative)))) return 'excluded';
    }
    const text = document.getText();
    if (text.length > settings.maxFileSizeMB * MB) return 'tooLarge';
    // NUL characters in the first 8 KB: a binary file opened as text.
    if (text.slice(0, 8192).includes('\0')) return 'binary';
    return undefined;
  }

  /** The findings of the document's current version, computed once per version and catalog. */
  analyze(document: TextDocument, settings: Settings): Analysis {
    const cached = this.analyses.get(document.uri);
    const catalogVersion = this.catalogState.version;
    if (cached && cached.version === document.version && cached.catalogVersion === catalogVersion) return cached;
    const skipped = this.skipReason(document, settings);
    let findings: Finding[] = [];
    if (skipped) this.scans.delete(document.uri);
    else {
      const previous = this.scans.get(document.uri);
      const scan = rescanIds(previous?.languageId === document.languageId ? previous.scan : undefined, document.getText(), document.languageId, this.catalogState.catalog);
      // The lexer's state only speeds up the next edit: kept for the few documents being edited
      // (examined before), not for every open one (some 10 KB per 2,000 lines).
      this.scans.set(document.uri, { languageId: document.languageId, scan: previous ? this.keepLexing(document.uri, scan) : { findings: scan.findings } });
      findings = scan.findings;
    }
    const analysis: Analysis = { version: document.version, catalogVersion, skipped, findings };
    this.analyses.set(document.uri, analysis);
    return analysis;
  }

  /** `scan`, noting its document as being edited; drops the lexer's state of the least recently edited beyond a few. */
  private keepLexing(uri: string, scan: IdScan): IdScan {
    const at = this.lexing.indexOf(uri);
    if (at >= 0) this.lexing.splice(at, 1);
    this.lexing.push(uri);
    if (this.lexing.length > LEXED_DOCUMENTS) {
      const dropped = this.lexing.shift()!;
      const kept = this.scans.get(dropped);
      if (kept) this.scans.set(dropped, { languageId: kept.languageId, scan: { findings: kept.scan.findings } });
    }
    return scan;
  }

  /** The analysis of an open document, for request handlers; undefined when it is not open. */
  async analysisOf(uri: string): Promise<{ document: TextDocument; analysis: Analysis } | undefined> {
    const document = this.documents.get(uri);
    if (!document) return undefined;
    const settings = await this.settingsFor(uri);
    return { document, analysis: this.analyze(document, settings) };
  }

  forget(uri: string): void {
    this.analyses.delete(uri);
    this.scans.delete(uri);
    const lexing = this.lexing.indexOf(uri);
    if (lexing >= 0) this.lexing.splice(lexing, 1);
    this.settingsCache.delete(uri);
  }
}
