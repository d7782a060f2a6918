/**
 * Which parts of a document are examined for event IDs, per language.
 *
 * - Programming languages: only string literals and comments. `event_id.lower()`
 *   in code is a variable, never an ID. Interpolations inside strings are code.
 * - Data, config and prose files, shell scripts and SQL: all text, because IDs are
 *   written there unquoted (`filter: event_id.iaas.instance.create`).
 * - Unknown languages: all text, but in "strict" mode (see analyze.ts): an unknown
 *   token is reported only when it starts with a real service namespace, so an
 *   unfamiliar language cannot produce a diagnostic on something that merely
 *   contains `event_id.`.
 */
import { lexRegions, Syntax } from './lexer';

export type ScanMode = 'code' | 'text' | 'strict';

const C_COMMENTS = { lineComments: ['//'], blockComments: [{ open: '/*', close: '*/' }] };
const backslash = (open: string, close = open, multiline = false) =>
  ({ open, close, escape: 'backslash', multiline }) as const;

const C_STRINGS = [backslash('"'), backslash("'")];

const SYNTAXES: Record<string, Syntax> = {
  c: { ...C_COMMENTS, strings: C_STRINGS, specials: ['cppRaw'] },
  javascript: {
    ...C_COMMENTS,
    strings: [...C_STRINGS, { ...backslash('`', '`', true), interpolation: { open: '${', close: '}' } }],
    specials: ['regexLiteral'],
  },
  java: { ...C_COMMENTS, strings: [backslash('"""', '"""', true), ...C_STRINGS] },
  kotlin: {
    lineComments: ['//'],
    blockComments: [{ open: '/*', close: '*/', nested: true }],
    strings: [
      { open: '"""', close: '"""', escape: 'none', multiline: true, interpolation: { open: '${', close: '}' } },
      { ...backslash('"'), interpolation: { open: '${', close: '}' } },
      backslash("'"),
    ],
  },
  scala: {
    ...C_COMMENTS,
    strings: [
      { open: '"""', close: '"""', escape: 'none', multiline: true, interpolation: { open: '${', close: '}' } },
      { ...backslash('"'), interpolation: { open: '${', close: '}' } },
      backslash("'"),
    ],
  },
  groovy: {
    ...C_COMMENTS,
    strings: [
      { ...backslash('"""', '"""', true), interpolation: { open: '${', close: '}' } },
      backslash("'''", "'''", true),
      { ...backslash('"'), interpolation: { open: '${', close: '}' } },
      backslash("'"),
    ],
  },
  csharp: { ...C_COMMENTS, strings: [{ open: '"""', close: '"""', escape: 'none', multiline: true }, ...C_STRINGS], specials: ['csharpPrefix'] },
  go: { ...C_COMMENTS, strings: [...C_STRINGS, { open: '`', close: '`', escape: 'none', multiline: true }] },
  rust: {
    lineComments: ['//'],
    blockComments: [{ open: '/*', close: '*/', nested: true }],
    strings: [backslash('"', '"', true)],
    specials: ['rustRaw', 'rustChar'],
  },
  swift: {
    lineComments: ['//'],
    blockComments: [{ open: '/*', close: '*/', nested: true }],
    strings: [
      { ...backslash('"""', '"""', true), interpolation: { open: '\\(', close: ')' } },
      { ...backslash('"'), interpolation: { open: '\\(', close: ')' } },
    ],
    specials: ['swiftRaw'],
  },
  dart: {
    ...C_COMMENTS,
    strings: [
      { ...backslash('"""', '"""', true), interpolation: { open: '${', close: '}' } },
      { ...backslash("'''", "'''", true), interpolation: { open: '${', close: '}' } },
      { ...backslash('"'), interpolation: { open: '${', close: '}' } },
      { ...backslash("'"), interpolation: { open: '${', close: '}' } },
    ],
  },
  python: {
    lineComments: ['#'],
    blockComments: [],
    strings: [backslash('"""', '"""', true), backslash("'''", "'''", true), ...C_STRINGS],
    specials: ['pythonPrefix'],
  },
  ruby: {
    lineComments: ['#'],
    blockComments: [{ open: '=begin', close: '=end', lineStart: true }],
    strings: [
      { ...backslash('"', '"', true), interpolation: { open: '#{', close: '}' } },
      backslash("'", "'", true),
      { ...backslash('`', '`', true), interpolation: { open: '#{', close: '}' } },
    ],
    specials: ['heredoc', 'percentLiteral', 'regexLiteral'],
  },
  php: {
    lineComments: ['//', '#'],
    blockComments: [{ open: '/*', close: '*/' }],
    strings: [backslash('"', '"', true), backslash("'", "'", true)],
    specials: ['heredoc', 'phpTemplate'],
  },
  perl: {
    lineComments: ['#'],
    blockComments: [{ open: '=pod', close: '=cut', lineStart: true }],
    strings: [backslash('"', '"', true), backslash("'", "'", true)],
    specials: ['heredoc'],
  },
  lua: {
    lineComments: ['--'],
    blockComments: [],
    strings: C_STRINGS,
    specials: ['luaLong'],
  },
  haskell: {
    lineComments: ['--'],
    blockComments: [{ open: '{-', close: '-}', nested: true }],
    strings: [backslash('"')],
  },
  elixir: {
    lineComments: ['#'],
    blockComments: [],
    strings: [
      { ...backslash('"""', '"""', true), interpolation: { open: '#{', close: '}' } },
      { ...backslash('"', '"', true), interpolation: { open: '#{', close: '}' } },
      backslash("'", "'", true),
    ],
  },
  clojure: { lineComments: [';'], blockComments: [], strings: [backslash('"', '"', true)] },
  r: { lineComments: ['#'], blockComments: [], strings: [backslash('"', '"', true), backslash("'", "'", true)] },
  powershell: {
    lineComments: ['#'],
    blockComments: [{ open: '<#', close: '#>' }],
    strings: [
      // Here-strings first: their body may hold quotes (`@"{"eventId": "…"}"@`).
      { open: '@"', close: '"@', escape: 'none', multiline: true, interpolation: { open: '$(', close: ')' } },
      { open: "@'", close: "'@", escape: 'none', multiline: true },
      { open: '"', close: '"', escape: 'backtick', multiline: true, interpolation: { open: '$(', close: ')' } },
      { open: "'", close: "'", escape: 'double', multiline: true },
    ],
  },
  css: { ...C_COMMENTS, strings: C_STRINGS },
  fsharp: {
    lineComments: ['//'],
    blockComments: [{ open: '(*', close: '*)', nested: true }],
    strings: [backslash('"""', '"""', true), backslash('"', '"', true)],
  },
  julia: {
    lineComments: ['#'],
    blockComments: [{ open: '#=', close: '=#', nested: true }],
    strings: [
      { ...backslash('"""', '"""', true), interpolation: { open: '$(', close: ')' } },
      { ...backslash('"', '"', true), interpolation: { open: '$(', close: ')' } },
    ],
  },
  erlang: { lineComments: ['%'], blockComments: [], strings: [backslash('"', '"', true)] },
  vb: { lineComments: ["'"], blockComments: [], strings: [{ open: '"', close: '"', escape: 'double', multiline: false }] },
  zig: { lineComments: ['//'], blockComments: [], strings: [backslash('"')] },
};

