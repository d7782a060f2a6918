/**
 * Shapes that real text holds, through a real LSP client: a group of events written as one
 * event, a doubled prefix, a verb the catalog spells otherwise, IDs in JSX text, and an ID
 * still being typed (no squiggle until the user moves on or saves).
 */
import * as assert from 'assert';
import { DidSaveTextDocumentNotification } from 'vscode-languageserver-protocol';
import { positionAt, TestClient } from './lspClient';

let counter = 0;
const uriFor = (ext: string) => `file:///work/real-text-${++counter}.${ext}`;
const marked = (text: string, diagnostics: { range: { start: { line: number; character: number }; end: { line: number; character: number } } }[]) =>
  diagnostics.map((d) => text.split('\n')[d.range.start.line].slice(d.range.start.character, d.range.end.character));

describe('real text over LSP (in-band)', () => {
  let client: TestClient;
  before(async () => {
    client = TestClient.inBand();
    await client.initialize({}, { uiLanguage: 'en' });
  });
  after(() => client.dispose());

  it('a group of events written as an event: a warning naming its events, a quick fix to each and to the prefix forms', async () => {
    const uri = uriFor('yaml');
    const text = 'on: event_id.iaas.cluster.create\nok: event_id.iaas.cluster.create.start\nprefix: "event_id.iaas.cluster.create."\n';
    await client.open(uri, 'yaml', text);
    const diagnostics = await client.diagnostics(uri);
    assert.deepStrictEqual(marked(text, diagnostics), ['event_id.iaas.cluster.create']);
    assert.strictEqual(diagnostics[0].code, 'event-group-id');
    assert.match(diagnostics[0].message, /group of CloudTrail events.*event_id\.iaas\.cluster\.create\.start/);
    const actions = await client.codeActions(uri, diagnostics[0].range, diagnostics);
    assert.deepStrictEqual(
      actions.map((a) => ('edit' in a ? Object.values(a.edit?.changes ?? {})[0][0].newText : '')),
      ['event_id.iaas.cluster.create.end', 'event_id.iaas.cluster.create.failed', 'event_id.iaas.cluster.create.start', 'event_id.iaas.cluster.create.', 'event_id.iaas.cluster.create.*'],
    );
    assert.ok(actions.every((a) => !('isPreferred' in a) || !a.isPreferred), 'no group member is preferred over the others');
  });

  it('a doubled prefix suggests the ID without it; a swapped verb suggests the catalog\'s verb', async () => {
    const uri = uriFor('ts');
    const text = 'const a = "event_id.event_id.iaas.instance.create";\nconst b = "event_id.iaas.volume.remove";\n';
    await client.open(uri, 'typescript', text);
    const diagnostics = await client.diagnostics(uri);
    assert.deepStrictEqual(marked(text, diagnostics), ['event_id.event_id.iaas.instance.create', 'event_id.iaas.volume.remove']);
    assert.match(diagnostics[0].message, /Did you mean 'event_id\.iaas\.instance\.create'\?/);
    assert.match(diagnostics[1].message, /Did you mean 'event_id\.iaas\.volume\.delete'\?/);
  });

  it('IDs in JSX text between tags are read like strings; comparisons in code are not', async () => {
    const uri = uriFor('tsx');
    const text = 'export const Row = () => (\n  <td className="id">event_id.iaas.instnace.create</td>\n);\nif (a > event_id.iaas.x && b < 3) {}\n';
    await client.open(uri, 'typescriptreact', text);
    assert.deepStrictEqual(marked(text, await client.diagnostics(uri)), ['event_id.iaas.instnace.create']);
  });

  it('an ID being typed is not flagged while it starts a real ID; it is once the edit moves on, or on save', async () => {
    const uri = uriFor('yaml');
    const start = 'events:\n  - ';
    await client.open(uri, 'yaml', start);
    await client.diagnostics(uri);
    const typed = 'event_id.iaas.insta';
    const end = positionAt(start, start.length);
    await client.change(uri, { start: end, end }, typed);
    assert.deepStrictEqual(await client.diagnostics(uri), [], 'no squiggle at the cursor');
    // Typing elsewhere: the half-typed ID is left behind and reported.
    const text = `${start}${typed}\n`;
    const after = positionAt(`${start}${typed}`, start.length + typed.length);
    await client.change(uri, { start: after, end: after }, '\n');
    assert.deepStrictEqual(marked(text, await client.diagnostics(uri)), ['event_id.iaas.insta']);

    // Typed again at the end, then saved: the save reports it.
    const uri2 = uriFor('yaml');
    await client.open(uri2, 'yaml', start);
    await client.diagnostics(uri2);
    await client.change(uri2, { start: end, end }, typed);
    assert.deepStrictEqual(await client.diagnostics(uri2), []);
    await client.connection.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri: uri2 } });
    assert.deepStrictEqual(marked(`${start}${typed}`, await client.diagnostics(uri2, (d) => d.length > 0)), ['event_id.iaas.insta']);
  });

  it('text that starts no ID is flagged even while typed', async () => {
    const uri = uriFor('yaml');
    const start = 'x: ';
    await client.open(uri, 'yaml', start);
    await client.diagnostics(uri);
    const end = positionAt(start, start.length);
    await client.change(uri, { start: end, end }, 'event_id.iaas.instnace');
    assert.deepStrictEqual(marked('x: event_id.iaas.instnace', await client.diagnostics(uri)), ['event_id.iaas.instnace']);
  });
});
