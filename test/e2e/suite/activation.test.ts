import * as assert from 'assert';
import * as vscode from 'vscode';
import { EXTENSION_ID, waitFor } from './helpers';

describe('activation', () => {
  it(`${EXTENSION_ID} is installed and activates by itself after startup, with no command run`, async () => {
    // An engines.vscode above the running VS Code does not fail loudly: the extension is just absent.
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not installed; extensions: ${vscode.extensions.all.filter(e => !e.id.startsWith('vscode.')).map(e => e.id).join(', ')}`);
    await waitFor('the extension to activate on its own (onStartupFinished)', () => (extension.isActive ? true : undefined), 30_000);
    const api = await extension.activate();
    assert.ok(api && typeof api === 'object', 'activate() returns its API');
  });
});
