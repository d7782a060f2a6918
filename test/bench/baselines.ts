/**
 * The limits the server is compared with, measured in the same run so that
 * ratios hold on a noisy machine:
 * - the bare in-process scan: one regex over the text and a Set lookup per match (the JS limit);
 * - ripgrep over the same file (the native limit);
 * - the transport floor: the client library serialising the didOpen message and the
 *   server library parsing it, in one process with no pipe in between.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { PassThrough } from 'stream';
import { Message, NotificationMessage, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';
import { median, timeRuns } from './stats';

const ID_PATTERN = 'event_id\\.[A-Za-z0-9_.*%-]+';

/** Counts the IDs of `text` that are not in `ids`. */
export function bareScan(text: string, ids: ReadonlySet<string>): number {
  const regex = new RegExp(ID_PATTERN, 'g');
  let unknown = 0;
  for (let m = regex.exec(text); m; m = regex.exec(text)) if (!ids.has(m[0])) unknown++;
  return unknown;
}

export function timeBareScan(text: string, ids: ReadonlySet<string>, runs: number): number[] {
  return timeRuns(runs, () => bareScan(text, ids), 2);
}

export interface RipgrepTiming {
  /** ripgrep's own "seconds spent searching" (--stats), ms. */
  searchMs: number;
  /** Spawn to exit, ms. */
  wallMs: number;
  matches: number;
}

/** ripgrep counting the ID pattern in a file; undefined when `rg` is not installed. */
export function timeRipgrep(text: string, runs: number): RipgrepTiming | undefined {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cloudtrail-bench-'));
  const file = path.join(dir, 'document.ts');
  fs.writeFileSync(file, text);
  try {
    const search: number[] = [];
    const wall: number[] = [];
    let matches = 0;
    for (let i = 0; i <= runs; i++) {
      const t0 = performance.now();
      const result = spawnSync('rg', ['--stats', '--count-matches', '--no-filename', '-e', ID_PATTERN, file], { encoding: 'utf8' });
      const elapsed = performance.now() - t0;
      if (result.error) return undefined;
      const seconds = /([\d.]+) seconds spent searching/.exec(result.stdout);
      matches = Number(result.stdout.split('\n')[0]);
      if (i === 0) continue; // warm the page cache
      wall.push(elapsed);
      if (seconds) search.push(Number(seconds[1]) * 1000);
    }
    return { searchMs: median(search), wallMs: median(wall), matches };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Time for the protocol libraries to serialise `message` and parse it back (ms per run). */
export async function timeTransport(message: NotificationMessage, runs: number): Promise<number[]> {
  const pipe = new PassThrough({ highWaterMark: 64 * 1024 });
  const writer = new StreamMessageWriter(pipe);
  const reader = new StreamMessageReader(pipe);
  let arrived: ((m: Message) => void) | undefined;
  reader.listen((m) => arrived?.(m));
  const once = async () => {
    const got = new Promise<Message>((resolve) => (arrived = resolve));
    const t0 = performance.now();
    await writer.write(message);
    await got;
    return performance.now() - t0;
  };
  await once();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) out.push(await once());
  reader.dispose();
  writer.dispose();
  return out;
}
