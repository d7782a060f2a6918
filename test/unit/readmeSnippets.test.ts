/**
 * The README's configuration snippets are the files the tests run
 * (test/editors/snippets/ in real editors, test/package/ with pre-commit):
 * each `<!-- snippet: path -->` is followed by a fenced block equal to the file.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const README = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const MARKED = /<!-- snippet: (\S+) -->\n```[a-z]*\n([\s\S]*?)```\n/g;

describe('README snippets', () => {
  const included = [...README.matchAll(MARKED)].map(([, file, body]) => ({ file, body }));

  for (const { file, body } of included) {
    it(`${file} is included verbatim`, () => {
      assert.strictEqual(body, fs.readFileSync(path.join(ROOT, file), 'utf8'));
    });
  }

  it('every snippet file of the editor tests is in the README, and every marker has its block', () => {
    const files = fs.readdirSync(path.join(ROOT, 'test', 'editors', 'snippets')).map((name) => `test/editors/snippets/${name}`);
    assert.deepStrictEqual(files.filter((file) => !included.some((s) => s.file === file)), []);
    assert.strictEqual(included.length, (README.match(/<!-- snippet: /g) ?? []).length);
  });
});
