/**
 * A real LSP client for the protocol tests, over the protocol library's own
 * connection: in-band (the server runs in this process over streams, fast) or
 * over stdio against the built bundle dist/server.js (what editors run).
 */
import { ChildProcess, spawn } from 'child_process';
import * as path from 'path';
import { PassThrough } from 'stream';
import { pathToFileURL } from 'url';
import {
  CodeAction,
  CodeActionRequest,
  CompletionList,
  CompletionRequest,
  ConfigurationRequest,
  Diagnostic,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  Hover,
  HoverRequest,
  InitializeRequest,
  InitializedNotification,
  InlayHint,
  InlayHintRequest,
  Position,
  ProtocolConnection,
  PublishDiagnosticsNotification,
  Range,
  RegistrationRequest,
  ShowMessageNotification,
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  InlayHintRefreshRequest,
  ShutdownRequest,
  ExitNotification,
  ShowMessageRequest,
  LogMessageNotification,
  Registration,
  WorkDoneProgressCreateRequest,
  ProgressToken,
  WorkDoneProgressBegin,
  WorkDoneProgressReport,
  WorkDoneProgressEnd,
  ClientCapabilities,
  TextDocumentContentChangeEvent,
  ResponseError,
  ErrorCodes,
} from 'vscode-languageserver-protocol/node';
import { Connection, createConnection } from 'vscode-languageserver/node';
import { nodeRuntime } from '../../server/src/runtime/nodeRuntime';
import { startServer } from '../../server/src/startServer';

export const SERVER_BUNDLE = path.resolve(__dirname, '..', '..', '..', 'dist', 'server.js');

export interface Published {
  version?: number;
  diagnostics: Diagnostic[];
}

/** Splits `text` at the `|` cursor marker. */
export function cursor(marked: string): { text: string; offset: number } {
  const offset = marked.indexOf('|');
  if (offset < 0) throw new Error(`no | in ${marked}`);
  return { text: marked.slice(0, offset) + marked.slice(offset + 1), offset };
}

/** The Position of an offset in `text` (UTF-16 code units, as LSP counts them). */
export function positionAt(text: string, offset: number): Position {
  const before = text.slice(0, offset).split(/\r\n|\r|\n/);
  return { line: before.length - 1, character: before[before.length - 1].length };
}

/** Compact `[line, col, line, col]`, for readable assertions. */
export const compact = (r: Range) => [r.start.line, r.start.character, r.end.line, r.end.character];

export class TestClient {
  readonly published = new Map<string, Published>();
  readonly messages: string[] = [];
  private settings: Record<string, unknown> = {};
  /** Answers for other configuration sections (e.g. `files.exclude`), by section name. */
  sections: Record<string, unknown> = {};
  /** window/logMessage texts. */
  readonly logs: string[] = [];
  /** client/registerCapability registrations, in order. */
  readonly registrations: Registration[] = [];
  /** Tokens the server created with window/workDoneProgress/create. */
  readonly progressTokens: ProgressToken[] = [];
  /** $/progress values, in order. */
  readonly progress: { token: ProgressToken; value: WorkDoneProgressBegin | WorkDoneProgressReport | WorkDoneProgressEnd }[] = [];
  /** Answer client/registerCapability with an error, as a client that refuses dynamic registration may. */
  refuseRegistrations = false;
  private versions = new Map<string, number>();
  private child?: ChildProcess;

  private constructor(readonly connection: ProtocolConnection) {
    connection.onNotification(PublishDiagnosticsNotification.type, (p) => this.published.set(p.uri, { version: p.version, diagnostics: p.diagnostics }));
    connection.onNotification(ShowMessageNotification.type, (p) => this.messages.push(p.message));
    connection.onRequest(ShowMessageRequest.type, (p) => {
      this.messages.push(p.message);
      return null;
    });
    connection.onRequest(ConfigurationRequest.type, (p) =>
      p.items.map((item) => (item.section !== undefined && item.section in this.sections ? this.sections[item.section] : this.settings)),
    );
    connection.onRequest(RegistrationRequest.type, (p) => {
      this.registrations.push(...p.registrations);
      return this.refuseRegistrations ? new ResponseError(ErrorCodes.MethodNotFound, 'registration refused') : undefined;
    });
    connection.onNotification(LogMessageNotification.type, (p) => this.logs.push(p.message));
    connection.onRequest(WorkDoneProgressCreateRequest.type, (p) => {
      this.progressTokens.push(p.token);
      return null;
    });
    // Replaces the library's own $/progress dispatch: the test client keeps every value.
    connection.onNotification('$/progress', (p: TestClient['progress'][number]) => this.progress.push(p));
    connection.onRequest(InlayHintRefreshRequest.type, () => undefined);
    connection.listen();
  }

  /** The server in this process, over a pair of streams. */
  static inBand(): TestClient {
    return TestClient.inBandWith((connection) => startServer(connection, nodeRuntime));
  }

  /** Like inBand, with the server side built by `start` (e.g. one feature with test-sized limits). */
  static inBandWith(start: (connection: Connection) => unknown): TestClient {
    const up = new PassThrough();
    const down = new PassThrough();
    start(createConnection(new StreamMessageReader(up), new StreamMessageWriter(down)));
    return new TestClient(createProtocolConnection(new StreamMessageReader(down), new StreamMessageWriter(up)));
  }