/** VS Code language IDs that share a syntax. */
const CODE_LANGUAGES: Record<string, keyof typeof SYNTAXES> = {
  c: 'c', cpp: 'c', 'cuda-cpp': 'c', 'objective-c': 'c', 'objective-cpp': 'c', hlsl: 'c', glsl: 'c', proto: 'c', proto3: 'c',
  javascript: 'javascript', javascriptreact: 'javascript', typescript: 'javascript', typescriptreact: 'javascript',
  vue: 'javascript', svelte: 'javascript', astro: 'javascript',
  java: 'java', kotlin: 'kotlin', scala: 'scala', groovy: 'groovy', csharp: 'csharp', go: 'go', rust: 'rust',
  swift: 'swift', dart: 'dart', python: 'python', ruby: 'ruby', php: 'php', perl: 'perl', perl6: 'perl', raku: 'perl',
  lua: 'lua', haskell: 'haskell', elixir: 'elixir', clojure: 'clojure', r: 'r', powershell: 'powershell',
  css: 'css', scss: 'css', less: 'css', fsharp: 'fsharp', julia: 'julia', erlang: 'erlang', vb: 'vb', zig: 'zig',
  coffeescript: 'python', solidity: 'javascript', 'objective-j': 'javascript', nim: 'python', crystal: 'ruby',
};

/** Data, config, prose, shell and SQL: every character is text where an ID may stand unquoted. */
const TEXT_LANGUAGES = new Set([
  'yaml', 'json', 'jsonc', 'json5', 'jsonl', 'jsonlines', 'toml', 'ini', 'properties', 'dotenv', 'env',
  'xml', 'xsl', 'html', 'terraform', 'hcl', 'terraform-vars', 'csv', 'tsv', 'markdown', 'mdx', 'plaintext',
  'log', 'shellscript', 'bat', 'sql', 'dockerfile', 'makefile', 'restructuredtext', 'asciidoc', 'latex',
  'jinja', 'django-html', 'handlebars', 'nginx', 'editorconfig', 'ignore', 'helm', 'graphql', 'http',
  'git-commit', 'diff', 'search-result', 'prometheus', 'promql', 'kql', 'lucene',
  // Language IDs of popular extensions for the same formats (Docker, GitHub Actions, Azure Pipelines, Ansible, SQL dialects).
  'dockercompose', 'github-actions-workflow', 'azure-pipelines', 'ansible', 'pgsql', 'postgres', 'mysql', 'plsql', 'tsql',
]);

