/**
 * The encodings the CLI can rewrite without loss: UTF-8 (with or without a BOM)
 * and UTF-16 with a BOM. Anything else (CP949/EUC-KR, Latin-1, broken bytes) is
 * still checked, decoded leniently, but never rewritten: writing it back as
 * UTF-8 replaced every non-ASCII byte with U+FFFD (issue 12).
 */

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be';

export interface Decoded {
  /** The text without its BOM: offsets and columns count from the first character after it. */
  text: string;
  encoding: Encoding;
  bom: boolean;
  /** Set when the bytes are not valid in any encoding above: the text is lossy and must not be written back. */
  notRewritable?: string;
}

const BOMS: Array<[Encoding, number[]]> = [
  ['utf-8', [0xef, 0xbb, 0xbf]],
  ['utf-16le', [0xff, 0xfe]],
  ['utf-16be', [0xfe, 0xff]],
];

/** Decodes a file's bytes; never throws. */
export function decodeText(bytes: Uint8Array): Decoded {
  const found = BOMS.find(([, bom]) => bom.every((byte, i) => bytes[i] === byte));
  const encoding = found?.[0] ?? 'utf-8';
  try {
    // fatal: invalid bytes throw instead of becoming U+FFFD; the BOM is dropped from the text.
    return { text: new TextDecoder(encoding, { fatal: true }).decode(bytes), encoding, bom: !!found };
  } catch {
    return {
      text: new TextDecoder(encoding).decode(bytes),
      encoding,
      bom: !!found,
      notRewritable: `not valid ${encoding === 'utf-8' ? 'UTF-8' : encoding.toUpperCase()}${found ? '' : ' (a legacy encoding such as CP949/EUC-KR or Latin-1?)'}; never rewritten`,
    };
  }
}

/** Encodes text back to the bytes of its encoding, with its BOM when it had one. */
export function encodeText(text: string, encoding: Encoding, bom: boolean): Buffer {
  const withBom = bom ? '\ufeff' + text : text;
  if (encoding === 'utf-8') return Buffer.from(withBom, 'utf8');
  const bytes = Buffer.from(withBom, 'utf16le');
  return encoding === 'utf-16be' ? bytes.swap16() : bytes;
}
