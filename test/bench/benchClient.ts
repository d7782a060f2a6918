/**
 * A minimal LSP client for the benchmark, over vscode-languageserver-protocol's
 * own connection. Unlike the protocol tests' client it never polls: every
 * publishDiagnostics is timestamped when it arrives and wakes its waiter, so a
 * latency is not rounded up to a polling interval.
 */
import { ChildProcess, spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import {
  CompletionList,
  CompletionRequest,
  ConfigurationRequest,
  Diagnostic,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  Hover,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  InitializeResult,
  InlayHintRefreshRequest,
  Position,
  ProtocolConnection,
  PublishDiagnosticsNotification,
  Range,
  RegistrationRequest,
  ShowMessageRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  createProtocolConnection,
} from 'vscode-languageserver-protocol/node';

export const ROOT = path.resolve(__dirname, '..', '..', '..');
export const SERVER_BUNDLE = path.join(ROOT, 'dist', 'server.js');
/** The same server from the tsc output, with timestamps at its message reader and writer (see timedServer.ts). */
export const TIMED_SERVER = path.join(__dirname, 'timedServer.js');

/** What the timed server reports for each publishDiagnostics it sends. */
export interface ServerTiming {
  /** The document (didOpen/didChange), or '' for a request. */
  uri: string;
  /** The request (completion, hover); undefined for diagnostics. */
  method?: string;
  version: number | null;
  /** The didOpen/didChange message parsed by the server's reader -> publishDiagnostics handed to the writer. */
  toWrite: number;
  /** ... -> publishDiagnostics serialised and written to stdout. */
  toWritten: number;
  /** CPU time the server process used in that interval (less than `toWritten` when it waited for a CPU). */
  cpu: number;
  /** Garbage-collection pauses within that interval (the observer may report a pause late: an underestimate). */
  gc: number;
}
export const SERVER_TIMING = 'cloudtrailBench/serverTiming';

export interface Arrival {
  at: number;
  version?: number;
  diagnostics: Diagnostic[];
}

type Waiter = { version: number | undefined; resolve: (arrival: Arrival) => void };

export class BenchClient {
  readonly connection: ProtocolConnection;
  readonly timings: ServerTiming[] = [];
  /** Count of publishDiagnostics per URI, to show coalescing. */
  readonly publishCount = new Map<string, number>();
  private readonly waiters = new Map<string, Waiter[]>();
  private readonly versions = new Map<string, number>();

  private constructor(
    readonly child: ChildProcess,
    private readonly settings: Record<string, unknown>,
    /** The client declares `completionList.itemDefaults` (VS Code does; Neovim, Emacs, Helix and Vim do not). */
    private readonly itemDefaults: boolean,
  ) {
    this.connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    this.connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
      const at = performance.now();
      this.publishCount.set(p.uri, (this.publishCount.get(p.uri) ?? 0) + 1);
      const waiting = this.waiters.get(p.uri);
      if (!waiting) return;
      const remaining = waiting.filter((w) => {
        if (w.version !== undefined && p.version !== w.version) return true;
        w.resolve({ at, version: p.version, diagnostics: p.diagnostics });
        return false;
      });
      this.waiters.set(p.uri, remaining);
    });
    this.connection.onNotification(SERVER_TIMING, (t: ServerTiming) => this.timings.push(t));
    this.connection.onRequest(ConfigurationRequest.type, (p) => p.items.map(() => this.settings));
    this.connection.onRequest(RegistrationRequest.type, () => undefined);
    this.connection.onRequest(InlayHintRefreshRequest.type, () => undefined);
    this.connection.onRequest(ShowMessageRequest.type, () => null);
    this.connection.listen();
  }

  /**
   * Spawns `node <script> --stdio`. `settings` answers every workspace/configuration request.
   * BENCH_NODE_ARGS adds node options to the server (e.g. `--cpu-prof` to profile it).
   */
  static spawn(script: string, settings: Record<string, unknown> = {}, options: { itemDefaults?: boolean } = {}): BenchClient {
    const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
    const child = spawn(process.execPath, [...nodeArgs, script, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    return new BenchClient(child, settings, options.itemDefaults ?? true);
  }

  initialize(): Promise<InitializeResult> {
    return this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
        textDocument: { publishDiagnostics: { versionSupport: true }, completion: { completionItem: { snippetSupport: false }, completionList: this.itemDefaults ? { itemDefaults: ['editRange'] } : undefined } },
      },
      workspaceFolders: null,
    });
  }

  initialized(): Promise<void> {
    return this.connection.sendNotification(InitializedNotification.type, {});
  }

  /** Resolves when diagnostics for `uri` (at `version`, when given) arrive. Register before sending. */
  diagnostics(uri: string, version?: number, timeoutMs = 60_000): Promise<Arrival> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} version ${version} within ${timeoutMs} ms`)), timeoutMs);
      const list = this.waiters.get(uri) ?? [];
      list.push({ version, resolve: (a) => (clearTimeout(timer), resolve(a)) });
      this.waiters.set(uri, list);
    });
  }

  /** Opens a document; resolves with the time from sending didOpen to its diagnostics. */
  async open(uri: string, languageId: string, text: string): Promise<{ ms: number; arrival: Arrival }> {
    this.versions.set(uri, 1);
    const arrived = this.diagnostics(uri, 1);
    const t0 = performance.now();
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
    const arrival = await arrived;
    return { ms: arrival.at - t0, arrival };
  }

  /**
   * The server timings that satisfy `match`, once `count` of them have arrived (the timed
   * server sends each a little after the answer it times). Polls; the times were taken server-side.
   */
  async timingsOf(match: (t: ServerTiming) => boolean, count: number, timeoutMs = 10_000): Promise<ServerTiming[]> {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const found = this.timings.filter(match);
      if (found.length >= count || performance.now() > deadline) return found;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  /** The version the next change of `uri` will carry. */
  nextVersion(uri: string): number {
    return (this.versions.get(uri) ?? 1) + 1;
  }

  /** Sends one incremental change and returns its version (without waiting for diagnostics). */
  async change(uri: string, range: Range, text: string): Promise<number> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ range, text }] });
    return version;
  }

  close(uri: string): Promise<void> {
    return this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  completion(uri: string, position: Position): Promise<CompletionList | null> {
    return this.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position }) as Promise<CompletionList | null>;
  }

  hover(uri: string, position: Position): Promise<Hover | null> {
    return this.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
  }

  /** The child's resident set size and its peak, in MB (Linux /proc). */
  memory(): { rssMB: number; peakMB: number } {
    const status = fs.readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rssMB: kb('VmRSS') / 1024, peakMB: kb('VmHWM') / 1024 };
  }

  async dispose(): Promise<void> {
    const exited = new Promise<void>((resolve) => (this.child.exitCode !== null ? resolve() : this.child.once('exit', () => resolve())));
    await this.connection.sendRequest(ShutdownRequest.type).catch(() => undefined);
    await this.connection.sendNotification(ExitNotification.type).catch(() => undefined);
    const timer = setTimeout(() => this.child.kill(), 2000);
    await exited;
    clearTimeout(timer);
    this.connection.dispose();
  }
}
