import * as assert from 'assert';
import * as vscode from 'vscode';
import type { CloudTrailEventsApi } from '../../../client/src/api';
import { activateExtension, deleteScratch, labelOf, openScratch, parseMarkers, waitFor } from './helpers';

const COMMANDS = [
  'cloudtrailEvents.insertEventId',
  'cloudtrailEvents.insertEvent',
  'cloudtrailEvents.copyEventId',
  'cloudtrailEvents.revealInCatalog',
  'cloudtrailEvents.restartServer',
  'cloudtrailEvents.showOutput',
];

async function editorWith(name: string, marked: string): Promise<vscode.TextEditor> {
  const { text, cursor } = parseMarkers(marked);
  const document = await openScratch(name, text);
  const editor = await vscode.window.showTextDocument(document);
  const position = document.positionAt(cursor);
  editor.selection = new vscode.Selection(position, position);
  return editor;
}

/** The first event node of the tree, as the view's inline action receives it. */
async function firstEventNode(api: CloudTrailEventsApi): Promise<{ node: unknown; id: string }> {
  const tree = api.catalogTree as vscode.TreeDataProvider<unknown>;
  const [service] = (await tree.getChildren()) ?? [];
  const [resource] = (await tree.getChildren(service)) ?? [];
  const [node] = (await tree.getChildren(resource)) ?? [];
  assert.ok(node, 'the tree has an event');
  return { node, id: String((await tree.getTreeItem(node)).description) };
}

describe('commands', () => {
  let api: CloudTrailEventsApi;

  before(async () => {
    api = (await activateExtension()).exports as CloudTrailEventsApi;
    assert.strictEqual(await api.whenCatalogSettled(), 'ready');
  });
  after(deleteScratch);

  it('are all registered', async () => {
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.deepStrictEqual(COMMANDS.filter(command => !registered.has(command)), []);
  });

  it('Insert (tree action) with an ID inserts it at the cursor, inside the string', async () => {
    const editor = await editorWith('insert.ts', 'const id = "|";\n');
    const inserted = await vscode.commands.executeCommand('cloudtrailEvents.insertEvent', 'event_id.iaas.instance.create');
    assert.strictEqual(inserted, 'event_id.iaas.instance.create');
    assert.strictEqual(editor.document.getText(), 'const id = "event_id.iaas.instance.create";\n');
  });

  it('Insert (tree action) with a tree node inserts that node\'s ID', async () => {
    const { node, id } = await firstEventNode(api);
    const editor = await editorWith('insert-node.yaml', 'events:\n  - |\n');
    assert.strictEqual(await vscode.commands.executeCommand('cloudtrailEvents.insertEvent', node), id);
    assert.strictEqual(editor.document.getText(), `events:\n  - ${id}\n`);
  });

  it('Insert Event ID… with an argument inserts at every cursor, replacing selections', async () => {
    const editor = await editorWith('insert-multi.py', 'A = "|"\nB = "XXX"\n');
    const second = editor.document.getText().indexOf('XXX');
    editor.selections = [
      editor.selection,
      new vscode.Selection(editor.document.positionAt(second), editor.document.positionAt(second + 3)),
    ];
    await vscode.commands.executeCommand('cloudtrailEvents.insertEventId', 'event_id.iam.login');
    assert.strictEqual(editor.document.getText(), 'A = "event_id.iam.login"\nB = "event_id.iam.login"\n');
  });

  it('Copy Event ID puts the ID on the clipboard (from an argument and from a tree node)', async () => {
    await vscode.env.clipboard.writeText('before');
    assert.strictEqual(await vscode.commands.executeCommand('cloudtrailEvents.copyEventId', 'event_id.org.domain.add'), 'event_id.org.domain.add');
    assert.strictEqual(await vscode.env.clipboard.readText(), 'event_id.org.domain.add');
    const { node, id } = await firstEventNode(api);
    await vscode.commands.executeCommand('cloudtrailEvents.copyEventId', node);
    assert.strictEqual(await vscode.env.clipboard.readText(), id);
  });

  it('Reveal in Catalog finds the ID under the cursor', async () => {
    await editorWith('reveal.ts', 'const id = "event_id.iaas.instance_ac|tion.reboot";\n');
    const revealed = await waitFor('the server to answer eventAt', () =>
      vscode.commands.executeCommand<string | undefined>('cloudtrailEvents.revealInCatalog'));
    assert.strictEqual(revealed, 'event_id.iaas.instance_action.reboot');
  });

  it('Show Output runs', async () => {
    await vscode.commands.executeCommand('cloudtrailEvents.showOutput');
  });

  it('Restart Language Server brings back a working server', async () => {
    assert.strictEqual(await vscode.commands.executeCommand('cloudtrailEvents.restartServer'), 'running');
    const marked = parseMarkers('const id = "event_id.iaas.inst|";\n');
    const document = await openScratch('after-restart.ts', marked.text);
    await waitFor('completion after the restart', async () => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>(
        'vscode.executeCompletionItemProvider', document.uri, document.positionAt(marked.cursor));
      return list.items.some(item => labelOf(item) === 'event_id.iaas.instance.create') ? true : undefined;
    });
  });
});