  /** The built bundle as a child process over stdio, as Neovim or Helix would run it. */
  static stdio(bundle = SERVER_BUNDLE): TestClient {
    return TestClient.spawned(process.execPath, [bundle, '--stdio']);
  }

  /** A server command run as is (e.g. an installed npm bin), over stdio. */
  static spawned(command: string, args: string[]): TestClient {
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'inherit'] });
    const client = new TestClient(createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!)));
    client.child = child;
    return client;
  }

  /** `locale`: the client's display language, as LSP's InitializeParams.locale carries it (Neovim, Helix). */
  async initialize(settings: Record<string, unknown> = {}, initializationOptions: unknown = {}, completionItemDefaults: string[] = [], locale?: string) {
    this.settings = settings;
    const result = await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      locale,
      rootUri: null,
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, inlayHint: { refreshSupport: true } },
        textDocument: { publishDiagnostics: { versionSupport: true }, completion: { completionItem: { snippetSupport: false }, completionList: { itemDefaults: completionItemDefaults } } },
      },
      initializationOptions,
      workspaceFolders: null,
    });
    await this.connection.sendNotification(InitializedNotification.type, {});
    return result;
  }

  /** Initializes with exactly these capabilities, as another editor's client would declare them. */
  async initializeAs(capabilities: ClientCapabilities, initializationOptions: unknown = { uiLanguage: 'en' }) {
    const result = await this.connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities, initializationOptions, workspaceFolders: null });
    await this.connection.sendNotification(InitializedNotification.type, {});
    return result;
  }

  /**
   * Initializes with workspace folders (paths), as VS Code does for an opened
   * folder: work-done progress, dynamic file watching and folder changes supported.
   */
  async initializeWorkspace(folders: string[], settings: Record<string, unknown> = {}, sections: Record<string, unknown> = {}, initializationOptions: unknown = { uiLanguage: 'en' }) {
    this.settings = settings;
    this.sections = sections;
    const capabilities: ClientCapabilities = {
      window: { workDoneProgress: true },
      workspace: {
        configuration: true,
        workspaceFolders: true,
        didChangeConfiguration: { dynamicRegistration: true },
        didChangeWatchedFiles: { dynamicRegistration: true },
      },
      textDocument: { publishDiagnostics: { versionSupport: true } },
    };
    const workspaceFolders = folders.map((folder) => ({ uri: pathToFileURL(folder).href, name: path.basename(folder) }));
    const result = await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: workspaceFolders[0]?.uri ?? null,
      capabilities,
      initializationOptions,
      workspaceFolders,
    });
    await this.connection.sendNotification(InitializedNotification.type, {});
    return result;
  }

  async setSettings(settings: Record<string, unknown>) {
    this.settings = settings;
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { cloudtrailEvents: settings } });
  }

  async open(uri: string, languageId: string, text: string) {
    this.versions.set(uri, 1);
    this.published.delete(uri);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
  }

  /** One incremental change: replace `range` with `text`. */
  async change(uri: string, range: Range, text: string) {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: [{ range, text }],
    });
    return version;
  }

  /** One didChange message with several changes, applied in order (each range refers to the text after the previous change). */
  async changes(uri: string, contentChanges: TextDocumentContentChangeEvent[]) {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges });
    return version;
  }

  /** The server process of a stdio client (undefined in-band), to check that it is still alive. */
  get serverProcess(): ChildProcess | undefined {
    return this.child;
  }

  async close(uri: string) {
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  /** Waits until diagnostics for the document's latest version arrive (and satisfy `until`). */
  async diagnostics(uri: string, until: (d: Diagnostic[]) => boolean = () => true, timeoutMs = 5000): Promise<Diagnostic[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const p = this.published.get(uri);
      if (p && (p.version === undefined || p.version === this.versions.get(uri)) && until(p.diagnostics)) return p.diagnostics;
      if (Date.now() > deadline) throw new Error(`no diagnostics for ${uri} (last: ${JSON.stringify(p)})`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  completion(uri: string, position: Position) {
    return this.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position }) as Promise<CompletionList | null>;
  }

  hover(uri: string, position: Position) {
    return this.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position }) as Promise<Hover | null>;
  }

  codeActions(uri: string, range: Range, diagnostics: Diagnostic[]) {
    return this.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context: { diagnostics } }) as Promise<CodeAction[]>;
  }

  inlayHints(uri: string, range: Range) {
    return this.connection.sendRequest(InlayHintRequest.type, { textDocument: { uri }, range }) as Promise<InlayHint[] | null>;
  }

  async dispose() {
    if (this.child) {
      // A server stuck in a read or a regex never answers: give it a second, then kill it anyway.
      const patience = new Promise((resolve) => setTimeout(resolve, 1000).unref());
      await Promise.race([this.connection.sendRequest(ShutdownRequest.type).catch(() => undefined), patience]);
      await this.connection.sendNotification(ExitNotification.type).catch(() => undefined);
      this.child.kill('SIGKILL');
    }
    this.connection.dispose();
  }
}
