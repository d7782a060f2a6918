// ESLint (flat config): typescript-eslint's recommended rules, and the boundary that keeps
// server/src/core pure (no file system, no LSP, no VS Code), so it serves the editor, the CLI and
// the web worker alike.
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
);
