/**
 * Creates the server on a connection: declares capabilities and registers
 * every feature in one place. Nothing happens at import time, so tests can run
 * the server in-band over streams.
 */
import {
  ClientCapabilities,
  CodeActionKind,
  Connection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  InitializeParams,
  InitializeResult,
  MarkupKind,
  TextDocumentSyncKind,
} from 'vscode-languageserver';
import { catalogInfo, eventAt } from './features/catalogRequests';
import { doCodeActions } from './features/codeActions';
import { doComplete, resolveCompletion, TRIGGER_CHARACTERS } from './features/completion';
import { doDefinition } from './features/definition';
import { DiagnosticsScheduler } from './features/diagnostics';
import { doDocumentHighlight } from './features/documentHighlight';
import { doHover } from './features/hover';
import { doInlayHints } from './features/inlayHints';
import { doReferences, usageLocations } from './features/references';
import { doWorkspaceSymbols } from './features/workspaceSymbols';
import { CatalogSync } from './catalogSync';
import { TextFormat } from './core/markdown';
import { USER_CATALOG_FILE } from './core/userCatalog';
import {
  CatalogChangedNotification,
  CatalogRequest,
  CheckListRequest,
  EventAtRequest,
  UsageLocationsRequest,
  UsagesRequest,
  WorkspaceTrustNotification,
} from '../../shared/protocol';
import { checkListWith } from './runtime/checkList';
import type { ServerRuntime } from './runtime/runtime';
import { uriPath } from './runtime/uriPath';
import { ServerContext, uriToPath } from './serverContext';

interface InitializationOptions {
  /** VS Code's display language (`vscode.env.language`). */
  uiLanguage?: string;
  /**
   * True when the workspace is trusted (VS Code's workspace trust; other editors set it themselves).
   * Absent means untrusted: `.cloudtrail-events.json` is not read, and `catalog.officialLists` and
   * `catalog.extraEvents` are not applied, since a repository can write them.
   */
  trusted?: boolean;
  /**
   * Set by a client that itself leaves an untrusted workspace's values of `catalog.officialLists` and
   * `catalog.extraEvents` out of the settings it sends (VS Code's `restrictedConfigurations`): the
   * user's own values then still apply while untrusted.
   */
  restrictsCatalogSettings?: boolean;
}

/** Guards a handler so that an unexpected error is logged and answered with `fallback`, never a crash. */
function safely<P extends unknown[], R>(context: ServerContext, name: string, fallback: R, handler: (...args: P) => R | Promise<R>) {
  return async (...args: P): Promise<R> => {
    try {
      return await handler(...args);
    } catch (error) {
      context.connection.console.error(`${name} failed: ${(error as Error).stack ?? error}`);
      return fallback;
    }
  };
}

/** Markdown unless the client lists formats without it (an empty or missing list means any: Markdown). */
function formatFor(formats: MarkupKind[] | undefined): TextFormat {
  return formats?.length && !formats.includes(MarkupKind.Markdown) ? 'plaintext' : 'markdown';
}

