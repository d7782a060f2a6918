/**
 * Answers the file requests of a server that has no file system (the web worker, see
 * server/src/runtime/webRuntime.ts) with `vscode.workspace.fs`, which reads every scheme the
 * workbench knows (`file`, `vscode-remote`, `vscode-vfs`, `vscode-test-web`). Never throws: a
 * file that cannot be read is answered with the reason.
 */
import * as vscode from 'vscode';
import type { ReadTextResult } from '../../shared/fileRequests';

const sizeText = (bytes: number) => (bytes >= 1024 * 1024 ? `${+(bytes / (1024 * 1024)).toFixed(1)} MB` : `${bytes} bytes`);

/** The text of `uri` (UTF-8, without a BOM) if it is a file of at most `maxBytes` bytes; otherwise why not, as readFileCapped.ts says it. */
export async function readText(uri: string, maxBytes: number): Promise<ReadTextResult> {
  const tooLarge: ReadTextResult = { kind: 'tooLarge', skipped: `is larger than ${sizeText(maxBytes)}; skipped` };
  try {
    const target = vscode.Uri.parse(uri, true);
    const stat = await vscode.workspace.fs.stat(target);
    if (stat.type & vscode.FileType.Directory) return { kind: 'notRegular', skipped: 'is a directory, not a regular file; skipped' };
    if (stat.size > maxBytes) return tooLarge;
    const bytes = await vscode.workspace.fs.readFile(target);
    if (bytes.byteLength > maxBytes) return tooLarge;
    return { text: new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '') };
  } catch (error) {
    const code = error instanceof vscode.FileSystemError ? error.code : undefined;
    if (code === 'FileNotFound' || code === 'EntryNotFound') return { kind: 'notFound', skipped: 'does not exist' };
    return { kind: 'unreadable', skipped: `cannot be read (${code || (error instanceof Error ? error.message : String(error))})` };
  }
}

/** The files below a folder, as `workspace.findFiles` lists them (files.exclude applied), as URI strings. */
export async function findFiles(folderUri: string, maxFiles: number): Promise<string[]> {
  const files = await vscode.workspace.findFiles(new vscode.RelativePattern(vscode.Uri.parse(folderUri, true), '**/*'), undefined, maxFiles);
  return files.map((file) => file.toString());
}

/** What is at a URI: a file, a directory, or nothing (null). */
export async function statKind(uri: string): Promise<'file' | 'directory' | null> {
  try {
    const stat = await vscode.workspace.fs.stat(vscode.Uri.parse(uri, true));
    return stat.type & vscode.FileType.Directory ? 'directory' : 'file';
  } catch {
    return null;
  }
}
