/**
 * The CLI finds exactly what the editor finds: every corpus file is opened in
 * the real server and linted by the CLI, and the two lists must be equal.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { Writable } from 'stream';
import { main } from '../../server/src/cli';
import { languageIdForPath } from '../../server/src/core/languages';
import { TestClient } from './lspClient';

const CORPUS = path.resolve(__dirname, '..', '..', '..', 'test', 'corpus');

class Capture extends Writable {
  text = '';
  _write(chunk: Buffer, _encoding: string, done: () => void) {
    this.text += chunk.toString();
    done();
  }
}

describe('CLI and editor agree on the corpus', () => {
  let client: TestClient;
  before(async () => {
    client = TestClient.inBand();
    await client.initialize();
  });
  after(() => client.dispose());

  it('same findings, positions and messages in every file', async () => {
    const out = new Capture();
    const code = main(['lint', '--format', 'json', '.'], CORPUS, out as unknown as typeof process.stdout, new Capture() as unknown as typeof process.stderr);
    assert.strictEqual(code, 1);
    const cli = (JSON.parse(out.text).findings as Array<{ file: string; line: number; column: number; message: string }>)
      .filter((f) => !f.file.endsWith('.expected.json') && f.file !== 'README.md')
      .map((f) => `${f.file}:${f.line}:${f.column} ${f.message}`);

    const editor: string[] = [];
    for (const file of fs.readdirSync(CORPUS).filter((f) => !f.endsWith('.expected.json') && f !== 'README.md').sort()) {
      const uri = pathToFileURL(path.join(CORPUS, file)).href;
      await client.open(uri, languageIdForPath(file), fs.readFileSync(path.join(CORPUS, file), 'utf8'));
      for (const d of await client.diagnostics(uri)) editor.push(`${file}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`);
    }
    assert.ok(cli.length > 100, `the corpus has many findings (${cli.length})`);
    assert.deepStrictEqual(cli.sort(), editor.sort());
  });
});
