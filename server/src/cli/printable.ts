/** Text from files and file names made safe for a terminal. */

/**
 * A path as it may reach a terminal: control characters, line and paragraph separators and
 * bidirectional overrides escaped, so a file name cannot forge an output line or hide text.
 */
export function printable(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what this escapes
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\\]/g, (c) =>
    c === '\\' ? '\\\\' : `\\u{${c.charCodeAt(0).toString(16)}}`,
  );
}
