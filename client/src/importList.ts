/**
 * "Import Official Event List…": pick an event list as NHN Cloud publishes it,
 * let the server check it with the same parser it will load it with, show what
 * it changes, and add it to `cloudtrailEvents.catalog.officialLists`.
 * The server then reloads its catalog from the setting; nothing is imported
 * behind the setting's back.
 */
import * as vscode from 'vscode';
import type { ListCheck } from '../../shared/protocol';
import type { LanguageServer } from './languageClient';

const SETTING = 'catalog.officialLists';
const LANGUAGES: Record<string, string> = { ko: '한국어', en: 'English', ja: '日本語', zh: '中文' };

/** The file to import: the argument (a Uri or a path) or one the user picks. */
async function listFile(arg: unknown): Promise<vscode.Uri | undefined> {
  if (arg instanceof vscode.Uri) return arg;
  if (typeof arg === 'string' && arg) return vscode.Uri.file(arg);
  const [picked] =
    (await vscode.window.showOpenDialog({
      title: vscode.l10n.t('Import Official Event List'),
      openLabel: vscode.l10n.t('Check and Import'),
      canSelectMany: false,
      filters: { Markdown: ['md', 'markdown'] },
    })) ?? [];
  return picked;
}

/**
 * How the setting names the file: relative to the workspace folder that holds it (the only form
 * the browser can read back), else its absolute path (desktop).
 */
function settingPath(file: vscode.Uri): string {
  const folder = vscode.workspace.getWorkspaceFolder(file);
  return folder ? vscode.workspace.asRelativePath(file, false) : file.fsPath;
}

/** The file's name, whatever its scheme. */
const basename = (file: vscode.Uri) => file.path.slice(file.path.lastIndexOf('/') + 1);

function summary(file: vscode.Uri, check: ListCheck): string {
  return vscode.l10n.t(
    '{0}: {1} events ({2}). Compared with the built-in catalog: {3} added, {4} removed, {5} reworded.',
    basename(file),
    check.events,
    LANGUAGES[check.language ?? ''] ?? check.language ?? '?',
    check.added,
    check.removed,
    check.reworded,
  );
}

/**
 * Runs the command. `target` skips the question (for tests and other
 * extensions). Returns the setting's new value, or undefined when nothing changed.
 */
export async function importOfficialList(server: LanguageServer, arg?: unknown, target?: vscode.ConfigurationTarget): Promise<string[] | undefined> {
  const file = await listFile(arg);
  if (!file) return undefined;
  const check = await server.checkList(file);
  if (check.problems.length > 0) {
    for (const problem of check.problems) server.output.appendLine(problem);
    const showOutput = vscode.l10n.t('Show Output');
    // Not awaited: the command's result does not depend on when the user closes the message.
    void vscode.window.showErrorMessage(vscode.l10n.t('{0} cannot be imported: {1}', basename(file), check.problems[0]), showOutput).then((choice) => {
      if (choice === showOutput) server.showOutput();
    });
    return undefined;
  }
  const text = summary(file, check);
  server.output.appendLine(text);
  // What the parser merged, repaired or skipped (NHN's pages carry errata), in one line.
  if (check.summary) server.output.appendLine(check.summary);
  if (target === undefined) {
    const workspace = vscode.l10n.t('Import for This Workspace');
    const user = vscode.l10n.t('Import for All Workspaces');
    const choices = vscode.workspace.workspaceFolders?.length ? [workspace, user] : [user];
    const choice = await vscode.window.showInformationMessage(text, { modal: true, detail: vscode.l10n.t('The list replaces the built-in catalog; lists in other languages add their names.') }, ...choices);
    if (!choice) return undefined;
    target = choice === workspace ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  }
  const configuration = vscode.workspace.getConfiguration('cloudtrailEvents');
  const inspected = configuration.inspect<string[]>(SETTING);
  const current = (target === vscode.ConfigurationTarget.Global ? inspected?.globalValue : inspected?.workspaceValue) ?? [];
  const entry = target === vscode.ConfigurationTarget.Global ? file.fsPath : settingPath(file);
  const value = [...current.filter((existing) => existing !== entry), entry];
  await configuration.update(SETTING, value, target);
  return value;
}
