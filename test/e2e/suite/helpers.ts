/**
 * Helpers for the extension-host suite. Only the `vscode` API: the same files run in code-server
 * and in a desktop VS Code. Everything asynchronous is polled, never awaited by a fixed sleep.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { BuiltinCatalogData } from '../../../server/src/core/builtinData';

export const EXTENSION_ID = 'nhncloud-tools.cloudtrail-event-ids';

/** True when the suite runs in the browser's web-worker extension host (`runCodeServer.js --web`), not a Node one. */
export const IN_WEB_WORKER = typeof (globalThis as { importScripts?: unknown }).importScripts === 'function';
export const SOURCE = 'cloudtrail-events';

/** Polls `probe` until it returns something other than undefined; the last error explains a timeout. */
export async function waitFor<T>(what: string, probe: () => T | undefined | Thenable<T | undefined>,
  timeoutMs = 20_000, intervalMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) {
        return value;
      }
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const reason = lastError instanceof Error ? `; last error: ${lastError.message}` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${reason}`);
    }
    await new Promise(resolve => setTimeout(resolve, intervalMs));
  }
}

export async function activateExtension(): Promise<vscode.Extension<unknown>> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `extension ${EXTENSION_ID} is not installed (an engines.vscode above the running VS Code hides it)`);
  await extension.activate();
  return extension;
}

/** The extension's built-in catalog, catalog/events.json: its lines (one event per line) and its data. */
export async function bundledCatalog(): Promise<{ lines: string[]; data: BuiltinCatalogData }> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `extension ${EXTENSION_ID} is not installed`);
  const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extension.extensionUri, 'catalog', 'events.json')));
  return { lines: text.split('\n'), data: JSON.parse(text) as BuiltinCatalogData };
}

export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder is open (the runner opens a copy of test/fixtures/workspace)');
  return folder.uri;
}

export function fixtureUri(relativePath: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), ...relativePath.split('/'));
}

export async function openFixture(relativePath: string): Promise<vscode.TextDocument> {
  return vscode.workspace.openTextDocument(fixtureUri(relativePath));
}

/** Writes a scratch file in the workspace (a copy made by the runner) and opens it. */
export async function openScratch(name: string, text: string): Promise<vscode.TextDocument> {
  const uri = fixtureUri(`scratch/${name}`);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return vscode.workspace.openTextDocument(uri);
}

export interface Marked {
  text: string;
  /** Where `|` stood. */
  cursor: number;
  /** Where `‹` and `›` stood, if they did. */
  range?: [number, number];
}

/** Removes the markers: `|` is the cursor, `‹…›` an expected range. */
export function parseMarkers(marked: string): Marked {
  let text = '';
  let cursor = -1;
  let rangeStart = -1;
  let rangeEnd = -1;
  for (const char of marked) {
    if (char === '|') cursor = text.length;
    else if (char === '‹') rangeStart = text.length;
    else if (char === '›') rangeEnd = text.length;
    else text += char;
  }
  assert.ok(cursor >= 0, `no cursor marker in ${marked}`);
  return { text, cursor, range: rangeStart >= 0 ? [rangeStart, rangeEnd] : undefined };
}

/** A range as `[startLine, startCharacter, endLine, endCharacter]`, for compact comparisons. */
export function compact(range: vscode.Range): [number, number, number, number] {
  return [range.start.line, range.start.character, range.end.line, range.end.character];
}

export function offsetRange(document: vscode.TextDocument, [start, end]: [number, number]): [number, number, number, number] {
  return compact(new vscode.Range(document.positionAt(start), document.positionAt(end)));
}

/** The extension's diagnostics of a document (other extensions', e.g. TypeScript's, are left out). */
export function ourDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter(diagnostic => diagnostic.source === SOURCE);
}

/** Waits until the extension's diagnostics of `uri` satisfy `ready`, and returns them. */
export function waitForDiagnostics(uri: vscode.Uri, ready: (diagnostics: vscode.Diagnostic[]) => boolean,
  what = `diagnostics of ${uri.path}`, timeoutMs?: number): Promise<vscode.Diagnostic[]> {
  return waitFor(what, () => {
    const diagnostics = ourDiagnostics(uri);
    return ready(diagnostics) ? diagnostics : undefined;
  }, timeoutMs);
}

export function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

/** The range an accepted item replaces. */
export function replaceRangeOf(item: vscode.CompletionItem): vscode.Range | undefined {
  const range = item.range;
  if (!range) return undefined;
  return range instanceof vscode.Range ? range : range.replacing;
}

export function hoverText(hovers: vscode.Hover[]): string {
  return hovers.flatMap(hover => hover.contents)
    .map(content => (typeof content === 'string' ? content : content.value))
    .join('\n');
}

/** Removes the files a test created, so tests do not depend on their order. */
export async function deleteScratch(): Promise<void> {
  // Closing a dirty editor would open a "Save changes?" dialog that nobody answers.
  await Promise.all(vscode.workspace.textDocuments.filter(document => document.isDirty).map(document => document.save()));
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  try {
    await vscode.workspace.fs.delete(fixtureUri('scratch'), { recursive: true, useTrash: false });
  } catch {
    // nothing was created
  }
}
