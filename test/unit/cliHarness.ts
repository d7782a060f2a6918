/**
 * Running the CLI in tests: in-process through `main` with captured streams, or
 * as the built script in a child process where a read could block (FIFOs,
 * devices) or a write limit could stop the process.
 */
import { spawnSync, SpawnSyncReturns } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Writable } from 'stream';
import { main } from '../../server/src/cli';

// ajv 6 validates draft-04, the dialect of the SARIF 2.1.0 schema shipped by @microsoft/jest-sarif.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const Ajv = require('ajv');
const SARIF_SCHEMA = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');

/** The schema's complaints about a SARIF log, or undefined when it is valid SARIF 2.1.0. */
export function sarifErrors(sarif: unknown): string | undefined {
  const ajv = new Ajv({ schemaId: 'auto', allErrors: true, logger: false });
  ajv.addMetaSchema(JSON.parse(fs.readFileSync(require.resolve('ajv/lib/refs/json-schema-draft-04.json'), 'utf8')));
  return ajv.validate(JSON.parse(fs.readFileSync(SARIF_SCHEMA, 'utf8')), sarif) ? undefined : JSON.stringify(ajv.errors, null, 2);
}

/** The compiled CLI next to this compiled test (out/server/src/cli.js). */
export const CLI_SCRIPT = path.resolve(__dirname, '..', '..', 'server', 'src', 'cli.js');

class Capture extends Writable {
  text = '';
  _write(chunk: Buffer, _encoding: string, done: () => void) {
    this.text += chunk.toString();
    done();
  }
}

export function run(cwd: string, ...argv: string[]) {
  const out = new Capture();
  const err = new Capture();
  const code = main(argv, cwd, out as unknown as typeof process.stdout, err as unknown as typeof process.stderr);
  return { code, out: out.text, err: err.text };
}

/** Runs the built CLI in a child process; a hang ends at `timeout` ms with `status` null. */
export function runChild(cwd: string, argv: string[], options: { timeout?: number; shellPrefix?: string; nodeOptions?: string[] } = {}): SpawnSyncReturns<string> {
  const node = [process.execPath, ...(options.nodeOptions ?? []), CLI_SCRIPT, ...argv];
  const command = options.shellPrefix ? ['bash', '-c', `${options.shellPrefix}; exec "$@"`, 'bash', ...node] : node;
  return spawnSync(command[0], command.slice(1), { cwd, encoding: 'utf8', timeout: options.timeout ?? 15000 });
}

/** A temporary folder holding `files` (text, or bytes given as a Buffer). */
export function workspace(files: Record<string, string | Buffer>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cte-cli-'));
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), content);
  }
  return root;
}
