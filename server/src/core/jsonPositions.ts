/**
 * A strict JSON parser that remembers where each value starts, so errors in a
 * user catalog can name the line of the bad entry (`events[3].id`), which
 * JSON.parse cannot. Iterative over arrays and objects' members, recursive in
 * nesting depth only, which is capped.
 */

export interface PositionedJson {
  value: unknown;
  /** Offset of the value at a path: `''` is the root, `events[3].id` a member. */
  offsets: Map<string, number>;
}

export class JsonSyntaxError extends Error {
  constructor(message: string, readonly offset: number) {
    super(message);
  }
}

const MAX_DEPTH = 64;

export function parseJsonWithPositions(text: string): PositionedJson {
  const offsets = new Map<string, number>();
  let pos = 0;

  const fail = (message: string): never => {
    throw new JsonSyntaxError(message, pos);
  };
  const skipSpace = () => {
    while (pos < text.length && ' \t\r\n\uFEFF'.includes(text[pos])) pos++;
  };
  const expect = (c: string) => {
    skipSpace();
    if (text[pos] !== c) fail(`expected '${c}' but found ${pos < text.length ? `'${text[pos]}'` : 'the end of the file'}`);
    pos++;
  };

  function parseString(): string {
    // eslint-disable-next-line no-control-regex -- JSON forbids raw control characters in strings
    const match = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;
    match.lastIndex = pos;
    const m = match.exec(text);
    if (!m) fail('invalid string');
    pos = match.lastIndex;
    return JSON.parse(m![0]) as string;
  }

  function parseValue(path: string, depth: number): unknown {
    if (depth > MAX_DEPTH) fail('nested too deeply');
    skipSpace();
    offsets.set(path, pos);
    const c = text[pos];
    if (c === '{') {
      pos++;
      const object: Record<string, unknown> = {};
      skipSpace();
      if (text[pos] === '}') {
        pos++;
        return object;
      }
      for (;;) {
        skipSpace();
        if (text[pos] !== '"') fail('expected a property name in double quotes');
        const key = parseString();
        expect(':');
        // As JSON.parse does: `"__proto__"` is an own property, never the object's prototype.
        Object.defineProperty(object, key, { value: parseValue(path ? `${path}.${key}` : key, depth + 1), enumerable: true, writable: true, configurable: true });
        skipSpace();
        if (text[pos] === ',') {
          pos++;
          continue;
        }
        expect('}');
        return object;
      }
    }
    if (c === '[') {
      pos++;
      const array: unknown[] = [];
      skipSpace();
      if (text[pos] === ']') {
        pos++;
        return array;
      }
      for (;;) {
        array.push(parseValue(`${path}[${array.length}]`, depth + 1));
        skipSpace();
        if (text[pos] === ',') {
          pos++;
          continue;
        }
        expect(']');
        return array;
      }
    }
    if (c === '"') return parseString();
    const literal = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y;
    literal.lastIndex = pos;
    const m = literal.exec(text);
    if (!m) return fail(pos < text.length ? `unexpected '${text[pos]}'` : 'unexpected end of file');
    pos = literal.lastIndex;
    return JSON.parse(m[0]);
  }

  const value = parseValue('', 0);
  skipSpace();
  if (pos < text.length) fail(`unexpected '${text[pos]}' after the end of the JSON value`);
  return { value, offsets };
}
