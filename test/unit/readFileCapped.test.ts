/**
 * Reading a file a repository names: regular files only, the cap held while reading,
 * never blocking (issue 13).
 */
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readRegularFile } from '../../server/src/readFileCapped';

describe('readRegularFile', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cte-read-'));
  const file = path.join(dir, 'a.txt');
  fs.writeFileSync(file, 'event_id.iaas.instance.create\n');
  execFileSync('mkfifo', [path.join(dir, 'fifo')]);

  it('reads a regular file within the cap', () => {
    assert.deepStrictEqual(readRegularFile(file, 100), { bytes: Buffer.from('event_id.iaas.instance.create\n') });
    assert.deepStrictEqual(readRegularFile(file, 30), { bytes: Buffer.from('event_id.iaas.instance.create\n') }, 'exactly the cap');
  });

  it('refuses a file over the cap', () => {
    assert.deepStrictEqual(readRegularFile(file, 29), { skipped: 'larger than 29 bytes' });
  });

  it('holds the cap while reading, when the size stat reports is wrong', () => {
    // /proc files report size 0 and hold more.
    assert.strictEqual(fs.statSync('/proc/self/status').size, 0);
    assert.deepStrictEqual(readRegularFile('/proc/self/status', 10), { skipped: 'larger than 10 bytes' });
    assert.ok('bytes' in readRegularFile('/proc/self/status', 1024 * 1024));
  });

  it('never blocks on a FIFO and never reads a device or a directory', () => {
    assert.deepStrictEqual(readRegularFile(path.join(dir, 'fifo'), 100), { skipped: 'a FIFO, not a regular file; not read' });
    assert.deepStrictEqual(readRegularFile('/dev/zero', 100), { skipped: 'a character device, not a regular file; not read' });
    assert.deepStrictEqual(readRegularFile(dir, 100), { skipped: 'a directory, not a regular file; not read' });
  });

  it('says why a file cannot be read', () => {
    assert.deepStrictEqual(readRegularFile(path.join(dir, 'missing'), 100), { skipped: 'cannot read (ENOENT)' });
  });
});
