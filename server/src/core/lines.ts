/**
 * Lines of a text as LSP counts them (`\r\n`, `\r` and `\n` each end a line),
 * for the places that turn offsets into lines without a TextDocument: the
 * workspace index, the CLI's output, and errors in user catalog files.
 */

/** Offsets of the line starts of `text`. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 /* \r */) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (c === 10 /* \n */) starts.push(i + 1);
  }
  return starts;
}

/** The 0-based line of `offset` (binary search in `starts`). */
export function lineOf(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid] <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

/**
 * `text` quoted for a message (JSON string syntax), cut to its first `max` characters: a message
 * about a row or a value names it without repeating a whole line of the file, which may be huge.
 */
export function quoteExcerpt(text: string, max = 80): string {
  return text.length <= max ? JSON.stringify(text) : `${JSON.stringify(text.slice(0, max))}… (${text.length} characters)`;
}
