#!/usr/bin/env node
/**
 * Entry point of the language server. The transport comes from the command
 * line (`--stdio`, `--node-ipc`, `--socket=N`), so editors other than VS Code
 * (Neovim, Helix, Emacs) can run `cloudtrail-events-language-server --stdio`.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './startServer';

if (process.argv.includes('--version')) {
  console.log('cloudtrail-events-language-server 0.1.0');
} else if (process.argv.includes('--help') || !/--(stdio|node-ipc|socket|pipe|clientProcessId)/.test(process.argv.join(' '))) {
  console.log('Usage: cloudtrail-events-language-server --stdio\n\nA language server for NHN Cloud CloudTrail event IDs (completion, hover, diagnostics, quick fixes).');
} else {
  startServer(createConnection(ProposedFeatures.all));
}
