/**
 * A unified diff of a fixed file, for `--fix --dry-run` (`--diff`), in the form
 * `git apply` and `patch -p1` take. Fixes replace IDs inside lines, so unchanged
 * lines before and after are trimmed and the rest compared line by line; lines
 * keep their own endings (CRLF stays CRLF in the patch).
 */

const CONTEXT = 3;

/** Lines with their endings; the last may have none. */
function linesOf(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

/** A changed range: lines [a0, a1) of the old text become lines [b0, b1) of the new. */
type Change = [a0: number, a1: number, b0: number, b1: number];

function changesOf(a: string[], b: string[]): Change[] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  // The same number of lines in between: each run of differing lines is its own change.
  if (endA - start !== endB - start) return endA > start || endB > start ? [[start, endA, start, endB]] : [];
  const changes: Change[] = [];
  for (let i = start; i < endA; i++) {
    if (a[i] === b[i]) continue;
    const last = changes[changes.length - 1];
    if (last && last[1] === i) last[1] = last[3] = i + 1;
    else changes.push([i, i + 1, i, i + 1]);
  }
  return changes;
}

const line = (prefix: string, text: string) => (text.endsWith('\n') ? prefix + text : `${prefix}${text}\n\\ No newline at end of file\n`);
const range = (start: number, count: number) => `${count === 0 ? start : start + 1},${count}`;

/** The unified diff from `before` to `after` of one file (`name` relative, with forward slashes); empty when equal. */
export function unifiedDiff(name: string, before: string, after: string): string {
  const a = linesOf(before);
  const b = linesOf(after);
  const changes = changesOf(a, b);
  if (changes.length === 0) return '';
  let out = `--- a/${name}\n+++ b/${name}\n`;
  for (let i = 0; i < changes.length; ) {
    // Changes closer than twice the context share a hunk. A change starts at the same line in both
    // texts (the lines before it are equal), so a hunk does too.
    let j = i;
    while (j + 1 < changes.length && changes[j + 1][0] - changes[j][1] <= 2 * CONTEXT) j++;
    const from = Math.max(0, changes[i][0] - CONTEXT);
    const toA = Math.min(a.length, changes[j][1] + CONTEXT);
    const toB = Math.min(b.length, changes[j][3] + CONTEXT);
    let body = '';
    let at = from;
    for (let k = i; k <= j; k++) {
      const [a0, a1, b0, b1] = changes[k];
      for (; at < a0; at++) body += line(' ', a[at]);
      for (let n = a0; n < a1; n++) body += line('-', a[n]);
      for (let n = b0; n < b1; n++) body += line('+', b[n]);
      at = a1;
    }
    for (; at < toA; at++) body += line(' ', a[at]);
    out += `@@ -${range(from, toA - from)} +${range(from, toB - from)} @@\n${body}`;
    i = j + 1;
  }
  return out;
}
