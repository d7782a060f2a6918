/**
 * The path of a document's URI whatever its scheme: `file:` in desktop VS Code, `vscode-remote:`
 * in code-server's web worker, `vscode-vfs:` on github.dev, `vscode-test-web:` in @vscode/test-web.
 * Exclude globs (`**\/node_modules/**`, `src/gen/**`) match this path, so they work in the web too.
 */

/** The decoded path of a hierarchical URI (`vscode-vfs://github/o/r/a.ts` -> `/o/r/a.ts`); undefined for others (`untitled:Untitled-1`). */
export function uriPath(uri: string): string | undefined {
  const match = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/?#]*(\/[^?#]*)?/.exec(uri);
  if (!match) return undefined;
  try {
    // `vscode-test-web://mount` (no path) is the root of its authority.
    return decodeURIComponent(match[1] ?? '/');
  } catch {
    return undefined;
  }
}
