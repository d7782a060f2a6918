import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, deleteScratch, openScratch, waitFor, waitForDiagnostics } from './helpers';

/** The preferred quick fix replaces exactly the typo; the closing quote and the rest of the line stay. */
const CASES: { name: string; file: string; before: string; after: string }[] = [
  {
    name: 'typescript string',
    file: 'fix.ts',
    before: 'export const TYPO = \'event_id.iaas.instance.craete\'; // keep me\n',
    after: 'export const TYPO = \'event_id.iaas.instance.create\'; // keep me\n',
  },
  {
    name: 'python string',
    file: 'fix.py',
    before: 'TYPO = "event_id.iaas.instance_action.rebot"\n',
    after: 'TYPO = "event_id.iaas.instance_action.reboot"\n',
  },
  {
    name: 'yaml unquoted value',
    file: 'fix.yaml',
    before: 'events:\n  - event_id.iaas.instanse.update # keep me\n',
    after: 'events:\n  - event_id.iaas.instance.update # keep me\n',
  },
  {
    name: 'markdown code span',
    file: 'fix.md',
    before: 'Recorded as `event_id.iaas.instance_templte.create`.\n',
    after: 'Recorded as `event_id.iaas.instance_template.create`.\n',
  },
];

describe('quick fixes', () => {
  before(activateExtension);
  after(deleteScratch);

  for (const { name, file, before, after } of CASES) {
    it(`${name}: the preferred fix repairs the typo and clears the diagnostic`, async () => {
      const document = await openScratch(file, before);
      const [diagnostic] = await waitForDiagnostics(document.uri, found => found.length === 1);
      // VS Code cancels a code action request when the set of providers changes while it runs
      // (opening a .md or .ts file activates a built-in extension that registers its own): poll.
      let actions: (vscode.CodeAction | vscode.Command)[] = [];
      const preferred = await waitFor('a preferred quick fix for the diagnostic', async () => {
        actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
          'vscode.executeCodeActionProvider', document.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
        // The API command drops CodeAction.diagnostics: a fix is recognised by its edit, which must
        // replace exactly the diagnostic's range in this document.
        const fixes = actions.filter((action): action is vscode.CodeAction => {
          const edits = 'edit' in action ? action.edit?.get(document.uri) ?? [] : [];
          return edits.length === 1 && edits[0].range.isEqual(diagnostic.range);
        });
        return fixes.find(action => action.isPreferred);
      }).catch(error => {
        throw new Error(`${error instanceof Error ? error.message : String(error)}; actions: ${JSON.stringify(actions)}`);
      });
      assert.ok(await vscode.workspace.applyEdit(preferred.edit!), 'the fix applies');
      assert.strictEqual(document.getText(), after);
      await waitForDiagnostics(document.uri, found => found.length === 0, `the diagnostic of ${file} to clear`);
    });
  }
});
