/**
 * Paths a repository or a setting names can point at things that are not
 * files: every read must end promptly with the text or a reason, never block
 * on a FIFO or stream /dev/zero forever. Unix-only cases are skipped elsewhere.
 */
import * as assert from 'assert';
import { builtinCatalog } from '../../server/src/core/builtin';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { loadCatalog } from '../../server/src/catalogLoader';
import { USER_CATALOG_FILE } from '../../server/src/core/userCatalog';
import { readRegularBytesAsync, readRegularFile } from '../../server/src/readFileCapped';

const unix = process.platform !== 'win32';

describe('reading files a repository names: regular files only, capped while reading', function () {
  // Each case ends in milliseconds; a read that never ends fails here instead of hanging the run.
  this.timeout(5000);
  let dir: string;
  let socket: net.Server | undefined;
  const special: Record<string, string> = {};

  before(async function () {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cte-read-'));
    fs.writeFileSync(path.join(dir, 'small.txt'), 'hello');
    if (!unix) return;
    special.fifo = path.join(dir, 'fifo');
    execFileSync('mkfifo', [special.fifo]);
    special.socket = path.join(dir, 'socket');
    socket = net.createServer();
    await new Promise<void>((resolve) => socket!.listen(special.socket, resolve));
    special['/dev/zero'] = '/dev/zero';
    special['/dev/urandom'] = '/dev/urandom';
    special['symlink to /dev/zero'] = path.join(dir, 'zero-link');
    fs.symlinkSync('/dev/zero', special['symlink to /dev/zero']);
    special['symlink to the FIFO'] = path.join(dir, 'fifo-link');
    fs.symlinkSync(special.fifo, special['symlink to the FIFO']);
    special.directory = dir;
  });
  after(() => {
    socket?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('a regular file is read', () => {
    assert.deepStrictEqual(readRegularFile(path.join(dir, 'small.txt'), 100), { text: 'hello' });
  });

  it('a missing file says so', () => {
    assert.strictEqual((readRegularFile(path.join(dir, 'missing'), 100) as { kind: string }).kind, 'notFound');
  });

  it('a file above the cap is refused', () => {
    assert.strictEqual((readRegularFile(path.join(dir, 'small.txt'), 4) as { kind: string }).kind, 'tooLarge');
  });

  it('the cap holds while reading, not only from stat (a /proc file reports size 0)', function () {
    if (!fs.existsSync('/proc/self/status')) this.skip();
    assert.strictEqual(fs.statSync('/proc/self/status').size, 0);
    assert.strictEqual((readRegularFile('/proc/self/status', 16) as { kind: string }).kind, 'tooLarge');
    assert.ok('text' in readRegularFile('/proc/self/status', 1024 * 1024));
  });

  for (const name of ['fifo', 'socket', '/dev/zero', '/dev/urandom', 'symlink to /dev/zero', 'symlink to the FIFO', 'directory']) {
    it(`${name}: skipped with a reason, at once (sync and async)`, async function () {
      if (!unix) this.skip();
      const sync = readRegularFile(special[name], 1024);
      assert.ok('skipped' in sync && sync.kind === 'notRegular', JSON.stringify(sync));
      const async = await readRegularBytesAsync(special[name], 1024);
      assert.ok('skipped' in async && async.kind === 'notRegular', JSON.stringify(async));
    });
  }

  it('an official list, a user catalog file that is a FIFO or /dev/zero: a message, the built-in catalog stays', function () {
    if (!unix) this.skip();
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'cte-read-ws-'));
    try {
      fs.symlinkSync('/dev/zero', path.join(folder, USER_CATALOG_FILE));
      const loaded = loadCatalog({ officialLists: [special.fifo, '/dev/urandom'], lenient: true, extraEvents: [], folders: [folder], trusted: true });
      assert.strictEqual(loaded.catalog.size, builtinCatalog().size);
      const texts = loaded.messages.map((m) => m.text);
      assert.ok(texts.some((t) => t.includes(special.fifo) && /FIFO/.test(t)), JSON.stringify(texts));
      assert.ok(texts.some((t) => t.includes('/dev/urandom') && /character device/.test(t)), JSON.stringify(texts));
      assert.ok(texts.some((t) => t.includes(USER_CATALOG_FILE) && /character device/.test(t)), JSON.stringify(texts));
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});
