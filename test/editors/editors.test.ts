/**
 * The README's editor snippets, run for real in the editors Debian 12 ships:
 * Neovim 0.7 (headless), Emacs 28 with eglot 1.9 (batch) and Vim with ALE
 * (silent Ex mode). Each editor loads the snippet file the README includes
 * (snippets/), then a driver (drivers/) acts as the user would on a sample
 * project and writes what the editor shows to a JSON file: the diagnostics,
 * the hover, the lines after two completions and after the quick fix.
 * `cloudtrail-events-language-server` is the built bundle on PATH, as a global
 * npm install puts it; the wrapper notes each server's process id, so the test
 * can check that no server outlives its editor.
 */
import * as assert from 'assert';
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { SERVER_BUNDLE } from '../protocol/lspClient';

const HERE = path.resolve(__dirname, '..', '..', '..', 'test', 'editors');
const EDITOR_TIMEOUT_MS = 60_000;

const SAMPLE = [
  'EVENTS = {',
  '    "event_id.iaas.instnace.create": on_create,',
  '    "event_id.iaas.volume.attach": on_attach,',
  '}',
  'A = "event_id.iaas."',
  'B = "event_id.iaas.instance.cr"',
  '',
].join('\n');

interface Seen {
  error?: string;
  diagnostics?: string[];
  hover?: string;
  /** Line 5 after completing at `"event_id.iaas.|"` and picking `volume.` */
  namespaceLine?: string;
  /** Emacs: line 5 after completion-at-point alone (the common prefix must be empty). */
  namespaceUntouched?: string;
  namespaceOffered?: string[];
  /** Line 6 after completing at `instance.cr|` and picking `create`. */
  segmentLine?: string;
  segmentOffered?: string[];
  /** Line 2 after applying the preferred quick fix. */
  fixedLine?: string;
}

interface Editor {
  name: string;
  command: string;
  /** Debian packages, for the message when the editor is missing. */
  packages: string;
  snippet: string;
  args: (snippet: string, driver: string) => string[];
  driver: string;
  /** The client asks for plain-text hovers (no Markdown renderer). */
  plainText: boolean;
}

const EDITORS: Editor[] = [
  {
    name: 'Neovim 0.7 (built-in client, omnifunc)',
    command: 'nvim',
    packages: 'neovim',
    snippet: 'neovim-0.7.lua',
    driver: 'neovim.lua',
    args: (snippet, driver) => ['--headless', '-n', '-i', 'NONE', '-u', snippet, '-c', `luafile ${driver}`],
    plainText: false,
  },
  {
    name: 'Emacs 28 with eglot 1.9',
    command: 'emacs',
    packages: 'emacs-nox elpa-eglot',
    snippet: 'eglot.el',
    driver: 'eglot.el',
    // No -Q: Debian's site-start activates the elpa-eglot package, as for a user.
    args: (snippet, driver) => ['--batch', '-l', snippet, '-l', driver],
    plainText: true,
  },
  {
    name: 'Vim with ALE',
    command: 'vim',
    packages: 'vim vim-ale',
    snippet: 'ale.vim',
    driver: 'ale.vim',
    args: (snippet, driver) => ['-N', '-n', '-i', 'NONE', '-es', '-u', snippet, '-S', driver],
    plainText: true,
  },
];

function onPath(command: string): boolean {
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) => fs.existsSync(path.join(dir, command)));
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitUntil(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!condition() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  return condition();
}

/** Runs one editor on a fresh project; resolves with what it saw, its exit code and the server process ids. */
async function runEditor(editor: Editor): Promise<{ seen: Seen; code: number | null; pids: number[]; output: string }> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), `cloudtrail-${editor.command}-`));
  const project = path.join(root, 'project');
  const bin = path.join(root, 'bin');
  const home = path.join(root, 'home');
  for (const dir of [path.join(project, '.git'), bin, home]) fs.mkdirSync(dir, { recursive: true });
  const file = path.join(project, 'handler.py');
  fs.writeFileSync(file, SAMPLE);
  const pidsFile = path.join(root, 'server-pids');
  const resultFile = path.join(root, 'result.json');
  const server = path.join(bin, 'cloudtrail-events-language-server');
  fs.writeFileSync(server, `#!/bin/sh\necho $$ >> '${pidsFile}'\nexec '${process.execPath}' '${SERVER_BUNDLE}' "$@"\n`, { mode: 0o755 });

  const child = spawn(editor.command, editor.args(path.join(HERE, 'snippets', editor.snippet), path.join(HERE, 'drivers', editor.driver)), {
    cwd: project,
    // stdin stays open: Vim in Ex mode reads typed keys from it, and waits (running timers) meanwhile.
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, HOME: home, XDG_CONFIG_HOME: path.join(home, '.config'), XDG_DATA_HOME: path.join(home, '.local/share'), XDG_STATE_HOME: path.join(home, '.local/state'), PATH: `${bin}${path.delimiter}${process.env.PATH}`, CT_FILE: file, CT_RESULT: resultFile, TERM: 'dumb' },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), EDITOR_TIMEOUT_MS);
  const code = await new Promise<number | null>((resolve) => child.on('exit', (exitCode) => resolve(exitCode)));
  clearTimeout(timer);
  child.stdin.destroy();
  const seen: Seen = fs.existsSync(resultFile) ? JSON.parse(fs.readFileSync(resultFile, 'utf8')) : { error: 'no result written' };
  const pids = fs.existsSync(pidsFile) ? fs.readFileSync(pidsFile, 'utf8').trim().split('\n').map(Number) : [];
  fs.rmSync(root, { recursive: true, force: true });
  return { seen, code, pids, output };
}

