/**
 * One table: command id -> handler. Handlers return what they did (the
 * inserted or copied ID, the filter result, ...) so extension-host tests can
 * drive them through `vscode.commands.executeCommand` and check the outcome;
 * each also accepts its input as an argument, in place of the QuickPick or
 * input box a user would see.
 */
import * as vscode from 'vscode';
import { importOfficialList } from './importList';
import type { CatalogEventInfo } from '../../shared/protocol';
import { eventIdOf, eventPickEntries } from './catalogModel';
import { CatalogTreeProvider, FilterResult, VIEW_ID } from './catalogTree';
import { CommandId } from './commandIds';
import { LanguageServer, ServerNotRunningError, ServerState } from './languageClient';

export interface CommandContext {
  readonly server: LanguageServer;
  readonly catalog: CatalogTreeProvider;
}

type Handler = (ctx: CommandContext, ...args: unknown[]) => unknown;

const handlers: Record<CommandId, Handler> = {
  'cloudtrailEvents.insertEventId': insertEventId,
  'cloudtrailEvents.insertEvent': insertEvent,
  'cloudtrailEvents.copyEventId': copyEventId,
  'cloudtrailEvents.revealInCatalog': revealInCatalog,
  'cloudtrailEvents.searchCatalog': searchCatalog,
  'cloudtrailEvents.clearSearch': clearSearch,
  'cloudtrailEvents.restartServer': restartServer,
  'cloudtrailEvents.showOutput': showOutput,
  'cloudtrailEvents.importOfficialList': (ctx, arg, target) => importOfficialList(ctx.server, arg, target as vscode.ConfigurationTarget | undefined).catch((error) => failed(ctx, error)),
  'cloudtrailEvents.findUsages': findUsages,
  'cloudtrailEvents.showUsedOnly': (ctx) => showUsedOnly(ctx, true),
  'cloudtrailEvents.showAllEvents': (ctx) => showUsedOnly(ctx, false),
  'cloudtrailEvents.toggleServiceLanguage': (ctx) => ctx.catalog.toggleServiceLanguage(),
};

export function registerCommands(context: vscode.ExtensionContext, ctx: CommandContext): void {
  for (const [id, handler] of Object.entries(handlers)) {
    context.subscriptions.push(vscode.commands.registerCommand(id, (...args: unknown[]) => handler(ctx, ...args)));
  }
}

/**
 * Insert Event ID…: picks an event (or takes the ID given as argument) and
 * inserts it at every cursor of the active editor, replacing selected text.
 * Returns the inserted ID.
 */
async function insertEventId(ctx: CommandContext, arg?: unknown): Promise<string | undefined> {
  const editor = targetEditor();
  if (!editor) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a file to insert a CloudTrail event ID.'));
    return undefined;
  }
  const id = eventIdOf(arg) ?? (await pickEventId(ctx, vscode.l10n.t('Event ID to insert (type Korean or the ID)')));
  if (!id) return undefined;
  return (await insertAtCursors(editor, id)) ? id : undefined;
}

/** The tree's inline action: inserts the event's ID at the cursor and gives the editor the focus back. */
async function insertEvent(ctx: CommandContext, arg?: unknown): Promise<string | undefined> {
  const id = eventIdOf(arg) ?? selectedEventId(ctx);
  if (!id) return insertEventId(ctx);
  const editor = targetEditor();
  if (!editor) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a file to insert a CloudTrail event ID.'));
    return undefined;
  }
  if (!(await insertAtCursors(editor, id))) return undefined;
  await vscode.window.showTextDocument(editor.document, { viewColumn: editor.viewColumn, preserveFocus: false });
  return id;
}

/**
 * Copy Event ID: the tree item's ID (context menu, or Ctrl+C in the view), the
 * ID given as argument, or else one picked from the catalog. Returns the copied ID.
 */
async function copyEventId(ctx: CommandContext, arg?: unknown): Promise<string | undefined> {
  const fromSelection = typeof arg === 'object' && arg !== null && (arg as { fromSelection?: unknown }).fromSelection === true;
  const id = fromSelection ? selectedEventId(ctx) : (eventIdOf(arg) ?? (await pickEventId(ctx, vscode.l10n.t('Event ID to copy (type Korean or the ID)'))));
  if (!id) return undefined;
  await vscode.env.clipboard.writeText(id);
  vscode.window.setStatusBarMessage(vscode.l10n.t('Copied {0}', id), 3000);
  return id;
}

/**
 * Reveal in Catalog: asks the server which event ID is under the cursor (or
 * takes the ID given as argument) and selects it in the tree. Returns the ID
 * revealed.
 */
async function revealInCatalog(ctx: CommandContext, arg?: unknown): Promise<string | undefined> {
  let id = eventIdOf(arg);
  if (!id) {
    const editor = vscode.window.activeTextEditor;
    if (!editor) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Place the cursor on a CloudTrail event ID in an editor first.'));
      return undefined;
    }
    try {
      id = (await ctx.server.eventAt(editor.document, editor.selection.active))?.id;
    } catch (error) {
      return failed(ctx, error);
    }
    if (!id) {
      void vscode.window.showInformationMessage(vscode.l10n.t('There is no CloudTrail event ID under the cursor.'));
      return undefined;
    }
  }
  if ((await settledCatalog(ctx)) === undefined) return undefined;
  if (!(await ctx.catalog.reveal(id))) {
    void vscode.window.showInformationMessage(vscode.l10n.t('{0} is not in the catalog.', id));
    return undefined;
  }
  return id;
}

