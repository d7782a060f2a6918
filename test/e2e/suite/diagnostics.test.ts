import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, compact, deleteScratch, openFixture, SOURCE, waitForDiagnostics } from './helpers';

/** Every typo of test/fixtures/workspace/typos, where it is and what the message suggests. */
const TYPOS: { file: string; range: [number, number, number, number]; token: string; suggestion: string }[] = [
  { file: 'typos/typos.ts', range: [2, 21, 2, 50], token: 'event_id.iaas.instance.craete', suggestion: 'event_id.iaas.instance.create' },
  { file: 'typos/typos.py', range: [2, 8, 2, 43], token: 'event_id.iaas.instance_action.rebot', suggestion: 'event_id.iaas.instance_action.reboot' },
  { file: 'typos/typos.go', range: [4, 14, 4, 42], token: 'event_id.iaas.instance.delet', suggestion: 'event_id.iaas.instance.delete' },
  { file: 'typos/typos.yaml', range: [3, 4, 3, 33], token: 'event_id.iaas.instanse.update', suggestion: 'event_id.iaas.instance.update' },
  { file: 'typos/typos.json', range: [2, 11, 2, 48], token: 'event_id.iaas.instance_templte.create', suggestion: 'event_id.iaas.instance_template.create' },
  { file: 'typos/typos.md', range: [3, 29, 3, 64], token: 'event_id.iaas.instance_action.strat', suggestion: 'event_id.iaas.instance_action.start' },
];

const CORRECT = ['correct/instances.ts', 'correct/alerts.py', 'correct/handler.go', 'correct/rules.yaml', 'correct/events.json', 'correct/NOTES.md'];

/** A line that each language examines (inside a string, or anywhere in data and prose files). */
function typoLine(file: string): string {
  if (file.endsWith('.json')) return '\n';  // JSON gets its typo inside the object, see below
  if (file.endsWith('.go')) return '\nvar probe = "event_id.iaas.instance.probe_typo"\n';
  if (file.endsWith('.yaml')) return '\nprobe: event_id.iaas.instance.probe_typo\n';
  if (file.endsWith('.md')) return '\nProbe: event_id.iaas.instance.probe_typo\n';
  return '\nprobe = "event_id.iaas.instance.probe_typo"\n';
}

describe('diagnostics', () => {
  before(activateExtension);
  after(deleteScratch);

  for (const { file, range, token, suggestion } of TYPOS) {
    it(`${file}: reports exactly the typo ${token}, suggesting ${suggestion}`, async () => {
      const document = await openFixture(file);
      const [diagnostic, ...others] = await waitForDiagnostics(document.uri, diagnostics => diagnostics.length > 0);
      assert.deepStrictEqual(others.map(d => d.message), [], 'only one diagnostic');
      assert.deepStrictEqual(compact(diagnostic.range), range);
      assert.strictEqual(document.getText(diagnostic.range), token);
      assert.strictEqual(diagnostic.source, SOURCE);
      assert.strictEqual(diagnostic.severity, vscode.DiagnosticSeverity.Warning, 'the default severity is warning');
      assert.ok(diagnostic.message.includes(token), `message names the token: ${diagnostic.message}`);
      assert.ok(diagnostic.message.includes(`'${suggestion}'`), `message suggests ${suggestion}: ${diagnostic.message}`);
    });
  }

  for (const file of CORRECT) {
    // "Nothing yet" proves nothing; so a probe typo is added, and the only diagnostic that appears
    // must be the probe's: the correct file's own IDs produced none. Removing it clears the list.
    it(`${file}: reports nothing on correct IDs`, async () => {
      const document = await openFixture(file);
      const edit = new vscode.WorkspaceEdit();
      const end = document.positionAt(document.getText().length);
      let insertAt = end;
      let probe = typoLine(file);
      if (file.endsWith('.json')) {
        const brace = document.getText().lastIndexOf('}');
        insertAt = document.positionAt(brace);
        probe = ',\n  "probe": "event_id.iaas.instance.probe_typo"\n';
      }
      edit.insert(document.uri, insertAt, probe);
      assert.ok(await vscode.workspace.applyEdit(edit), 'the probe edit applies');
      const diagnostics = await waitForDiagnostics(document.uri, found => found.length > 0,
        `the probe's diagnostic in ${file}`);
      assert.deepStrictEqual(diagnostics.map(d => document.getText(d.range)), ['event_id.iaas.instance.probe_typo']);

      const undo = new vscode.WorkspaceEdit();
      undo.delete(document.uri, new vscode.Range(insertAt, document.positionAt(document.offsetAt(insertAt) + probe.length)));
      assert.ok(await vscode.workspace.applyEdit(undo), 'the probe is removed');
      await waitForDiagnostics(document.uri, found => found.length === 0, `no diagnostics in ${file} after removing the probe`);
      await document.save();
    });
  }
});
