// ESLint (flat config): typescript-eslint's recommended rules, and the boundaries: server/src/core
// stays pure (no file system, no LSP, no VS Code), so it serves the editor, the CLI and the web
// worker alike; the client and the server meet only in shared/ (the protocol both speak).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const NODE_ONLY = ['fs', 'fs/promises', 'path', 'os', 'child_process', 'url', 'net', 'http', 'https', 'worker_threads'];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test/corpus/**', 'test/fixtures/**', '.vscode-test/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // `namespace X { export const type = … }` is how LSP message types are declared (vscode-languageserver does the same).
      '@typescript-eslint/no-namespace': 'off',
    },
  },
  {
    files: ['server/src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: NODE_ONLY.flatMap((name) => [name, `node:${name}`]).map((name) => ({ name, message: 'server/src/core is pure: no file system or Node I/O (pass text in, take results out).' })),
          patterns: [
            { group: ['vscode', 'vscode-languageserver*', 'vscode-languageclient*', 'vscode-jsonrpc*'], message: 'server/src/core is pure: no LSP or VS Code imports; adapters live in server/src/features.' },
          ],
        },
      ],
    },
  },
  {
    files: ['client/src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/server/src/**', '**/server/src'], message: 'The client talks to the server over LSP; shared types and messages live in shared/.' }] }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: NODE_ONLY.map((name) => ({ name, message: 'shared/ runs in the client, the Node server and the web worker: no Node I/O.' })),
          patterns: [
            { group: ['**/server/src/**', '**/client/src/**'], message: 'shared/ is imported by both sides and imports neither.' },
            { group: ['vscode', 'vscode-languageserver', 'vscode-languageserver/*', 'vscode-languageclient*'], message: 'shared/ declares messages with vscode-languageserver-protocol only.' },
          ],
        },
      ],
    },
  },
);
