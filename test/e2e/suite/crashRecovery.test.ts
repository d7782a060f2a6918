/**
 * Killing the language server mid-session: the client restarts it and
 * diagnostics come back; after repeated crashes it stops (the user is told
 * once) until "Restart Language Server". Linux only: the server process is
 * found through /proc as the extension host's child running dist/server.js.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import type { CloudTrailEventsApi } from '../../../client/src/api';
import { activateExtension, IN_WEB_WORKER, openScratch, SOURCE, waitFor } from './helpers';

/** PIDs of this extension host's children that run the bundled server. */
function serverPids(): number[] {
  const pids: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const cmdline = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (ppid === process.pid && cmdline.includes('dist/server.js')) pids.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return pids;
}

let probe: vscode.TextDocument | undefined;

/** True once a server answers a hover: initialized and serving, not merely spawned. */
async function answers(): Promise<boolean> {
  probe ??= await openScratch('crash-probe.yaml', 'on: event_id.iaas.instance.create\n');
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', probe.uri, new vscode.Position(0, 10));
  return hovers.some((hover) => hover.contents.some((c) => (typeof c === 'string' ? c : c.value).includes('인스턴스 생성')));
}

const typoCount = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE).length;

// The web worker has no process to kill: there, webWorkerCrash.test.ts makes the worker fail instead.
const describeProcess = IN_WEB_WORKER ? describe.skip : describe;

describeProcess('crash recovery (Node extension host only: kills the server process, which a web worker does not have)', function () {
  this.timeout(120_000);
  let api: CloudTrailEventsApi;

  before(async function () {
    if (process.platform !== 'linux') this.skip();
    api = (await activateExtension()).exports as CloudTrailEventsApi;
    await waitFor('a running server', async () => ((await answers()) && serverPids().length === 1 ? true : undefined));
  });

  it('a killed server is restarted and diagnostics return', async () => {
    const [first] = serverPids();
    assert.ok(first, 'a server process');
    process.kill(first, 'SIGKILL');
    const second = await waitFor('a new server process', () => serverPids().find((pid) => pid !== first));
    assert.notStrictEqual(second, first);
    const document = await openScratch('after-crash.yaml', 'on: event_id.iaas.instnace.create\n');
    await vscode.window.showTextDocument(document);
    await waitFor('diagnostics from the restarted server', () => (typoCount(document.uri) === 1 ? true : undefined));
  });

  it('after repeated crashes it stops, and Restart Language Server brings it back', async () => {
    // A manual restart forgets earlier crashes: the next five within three minutes stop the server.
    await vscode.commands.executeCommand('cloudtrailEvents.restartServer');
    for (let crash = 1; crash <= 5; crash++) {
      const pid = await waitFor(`a running server before crash ${crash}`, async () => ((await answers()) ? serverPids()[0] : undefined));
      process.kill(pid, 'SIGKILL');
      await waitFor('the process to go', () => (serverPids().includes(pid) ? undefined : true));
    }
    await waitFor('the client to give up', async () => ((await api.whenCatalogSettled()) === 'stopped' && serverPids().length === 0 ? true : undefined));
    const state = await vscode.commands.executeCommand<string>('cloudtrailEvents.restartServer');
    assert.strictEqual(state, 'running');
    const document = await openScratch('after-restart.yaml', 'on: event_id.iaas.volume.atach\n');
    await vscode.window.showTextDocument(document);
    await waitFor('diagnostics after the manual restart', () => (typoCount(document.uri) === 1 ? true : undefined));
  });
});
