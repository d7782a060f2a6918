import * as assert from 'assert';
import * as vscode from 'vscode';
import {
  activateExtension, compact, deleteScratch, labelOf, offsetRange, openScratch, parseMarkers, replaceRangeOf, waitFor,
} from './helpers';

/** `|` is the cursor, `‹…›` the span an accepted item must replace: the whole token, never the closing quote. */
const CASES: { name: string; file: string; text: string }[] = [
  { name: 'typescript string', file: 'completion.ts', text: 'const id = "‹event_id.iaas.inst|›";\n' },
  { name: 'typescript template literal', file: 'completion2.ts', text: 'const id = `‹event_id.iaas.inst|›`;\n' },
  { name: 'python string', file: 'completion.py', text: 'EVENT = \'‹event_id.iaas.inst|›\'\n' },
  { name: 'go string', file: 'completion.go', text: 'package audit\n\nconst Event = "‹event_id.iaas.inst|›"\n' },
  { name: 'yaml value, unquoted', file: 'completion.yaml', text: 'events:\n  - ‹event_id.iaas.inst|›\n' },
  { name: 'json string', file: 'completion.json', text: '{ "eventId": "‹event_id.iaas.inst|›" }\n' },
  { name: 'markdown code span', file: 'completion.md', text: 'Created as `‹event_id.iaas.inst|›`.\n' },
  { name: 'cursor inside the token replaces the text after it too', file: 'completion3.ts', text: 'const id = "‹event_id.iaas.inst|ance.cr›";\n' },
];

/**
 * A few of the IDs every case must offer (`inst` is being typed: deeper events whose rest holds
 * its letters in order), with their details: the Korean description, then the name in VS Code's
 * display language (English here).
 */
const EXPECTED: [string, string][] = [
  ['event_id.iaas.instance.create', '인스턴스 생성 · Create Instance'],
  ['event_id.iaas.instance.delete', '인스턴스 삭제 · Delete Instance'],
  ['event_id.iaas.instance_action.reboot', '인스턴스 재부팅 · Reboot Instance'],
  ['event_id.iaas.instance_template.create', '인스턴스 템플릿 생성 · Create Instance Template'],
];

async function completionsAt(document: vscode.TextDocument, offset: number): Promise<vscode.CompletionItem[]> {
  // The language server may still be starting: wait for its items, not for any item.
  return waitFor(`event ID completions in ${document.fileName}`, async () => {
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider', document.uri, document.positionAt(offset));
    const ours = list.items.filter(item => labelOf(item).startsWith('event_id.'));
    return ours.length > 0 ? ours : undefined;
  });
}

describe('completion of event IDs', () => {
  before(activateExtension);
  after(deleteScratch);

  for (const { name, file, text } of CASES) {
    it(`${name}: offers the instance IDs with Korean details, replacing the whole token`, async () => {
      const marked = parseMarkers(text);
      const document = await openScratch(file, marked.text);
      const items = await completionsAt(document, marked.cursor);
      for (const [id, description] of EXPECTED) {
        const item = items.find(candidate => labelOf(candidate) === id);
        assert.ok(item, `${id} is not offered; got ${items.slice(0, 10).map(labelOf).join(', ')}…`);
        assert.strictEqual(item.detail, description, `detail of ${id}`);
        const range = replaceRangeOf(item);
        assert.ok(range, `${id} has no edit range`);
        assert.deepStrictEqual(compact(range), offsetRange(document, marked.range!), `edit range of ${id}`);
      }
    });
  }

  it('typescript code outside strings: offers no event ID', async () => {
    const code = parseMarkers('const event_id = { iaas: { inst: 1 } };\nconsole.log(event_id.iaas.inst|);\n');
    const control = parseMarkers('const id = "event_id.iaas.inst|";\n');
    const document = await openScratch('outside.ts', `${code.text}${control.text}`);
    // The string in the same file proves the server has the document before the negative check.
    await completionsAt(document, code.text.length + control.cursor);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider', document.uri, document.positionAt(code.cursor));
    assert.deepStrictEqual(list.items.map(labelOf).filter(label => label.startsWith('event_id.')), []);
  });
});
