/**
 * Starts the bundled language server (dist/server.js) over IPC and keeps it
 * running: restarts it after a crash, and after repeated crashes stops and
 * tells the user once, with "Show Output" and "Restart".
 *
 * vscode-languageclient would otherwise show a notification of its own for
 * every failed start and restart (a server that dies at start-up meant ten
 * pop-ups); those go to the output channel here, and the user gets one message.
 */
import * as vscode from 'vscode';
import {
  CloseAction,
  CloseHandlerResult,
  ErrorAction,
  ErrorHandler,
  ErrorHandlerResult,
  LanguageClient,
  LanguageClientOptions,
  RevealOutputChannelOn,
  ServerOptions,
  State,
  TransportKind,
} from 'vscode-languageclient/node';
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
} from '../../server/src/protocol';
import { CrashPolicy } from './crashPolicy';

/** The client id: vscode-languageclient reads `<id>.trace.server` for tracing. */
export const CLIENT_ID = 'cloudtrailEvents';
/** Not localized: users and bug reports refer to the channel by this name. */
export const OUTPUT_CHANNEL_NAME = 'CloudTrail Events';

export type ServerState = 'starting' | 'running' | 'stopped';

export class LanguageServer implements vscode.Disposable {
  readonly output: vscode.OutputChannel;
  private client: LanguageClient | undefined;
  private clientListeners: vscode.Disposable[] = [];
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

  constructor(private readonly serverModule: string) {
    this.output = vscode.window.createOutputChannel(OUTPUT_CHANNEL_NAME);
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
   * Starts the server. A failure is already shown to the user by
   * vscode-languageclient (with "Go to output"); it is logged here too and the
   * server stays stopped until "Restart Language Server".
   */
  async start(): Promise<void> {
    this.client ??= this.createClient();
    try {
      await this.client.start();
    } catch (error) {
      this.log(`Starting the language server failed: ${describe(error)}`);
    }
  }

  /** Restarts the server by hand: forgets earlier crashes and starts a fresh process. */
  restart(): Promise<void> {
    this.restarting ??= this.doRestart().finally(() => (this.restarting = undefined));
    return this.restarting;
  }

  private async doRestart(): Promise<void> {
    this.crashes.reset();
    this.toldUser = false;
    const old = this.client;
    if (old && old.state === State.Running) {
      try {
        await old.restart();
        return;
      } catch (error) {
        this.log(`Restarting the language server failed, starting a new one: ${describe(error)}`);
      }
    }
    // A client whose start failed cannot start again, so a stopped server gets a new client.
    this.client = undefined;
    await this.disposeClient(old);
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
  checkList(file: string): Promise<ListCheck> {
    return this.running().sendRequest(CheckListRequest.type, { path: file });
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
    const client = this.client;
    this.client = undefined;
    await this.disposeClient(client);
    this.stateEmitter.dispose();
    this.catalogChangedEmitter.dispose();
    this.usagesChangedEmitter.dispose();
    this.output.dispose();
  }

  private running(): LanguageClient {
    // A starting client queues requests until it runs; a stopped one would reject with a vaguer message.
    if (!this.client || this.state === 'stopped') throw new ServerNotRunningError();
    return this.client;
  }

  private createClient(): LanguageClient {
    const run = { module: this.serverModule, transport: TransportKind.ipc };
    // Run from the debugger (.vscode/launch.json), the server waits for "Attach to Server" on 6011.
    const serverOptions: ServerOptions = { run, debug: { ...run, options: { execArgv: ['--nolazy', '--inspect=6011'] } } };
    const clientOptions: LanguageClientOptions = {
      // IDs appear in files of every language, saved or not.
      documentSelector: [{ scheme: 'file' }, { scheme: 'untitled' }],
      synchronize: { configurationSection: CLIENT_ID },
      outputChannel: this.output,
      revealOutputChannelOn: RevealOutputChannelOn.Never,
      // The server reads .cloudtrail-events.json only in a trusted workspace; the catalog settings it
      // receives hold user values only while untrusted (restrictedConfigurations in package.json).
      initializationOptions: { uiLanguage: vscode.env.language, trusted: vscode.workspace.isTrusted, restrictsCatalogSettings: true },
      errorHandler: this.errorHandler(),
      // The library would pop up the raw error (e.g. "Pending response rejected since connection got disposed").
      // Never retry on the same connection: when the process died, the close handler below restarts it
      // (and counts the crash once); retrying here would re-initialize a dead connection in a loop.
      initializationFailedHandler: (error) => {
        this.log(`The language server failed to initialize: ${describe(error)}`);
        return false;
      },
    };
    const client = new ReportingLanguageClient(CLIENT_ID, OUTPUT_CHANNEL_NAME, serverOptions, clientOptions);
    client.onForcedError = (message, data) => this.startFailed(message, data);
    this.clientListeners = [
      client.onDidChangeState(() => {
        if (this.client !== client) return;
        if (client.state === State.Running) this.toldUser = false;
        this.stateEmitter.fire(this.state);
      }),
      client.onNotification(CatalogChangedNotification.type, ({ version }) => this.catalogChangedEmitter.fire(version)),
      client.onNotification(UsagesChangedNotification.type, ({ version }) => this.usagesChangedEmitter.fire(version)),
    ];
    return client;
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

  private async disposeClient(client: LanguageClient | undefined): Promise<void> {
    for (const listener of this.clientListeners) listener.dispose();
    this.clientListeners = [];
    if (!client) return;
    try {
      await client.dispose();
    } catch (error) {
      // A client that never ran cannot be stopped cleanly; its process is killed either way.
      this.log(`Stopping the language server: ${describe(error)}`);
    }
  }

  private log(message: string): void {
    this.output.appendLine(`[client ${new Date().toLocaleTimeString()}] ${message}`);
  }
}

/** Routes the library's forced notifications (start and restart failures) to the LanguageServer. */
class ReportingLanguageClient extends LanguageClient {
  onForcedError: ((message: string, data: unknown) => void) | undefined;

  override error(message: string, data?: unknown, showNotification: boolean | 'force' = true): void {
    if (showNotification === 'force' && this.onForcedError) {
      super.error(message, data, false);
      this.onForcedError(message, data);
      return;
    }
    super.error(message, data, showNotification);
  }
}

/** Thrown by requests while the server is stopped; commands turn it into a message with a Restart action. */
export class ServerNotRunningError extends Error {
  constructor() {
    super('The CloudTrail Events language server is not running.');
    this.name = 'ServerNotRunningError';
  }
}

const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error));
