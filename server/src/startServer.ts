/**
 * Creates the server on a connection: declares capabilities and registers
 * every feature in one place. Nothing happens at import time, so tests can run
 * the server in-band over streams.
 */
import {
  CodeActionKind,
  Connection,
  DidChangeConfigurationNotification,
  InitializeParams,
  InitializeResult,
  TextDocumentSyncKind,
} from 'vscode-languageserver';
import { catalogInfo, eventAt } from './features/catalogRequests';
import { doCodeActions } from './features/codeActions';
import { doComplete, resolveCompletion, TRIGGER_CHARACTERS } from './features/completion';
import { DiagnosticsScheduler } from './features/diagnostics';
import { doHover } from './features/hover';
import { doInlayHints } from './features/inlayHints';
import { CatalogChangedNotification, CatalogRequest, EventAtRequest } from './protocol';
import { ServerContext } from './serverContext';

interface InitializationOptions {
  /** VS Code's display language (`vscode.env.language`). */
  uiLanguage?: string;
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

export function startServer(connection: Connection): ServerContext {
  const context = new ServerContext(connection);
  const { documents } = context;
  const diagnostics = new DiagnosticsScheduler(context);
  let supportsInlayRefresh = false;

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const options = (params.initializationOptions ?? {}) as InitializationOptions;
    context.locale = options.uiLanguage ?? params.locale;
    context.hasConfigurationCapability = !!params.capabilities.workspace?.configuration;
    supportsInlayRefresh = !!params.capabilities.workspace?.inlayHint?.refreshSupport;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        completionProvider: { triggerCharacters: TRIGGER_CHARACTERS, resolveProvider: true },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        inlayHintProvider: true,
      },
      serverInfo: { name: 'cloudtrail-events-language-server', version: '0.1.0' },
    };
  });

  connection.onInitialized(() => {
    if (context.hasConfigurationCapability) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'cloudtrailEvents' });
    }
  });

  connection.onDidChangeConfiguration((change) => {
    context.configurationChanged(change.settings);
    diagnostics.scheduleAll();
    if (supportsInlayRefresh) void connection.languages.inlayHint.refresh();
  });

  context.catalogState.onDidChange(() => {
    diagnostics.scheduleAll();
    void connection.sendNotification(CatalogChangedNotification.type, { version: context.catalogState.version });
  });

  documents.onDidChangeContent((change) => diagnostics.schedule(change.document.uri));
  documents.onDidClose((event) => {
    context.forget(event.document.uri);
    void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
  });

  connection.onCompletion(safely(context, 'Completion', null, (params) => doComplete(context, params)));
  connection.onCompletionResolve((item) => resolveCompletion(context, item));
  connection.onHover(safely(context, 'Hover', null, (params) => doHover(context, params)));
  connection.onCodeAction(safely(context, 'Code actions', [], (params) => doCodeActions(context, params)));
  connection.languages.inlayHint.on(safely(context, 'Inlay hints', [], (params) => doInlayHints(context, params)));
  connection.onRequest(CatalogRequest.type, () => catalogInfo(context));
  connection.onRequest(EventAtRequest.type, safely(context, 'Event at', null, (params) => eventAt(context, params)));

  documents.listen(connection);
  connection.listen();
  return context;
}
