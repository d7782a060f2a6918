/**
 * Entry point of the language server in a web worker (vscode.dev, github.dev, code-server's web
 * extension host): the same server as server.ts, over the worker's messages, with the web runtime
 * (files read by the client). Bundled as an IIFE: VS Code may start it with `importScripts`.
 */
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { webRuntime } from './runtime/webRuntime';
import { startServer } from './startServer';

// The worker's global scope (the DOM and WebWorker libraries are not in the shared tsconfig).
declare const self: ConstructorParameters<typeof BrowserMessageReader>[0];

const connection = createConnection(new BrowserMessageReader(self), new BrowserMessageWriter(self));
startServer(connection, webRuntime(connection));
