/**
 * The scanner finds candidate ID tokens with exact offsets: `event_id.` then
 * the longest run of ID characters and wildcards, with the boundary rule
 * before `event_id` and a trailing `-` dropped.
 */
import * as assert from 'assert';
import { scanTokens, tokenAt } from '../../server/src/core/scanner';

function tokens(text: string, from = 0, to = text.length): string[] {
  const out: number[] = [];
  scanTokens(text, from, to, out);
  const found: string[] = [];
  for (let i = 0; i < out.length; i += 2) {
    assert.ok(out[i] >= from && out[i + 1] <= to && out[i] < out[i + 1], `token [${out[i]}, ${out[i + 1]}) outside [${from}, ${to})`);
    found.push(text.slice(out[i], out[i + 1]));
  }
  return found;
}

describe('scanner: candidate tokens and their offsets', () => {
  const CASES: { name: string; text: string; expected: string[] }[] = [
    { name: 'a bare ID', text: 'event_id.iaas.instance.create', expected: ['event_id.iaas.instance.create'] },
    { name: 'a quoted ID', text: 'x = "event_id.iaas.instance.create";', expected: ['event_id.iaas.instance.create'] },
    { name: 'longest match: image.create_id is one token', text: "'event_id.iaas.image.create_id'", expected: ['event_id.iaas.image.create_id'] },
    { name: 'inner dashes belong to the ID', text: 'event_id.market_place.termination-apply-cancel', expected: ['event_id.market_place.termination-apply-cancel'] },
    { name: 'a trailing dash ending a sentence is dropped', text: 'see event_id.iaas.instance.create- and more', expected: ['event_id.iaas.instance.create'] },
    { name: 'a trailing dot is kept for the analyzer to decide', text: 'It is event_id.iaas.instance.create.', expected: ['event_id.iaas.instance.create.'] },
    { name: 'a namespace prefix keeps its dot', text: 'startsWith("event_id.iaas.")', expected: ['event_id.iaas.'] },
    { name: 'the root prefix alone', text: 'PREFIX = "event_id."', expected: ['event_id.'] },
    { name: 'wildcards * and % are part of the token', text: "event_id.iaas.* LIKE 'event_id.iaas.instance.%'", expected: ['event_id.iaas.*', 'event_id.iaas.instance.%'] },
    { name: 'printf verbs are part of the token', text: 'Sprintf("event_id.iaas.%s.create", r)', expected: ['event_id.iaas.%s.create'] },
    { name: 'several IDs separated by commas', text: 'event_id.iam.login,event_id.org.update, event_id.project.update', expected: ['event_id.iam.login', 'event_id.org.update', 'event_id.project.update'] },
    { name: 'the token ends at an interpolation', text: '`event_id.iaas.volume.${action}`', expected: ['event_id.iaas.volume.'] },
    { name: 'the token ends at a parenthesis', text: 'event_id.lower()', expected: ['event_id.lower'] },
    { name: 'the token ends at a slash', text: 'rules/event_id.iaas.instance.create/x', expected: ['event_id.iaas.instance.create'] },
    { name: 'after a Korean word', text: '이벤트event_id.iaas.instance.create', expected: ['event_id.iaas.instance.create'] },
    { name: 'after an emoji (UTF-16 surrogates)', text: '🚨 event_id.iaas.instance.delete 🚨', expected: ['event_id.iaas.instance.delete'] },
    { name: 'after a string escape \\n', text: '"line\\nevent_id.iaas.instance.create"', expected: ['event_id.iaas.instance.create'] },
    { name: 'after a markdown backtick and a table pipe', text: '|`event_id.iam.login`|', expected: ['event_id.iam.login'] },
    { name: 'after = and : (key=value, key: value)', text: 'a=event_id.iam.login b:event_id.org.update', expected: ['event_id.iam.login', 'event_id.org.update'] },
    // The boundary rule: these are names, not IDs.
    { name: 'not after an identifier character: my_event_id', text: 'my_event_id.iaas.x', expected: [] },
    { name: 'not after a letter or digit', text: 'xevent_id.iaas.x 1event_id.iaas.x', expected: [] },
    { name: 'not after a dot: record.event_id.startswith', text: 'record.event_id.startswith', expected: [] },
    { name: 'not after $: shell $event_id.jsonl', text: 'out="$DIR/$event_id.jsonl"', expected: [] },
    { name: 'not after @: Ruby @event_id.start_with?', text: '@event_id.start_with?', expected: [] },
    { name: 'not after -: kebab-case my-event_id.x', text: 'my-event_id.iaas.x', expected: [] },
    { name: 'not after an escaped backslash then n', text: '"\\\\nevent_id.iaas.x"', expected: [] },
    { name: 'event_id without a dot is no token', text: 'event_id = 1; event_id: x; "event_id"', expected: [] },
  ];
  for (const c of CASES) it(c.name, () => assert.deepStrictEqual(tokens(c.text), c.expected));

  it('offsets slice back to the token in every case', () => {
    for (const c of CASES) {
      const out: number[] = [];
      scanTokens(c.text, 0, c.text.length, out);
      for (let i = 0; i < out.length; i += 2) assert.ok(c.text.slice(out[i], out[i + 1]).startsWith('event_id.'), c.name);
    }
  });

  it('scans only [from, to) and never extends a token past to', () => {
    const text = '"event_id.iaas.instance.create" event_id.iaas.volume.create';
    assert.deepStrictEqual(tokens(text, 1, 30), ['event_id.iaas.instance.create']);
    assert.deepStrictEqual(tokens(text, 1, 20), ['event_id.iaas.insta'], 'cut at to');
    assert.deepStrictEqual(tokens(text, 31), ['event_id.iaas.volume.create']);
  });
});

describe('scanner: tokenAt, the token around the cursor (| marks it)', () => {
  const CASES: { name: string; text: string; expected: string | undefined }[] = [
    { name: 'typing a segment inside a string', text: '"event_id.iaas.inst|"', expected: 'event_id.iaas.inst' },
    { name: 'right after the dot', text: "'event_id.iaas.|'", expected: 'event_id.iaas.' },
    { name: 'a bare event_id', text: 'filter: event_id|', expected: 'event_id' },
    { name: 'cursor in the middle covers the whole token', text: 'x = "event_id.ia|as.instance.create"', expected: 'event_id.iaas.instance.create' },
    { name: 'cursor at the start of the token', text: '"|event_id.iaas.instance.create"', expected: 'event_id.iaas.instance.create' },
    { name: 'after a dot-separated name: not an ID', text: 'record.event_id.st|', expected: undefined },
    { name: 'after an identifier: not an ID', text: 'my_event_id.|', expected: undefined },
    { name: 'in unrelated text', text: 'const x = fo|o;', expected: undefined },
    { name: 'the second of two IDs on a line', text: 'event_id.iam.login, event_id.org.up|', expected: 'event_id.org.up' },
  ];
  for (const c of CASES) {
    it(c.name, () => {
      const offset = c.text.indexOf('|');
      const text = c.text.replace('|', '');
      const span = tokenAt(text, offset);
      assert.strictEqual(span && text.slice(span.start, span.end), c.expected);
    });
  }
});
