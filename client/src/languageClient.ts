/**
 * Starts the language server and keeps it running: restarts it after a crash, and after repeated
 * crashes stops and tells the user once, with "Show Output" and "Restart". Where the server runs
 * is the launcher's business: a Node process over IPC (nodeServer.ts) or a web worker
 * (webServer.ts); everything else is shared.
 *
 * vscode-languageclient would otherwise show a notification of its own for
 * every failed start and restart (a server that dies at start-up meant ten
 * pop-ups); those go to the output channel here, and the user gets one message.
 */
import * as vscode from 'vscode';
import {
  BaseLanguageClient,
  CloseAction,
  CloseHandlerResult,
  DocumentSelector,
  ErrorAction,
  ErrorHandler,
  ErrorHandlerResult,
  LanguageClientOptions,
  RevealOutputChannelOn,
  State,
} from 'vscode-languageclient';
import {
  CatalogChangedNotification,
  CatalogInfo,
  CatalogRequest,
  CheckListRequest,
  EventAtRequest,
  ListCheck,
  UsageCounts,
  UsageLocationsRequest,
  UsagesChangedNotification,
  UsagesRequest,
  WorkspaceTrustNotification,
} from '../../shared/protocol';
import { FindFilesRequest, ReadTextRequest, StatRequest } from '../../shared/fileRequests';
import { CrashPolicy } from './crashPolicy';
import { findFiles, readText, statKind } from './fileAccess';

/** The client id: vscode-languageclient reads `<id>.trace.server` for tracing. */
export const CLIENT_ID = 'cloudtrailEvents';
/** Not localized: users and bug reports refer to the channel by this name. */
export const OUTPUT_CHANNEL_NAME = 'CloudTrail Events';

export type ServerState = 'starting' | 'running' | 'stopped';

/** How long stopping a client may take before it is left behind (its process is killed, its worker terminated, either way). */
const DISPOSE_TIMEOUT_MS = 5_000;

/**
 * IDs appear in files of every language, saved or not, wherever the files live: on disk (`file`),
 * in code-server's web worker (`vscode-remote`), on github.dev (`vscode-vfs`), in @vscode/test-web
 * (`vscode-test-web`).
 */
export const DOCUMENT_SELECTOR: DocumentSelector = ['file', 'untitled', 'vscode-remote', 'vscode-vfs', 'vscode-test-web'].map((scheme) => ({ scheme }));

/** A server that was launched, and its client. */
export interface LaunchedServer {
  readonly client: BaseLanguageClient;
  /**
   * Settles, with the reason, when the server failed in a way the client library does not notice
   * (a web worker's uncaught error: the library sees no "close" and would wait forever).
   */
  readonly failed?: Promise<string>;
  /** Frees what disposing the client does not (the web worker). */
  dispose?(): void;
}

/** Launches a fresh server (a process, a worker) with its client; one per start and restart. */
export interface ServerLauncher {
  launch(id: string, name: string, options: LanguageClientOptions): Promise<LaunchedServer>;
  /** A start that takes longer counts as a failed start (a worker that dies at start-up never answers). */
  readonly startTimeoutMs?: number;
  /** What this kind of server needs to know besides the shared options (the web server: where the built-in catalog is). */
  readonly initializationOptions?: Record<string, unknown>;
}

export class LanguageServer implements vscode.Disposable {
  readonly output: vscode.OutputChannel;
  private server: LaunchedServer | undefined;
  private launching: Promise<LaunchedServer> | undefined;
  private serverListeners: vscode.Disposable[] = [];
  private readonly crashes = new CrashPolicy();
  private restarting: Promise<void> | undefined;
  /** Set once the user was told the server is down; cleared when it runs again or is restarted by hand. */
  private toldUser = false;
  private readonly stateEmitter = new vscode.EventEmitter<ServerState>();
  private readonly catalogChangedEmitter = new vscode.EventEmitter<number>();
  private readonly usagesChangedEmitter = new vscode.EventEmitter<number>();