export function startServer(connection: Connection, runtime: ServerRuntime): ServerContext {
  // A folder's path: on disk in Node, the path of its URI in a web worker.
  const folderPath = (uri: string) => (runtime.kind === 'node' ? uriToPath(uri) : uriPath(uri));
  const context = new ServerContext(connection);
  const { documents } = context;
  const diagnostics = new DiagnosticsScheduler(context);
  const workspaceIndex = runtime.createWorkspaceIndex(context);
  const catalogSync = new CatalogSync(context, runtime);
  let supportsInlayRefresh = false;
  let supportsConfigurationRegistration = false;
  let supportsWatcherRegistration = false;
  let supportsFolderChanges = false;

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const options = (params.initializationOptions ?? {}) as InitializationOptions;
    context.locale = options.uiLanguage ?? params.locale;
    context.hasConfigurationCapability = !!params.capabilities.workspace?.configuration;
    const textDocument: ClientCapabilities['textDocument'] = params.capabilities.textDocument;
    context.completionEditRangeDefault = !!textDocument?.completion?.completionList?.itemDefaults?.includes('editRange');
    context.hoverFormat = formatFor(textDocument?.hover?.contentFormat);
    context.completionDocumentationFormat = formatFor(textDocument?.completion?.completionItem?.documentationFormat);
    context.setWorkspaceFolders((params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: '' }] : [])).map((folder) => folder.uri), folderPath);
    catalogSync.trusted = options.trusted === true;
    catalogSync.clientRestrictsSettings = options.restrictsCatalogSettings === true;
    // A client that does not offer dynamic registration gets none (Emacs 28's eglot warns about each one).
    supportsConfigurationRegistration = !!params.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration;
    supportsWatcherRegistration = !!params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    supportsInlayRefresh = !!params.capabilities.workspace?.inlayHint?.refreshSupport;
    supportsFolderChanges = !!params.capabilities.workspace?.workspaceFolders;
    workspaceIndex.initialize(params);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        completionProvider: { triggerCharacters: TRIGGER_CHARACTERS, resolveProvider: true },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        inlayHintProvider: true,
        referencesProvider: true,
        documentHighlightProvider: true,
        definitionProvider: true,
        workspaceSymbolProvider: true,
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'cloudtrail-events-language-server', version: '0.1.0' },
    };
  });

  /** A client may refuse a registration (an error response): the server then runs without it. */
  const refused = (what: string) => (error: unknown) => connection.console.warn(`The client refused ${what}: ${(error as Error).message ?? error}`);

  connection.onInitialized(() => {
    if (context.hasConfigurationCapability && supportsConfigurationRegistration) {
      // files.exclude too: the workspace index honours it.
      connection.client
        .register(DidChangeConfigurationNotification.type, { section: ['cloudtrailEvents', 'files.exclude'] })
        .catch(refused('configuration change notifications'));
    }
    if (supportsWatcherRegistration) {
      connection.client
        .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: `**/${USER_CATALOG_FILE}` }] })
        .catch(refused(`watching ${USER_CATALOG_FILE}`));
    }
    if (supportsFolderChanges) {
      // A folder added at run time counts like one given at start: its exclude rules, its .cloudtrail-events.json, its files.
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        const removed = new Set(event.removed.map((folder) => folder.uri));
        context.setWorkspaceFolders([...context.folderUris.filter((uri) => !removed.has(uri)), ...event.added.map((folder) => folder.uri)], folderPath);
        workspaceIndex.foldersChanged(event.added, event.removed);
        void catalogSync.reload();
        diagnostics.scheduleAll();
      });
    }
    void catalogSync.reload();
    workspaceIndex.start();
  });

  connection.onDidChangeConfiguration((change) => {
    context.configurationChanged(change.settings);
    diagnostics.scheduleAll();
    if (supportsInlayRefresh) connection.languages.inlayHint.refresh().catch(refused('an inlay hint refresh'));
    workspaceIndex.configurationChanged();
    void catalogSync.reload();
  });

  // One handler per connection: fan out to every feature that watches files.
  connection.onDidChangeWatchedFiles((params) => context.watchedFilesChanged(params));
  context.onWatchedFilesChanged((params) => workspaceIndex.filesChanged(params.changes));
  context.onWatchedFilesChanged((params) => {
    if (params.changes.some((change) => catalogSync.isCatalogFile(change.uri))) void catalogSync.reload();
  });
  connection.onNotification(WorkspaceTrustNotification.type, ({ trusted }) => {
    catalogSync.trusted = trusted;
    void catalogSync.reload();
  });
  connection.onRequest(CheckListRequest.type, (params) => checkListWith(runtime, params));

  context.catalogState.onDidChange(() => {
    diagnostics.scheduleAll();
    void connection.sendNotification(CatalogChangedNotification.type, { version: context.catalogState.version });
  });

  documents.onDidChangeContent((change) => diagnostics.schedule(change.document.uri));
  // Saving ends typing: the ID at the cursor is checked like the rest.
  documents.onDidSave((event) => {
    context.edits.forget(event.document.uri);
    diagnostics.schedule(event.document.uri);
  });
  documents.onDidClose((event) => {
    context.edits.forget(event.document.uri);
    context.forget(event.document.uri);
    void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
  });

  connection.onCompletion(safely(context, 'Completion', null, (params, token) => doComplete(context, params, token)));
  connection.onCompletionResolve((item) => resolveCompletion(context, item));
  connection.onHover(safely(context, 'Hover', null, (params, token) => doHover(context, params, token)));
  connection.onCodeAction(safely(context, 'Code actions', [], (params) => doCodeActions(context, params)));
  connection.languages.inlayHint.on(safely(context, 'Inlay hints', [], (params) => doInlayHints(context, params)));
  connection.onRequest(CatalogRequest.type, () => catalogInfo(context));
  connection.onRequest(EventAtRequest.type, safely(context, 'Event at', null, (params) => eventAt(context, params)));
  connection.onReferences(safely(context, 'References', null, (params) => doReferences(context, workspaceIndex, params)));
  connection.onDocumentHighlight(safely(context, 'Document highlights', null, (params) => doDocumentHighlight(context, params)));
  connection.onDefinition(safely(context, 'Definition', null, (params) => doDefinition(context, workspaceIndex, params)));
  connection.onWorkspaceSymbol(safely(context, 'Workspace symbols', [], (params) => doWorkspaceSymbols(context, workspaceIndex, params)));
  connection.onRequest(UsagesRequest.type, () => workspaceIndex.counts());
  connection.onRequest(UsageLocationsRequest.type, safely(context, 'Usage locations', [], (params) => usageLocations(workspaceIndex, params)));

  documents.listen(context.edits.observe(connection));
  connection.listen();
  return context;
}
