/**
 * The workspace index in a web worker: the same index (workspaceIndex.ts), with its files listed
 * and read by the client (`workspace.findFiles`, `workspace.fs`) instead of the disk. Files are
 * keyed by the paths of their URIs (`vscode-remote://host/ws/a.ts` -> `/ws/a.ts`), so the exclude
 * rules (settings, files.exclude, .gitignore) match them as they match paths on disk.
 */
import * as path from 'path';
import { InitializeParams } from 'vscode-languageserver';
import { languageIdForPath } from '../core/languages';
import { uriInFolder } from '../runtime/catalogFiles';
import type { ReadTextResult } from '../../../shared/fileRequests';
import { uriPath } from '../runtime/uriPath';
import type { WebRuntime } from '../runtime/webRuntime';
import { ServerContext } from '../serverContext';
import { Settings } from '../settings';
import { WebCatalogSources } from './webCatalogSources';
import { ALWAYS_SKIPPED, Folder, FolderRules, WorkspaceIndex, WorkspaceIndexOptions } from './workspaceIndex';

export class WebWorkspaceIndex extends WorkspaceIndex {
  declare readonly sources: WebCatalogSources;
  /** The extension's catalog/events.json, as the web client names it. */
  private builtinCatalogUri: string | undefined;

  constructor(
    context: ServerContext,
    private readonly runtime: WebRuntime,
    options?: WorkspaceIndexOptions,
  ) {
    super(context, options);
    this.sources = new WebCatalogSources(runtime);
    context.catalogState.onDidChange(() => void this.loadSources());
  }

  override initialize(params: InitializeParams): void {
    super.initialize(params);
    const options = params.initializationOptions as { builtinCatalogUri?: unknown } | undefined;
    this.builtinCatalogUri = typeof options?.builtinCatalogUri === 'string' ? options.builtinCatalogUri : undefined;
  }

  /** After `initialized`: the client answers file requests only from then on. */
  override start(): void {
    super.start();
    void this.loadSources();
  }

  /** Reads the rows of the built-in catalog and of the catalog's sources in the workspace (imported lists, .cloudtrail-events.json). */
  private async loadSources(): Promise<void> {
    const files: { file: string; uri: string }[] = [];
    if (this.builtinCatalogUri && this.sources.builtinPath) files.push({ file: this.sources.builtinPath, uri: this.builtinCatalogUri });
    for (const source of this.context.catalogState.sources) {
      const folder = source.startsWith('/') ? this.folderOf(source) : undefined;
      const uri = folder && uriInFolder(folder, source);
      if (uri) files.push({ file: source, uri });
    }
    await this.sources.load(files);
  }

  protected override pathOf(uri: string): string | undefined {
    return uriPath(uri);
  }

  protected override uriOf(file: string): string {
    const folder = this.folderOf(file);
    return (folder && uriInFolder(folder, file)) ?? file;
  }

  /** Not known without a listing: a `when` rule of files.exclude does not apply to open documents in the web. */
  protected override siblingExists(): boolean {
    return false;
  }

  protected override readFolderFile(file: string, maxBytes: number): Promise<ReadTextResult> {
    return this.runtime.readText(this.uriOf(file), maxBytes);
  }

  protected override kindOf(file: string): Promise<'file' | 'directory' | undefined> {
    return this.runtime.stat(this.uriOf(file));
  }

  protected override async readIndexedText(file: string, maxBytes: number): Promise<string | undefined> {
    const read = await this.runtime.readText(this.uriOf(file), maxBytes);
    if ('skipped' in read) return undefined;
    // NUL characters in the first 8 KB: binary, as the editor decides for open documents.
    if (read.text.slice(0, 8192).includes('\0') || !read.text.includes('event_id.')) return undefined;
    return read.text;
  }

  /** Lists the folder's files (or those below `root`) through the client, then applies the same exclusions as the walk on disk. */
  protected override async collect(folder: Folder, rules: FolderRules, out: { file: string; settings: Settings }[], generation: number, root = folder.path): Promise<boolean> {
    // files.exclude is applied by findFiles; what .gitignore and the settings leave out is dropped below, so ask for more.
    const uris = await this.runtime.findFiles(folder.uri, this.maxFiles * 2);
    if (generation !== this.generation) return false;
    const files = uris.map(uriPath).filter((file): file is string => file !== undefined).sort();
    const present = new Set(files);
    for (const file of files) {
      if (root !== folder.path && !file.startsWith(`${root}/`)) continue;
      const relative = this.relative(folder, file);
      if (relative.startsWith('..') || relative.split('/').some((part) => ALWAYS_SKIPPED.has(part))) continue;
      if (rules.exclude.isExcludedWithParents(relative, (name) => present.has(path.posix.join(path.posix.dirname(file), name)))) continue;
      if (rules.settings.exclude.languages.includes(languageIdForPath(file))) continue;
      if (out.length >= this.maxFiles) return true;
      out.push({ file, settings: rules.settings });
    }
    return false;
  }
}
