/**
 * V8's young generation starts at 1 MB per semi-space and doubles after busy collections,
 * up to 16 MB each: a server that has opened a few large files keeps 32 MB of mostly empty
 * young generation resident for good (a third of its memory with 200 files open). Keeping it
 * at its initial size costs more, shorter scavenges and no measurable time on a 100k-line file
 * (docs/benchmark.md). `--max-semi-space-size` is read only when the heap is made; the growth
 * factor is read at each collection, so it works when set from the running server.
 */
import * as v8 from 'v8';

export function keepYoungGenerationSmall(): void {
  v8.setFlagsFromString('--semi-space-growth-factor=1');
}
