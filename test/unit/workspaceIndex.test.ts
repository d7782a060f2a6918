/**
 * The workspace index's pure pieces: which files are left out (.gitignore,
 * files.exclude, the excluded-globs setting), what is stored per file, the
 * inverted index and its counts, the catalog rows Go to Definition opens, and
 * the Workspace Symbols search.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { findIds } from '../../server/src/core/analyze';
import { builtinCatalog } from '../../server/src/core/builtin';
import { CatalogEvent } from '../../server/src/core/catalog';
import { BUILTIN_SOURCE_FILE, CatalogSources, findUpward, idRows } from '../../server/src/workspace/catalogSource';
import { ExcludeRules, parseFilesExclude, parseGitignore } from '../../server/src/workspace/excludeRules';
import { isSubsequence, searchEvents, symbolName, symbolScore } from '../../server/src/workspace/symbolSearch';
import { fileUsagesOf, UsageIndex, UsageKind } from '../../server/src/workspace/usageIndex';
import { lineStarts } from '../../server/src/core/lines';

// out/test/unit -> repository root
const ROOT = path.resolve(__dirname, '..', '..', '..');
const catalog = builtinCatalog();

describe('workspace index', () => {
  describe('exclusions', () => {
    const gitignore = parseGitignore(['# build output', 'build/', '/dist', 'docs/generated', '*.log', '!important.log', '\\#notes', 'cache/**', '', '   '].join('\n'));
    const filesExclude = parseFilesExclude({ '**/.git': true, '**/vendor': true, '**/coverage': false, '**/*.js': { when: '$(basename).ts' }, '**/odd': 'yes' });
    const rules = new ExcludeRules(['**/node_modules/**', '**/*.min.js'], [...filesExclude, ...gitignore], '/work/project');
    const siblings = new Set(['Widget.ts', 'Widget.js', 'plain.js']);

    const cases: { name: string; path: string; directory?: boolean; excluded: boolean }[] = [
      { name: '.gitignore `build/` leaves out a build directory at any depth', path: 'packages/app/build', directory: true, excluded: true },
      { name: '.gitignore `build/` matches directories only, not a file named build', path: 'scripts/build', excluded: false },
      { name: '.gitignore `/dist` is anchored at the folder root', path: 'dist', directory: true, excluded: true },
      { name: '.gitignore `/dist` does not match a nested dist', path: 'src/dist', directory: true, excluded: false },
      { name: '.gitignore `docs/generated` (a middle slash) is anchored too', path: 'docs/generated', directory: true, excluded: true },
      { name: '.gitignore `docs/generated` does not match deeper', path: 'src/docs/generated', directory: true, excluded: false },
      { name: '.gitignore `*.log` matches a file name anywhere', path: 'var/audit/today.log', excluded: true },
      { name: '.gitignore `!important.log` re-includes after `*.log`', path: 'var/important.log', excluded: false },
      { name: '.gitignore `\\#notes` is the file #notes, not a comment', path: '#notes', excluded: true },
      { name: '.gitignore `cache/**` leaves out what is below cache', path: 'cache/a/b.json', excluded: true },
      { name: 'files.exclude `**/vendor` leaves out the directory', path: 'third_party/vendor', directory: true, excluded: true },
      { name: 'files.exclude `false` entries add no rule', path: 'coverage', directory: true, excluded: false },
      { name: 'files.exclude `when: $(basename).ts` leaves out Widget.js next to Widget.ts', path: 'src/Widget.js', excluded: true },
      { name: 'files.exclude `when` keeps plain.js, which has no plain.ts', path: 'src/plain.js', excluded: false },
      { name: 'files.exclude ignores values that are neither true nor { when }', path: 'odd', directory: true, excluded: false },
      { name: 'setting glob `**/node_modules/**` prunes the node_modules directory itself', path: 'node_modules', directory: true, excluded: true },
      { name: 'setting glob `**/node_modules/**` prunes a nested node_modules', path: 'web/node_modules', directory: true, excluded: true },
      { name: 'setting glob `**/*.min.js` leaves out minified files', path: 'web/app.min.js', excluded: true },
      { name: 'an ordinary source file is kept', path: 'src/handler.py', excluded: false },
    ];
    for (const c of cases) {
      it(c.name, () => assert.equal(rules.isExcluded(c.path, !!c.directory, (name) => siblings.has(name)), c.excluded));
    }

    it('a setting glob is also tried on the absolute path, as the editor matches open documents', () => {
      const absolute = new ExcludeRules(['/work/project/generated/**'], [], '/work/project');
      assert.equal(absolute.isExcluded('generated/ids.ts', false), true);
      assert.equal(absolute.isExcluded('src/ids.ts', false), false);
    });

    it('a watched file below an excluded directory is excluded (its parents are checked too)', () => {
      assert.equal(rules.isExcludedWithParents('packages/app/build/out.ts'), true);
      assert.equal(rules.isExcludedWithParents('web/node_modules/pkg/index.js'), true);
      assert.equal(rules.isExcludedWithParents('packages/app/src/out.ts'), false);
    });

    it('parses .gitignore negation, directory-only rules and escapes into rules', () => {
      assert.deepEqual(parseGitignore('!keep.tmp\nout/\n\\!bang\n'), [
        { glob: 'keep.tmp', negated: true, directoryOnly: false },
        { glob: 'out', negated: false, directoryOnly: true },
        { glob: '!bang', negated: false, directoryOnly: false },
      ]);
    });
  });

  describe('what is stored per file', () => {
    const positions = (text: string, languageId: string) => {
      const usages = fileUsagesOf(text, findIds(text, languageId, catalog));
      if (!usages) return [];
      return usages.keys.map((key, i) => [key, ...usages.spans.subarray(4 * i, 4 * i + 4)]);
    };
    const E = UsageKind.Event;
    const U = UsageKind.Unknown;

    const cases: { name: string; languageId: string; text: string; expected: unknown[][] }[] = [
      {
        name: 'python: events and typos in strings and comments, line and UTF-16 columns',
        languageId: 'python',
        text: '# 인스턴스 생성: event_id.iaas.instance.create\nx = "event_id.iaas.instance.craete"\n',
        expected: [
          ['event_id.iaas.instance.create', 0, 11, 40, E],
          ['event_id.iaas.instance.craete', 1, 5, 34, U],
        ],
      },
      {
        name: 'CRLF and a lone CR end lines, as in LSP',
        languageId: 'yaml',
        text: 'a: 1\r\nb: event_id.iaas.instance.delete\rc: event_id.iam.login\n',
        expected: [
          ['event_id.iaas.instance.delete', 1, 3, 32, E],
          ['event_id.iam.login', 2, 3, 21, E],
        ],
      },
      {
        name: 'namespaces, wildcards and prefixes are not usages',
        languageId: 'yaml',
        text: 'a: event_id.iaas.instance.*\nb: event_id.iaas.\nc: event_id.iaas.instance.create\n',
        expected: [['event_id.iaas.instance.create', 2, 3, 32, E]],
      },
      { name: 'code that merely contains event_id. stores nothing', languageId: 'typescript', text: 'const x = event_id.lower();\n', expected: [] },
    ];
    for (const c of cases) it(c.name, () => assert.deepEqual(positions(c.text, c.languageId), c.expected));

    it('a file without usages is not stored at all', () => assert.equal(fileUsagesOf('nothing here', []), undefined));

    it('line starts follow \\n, \\r\\n and \\r', () => assert.deepEqual(lineStarts('a\nb\r\nc\rd'), [0, 2, 5, 7]));
  });

  describe('the inverted index', () => {
    const usagesOf = (text: string, languageId = 'yaml') => fileUsagesOf(text, findIds(text, languageId, catalog));

    function build(): UsageIndex {
      const index = new UsageIndex();
      index.set('/w/a.yaml', usagesOf('- event_id.iaas.instance.create\n- event_id.iaas.instance.create\n- event_id.iaas.instance.craete\n'));
      index.set('/w/b.yaml', usagesOf('- event_id.iaas.instance.create\n- event_id.iam.login\n'));
      index.set('/w/sub/c.yaml', usagesOf('- event_id.iam.login\n'));
      index.set('/w/empty.yaml', usagesOf('nothing\n'));
      return index;
    }

    it('counts each event over every file, typos apart', () => {
      assert.deepEqual(Object.fromEntries(build().eventCounts()), { 'event_id.iaas.instance.create': 3, 'event_id.iam.login': 2 });
    });

    it('leaves out files that open documents override', () => {
      assert.deepEqual(Object.fromEntries(build().eventCounts((file) => file === '/w/a.yaml')), { 'event_id.iaas.instance.create': 1, 'event_id.iam.login': 2 });
    });

    it('lists the usages of an event, and of an unknown ID by its text', () => {
      const index = build();
      assert.deepEqual(index.usagesOf('event_id.iaas.instance.create'), [
        { file: '/w/a.yaml', line: 0, start: 2, end: 31 },
        { file: '/w/a.yaml', line: 1, start: 2, end: 31 },
        { file: '/w/b.yaml', line: 0, start: 2, end: 31 },
      ]);
      assert.deepEqual(index.usagesOf('event_id.iaas.instance.craete'), [{ file: '/w/a.yaml', line: 2, start: 2, end: 31 }]);
      assert.deepEqual(index.usagesOf('event_id.org.update'), []);
    });

    it('replacing a file updates the counts; a file with no usages is dropped', () => {
      const index = build();
      index.set('/w/b.yaml', usagesOf('- event_id.iam.login\n- event_id.iam.login\n'));
      assert.deepEqual(Object.fromEntries(index.eventCounts()), { 'event_id.iaas.instance.create': 2, 'event_id.iam.login': 3 });
      index.set('/w/a.yaml', usagesOf('no more\n'));
      assert.equal(index.has('/w/a.yaml'), false);
      assert.deepEqual(index.usagesOf('event_id.iaas.instance.craete'), []);
      assert.equal(index.size, 2);
    });

    it('forgets a deleted folder with everything below it', () => {
      const index = build();
      assert.equal(index.deleteWhere((file) => file.startsWith('/w/sub/')), 1);
      assert.deepEqual(Object.fromEntries(index.eventCounts()), { 'event_id.iaas.instance.create': 3, 'event_id.iam.login': 1 });
    });
  });

  describe('catalog rows (Go to Definition)', () => {
    it(`uses the ${BUILTIN_SOURCE_FILE} beside package.json, not tsc's re-serialized copy in out/`, () => {
      assert.equal(new CatalogSources().builtinPath, path.join(ROOT, BUILTIN_SOURCE_FILE));
      assert.equal(findUpward(path.join(ROOT, 'dist'), BUILTIN_SOURCE_FILE), path.join(ROOT, BUILTIN_SOURCE_FILE));
    });

    it('maps each ID to its first occurrence, not to IDs glued to other text', () => {
      const rows = idRows('| 이벤트 | 이벤트 ID |\n| --- | --- |\n|인스턴스 생성|event_id.iaas.instance.create|\nxevent_id.iam.login\nsee event_id.iaas.instance.create again\n');
      assert.deepEqual(Object.fromEntries(rows), { 'event_id.iaas.instance.create': { line: 2, start: 9, end: 38 } });
    });

    it('a built-in event points at its row in the shipped list', () => {
      const sources = new CatalogSources();
      const event = catalog.get('event_id.iaas.instance.create')!;
      const found = sources.rowOf(event, []);
      assert.ok(found);
      const lines = fs.readFileSync(path.join(ROOT, BUILTIN_SOURCE_FILE), 'utf8').split('\n');
      assert.equal(lines[found.row.line].slice(found.row.start, found.row.end), 'event_id.iaas.instance.create');
      assert.match(lines[found.row.line], /^ {4}\{"id":"event_id\.iaas\.instance\.create",.*"ko":"인스턴스 생성"/);
      assert.ok(found.uri.startsWith('file://') && found.uri.endsWith('catalog/events.json'));
    });

    it('an event from another source points into the first source file that has it, re-read after it changes', () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ctev-sources-'));
      try {
        const file = path.join(dir, 'extra.json');
        fs.writeFileSync(file, '{\n  "events": [\n    { "id": "event_id.custom.thing.create", "description": "생성" }\n  ]\n}\n');
        const event: CatalogEvent = { id: 'event_id.custom.thing.create', description: '생성', service: 'Custom', segments: [], origin: 'user' };
        const sources = new CatalogSources();
        assert.deepEqual(sources.rowOf(event, ['built-in (catalog/source/…)', file])?.row, { line: 2, start: 13, end: 41 });
        fs.writeFileSync(file, '{ "events": [\n\n\n { "id": "event_id.custom.thing.create", "description": "생성 (moved)" } ] }\n');
        fs.utimesSync(file, new Date(), new Date(Date.now() + 5000));
        assert.deepEqual(sources.rowOf(event, [file])?.row, { line: 3, start: 10, end: 38 });
        assert.equal(sources.rowOf({ ...event, id: 'event_id.custom.other' }, [file]), undefined);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  describe('Workspace Symbols search', () => {
    const ids = (query: string, max?: number) => searchEvents(catalog.events, query, max).map((event) => event.id);

    const cases: { name: string; query: string; first: string[] }[] = [
      { name: 'an exact ID comes first', query: 'event_id.iaas.instance.create', first: ['event_id.iaas.instance.create'] },
      { name: 'a Korean description finds its events, exact matches first', query: '인스턴스 생성', first: ['event_id.iaas.instance.create'] },
      { name: 'a Korean description typed without its space still matches', query: '백업서버등록', first: ['event_id.backup.client.register'] },
      { name: 'decomposed Hangul (macOS input) is normalized', query: '복구 신청'.normalize('NFD'), first: ['event_id.backup.restoration.apply'] },
      { name: 'part of an ID', query: 'restoration', first: ['event_id.backup.restoration.apply'] },
      { name: 'fuzzy letters of an ID, in order', query: 'bkrestapply', first: ['event_id.backup.restoration.apply'] },
    ];
    for (const c of cases) it(c.name, () => assert.deepEqual(ids(c.query).slice(0, c.first.length), c.first));

    it('words in any order, in the ID and the description together', () => {
      assert.ok(ids('backup 등록').includes('event_id.backup.client.register'));
    });

    it('an empty query lists every event in catalog order, up to the limit', () => {
      assert.deepEqual(ids('', 3), catalog.events.slice(0, 3).map((event) => event.id));
    });

    it('nothing matches gibberish', () => assert.deepEqual(ids('zzqqxx'), []));

    it('scores exact > prefix > substring > fuzzy', () => {
      const event = catalog.get('event_id.iaas.instance.create')!;
      const scores = ['event_id.iaas.instance.create', 'event_id.iaas.instance.cr', 'instance.create', 'eiaasinstcreate'].map((q) => symbolScore(event, q));
      assert.deepEqual([...scores].sort((a, b) => b - a), scores);
      assert.ok(scores.every((score) => score > 0));
    });

    it('the symbol name carries the description and the ID (VS Code re-filters on the name alone)', () => {
      assert.equal(symbolName(catalog.get('event_id.iaas.instance.create')!), '인스턴스 생성 (event_id.iaas.instance.create)');
      assert.equal(symbolName(catalog.get('event_id.iaas.instance.create')!, 'en'), '인스턴스 생성 · Create Instance (event_id.iaas.instance.create)');
    });

    it('fuzzy matching is an in-order subsequence', () => {
      assert.equal(isSubsequence('ace', 'abcde'), true);
      assert.equal(isSubsequence('aec', 'abcde'), false);
    });
  });
});
