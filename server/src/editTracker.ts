/**
 * Where each open document was last edited. An ID being typed is a prefix of a real ID until
 * the last keystroke: it is not flagged while the cursor sits at its end in the version just
 * edited, so completion does not come with a squiggle. Saving, or an edit elsewhere, ends that.
 *
 * TextDocuments owns the `didChange` handler (a connection takes one per notification), so the
 * tracker sees the notifications through the connection it hands to `documents.listen`.
 */
import { Connection, DidChangeTextDocumentParams, NotificationHandler, Position } from 'vscode-languageserver';

export class EditTracker {
  private readonly last = new Map<string, { version: number; position: Position }>();

  /** The connection for `documents.listen`: the same, with each `didChange` recorded first. */
  observe(connection: Connection): Connection {
    return new Proxy(connection, {
      get: (target, property, receiver) => {
        if (property !== 'onDidChangeTextDocument') return Reflect.get(target, property, receiver);
        return (handler: NotificationHandler<DidChangeTextDocumentParams>) =>
          target.onDidChangeTextDocument((params) => {
            this.record(params);
            return handler(params);
          });
      },
    });
  }

  /** The position right after the last edit, if `version` is the version that edit made. */
  lastEdit(uri: string, version: number): Position | undefined {
    const edit = this.last.get(uri);
    return edit && edit.version === version ? edit.position : undefined;
  }

  /** Saved or closed: what was being typed is done. */
  forget(uri: string): void {
    this.last.delete(uri);
  }

  private record({ textDocument, contentChanges }: DidChangeTextDocumentParams): void {
    const change = contentChanges[contentChanges.length - 1];
    if (!change || !('range' in change) || !change.range) {
      this.last.delete(textDocument.uri);
      return;
    }
    const lines = change.text.split(/\r\n|\r|\n/);
    const { start } = change.range;
    const position = lines.length === 1 ? { line: start.line, character: start.character + change.text.length } : { line: start.line + lines.length - 1, character: lines[lines.length - 1].length };
    this.last.set(textDocument.uri, { version: textDocument.version, position });
  }
}
