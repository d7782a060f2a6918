/**
 * JSON with comments (`.vscode/settings.json`) made plain JSON, in one pass.
 *
 * A settings file comes from the repository being checked. The regular
 * expression this replaces rescanned the rest of the file from every `/*`
 * without a closing `*\/` and from every quote of an unclosed string: quadratic
 * (600 KB of `/* ` took 19 s, 400 KB of escaped quotes 54 s).
 */

const isLineTerminator = (c: string | undefined) => c === '\n' || c === '\r' || c === '\u2028' || c === '\u2029';

/**
 * The offset of the quote closing the string that opens at `start`, or minus the offset where it
 * fails: a line feed, the end, or a backslash before a line break (JSON strings hold none).
 */
function stringEnd(text: string, start: number): number {
  let j = start + 1;
  while (j < text.length) {
    const c = text[j];
    if (c === '"') return j;
    if (c === '\n') break;
    if (c === '\\') {
      if (j + 1 >= text.length || isLineTerminator(text[j + 1])) break;
      j += 2;
    } else j++;
  }
  return -j;
}

/**
 * Removes comments (replaced by as many spaces, so offsets keep their place) and trailing commas,
 * keeping strings intact. A `/*` never closed and a string never closed on its line are left as
 * they are, for JSON.parse to report.
 */
export function stripJsonComments(text: string): string {
  const chunks: string[] = [];
  let kept = 0;
  /** Quotes before this offset open a string that does not close on its line. */
  let unclosedUntil = -1;
  let blockCommentsClose = true;
  const blank = (from: number, to: number) => {
    chunks.push(text.slice(kept, from), ' '.repeat(to - from));
    kept = to;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"' && i >= unclosedUntil) {
      const end = stringEnd(text, i);
      if (end >= 0) i = end;
      // Every quote up to where this one failed is escaped inside it: each would fail there too.
      else unclosedUntil = -end;
    } else if (c === '/' && text[i + 1] === '/') {
      const end = text.indexOf('\n', i);
      const to = end < 0 ? text.length : end;
      blank(i, to);
      i = to - 1;
    } else if (c === '/' && text[i + 1] === '*' && blockCommentsClose) {
      const close = text.indexOf('*/', i + 2);
      if (close < 0) blockCommentsClose = false;
      else {
        blank(i, close + 2);
        i = close + 1;
      }
    }
  }
  chunks.push(text.slice(kept));
  return chunks.join('').replace(/,(\s*[}\]])/g, '$1');
}