/** How a language is examined. */
export function scanModeOf(languageId: string): ScanMode {
  if (languageId in CODE_LANGUAGES) return 'code';
  if (TEXT_LANGUAGES.has(languageId)) return 'text';
  return 'strict';
}

/** The lexer syntax of a programming language, undefined for data, config and prose. */
export function syntaxOf(languageId: string): Syntax | undefined {
  return languageId in CODE_LANGUAGES ? SYNTAXES[CODE_LANGUAGES[languageId]] : undefined;
}

/**
 * The regions `[start, end)` of `text` to examine, in order. For code, the
 * string and comment bodies up to `limit` (no region starts after it), only
 * those containing `needle` when given; for text, the whole document.
 */
export function examinedRegions(text: string, languageId: string, limit = text.length, needle?: string): number[] {
  const syntax = SYNTAXES[CODE_LANGUAGES[languageId]];
  return syntax ? lexRegions(text, syntax, limit, needle) : [0, text.length];
}

/** Language IDs for file extensions and names, for the CLI and the workspace index (no editor to ask). */
const EXTENSIONS: Record<string, string> = {
  ts: 'typescript', mts: 'typescript', cts: 'typescript', tsx: 'typescriptreact', js: 'javascript', mjs: 'javascript',
  cjs: 'javascript', jsx: 'javascriptreact', vue: 'vue', svelte: 'svelte', py: 'python', pyi: 'python', go: 'go',
  java: 'java', kt: 'kotlin', kts: 'kotlin', scala: 'scala', sc: 'scala', groovy: 'groovy', gradle: 'groovy', cs: 'csharp',
  c: 'c', h: 'c', cc: 'cpp', cpp: 'cpp', cxx: 'cpp', hpp: 'cpp', hh: 'cpp', m: 'objective-c', mm: 'objective-cpp',
  rs: 'rust', rb: 'ruby', rake: 'ruby', php: 'php', swift: 'swift', dart: 'dart', lua: 'lua', pl: 'perl', pm: 'perl',
  hs: 'haskell', ex: 'elixir', exs: 'elixir', clj: 'clojure', cljs: 'clojure', r: 'r', ps1: 'powershell', psm1: 'powershell',
  css: 'css', scss: 'scss', less: 'less', fs: 'fsharp', jl: 'julia', erl: 'erlang', vb: 'vb', zig: 'zig', proto: 'proto3',
  yaml: 'yaml', yml: 'yaml', json: 'json', jsonc: 'jsonc', json5: 'json5', jsonl: 'jsonl', ndjson: 'jsonl', toml: 'toml',
  ini: 'ini', cfg: 'ini', conf: 'ini', properties: 'properties', env: 'dotenv', xml: 'xml', html: 'html', htm: 'html',
  tf: 'terraform', tfvars: 'terraform', hcl: 'hcl', csv: 'csv', tsv: 'tsv', md: 'markdown', markdown: 'markdown', mdx: 'mdx',
  txt: 'plaintext', log: 'log', sh: 'shellscript', bash: 'shellscript', zsh: 'shellscript', ksh: 'shellscript',
  bat: 'bat', cmd: 'bat', sql: 'sql', rst: 'restructuredtext', adoc: 'asciidoc', j2: 'jinja', jinja: 'jinja',
  graphql: 'graphql', http: 'http',
  // `api.Dockerfile`, `worker.containerfile`, `rules.mk`, .NET/Java XML configs.
  dockerfile: 'dockerfile', containerfile: 'dockerfile', mk: 'makefile', gql: 'graphql', sbt: 'scala', psd1: 'powershell',
  xsd: 'xml', xsl: 'xml', xslt: 'xml', csproj: 'xml', props: 'xml', plist: 'xml', svg: 'xml',
};
const FILE_NAMES: Record<string, string> = {
  dockerfile: 'dockerfile', makefile: 'makefile', gnumakefile: 'makefile', '.env': 'dotenv', '.bashrc': 'shellscript',
  '.zshrc': 'shellscript', '.profile': 'shellscript', gemfile: 'ruby', rakefile: 'ruby', jenkinsfile: 'groovy',
  containerfile: 'dockerfile', vagrantfile: 'ruby', '.envrc': 'shellscript',
};

/** The VS Code language ID for a file path, `plaintext`-like `strict` fallback when unknown. */
export function languageIdForPath(filePath: string): string {
  const base = filePath.split(/[\\/]/).pop()!.toLowerCase();
  if (base in FILE_NAMES) return FILE_NAMES[base];
  if (base.startsWith('.env.') || base.endsWith('.env')) return 'dotenv';
  if (base.startsWith('dockerfile')) return 'dockerfile';
  const dot = base.lastIndexOf('.');
  return dot >= 0 ? (EXTENSIONS[base.slice(dot + 1)] ?? 'unknown') : 'unknown';
}
