/**
 * What a repository can make the server show or use when the workspace is not
 * trusted: the catalog settings it may have written are not applied, its
 * `.cloudtrail-events.json` is not read, and text from any catalog reaches a
 * hover as literal text, never as links, images or HTML.
 */
import * as assert from 'assert';
import { builtinCatalog } from '../../server/src/core/builtin';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CatalogInputs, loadCatalog } from '../../server/src/catalogLoader';
import { Catalog, CatalogEvent } from '../../server/src/core/catalog';
import { coverageMarkdown, escapeMarkdown, eventMarkdown } from '../../server/src/core/markdown';
import { parseUserCatalog, USER_CATALOG_FILE } from '../../server/src/core/userCatalog';
import { normalizeSettings } from '../../server/src/settings';

const LISTS = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'lists');
const EXTRA = [{ id: 'event_id.custom.thing.create', description: '사용자 이벤트' }];

describe('untrusted workspaces: catalog inputs', () => {
  let folder: string;
  before(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'cte-trust-'));
    fs.writeFileSync(path.join(folder, USER_CATALOG_FILE), JSON.stringify({ events: [{ id: 'event_id.file.thing.create', description: 'from the file' }] }));
  });
  after(() => fs.rmSync(folder, { recursive: true, force: true }));

  const inputs = (overrides: Partial<CatalogInputs>): CatalogInputs => ({
    officialLists: [path.join(LISTS, 'newer.ko.md')],
    lenient: false,
    extraEvents: EXTRA,
    folders: [folder],
    trusted: false,
    ...overrides,
  });

  it('untrusted: officialLists, extraEvents and the workspace file are all left out, and the messages say how to trust', () => {
    const loaded = loadCatalog(inputs({}));
    assert.strictEqual(loaded.catalog.size, builtinCatalog().size);
    assert.deepStrictEqual(loaded.watched.filter((f) => f.endsWith('.md')), []);
    const texts = loaded.messages.map((m) => m.text);
    assert.ok(texts.some((t) => /cloudtrailEvents\.catalog\.officialLists and cloudtrailEvents\.catalog\.extraEvents not applied, because the workspace is not trusted/.test(t)), JSON.stringify(texts));
    assert.ok(texts.some((t) => t.includes(USER_CATALOG_FILE) && /not trusted/.test(t)));
    assert.ok(texts.every((t) => !/not trusted/.test(t) || t.includes('initializationOptions { "trusted": true }')));
  });

  it('untrusted, but the client already left the workspace values out (VS Code): the settings apply, the file is still not read', () => {
    const loaded = loadCatalog(inputs({ settingsTrusted: true }));
    assert.strictEqual(loaded.catalog.size, 525 + 1);
    assert.ok(loaded.catalog.get('event_id.custom.thing.create'));
    assert.strictEqual(loaded.catalog.get('event_id.file.thing.create'), undefined);
  });

  it('trusted: everything applies', () => {
    const loaded = loadCatalog(inputs({ trusted: true }));
    assert.ok(loaded.catalog.get('event_id.custom.thing.create'));
    assert.ok(loaded.catalog.get('event_id.file.thing.create'));
  });
});

describe('hover text from catalogs is literal', () => {
  const HOSTILE = [
    'click [here](https://evil.example/x)',
    '![tracker](https://evil.example/p.png)',
    '<img src=x onerror=alert(1)> <b>bold</b>',
    'see https://evil.example or www.evil.example',
    'multi\n\n# Heading\n> quote',
    '*em* _em_ `code` ~~strike~~ | table | &amp;',
  ];
  const event = (text: string): CatalogEvent => ({ id: 'event_id.custom.thing.create', description: text, service: text, segments: ['event_id', 'custom', 'thing', 'create'], origin: 'user', deprecated: text, names: { en: `${text} en` } });

  /** No Markdown construct can start: every opener is escaped, no line break is left. */
  function assertInert(markdown: string, text: string) {
    const escaped = escapeMarkdown(text);
    assert.ok(markdown.includes(escaped), `${JSON.stringify(markdown)} holds ${JSON.stringify(escaped)}`);
    assert.doesNotMatch(escaped, /(?<!\\)[[\]<>`*_#|~&:]|\n/);
    assert.doesNotMatch(escaped, /(?<!\\)\.(?=evil)/);
  }

  for (const text of HOSTILE) {
    it(`escapes ${JSON.stringify(text)} in the description, service, deprecation note and other names`, () => {
      const e = event(text);
      const markdown = eventMarkdown(e, new Catalog([e]), 'en');
      assertInert(markdown, text);
      assert.strictEqual(markdown.split(escapeMarkdown(text)).length - 1, 4, 'description, other name, service and deprecation note');
      assertInert(coverageMarkdown('event_id.custom.*', [e]), text);
    });
  }

  it('plain descriptions are unchanged (Korean, parentheses, dots, dashes)', () => {
    for (const text of ['인스턴스 생성', '인스턴스 생성(Create)', 'Use event_id.iaas.instance.modify - now', 'v1.2']) {
      assert.strictEqual(escapeMarkdown(text), text.replace(/_/g, '\\_'));
    }
  });
});

describe('messages quote an excerpt, never a whole line', () => {
  it('a 100 KB "id" in .cloudtrail-events.json is quoted in 80 characters', () => {
    const id = `event_id.${'x '.repeat(50_000)}`;
    const parsed = parseUserCatalog(JSON.stringify({ events: [{ id, description: 'd' }] }));
    const [problem] = parsed.problems;
    assert.ok(problem.message.length < 300, `${problem.message.length} characters`);
    assert.match(problem.message, /… \(100009 characters\)/);
  });

  it('a 100 KB settings value of the wrong type is named in a few dozen characters', () => {
    const { problems } = normalizeSettings({ diagnostics: { severity: 'x'.repeat(100_000) }, exclude: 'y'.repeat(100_000) });
    assert.strictEqual(problems.length, 2);
    for (const problem of problems) assert.ok(problem.length < 300, `${problem.length} characters`);
    assert.match(problems.join('\n'), /cloudtrailEvents\.diagnostics\.severity.*\(100002 characters\)/);
  });
});
