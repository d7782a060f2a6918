import * as assert from 'assert';
import * as vscode from 'vscode';
import type { CloudTrailEventsApi } from '../../../client/src/api';
import { activateExtension, bundledCatalog, compact, fixtureUri, openFixture, waitFor, workspaceRoot } from './helpers';

/** Used only in navigation/ (see test/fixtures/workspace/README.md): 4 usages in 3 files. */
const ID = 'event_id.backup.restoration.apply';
const DESCRIPTION = '복구 신청';
/** The built-in catalog, one event per line: definitions and symbols land on the event's line. */
const CATALOG_SOURCE = '/catalog/events.json';
/** The ID's line in the extension's catalog/events.json, as `where` shows it: `catalog:line:start-end`. */
async function catalogRow(): Promise<{ where: string; line: number }> {
  const { lines } = await bundledCatalog();
  const line = lines.findIndex((l) => l.includes(`{"id":"${ID}"`));
  assert.ok(line >= 0, `${ID} in catalog/events.json`);
  const start = lines[line].indexOf(ID);
  return { where: `catalog:${line}:${start}-${start + ID.length}`, line };
}
const USAGES = ['navigation/RESTORE.md:2:1-34', 'navigation/restore.py:0:8-41', 'navigation/restore.py:1:21-54', 'navigation/restore.yaml:1:11-44'];

type Node = unknown;

/** A location as `path/in/workspace:line:start-end`, the catalog source as `catalog:line:start-end`. */
function where(location: vscode.Location | vscode.LocationLink): string {
  const uri = 'targetUri' in location ? location.targetUri : location.uri;
  const range = 'targetUri' in location ? (location.targetSelectionRange ?? location.targetRange) : location.range;
  const root = workspaceRoot().path;
  const name = uri.path.endsWith(CATALOG_SOURCE) ? 'catalog' : uri.path.startsWith(`${root}/`) ? uri.path.slice(root.length + 1) : uri.toString();
  const [line, start, , end] = compact(range);
  return `${name}:${line}:${start}-${end}`;
}

/** The position inside the `nth` occurrence of the ID in a fixture. */
async function positionOfId(relativePath: string, nth = 0): Promise<{ document: vscode.TextDocument; position: vscode.Position }> {
  const document = await openFixture(relativePath);
  let at = -1;
  for (let i = 0; i <= nth; i++) at = document.getText().indexOf(ID, at + 1);
  assert.ok(at >= 0, `${ID} #${nth} in ${relativePath}`);
  return { document, position: document.positionAt(at + 5) };
}

