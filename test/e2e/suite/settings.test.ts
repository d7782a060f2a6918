import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, openFixture, waitForDiagnostics } from './helpers';

const FILE = 'typos/typos.yaml';

/** Setting value -> the severity the typo gets (undefined: no diagnostic at all). */
const CASES: { value: string | undefined; severity: vscode.DiagnosticSeverity | undefined; name: string }[] = [
  { value: 'error', severity: vscode.DiagnosticSeverity.Error, name: 'error' },
  { value: 'information', severity: vscode.DiagnosticSeverity.Information, name: 'information' },
  { value: 'hint', severity: vscode.DiagnosticSeverity.Hint, name: 'hint' },
  { value: 'off', severity: undefined, name: 'off: no diagnostic' },
  { value: undefined, severity: vscode.DiagnosticSeverity.Warning, name: 'unset: back to the default, warning' },
];

function configuration(): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration('cloudtrailEvents');
}

describe('setting cloudtrailEvents.diagnostics.severity (workspace settings)', () => {
  before(activateExtension);
  after(() => configuration().update('diagnostics.severity', undefined, vscode.ConfigurationTarget.Workspace));

  it('is contributed with the default "warning"', () => {
    const inspected = configuration().inspect<string>('diagnostics.severity');
    assert.strictEqual(inspected?.defaultValue, 'warning');
  });

  for (const { value, severity, name } of CASES) {
    it(`${name}: the diagnostics follow without reopening the file`, async () => {
      const document = await openFixture(FILE);
      if (severity === undefined) {
        // "None" must be a change, not the state before the server answered.
        await waitForDiagnostics(document.uri, found => found.length === 1, `the typo in ${FILE} before switching off`);
      }
      await configuration().update('diagnostics.severity', value, vscode.ConfigurationTarget.Workspace);
      const diagnostics = await waitForDiagnostics(document.uri,
        found => (severity === undefined ? found.length === 0 : found.length === 1 && found[0].severity === severity),
        `the typo in ${FILE} with severity ${severity === undefined ? 'none' : vscode.DiagnosticSeverity[severity]}`);
      if (severity !== undefined) {
        assert.strictEqual(document.getText(diagnostics[0].range), 'event_id.iaas.instanse.update');
      }
    });
  }
});
