/**
 * The crash policy for a server in a web worker: a worker that dies at start-up is not a "close"
 * for the browser client (its start() would wait forever), so the worker's error event counts as a
 * crash, each restart gets a new worker, and after repeated failures the server stays stopped.
 * Runs a second LanguageServer on a worker script that throws at once; the extension's own server
 * is left alone. Only the web worker has Worker (a Node host runs the server as a process, see
 * crashRecovery.test.ts).
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { LanguageServer, ServerLauncher } from '../../../client/src/languageClient';
import { webServerLauncher } from '../../../client/src/webServer';
import { fixtureUri, IN_WEB_WORKER, waitFor } from './helpers';

const describeWorker = IN_WEB_WORKER ? describe : describe.skip;

describeWorker('web worker crash policy (web worker host only: a Node host has no Worker)', function () {
  this.timeout(120_000);

  it('a worker that throws at start-up is restarted with a new worker, then stopped after five failures', async () => {
    const script = fixtureUri('scratch/broken-server.js');
    await vscode.workspace.fs.writeFile(script, new TextEncoder().encode("throw new Error('broken at start-up');\n"));
    const real = webServerLauncher(script);
    let launches = 0;
    const counting: ServerLauncher = { ...real, launch: (...args) => (launches++, real.launch(...args)) };
    const server = new LanguageServer(counting);
    const states: string[] = [];
    server.onDidChangeState((state) => states.push(state));
    try {
      await server.start();
      await waitFor('the policy to give up', () => (launches >= 5 && server.state === 'stopped' ? true : undefined), 90_000);
      assert.strictEqual(launches, 5, 'one launch, then four restarts, each with a new worker');
      assert.strictEqual(server.state, 'stopped');
      assert.ok(states.includes('stopped'), `the state changes were reported: ${states.join(', ')}`);
    } finally {
      await server.dispose();
      await vscode.workspace.fs.delete(script, { useTrash: false });
    }
  });
});
