/**
 * Reads a file a repository or a setting names, safely: only a regular file
 * (a symbolic link is followed, and judged by what it points to), and never
 * more than a byte cap, counted while reading rather than trusted from `stat`.
 *
 * A path can name a FIFO, `/dev/zero`, `/dev/urandom` or a socket, and a file
 * can grow while it is read; a plain `readFileSync` then never returns (14.5 GB
 * read after 300 s in the reported case). The file is opened non-blocking (so
 * a FIFO without a writer does not block the open), its type checked on the
 * open descriptor (no race with a rename in between), and reading stops one
 * byte past the cap.
 */
import * as fs from 'fs';
import type { Skipped } from '../../shared/fileRequests';


// Not defined on Windows, where opening a pipe by path does not block in the same way.
const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0);
const CHUNK = 64 * 1024;

function kindOf(stat: fs.Stats): string {
  if (stat.isDirectory()) return 'a directory';
  if (stat.isFIFO()) return 'a FIFO (named pipe)';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  if (stat.isSocket()) return 'a socket';
  return 'not a regular file';
}

const sizeText = (bytes: number) => (bytes >= 1024 * 1024 ? `${+(bytes / (1024 * 1024)).toFixed(1)} MB` : `${bytes} bytes`);

function failure(error: unknown): Skipped {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'notFound', skipped: 'does not exist' };
  // A Unix socket cannot be opened at all (ENXIO).
  if (code === 'ENXIO') return { kind: 'notRegular', skipped: 'is a socket or a device without a reader, not a regular file' };
  return { kind: 'unreadable', skipped: `cannot be read (${code ?? (error as Error).message})` };
}

const notRegular = (stat: fs.Stats): Skipped | undefined =>
  stat.isFile() ? undefined : { kind: 'notRegular', skipped: `is ${kindOf(stat)}, not a regular file; skipped` };
const tooLarge = (maxBytes: number): Skipped => ({ kind: 'tooLarge', skipped: `is larger than ${sizeText(maxBytes)}; skipped` });

/**
 * Collects at most `maxBytes` bytes: room is made as the reads need it, and a
 * read that reaches one byte past the cap means the file is too large.
 */
class CappedBuffer {
  private buffer: Buffer;
  length = 0;

  constructor(
    sizeHint: number,
    private readonly maxBytes: number,
  ) {
    this.buffer = Buffer.allocUnsafe(Math.min(sizeHint, maxBytes) + 1);
  }

  get overflowed(): boolean {
    return this.length > this.maxBytes;
  }

  /** Where the next read goes; grows the buffer when it is full. */
  room(): { buffer: Buffer; offset: number; length: number } {
    if (this.length === this.buffer.length) {
      const grown = Buffer.allocUnsafe(Math.min(this.buffer.length * 2 + CHUNK, this.maxBytes + 1));
      this.buffer.copy(grown, 0, 0, this.length);
      this.buffer = grown;
    }
    return { buffer: this.buffer, offset: this.length, length: this.buffer.length - this.length };
  }

  result(): { bytes: Buffer } | Skipped {
    return this.overflowed ? tooLarge(this.maxBytes) : { bytes: this.buffer.subarray(0, this.length) };
  }
}

/** The bytes of the regular file at `path`, at most `maxBytes` of them, or why it was not read. */
export function readRegularBytes(path: string, maxBytes: number): { bytes: Buffer } | Skipped {
  let fd: number;
  try {
    fd = fs.openSync(path, OPEN_FLAGS);
  } catch (error) {
    return failure(error);
  }
  try {
    const stat = fs.fstatSync(fd);
    const refused = notRegular(stat) ?? (stat.size > maxBytes ? tooLarge(maxBytes) : undefined);
    if (refused) return refused;
    // The size is only a hint: the file may have grown since.
    const collected = new CappedBuffer(stat.size, maxBytes);
    while (!collected.overflowed) {
      const { buffer, offset, length } = collected.room();
      const read = fs.readSync(fd, buffer, offset, length, null);
      if (read === 0) break;
      collected.length += read;
    }
    return collected.result();
  } catch (error) {
    return failure(error);
  } finally {
    fs.closeSync(fd);
  }
}

/** The text (UTF-8) of the regular file at `path`, at most `maxBytes` long, or why it was not read. */
export function readRegularFile(path: string, maxBytes: number): { text: string } | Skipped {
  const read = readRegularBytes(path, maxBytes);
  return 'bytes' in read ? { text: read.bytes.toString('utf8') } : read;
}

/** readRegularBytes without blocking the event loop, for the workspace crawl. */
export async function readRegularBytesAsync(path: string, maxBytes: number): Promise<{ bytes: Buffer } | Skipped> {
  let handle: fs.promises.FileHandle;
  try {
    handle = await fs.promises.open(path, OPEN_FLAGS);
  } catch (error) {
    return failure(error);
  }
  try {
    const stat = await handle.stat();
    const refused = notRegular(stat) ?? (stat.size > maxBytes ? tooLarge(maxBytes) : undefined);
    if (refused) return refused;
    const collected = new CappedBuffer(stat.size, maxBytes);
    while (!collected.overflowed) {
      const { buffer, offset, length } = collected.room();
      const { bytesRead } = await handle.read(buffer, offset, length, null);
      if (bytesRead === 0) break;
      collected.length += bytesRead;
    }
    return collected.result();
  } catch (error) {
    return failure(error);
  } finally {
    await handle.close();
  }
}

/**
 * Why `path` is not a regular file (symbolic links followed), or undefined when it is one: for
 * paths checked before another module reads them (the CLI's `--catalog` lists).
 */
export function notRegularFile(path: string): string | undefined {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(path);
  } catch (error) {
    return failure(error).skipped;
  }
  return notRegular(stat)?.skipped;
}