describe('the README snippets not run in CI still load', () => {
  it('Neovim 0.8+ (compiled by Neovim 0.7, which lacks vim.lsp.start)', () => {
    const snippet = path.join(HERE, 'snippets', 'neovim.lua');
    const result = spawnSync('nvim', ['--headless', '-u', 'NONE', '-c', `lua local ok, err = loadfile(${JSON.stringify(snippet)}) if not ok then io.stderr:write(err) vim.cmd('cquit') end`, '-c', 'qa!'], { encoding: 'utf8', timeout: 20_000 });
    assert.strictEqual(result.status, 0, result.stderr + result.stdout);
  });

  it('vim-lsp (sourced by Vim: the autocommand is defined without errors)', () => {
    const snippet = path.join(HERE, 'snippets', 'vim-lsp.vim');
    const result = spawnSync('vim', ['-N', '-u', 'NONE', '-i', 'NONE', '-n', '-es', '-c', `source ${snippet}`, '-c', 'if !exists("#cloudtrail_events#User") | cquit | endif', '-c', 'qa!'], { encoding: 'utf8', timeout: 20_000 });
    assert.strictEqual(result.status, 0, result.stderr + result.stdout);
  });
});

describe('the README snippets in real editors', function () {
  this.timeout(EDITOR_TIMEOUT_MS + 15_000);
  before(() => assert.ok(fs.existsSync(SERVER_BUNDLE), `${SERVER_BUNDLE} is missing: run npm run build`));

  for (const editor of EDITORS) {
    describe(editor.name, () => {
      let run: Awaited<ReturnType<typeof runEditor>>;
      before(async function () {
        assert.ok(onPath(editor.command), `${editor.command} is not installed: apt-get install ${editor.packages} (bash .ci/run does)`);
        run = await runEditor(editor);
        assert.strictEqual(run.seen.error, undefined, `the driver failed: ${run.seen.error}\n${run.output}`);
      });

      it('shows the diagnostic with its suggestion', () => {
        assert.ok(run.seen.diagnostics?.some((d) => d.includes("Unknown CloudTrail event ID 'event_id.iaas.instnace.create'. Did you mean 'event_id.iaas.instance.create'?")), JSON.stringify(run.seen.diagnostics));
      });

      it(`hovers in Korean${editor.plainText ? ', in plain text: description, service and ID on their own lines' : ''}`, () => {
        const lines = run.seen.hover?.split('\n').filter((line) => line !== '') ?? [];
        if (editor.plainText) assert.deepStrictEqual(lines, ['인스턴스 블록 스토리지 연결', 'Service: 기본 인프라 서비스', 'event_id.iaas.volume.attach']);
        else assert.deepStrictEqual(lines, ['**인스턴스 블록 스토리지 연결**', 'Service: 기본 인프라 서비스', '`event_id.iaas.volume.attach`']);
      });

      it('completes after `"event_id.iaas.`: the namespace picked follows the prefix once', () => {
        if (run.seen.namespaceUntouched !== undefined) assert.strictEqual(run.seen.namespaceUntouched, 'A = "event_id.iaas."', 'nothing inserted before the pick');
        if (run.seen.namespaceOffered) assert.ok(run.seen.namespaceOffered.every((word) => !word.startsWith('event_id')), 'the words continue the prefix');
        assert.strictEqual(run.seen.namespaceLine, 'A = "event_id.iaas.volume."');
      });

      it('completes after a partial segment `instance.cr`', () => {
        if (run.seen.segmentOffered) assert.deepStrictEqual(run.seen.segmentOffered, ['create', 'create_end']);
        assert.strictEqual(run.seen.segmentLine, 'B = "event_id.iaas.instance.create"');
      });

      it('applies the preferred quick fix', () => {
        assert.strictEqual(run.seen.fixedLine, '    "event_id.iaas.instance.create": on_create,');
      });

      it('exits cleanly, with one server for the project and none left running', async () => {
        assert.strictEqual(run.code, 0, run.output);
        assert.strictEqual(run.pids.length, 1, `servers started: ${run.pids.join(', ')}`);
        assert.ok(await waitUntil(() => !run.pids.some(alive), 5000), `server ${run.pids.filter(alive).join(', ')} still running after the editor quit`);
      });
    });
  }
});