describe('navigation: workspace usages, references, definition, symbols', () => {
  let api: CloudTrailEventsApi;
  let tree: vscode.TreeDataProvider<Node>;

  /** The event's row in the tree (searching the tree as the view does). */
  async function eventNode(id = ID): Promise<Node> {
    const walk = async (node?: Node): Promise<Node | undefined> => {
      for (const child of (await tree.getChildren(node)) ?? []) {
        const item = await tree.getTreeItem(child);
        if (item.contextValue === 'event' && item.description === id) return child;
        if (item.contextValue !== 'event') {
          const found = await walk(child);
          if (found) return found;
        }
      }
      return undefined;
    };
    const node = await walk();
    assert.ok(node, `${id} is in the tree`);
    return node;
  }

  /** The usage badge VS Code shows on the event's row (its resourceUri's decoration). */
  async function badgeOf(id = ID): Promise<{ badge?: string; tooltip?: string } | undefined> {
    const item = await tree.getTreeItem(await eventNode(id));
    assert.ok(item.resourceUri, 'event rows carry a resourceUri for their usage badge');
    const decoration = await api.usageDecorations.provideFileDecoration(item.resourceUri, new vscode.CancellationTokenSource().token);
    return decoration ? { badge: decoration.badge, tooltip: decoration.tooltip } : undefined;
  }

  const waitForBadge = (badge: string | undefined, what: string) =>
    waitFor(what, async () => {
      const decoration = await badgeOf();
      return decoration?.badge === badge ? decoration ?? null : undefined;
    });

  before(async () => {
    api = (await activateExtension()).exports as CloudTrailEventsApi;
    assert.strictEqual(await api.whenCatalogSettled(), 'ready');
    tree = api.catalogTree as vscode.TreeDataProvider<Node>;
  });
  afterEach(async () => {
    await vscode.commands.executeCommand('cloudtrailEvents.showAllEvents');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('Find All References lists every usage in the workspace, open or not, and the catalog row', async () => {
    const { document, position } = await positionOfId('navigation/restore.py', 1);
    const found = await waitFor('references from the workspace index', async () => {
      const locations = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', document.uri, position);
      // VS Code orders the locations itself (by URI), so compare them sorted.
      const shown = locations.map(where).sort();
      return shown.length >= USAGES.length + 1 ? shown : undefined;
    });
    assert.deepStrictEqual(found, [(await catalogRow()).where, ...USAGES].sort());
  });

  it('document highlights mark the ID\'s occurrences in the file', async () => {
    const { document, position } = await positionOfId('navigation/restore.py');
    const highlights = await waitFor('highlights', () => vscode.commands.executeCommand<vscode.DocumentHighlight[]>('vscode.executeDocumentHighlights', document.uri, position));
    assert.deepStrictEqual(highlights.map((h) => compact(h.range)), [
      [0, 8, 0, 41],
      [1, 21, 1, 54],
    ]);
  });

  it('Go to Definition opens the ID\'s line in catalog/events.json', async () => {
    const { document, position } = await positionOfId('navigation/restore.yaml');
    const [definition] = await waitFor('a definition', async () => {
      const found = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', document.uri, position);
      return found.length ? found : undefined;
    });
    const row = await catalogRow();
    assert.strictEqual(where(definition), row.where);
    const source = await vscode.workspace.openTextDocument('targetUri' in definition ? definition.targetUri : definition.uri);
    const text = source.lineAt(row.line).text.trim();
    assert.ok(text.startsWith(`{"id":"${ID}","service":`) && text.includes(`"ko":"${DESCRIPTION}"`), text);
  });

  it('Workspace Symbols (Ctrl+T) finds the event by its Korean description, at its catalog row', async () => {
    const symbols = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', DESCRIPTION);
    // The Korean description, then the name in VS Code's display language (English here).
    const symbol = symbols.find((s) => s.name === `${DESCRIPTION} · Apply for Restoration (${ID})`);
    assert.ok(symbol, symbols.map((s) => s.name).join(', '));
    assert.strictEqual(symbol.kind, vscode.SymbolKind.Event);
    assert.strictEqual(symbol.containerName, 'Backup');
    assert.strictEqual(where(symbol.location), (await catalogRow()).where);
  });

  it('the tree shows each event\'s usage count as a badge, with the exact count in its tooltip', async () => {
    const decoration = await waitForBadge('4', `the badge of ${ID}`);
    assert.strictEqual(decoration?.tooltip, 'Used 4 times in this workspace');
    const item = await tree.getTreeItem(await eventNode());
    assert.strictEqual(item.description, ID, 'the description stays the bare ID');
    assert.match(item.accessibilityInformation?.label ?? '', /Used 4 times in this workspace/);
    assert.strictEqual(await badgeOf('event_id.backup.target.update'), undefined, 'an unused event has no badge');
  });

  it('"Show Only Events Used in This Workspace" filters the tree; "Show All Events" brings everything back', async () => {
    await waitForBadge('4', `the badge of ${ID}`);
    const used = await vscode.commands.executeCommand<{ shown: number; total: number; usedOnly: boolean }>('cloudtrailEvents.showUsedOnly');
    assert.strictEqual(used.usedOnly, true);
    assert.ok(used.shown > 0 && used.shown < used.total, `${used.shown} of ${used.total}`);
    const decorations: (string | undefined)[] = [];
    for (const service of (await tree.getChildren()) ?? []) {
      assert.strictEqual((await tree.getTreeItem(service)).collapsibleState, vscode.TreeItemCollapsibleState.Expanded, 'the filtered tree is expanded');
      for (const resource of (await tree.getChildren(service)) ?? []) {
        for (const event of (await tree.getChildren(resource)) ?? []) {
          const item = await tree.getTreeItem(event);
          decorations.push((await api.usageDecorations.provideFileDecoration(item.resourceUri!, new vscode.CancellationTokenSource().token))?.badge);
        }
      }
    }
    assert.strictEqual(decorations.length, used.shown);
    assert.ok(decorations.every((badge) => badge !== undefined), 'every event shown has a usage badge');
    await eventNode(); // the fixture's event is among them
    const all = await vscode.commands.executeCommand<{ shown: number; total: number; usedOnly: boolean }>('cloudtrailEvents.showAllEvents');
    assert.deepStrictEqual([all.usedOnly, all.shown], [false, all.total]);
  });

  it('Find Usages (tree action) opens the first usage and returns every usage', async () => {
    await waitForBadge('4', `the badge of ${ID}`);
    const locations = await vscode.commands.executeCommand<vscode.Location[]>('cloudtrailEvents.findUsages', await eventNode());
    assert.deepStrictEqual(locations.map(where), USAGES);
    const editor = await waitFor('the first usage to open', () =>
      vscode.window.activeTextEditor?.document.uri.toString() === locations[0].uri.toString() ? vscode.window.activeTextEditor : undefined,
    );
    assert.strictEqual(editor.document.uri.path, fixtureUri('navigation/RESTORE.md').path);
  });

  it('Find Usages of an event the workspace does not use finds nothing', async () => {
    const locations = await vscode.commands.executeCommand<vscode.Location[]>('cloudtrailEvents.findUsages', 'event_id.backup.target.update');
    assert.deepStrictEqual(locations, []);
  });

  it('counts follow unsaved edits, and files created and deleted on disk', async () => {
    await waitForBadge('4', `the badge of ${ID}`);
    const document = await openFixture('navigation/restore.yaml');
    const editor = await vscode.window.showTextDocument(document);
    await editor.edit((edit) => edit.insert(new vscode.Position(3, 0), `  - event: ${ID}\n`));
    await waitForBadge('5', 'the count with an unsaved edit');
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await waitForBadge('4', 'the count after reverting');

    const created = fixtureUri('navigation-scratch/created.json');
    await vscode.workspace.fs.writeFile(created, new TextEncoder().encode(`{ "events": ["${ID}", "${ID}"] }\n`));
    try {
      await waitForBadge('6', 'the count after a file with two usages was created on disk (never opened)');
    } finally {
      await vscode.workspace.fs.delete(fixtureUri('navigation-scratch'), { recursive: true, useTrash: false });
    }
    await waitForBadge('4', 'the count after the folder was deleted');
  });
});
