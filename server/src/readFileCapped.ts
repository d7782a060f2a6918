/**
 * Reading a file a repository or a setting names, safely: only a regular file,
 * and never more than a cap. `stat` alone cannot enforce either (`/dev/zero`
 * reports size 0 and never ends; a FIFO blocks on open), so the file is opened
 * without blocking, checked on the open descriptor, and read in chunks that
 * stop past the cap (issue 13). Node only: the core never reads files.
 */
import * as fs from 'fs';

export type ReadRegularFile = { bytes: Buffer } | { skipped: string };

const CHUNK = 64 * 1024;

/** What a non-regular file is, for the message. */
function kindOf(stat: fs.Stats): string {
  if (stat.isDirectory()) return 'a directory';
  if (stat.isFIFO()) return 'a FIFO';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  if (stat.isSocket()) return 'a socket';
  return 'not a regular file';
}

/** The reason a path is not a regular file (symlinks followed), or undefined when it is one. */
export function notRegularFile(file: string): string | undefined {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (error) {
    return `cannot read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`;
  }
  return stat.isFile() ? undefined : `${kindOf(stat)}, not a regular file; not read`;
}

/** Formats a byte count as the cap is usually given. */
const sizeText = (bytes: number) => (bytes >= 1024 * 1024 ? `${+(bytes / (1024 * 1024)).toFixed(1)} MB` : `${bytes} bytes`);

/**
 * The bytes of `file` if it is a regular file of at most `maxBytes` bytes; otherwise why it was
 * not read (not a regular file, larger than the cap, or the error code). Never throws, never blocks.
 */
export function readRegularFile(file: string, maxBytes: number): ReadRegularFile {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer forever.
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // A socket cannot be opened (ENXIO): say what it is rather than the code.
    const kind = notRegularFile(file);
    return { skipped: code === 'ENXIO' && kind ? kind : `cannot read (${code ?? (error as Error).message})` };
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) return { skipped: `${kindOf(stat)}, not a regular file; not read` };
    if (stat.size > maxBytes) return { skipped: `larger than ${sizeText(maxBytes)}` };
    // The size can change while reading (a growing file): the cap holds on what is read.
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(CHUNK, maxBytes + 1 - total));
      const read = fs.readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) break;
      total += read;
      if (total > maxBytes) return { skipped: `larger than ${sizeText(maxBytes)}` };
      chunks.push(read === chunk.length ? chunk : chunk.subarray(0, read));
    }
    return { bytes: Buffer.concat(chunks, total) };
  } catch (error) {
    return { skipped: `cannot read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` };
  } finally {
    fs.closeSync(fd);
  }
}
