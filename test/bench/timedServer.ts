#!/usr/bin/env node
/**
 * The language server exactly as server.ts starts it, but over a message reader
 * and writer that note when each didOpen/didChange has been parsed and when the
 * publishDiagnostics for that version is handed to the writer and written.
 * The differences are sent to the client as `cloudtrailBench/serverTiming`
 * notifications. This is the server-side time of the issue ("from receiving
 * didOpen to sending publishDiagnostics"), measured without touching the server.
 */
import { PerformanceObserver } from 'perf_hooks';
import * as v8 from 'v8';
import { Message, NotificationMessage, RequestMessage, ResponseMessage, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from '../../server/src/startServer';
import type { ServerTiming } from './benchClient';

const SERVER_TIMING = 'cloudtrailBench/serverTiming';
const SERVER_MEMORY = 'cloudtrailBench/memory';

interface VersionedParams {
  textDocument?: { uri: string; version?: number };
  uri?: string;
  version?: number;
}

const reader = new StreamMessageReader(process.stdin);
const writer = new StreamMessageWriter(process.stdout);
/** When each didOpen/didChange was parsed, and the process's CPU time then. */
const received = new Map<string, { start: number; cpu: number }>();
/** Requests being handled: id -> method, when it was parsed, CPU time then. */
const requests = new Map<number | string, { method: string; start: number; cpu: number }>();
/** CPU time of this process (all threads, user + system), ms: unlike the clock, it does not count time spent descheduled. */
const cpuNow = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
const key = (uri: string, version: number | null | undefined) => `${uri}#${version ?? ''}`;

// Garbage-collection pauses, to tell a slow validation from a collector pause within it.
const pauses: Array<{ start: number; end: number }> = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) pauses.push({ start: entry.startTime, end: entry.startTime + entry.duration });
  if (pauses.length > 1000) pauses.splice(0, pauses.length - 1000);
}).observe({ entryTypes: ['gc'] });
const gcWithin = (start: number, end: number) =>
  pauses.reduce((sum, p) => sum + Math.max(0, Math.min(end, p.end) - Math.max(start, p.start)), 0);

/** Sends a timing once the collector's entries for its interval have been delivered (they come in a later task). */
function report(timing: Omit<ServerTiming, 'gc'>, start: number, end: number): void {
  // Entries for the interval arrive later; the times were taken when it ended.
  setTimeout(() => void write({ jsonrpc: '2.0', method: SERVER_TIMING, params: { ...timing, gc: gcWithin(start, end) } } as NotificationMessage), 20);
}

const listen = reader.listen.bind(reader);
reader.listen = (callback) =>
  listen((message: Message) => {
    const method = (message as NotificationMessage).method;
    if (method === 'textDocument/didOpen' || method === 'textDocument/didChange') {
      const document = ((message as NotificationMessage).params as VersionedParams).textDocument!;
      received.set(key(document.uri, document.version), { start: performance.now(), cpu: cpuNow() });
    } else if (method === 'textDocument/completion' || method === 'textDocument/hover') {
      requests.set((message as RequestMessage).id!, { method, start: performance.now(), cpu: cpuNow() });
    }
    callback(message);
  });

const write = writer.write.bind(writer);
writer.write = (message: Message) => {
  const toWriteAt = performance.now();
  const written = write(message);
  const request = (message as ResponseMessage).id !== undefined ? requests.get((message as ResponseMessage).id!) : undefined;
  if (request && !(message as NotificationMessage).method) {
    requests.delete((message as ResponseMessage).id!);
    void written.then(() => {
      const end = performance.now();
      report({ uri: '', version: null, method: request.method, toWrite: toWriteAt - request.start, toWritten: end - request.start, cpu: cpuNow() - request.cpu }, request.start, end);
    });
  }
  if ((message as NotificationMessage).method === 'textDocument/publishDiagnostics') {
    const { uri, version } = (message as NotificationMessage).params as VersionedParams;
    const started = received.get(key(uri!, version));
    if (started !== undefined) {
      received.delete(key(uri!, version));
      const { start, cpu } = started;
      void written.then(() => {
        const end = performance.now();
        report({ uri: uri!, version: version ?? null, toWrite: toWriteAt - start, toWritten: end - start, cpu: cpuNow() - cpu }, start, end);
      });
    }
  }
  return written;
};

const connection = createConnection(ProposedFeatures.all, reader, writer);
// Where the memory goes, for the memory figure: heap spaces and what lies outside the heap.
connection.onRequest(SERVER_MEMORY, () => ({ usage: process.memoryUsage(), spaces: v8.getHeapSpaceStatistics() }));
startServer(connection);
