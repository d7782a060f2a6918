/**
 * Writing a fixed file so that nothing is lost: the new bytes go to a temporary
 * file in the same folder, which takes the original's permissions and owner and
 * is renamed over it, so a killed run leaves the old file or the new one, never
 * half of each, and a full disk or a file-size limit leaves the original intact.
 * A file edited since it was checked, a read-only file or one that cannot be
 * written is left alone and the reason returned (issues 12 and 13).
 */
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { readRegularBytes } from '../readFileCapped';

const codeOf = (error: unknown) => (error as NodeJS.ErrnoException).code ?? (error as Error).message;

function writeAll(fd: number, bytes: Buffer): void {
  for (let written = 0; written < bytes.length; ) written += fs.writeSync(fd, bytes, written, bytes.length - written);
}

/**
 * Replaces the bytes of `file` (a symlink's target, keeping the link) with `bytes`, if it still
 * holds `expected`. Returns undefined when written, otherwise why it was not; never throws.
 */
export function replaceFile(file: string, expected: Buffer, bytes: Buffer): string | undefined {
  let target: string;
  let stat: fs.Stats;
  try {
    target = fs.realpathSync(file);
    stat = fs.statSync(target);
  } catch (error) {
    return `cannot read it again (${codeOf(error)})`;
  }
  // A read-only file says "do not change me" even to root, who could rename over it.
  if ((stat.mode & 0o222) === 0) return 'the file is read-only';
  // Renaming over one name of a hard-linked file would leave the other names with the old text.
  if (stat.nlink > 1) return `the file has ${stat.nlink} hard links; replacing one name would split them`;
  try {
    fs.accessSync(target, fs.constants.W_OK);
  } catch (error) {
    return `the file is not writable (${codeOf(error)})`;
  }
  const now = readRegularBytes(target, expected.length);
  if (!('bytes' in now) || !now.bytes.equals(expected)) return 'the file changed since it was checked';

  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${crypto.randomBytes(6).toString('hex')}.cloudtrail-fix`);
  let fd: number | undefined;
  try {
    fd = fs.openSync(temporary, 'wx', 0o600);
    writeAll(fd, bytes);
    fs.fchmodSync(fd, stat.mode & 0o7777);
    const created = fs.fstatSync(fd);
    if (created.uid !== stat.uid || created.gid !== stat.gid) fs.fchownSync(fd, stat.uid, stat.gid);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    fs.renameSync(temporary, target);
  } catch (error) {
    if (fd !== undefined) fs.closeSync(fd);
    try {
      fs.rmSync(temporary, { force: true });
    } catch {
      // Left behind; its name says what it is.
    }
    return `cannot write it (${codeOf(error)}); the file is unchanged`;
  }
  return undefined;
}
