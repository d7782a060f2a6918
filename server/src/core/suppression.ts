/**
 * Suppression comments, as cspell and the YAML server allow:
 * `cloudtrail-events-disable-next-line` silences the next line,
 * `cloudtrail-events-disable` anywhere silences the whole file.
 * Found in any text (a comment in code, a `#` line in YAML), so every file type works.
 */

const DIRECTIVE = 'cloudtrail-events-disable';
const NEXT_LINE = '-next-line';

export interface Suppression {
  /** True when a diagnostic at `offset` is silenced. */
  isSuppressed(offset: number): boolean;
}

/**
 * Reads the suppression comments of a document, on the first question: a document with no
 * problem is never searched, and a large one handled in slices is searched once.
 */
export function readSuppression(text: string): Suppression {
  let read: { whole: boolean; lines: number[] } | undefined;
  return {
    isSuppressed(offset: number): boolean {
      read ??= directivesOf(text);
      if (read.whole) return true;
      const { lines } = read;
      for (let i = 0; i < lines.length; i += 2) if (lines[i] <= offset && offset <= lines[i + 1]) return true;
      return false;
    },
  };
}

function directivesOf(text: string): { whole: boolean; lines: number[] } {
  const lines: number[] = [];
  let whole = false;
  for (let at = text.indexOf(DIRECTIVE); at >= 0; at = text.indexOf(DIRECTIVE, at + DIRECTIVE.length)) {
    const rest = at + DIRECTIVE.length;
    if (text.startsWith(NEXT_LINE, rest)) {
      const lineEnd = text.indexOf('\n', rest);
      if (lineEnd < 0) continue;
      const nextEnd = text.indexOf('\n', lineEnd + 1);
      lines.push(lineEnd + 1, nextEnd < 0 ? text.length : nextEnd);
    } else if (!/[\w-]/.test(text[rest] ?? '')) {
      whole = true;
    }
  }
  return { whole, lines };
}