/** Search: filters the tree by Korean text or ID (input box, or the query given as argument; '' clears). */
async function searchCatalog(ctx: CommandContext, arg?: unknown): Promise<FilterResult | undefined> {
  const query =
    typeof arg === 'string'
      ? arg
      : await vscode.window.showInputBox({
          title: vscode.l10n.t('Search the CloudTrail event catalog'),
          prompt: vscode.l10n.t('Part of a Korean description or of an ID, e.g. 인스턴스 시작 or instance_action. Empty shows all events.'),
          value: ctx.catalog.filter,
          validateInput: (value) =>
            value.trim()
              ? { message: vscode.l10n.t('{0} matching events', ctx.catalog.countMatches(value)), severity: vscode.InputBoxValidationSeverity.Info }
              : undefined,
        });
  if (query === undefined) return undefined;
  const result = ctx.catalog.setFilter(query);
  if (!ctx.catalog.view.visible) await vscode.commands.executeCommand(`${VIEW_ID}.focus`);
  return result;
}

/**
 * Find Usages: every usage of an event in the workspace (the tree item's or
 * argument's ID, else the one under the cursor, the tree's selection, or one picked), shown
 * in the references peek at the first usage. Returns the usages found.
 */
async function findUsages(ctx: CommandContext, arg?: unknown): Promise<vscode.Location[] | undefined> {
  let id = eventIdOf(arg);
  try {
    const editor = vscode.window.activeTextEditor;
    if (!id && editor) id = (await ctx.server.eventAt(editor.document, editor.selection.active))?.id;
    id ??= selectedEventId(ctx) ?? (await pickEventId(ctx, vscode.l10n.t('Event to find usages of (type Korean or the ID)')));
    if (!id) return undefined;
    const locations = await ctx.server.usageLocations(id);
    if (locations.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('{0} is not used in this workspace.', id));
      return locations;
    }
    const [first] = locations;
    // The same peek as a "references" CodeLens: it opens the first usage and lists them all.
    await vscode.commands.executeCommand('editor.action.showReferences', first.uri, first.range.start, locations);
    return locations;
  } catch (error) {
    return failed(ctx, error);
  }
}

/** Shows only the events used in this workspace, or all events again. */
async function showUsedOnly(ctx: CommandContext, usedOnly: boolean): Promise<FilterResult> {
  const result = ctx.catalog.setUsedOnly(usedOnly);
  if (!ctx.catalog.view.visible) await vscode.commands.executeCommand(`${VIEW_ID}.focus`);
  return result;
}

function clearSearch(ctx: CommandContext): FilterResult {
  return ctx.catalog.setFilter('');
}

async function restartServer(ctx: CommandContext): Promise<ServerState> {
  await ctx.server.restart();
  return ctx.server.state;
}

function showOutput(ctx: CommandContext): void {
  ctx.server.showOutput();
}

/** The editor to insert into: the active one, else the only visible one (the tree may have the focus). */
function targetEditor(): vscode.TextEditor | undefined {
  const isText = (editor: vscode.TextEditor) => editor.document.uri.scheme !== 'output';
  const active = vscode.window.activeTextEditor;
  if (active && isText(active)) return active;
  const visible = vscode.window.visibleTextEditors.filter(isText);
  return visible.length === 1 ? visible[0] : undefined;
}

/** Inserts at every selection; a snippet of plain text leaves each cursor after the ID. */
async function insertAtCursors(editor: vscode.TextEditor, id: string): Promise<boolean> {
  const inserted = await editor.insertSnippet(new vscode.SnippetString().appendText(id), undefined, { undoStopBefore: true, undoStopAfter: true });
  if (!inserted) void vscode.window.showWarningMessage(vscode.l10n.t('Could not insert {0}: the editor is read-only or closed.', id));
  return inserted;
}

function selectedEventId(ctx: CommandContext): string | undefined {
  const node = ctx.catalog.view.selection[0];
  return node?.kind === 'event' ? node.event.id : undefined;
}

async function pickEventId(ctx: CommandContext, placeHolder: string): Promise<string | undefined> {
  const events = await settledCatalog(ctx);
  if (!events) return undefined;
  const picked = await vscode.window.showQuickPick(eventPickEntries(events, vscode.l10n.t('deprecated')), {
    title: vscode.l10n.t('CloudTrail event IDs'),
    placeHolder,
    matchOnDescription: true,
  });
  return picked?.id;
}

/** The catalog's events once loaded; undefined (after telling the user why) when there are none. */
async function settledCatalog(ctx: CommandContext): Promise<readonly CatalogEventInfo[] | undefined> {
  if (ctx.catalog.catalogState === 'loading') {
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Loading catalog…') }, () =>
      ctx.catalog.whenSettled(),
    );
  }
  switch (ctx.catalog.catalogState) {
    case 'ready':
      return ctx.catalog.events;
    case 'empty':
      void vscode.window.showInformationMessage(vscode.l10n.t('The catalog has no events. Check the cloudtrailEvents.catalog settings.'));
      return undefined;
    default:
      return failed(ctx, new ServerNotRunningError());
  }
}

/** Tells the user a request failed, with Restart / Show Output; never waits for their answer. */
function failed(ctx: CommandContext, error: unknown): undefined {
  const restart = vscode.l10n.t('Restart');
  const showOutput = vscode.l10n.t('Show Output');
  const message =
    error instanceof ServerNotRunningError || ctx.server.state === 'stopped'
      ? vscode.l10n.t('The CloudTrail Events language server is not running.')
      : vscode.l10n.t('The CloudTrail Events language server did not answer: {0}', error instanceof Error ? error.message : String(error));
  void vscode.window.showErrorMessage(message, restart, showOutput).then((choice) => {
    if (choice === restart) return ctx.server.restart();
    if (choice === showOutput) ctx.server.showOutput();
    return undefined;
  });
  return undefined;
}