  /** Fires when the server starts, runs or stops (including after a crash or a restart). */
  readonly onDidChangeState = this.stateEmitter.event;
  /** Fires when the server says its catalog changed (new settings, edited official lists). */
  readonly onDidChangeCatalog = this.catalogChangedEmitter.event;
  /** Fires when the server says the workspace's usage counts may have changed (indexing, edits, files on disk). */
  readonly onDidChangeUsages = this.usagesChangedEmitter.event;

  constructor(private readonly launcher: ServerLauncher) {
    this.output = vscode.window.createOutputChannel(OUTPUT_CHANNEL_NAME);
  }

  private get client(): BaseLanguageClient | undefined {
    return this.server?.client;
  }

  get state(): ServerState {
    switch (this.client?.state) {
      case State.Running:
        return 'running';
      case State.Starting:
        return 'starting';
      default:
        return 'stopped';
    }
  }

  /**
   * Starts the server. A failure is logged (and told to the user once) and the
   * server stays stopped until "Restart Language Server"; a start that never
   * ends (a worker that died at start-up) counts as a crash after the launcher's timeout.
   */
  async start(): Promise<void> {
    let server: LaunchedServer;
    try {
      server = await this.launched();
    } catch (error) {
      this.log(`Launching the language server failed: ${describe(error)}`);
      void this.tellUser(vscode.l10n.t('The CloudTrail Events language server could not start: {0}', describe(error)));
      return;
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = this.launcher.startTimeoutMs;
    const timedOut = new Promise<'timeout'>((resolve) => {
      if (timeout !== undefined) timer = setTimeout(() => resolve('timeout'), timeout);
    });
    // A server that failed (handled by serverFailed) never ends its start: stop waiting for it.
    const failed = server.failed?.then(() => 'failed' as const) ?? new Promise<never>(() => undefined);
    try {
      const outcome = await Promise.race([server.client.start(), timedOut, failed]);
      if (outcome === 'timeout') await this.serverFailed(server, `it did not start within ${timeout! / 1000} s`);
    } catch (error) {
      this.log(`Starting the language server failed: ${describe(error)}`);
    } finally {
      clearTimeout(timer);
    }
  }

  /** The current server, launching one when there is none (concurrent callers share the launch). */
  private launched(): Promise<LaunchedServer> {
    if (this.server) return Promise.resolve(this.server);
    this.launching ??= this.launch().finally(() => (this.launching = undefined));
    return this.launching;
  }

  /** Restarts the server by hand: forgets earlier crashes and starts a fresh one. */
  restart(): Promise<void> {
    this.restarting ??= this.doRestart().finally(() => (this.restarting = undefined));
    return this.restarting;
  }

  private async doRestart(): Promise<void> {
    this.crashes.reset();
    this.toldUser = false;
    // A client whose start failed cannot start again, and a worker cannot be restarted: always a new server.
    const old = this.server;
    this.server = undefined;
    await this.disposeServer(old);
    await this.start();
  }

  /** The catalog the server validates against. */
  catalog(): Promise<CatalogInfo> {
    return this.running().sendRequest(CatalogRequest.type, undefined);
  }

  /** The event ID at a position, or null when there is none. */
  eventAt(document: vscode.TextDocument, position: vscode.Position): Promise<{ id: string } | null> {
    const client = this.running();
    return client.sendRequest(EventAtRequest.type, client.code2ProtocolConverter.asTextDocumentPositionParams(document, position));
  }

  /** Checks an official event list with the server's parser, without importing it. */
  checkList(file: vscode.Uri): Promise<ListCheck> {
    // The path for Node and for messages; the URI for a server in a web worker, which reads through workspace.fs.
    return this.running().sendRequest(CheckListRequest.type, { path: file.scheme === 'file' ? file.fsPath : file.path, uri: file.toString() });
  }

  /** Tells the server the workspace is now trusted, so it may read the workspace's catalog files. */
  workspaceTrusted(): void {
    if (this.state !== 'stopped') void this.client?.sendNotification(WorkspaceTrustNotification.type, { trusted: true });
  }

  /** How often each event is used in the workspace, and how far the server's index is. */
  usages(): Promise<UsageCounts> {
    return this.running().sendRequest(UsagesRequest.type);
  }

  /** Every usage of an event ID in the workspace, in file order. */
  async usageLocations(id: string): Promise<vscode.Location[]> {
    const client = this.running();
    const locations = await client.sendRequest(UsageLocationsRequest.type, { id });
    return locations.map((location) => client.protocol2CodeConverter.asLocation(location));
  }

  showOutput(): void {
    this.output.show(true);
  }

  async dispose(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    await this.disposeServer(server);
    this.stateEmitter.dispose();
    this.catalogChangedEmitter.dispose();
    this.usagesChangedEmitter.dispose();
    this.output.dispose();
  }

  private running(): BaseLanguageClient {
    // A starting client queues requests until it runs; a stopped one would reject with a vaguer message.
    const client = this.client;
    if (!client || this.state === 'stopped') throw new ServerNotRunningError();
    return client;
  }

  private async launch(): Promise<LaunchedServer> {
    const clientOptions: LanguageClientOptions = {
      documentSelector: DOCUMENT_SELECTOR,
      synchronize: { configurationSection: CLIENT_ID },
      outputChannel: this.output,
      revealOutputChannelOn: RevealOutputChannelOn.Never,
      // The server reads .cloudtrail-events.json only in a trusted workspace; the catalog settings it
      // receives hold user values only while untrusted (restrictedConfigurations in package.json).
      initializationOptions: { uiLanguage: vscode.env.language, trusted: vscode.workspace.isTrusted, restrictsCatalogSettings: true, ...this.launcher.initializationOptions },
      errorHandler: this.errorHandler(),
      // The library would pop up the raw error (e.g. "Pending response rejected since connection got disposed").
      // Never retry on the same connection: when the process died, the close handler below restarts it
      // (and counts the crash once); retrying here would re-initialize a dead connection in a loop.
      initializationFailedHandler: (error) => {
        this.log(`The language server failed to initialize: ${describe(error)}`);
        return false;
      },
    };
    const server = await this.launcher.launch(CLIENT_ID, OUTPUT_CHANNEL_NAME, clientOptions);
    const { client } = server;
    reportForcedErrors(client, (message, data) => this.startFailed(message, data));
    this.serverListeners = [
      client.onDidChangeState(() => {
        if (this.client !== client) return;
        if (client.state === State.Running) this.toldUser = false;
        this.stateEmitter.fire(this.state);
      }),
      client.onNotification(CatalogChangedNotification.type, ({ version }) => this.catalogChangedEmitter.fire(version)),
      client.onNotification(UsagesChangedNotification.type, ({ version }) => this.usagesChangedEmitter.fire(version)),
      // A server without a file system (the web worker) reads files through the client.
      client.onRequest(ReadTextRequest.type, ({ uri, maxBytes }) => readText(uri, maxBytes)),
      client.onRequest(FindFilesRequest.type, ({ folderUri, maxFiles }) => findFiles(folderUri, maxFiles)),
      client.onRequest(StatRequest.type, ({ uri }) => statKind(uri)),
    ];
    void server.failed?.then((reason) => this.serverFailed(server, reason));
    this.server = server;
    return server;
  }

  /**
   * A server failed where the client library does not see it (a web worker) or never started:
   * the crash policy decides between a fresh server and giving up (with one message).
   */
  private async serverFailed(server: LaunchedServer, reason: string): Promise<void> {
    if (this.server !== server) return;
    this.log(`The language server failed: ${reason}`);
    const decision = this.crashes.recordCrash(Date.now());
    this.server = undefined;
    // Not waited for: a client whose server died while starting waits for a start that never ends before it stops.
    void this.disposeServer(server);
    this.stateEmitter.fire(this.state);
    if (decision === 'restart') {
      this.log('Starting a new language server.');
      await this.start();
    } else {
      this.log(`The language server crashed ${this.crashes.maxCrashes} times within 3 minutes and was not restarted.`);
      void this.tellServerGaveUp();
    }
  }

  private errorHandler(): ErrorHandler {
    return {
      // Same as the library's default: tolerate a few broken messages, then shut the connection down.
      error: (error, _message, count): ErrorHandlerResult => {
        this.log(`Connection error ${count ?? ''}: ${describe(error)}`);
        return { action: count !== undefined && count <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown, handled: true };
      },
      closed: (): CloseHandlerResult => {
        if (this.crashes.recordCrash(Date.now()) === 'restart') {
          return { action: CloseAction.Restart, message: 'The language server stopped unexpectedly; restarting it.', handled: true };
        }
        void this.tellServerGaveUp();
        return {
          action: CloseAction.DoNotRestart,
          message: `The language server crashed ${this.crashes.maxCrashes} times within 3 minutes and was not restarted.`,
          handled: true,
        };
      },
    };
  }

  private tellServerGaveUp(): Promise<void> {
    return this.tellUser(
      vscode.l10n.t(
        'The CloudTrail Events language server crashed {0} times in 3 minutes, so it was stopped. Event ID completion, hover and checks are off until it is restarted.',
        this.crashes.maxCrashes,
      ),
    );
  }

  /**
   * A start or restart failed (the library's "force" notifications). After a
   * crash the crash policy decides what the user hears; otherwise they are told once.
   */
  private startFailed(message: string, data: unknown): void {
    if (this.crashes.crashedWithin(Date.now(), 10_000)) return;
    void this.tellUser(vscode.l10n.t('The CloudTrail Events language server could not start: {0}', data === undefined ? message : describe(data)));
  }

  private async tellUser(message: string): Promise<void> {
    if (this.toldUser) return;
    this.toldUser = true;
    const showOutput = vscode.l10n.t('Show Output');
    const restart = vscode.l10n.t('Restart');
    const choice = await vscode.window.showErrorMessage(message, showOutput, restart);
    if (choice === showOutput) this.showOutput();
    else if (choice === restart) await this.restart();
  }

  private async disposeServer(server: LaunchedServer | undefined): Promise<void> {
    for (const listener of this.serverListeners) listener.dispose();
    this.serverListeners = [];
    if (!server) return;
    // The worker first: a client still starting waits for its start before it stops, which a dead worker never ends.
    server.dispose?.();
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      await Promise.race([server.client.dispose(), new Promise((resolve) => (timer = setTimeout(resolve, DISPOSE_TIMEOUT_MS)))]);
    } catch (error) {
      // A client that never ran cannot be stopped cleanly; its process is killed (its worker terminated) either way.
      this.log(`Stopping the language server: ${describe(error)}`);
    } finally {
      clearTimeout(timer);
    }
  }

  private log(message: string): void {
    this.output.appendLine(`[client ${new Date().toLocaleTimeString()}] ${message}`);
  }
}

/** Routes the library's forced notifications (start and restart failures) to `onForced` instead of a pop-up. */
function reportForcedErrors(client: BaseLanguageClient, onForced: (message: string, data: unknown) => void): void {
  const error = client.error.bind(client);
  client.error = (message: string, data?: unknown, showNotification: boolean | 'force' = true): void => {
    if (showNotification !== 'force') return error(message, data, showNotification);
    error(message, data, false);
    onForced(message, data);
  };
}

/** Thrown by requests while the server is stopped; commands turn it into a message with a Restart action. */
export class ServerNotRunningError extends Error {
  constructor() {
    super('The CloudTrail Events language server is not running.');
    this.name = 'ServerNotRunningError';
  }
}

const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error));
