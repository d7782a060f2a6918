/**
 * The injection grammars in syntaxes/, tokenized with vscode-textmate and
 * vscode-oniguruma (the engine VS Code uses) inside small host grammars of our
 * own (syntaxes/fixtures/hosts/) that reproduce the scope names and the rule
 * structure of VS Code's built-in TypeScript, Python, YAML, JSON and Markdown
 * grammars where it matters to an injection.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const SYNTAXES = path.join(ROOT, 'syntaxes');
const HOSTS = path.join(SYNTAXES, 'fixtures', 'hosts');

const ID = 'support.constant.cloudtrail-event-id';
const PREFIX = 'keyword.other.prefix.cloudtrail-event-id';
const DOT = 'punctuation.separator.dot.cloudtrail-event-id';
const WILDCARD = 'keyword.operator.wildcard.cloudtrail-event-id';

const HOST_SCOPES = ['source.ts', 'source.python', 'source.yaml', 'source.json', 'text.html.markdown'];

/** The hosts each injection grammar must be injected into (its `injectTo` in package.json). */
const REQUIRED_INJECT_TO: Record<string, string[]> = {
  'cloudtrail-events.injection': HOST_SCOPES,
  'cloudtrail-events.markdown.injection': ['text.html.markdown'],
};

const injectionFiles = fs.readdirSync(SYNTAXES).filter((f) => f.endsWith('.injection.tmLanguage.json'));
const scopeNameOf = (file: string): string => (JSON.parse(fs.readFileSync(file, 'utf8')) as { scopeName: string }).scopeName;

interface Token {
  text: string;
  scopes: string[];
}

let registry: vsctm.Registry;

before(async () => {
  await oniguruma.loadWASM(fs.readFileSync(path.join(ROOT, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm')));
  const files = new Map<string, string>();
  for (const file of [
    ...fs.readdirSync(HOSTS).map((f) => path.join(HOSTS, f)),
    ...injectionFiles.map((f) => path.join(SYNTAXES, f)),
  ]) {
    files.set(scopeNameOf(file), file);
  }
  const injections = injectionFiles.map((f) => scopeNameOf(path.join(SYNTAXES, f)));
  registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (sources: string[]) => oniguruma.createOnigScanner(sources),
      createOnigString: (text: string) => oniguruma.createOnigString(text),
    }),
    loadGrammar: async (scopeName) => {
      const file = files.get(scopeName);
      return file ? vsctm.parseRawGrammar(fs.readFileSync(file, 'utf8'), file) : null;
    },
    // As VS Code does from `injectTo`: every injection grammar is offered to every host.
    getInjections: (scopeName) => (HOST_SCOPES.includes(scopeName) ? injections : undefined),
  });
});

async function tokenize(scopeName: string, text: string): Promise<Token[][]> {
  const grammar = await registry.loadGrammar(scopeName);
  assert.ok(grammar, `no grammar for ${scopeName}`);
  let state = vsctm.INITIAL;
  return text.split('\n').map((line) => {
    const result = grammar.tokenizeLine(line, state);
    state = result.ruleStack;
    return result.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes }));
  });
}

/** The runs of tokens scoped as an event ID, each with the tokens it is made of. */
function idRuns(lines: Token[][]): Token[][] {
  const runs: Token[][] = [];
  for (const line of lines) {
    let run: Token[] | undefined;
    for (const token of line) {
      if (!token.scopes.includes(ID)) {
        run = undefined;
        continue;
      }
      if (!run) runs.push((run = []));
      run.push(token);
    }
  }
  return runs;
}

interface Case {
  name: string;
  scope: string;
  text: string;
  /** The IDs that get the event-ID scope, in order. */
  ids: string[];
  /** A host scope every token of every ID must still carry: proof that the injection ran inside it. */
  within?: string;
}

const ts = (name: string, text: string, ids: string[], within?: string): Case => ({ name, scope: 'source.ts', text, ids, within });

const CASES: Case[] = [
  // TypeScript: strings and comments yes, code no.
  ts('typescript string', 'const e = "event_id.iaas.instance.create";', ['event_id.iaas.instance.create'], 'string.quoted.double.ts'),
  ts('typescript single-quoted string', "emit('event_id.iaas.volume.delete');", ['event_id.iaas.volume.delete'], 'string.quoted.single.ts'),
  ts('typescript line comment', '// emits event_id.iaas.instance.create on success', ['event_id.iaas.instance.create'], 'comment.line.double-slash.ts'),
  ts('typescript block comment over several lines', '/*\n * emits event_id.iaas.instance.delete\n */', ['event_id.iaas.instance.delete'], 'comment.block.ts'),
  ts('typescript template text', 'const m = `audit event_id.iaas.instance.create for ${name}`;', ['event_id.iaas.instance.create'], 'string.template.ts'),
  ts('typescript template expression is code: no scope', 'const s = `${event_id.iaas}`;', []),
  ts('typescript identifier in code: no scope', 'const id = event_id.iaas.instance;', []),
  ts('typescript regex literal: no scope', 'const re = /event_id.iaas/;', []),
  ts('typescript string after an escape sequence', 'const s = "first\\nevent_id.iaas.instance.create";', ['event_id.iaas.instance.create']),

  // Python: MagicPython's f-string text is not a string scope, so the f-string is named on its own.
  { name: 'python string', scope: 'source.python', text: "wanted = 'event_id.iaas.instance.create'", ids: ['event_id.iaas.instance.create'], within: 'string.quoted.single.python' },
  { name: 'python comment', scope: 'source.python', text: '# event_id.iaas.instance.create: 인스턴스 생성', ids: ['event_id.iaas.instance.create'], within: 'comment.line.number-sign.python' },
  { name: 'python f-string', scope: 'source.python', text: 'msg = f"event_id.iaas.instance.create by {user}"', ids: ['event_id.iaas.instance.create'], within: 'meta.fstring.python' },
  { name: 'python f-string replacement field calling a method: no scope', scope: 'source.python', text: 'msg = f"{event_id.lower()}"', ids: [] },
  { name: 'python code event_id.lower(): no scope', scope: 'source.python', text: 'if event_id.lower() == wanted:', ids: [] },
  { name: 'python code event_id.kind: no scope', scope: 'source.python', text: 'kind = event_id.kind', ids: [] },

  // YAML: everywhere, IDs are written unquoted.
  { name: 'yaml plain value', scope: 'source.yaml', text: 'filter: event_id.iaas.instance.create', ids: ['event_id.iaas.instance.create'], within: 'string.unquoted.plain.out.yaml' },
  { name: 'yaml sequence of wildcards', scope: 'source.yaml', text: 'events:\n  - event_id.iaas.instance.*\n  - event_id.iaas.volume.%', ids: ['event_id.iaas.instance.*', 'event_id.iaas.volume.%'] },
  { name: 'yaml key', scope: 'source.yaml', text: 'event_id.iaas.instance.create: 인스턴스 생성', ids: ['event_id.iaas.instance.create'], within: 'entity.name.tag.yaml' },
  { name: 'yaml quoted value', scope: 'source.yaml', text: 'id: "event_id.iaas.instance.create"', ids: ['event_id.iaas.instance.create'], within: 'string.quoted.double.yaml' },
  { name: 'yaml comment', scope: 'source.yaml', text: 'id: x # was event_id.iaas.instance.create', ids: ['event_id.iaas.instance.create'], within: 'comment.line.number-sign.yaml' },

  // JSON.
  { name: 'json string value', scope: 'source.json', text: '{"events": ["event_id.iaas.instance.create"]}', ids: ['event_id.iaas.instance.create'], within: 'string.quoted.double.json' },
  { name: 'json key', scope: 'source.json', text: '{"event_id.iaas.instance.create": true}', ids: ['event_id.iaas.instance.create'], within: 'support.type.property-name.json' },

  // Markdown: prose and code spans; fenced code in a language follows that language.
  { name: 'markdown prose', scope: 'text.html.markdown', text: '인스턴스를 만들면 event_id.iaas.instance.create 이벤트가 기록됩니다.', ids: ['event_id.iaas.instance.create'], within: 'meta.paragraph.markdown' },
  { name: 'markdown prose line that starts with the ID', scope: 'text.html.markdown', text: 'event_id.iaas.instance.create 이벤트', ids: ['event_id.iaas.instance.create'], within: 'meta.paragraph.markdown' },
  { name: 'markdown code span', scope: 'text.html.markdown', text: '`event_id.iaas.instance.create`는 인스턴스 생성입니다.', ids: ['event_id.iaas.instance.create'], within: 'markup.inline.raw.string.markdown' },
  { name: 'markdown code span with other text', scope: 'text.html.markdown', text: 'Run `cli --filter event_id.iaas.instance.*` now.', ids: ['event_id.iaas.instance.*'], within: 'markup.inline.raw.string.markdown' },
  { name: 'markdown heading', scope: 'text.html.markdown', text: '## event_id.iaas.instance.create', ids: ['event_id.iaas.instance.create'], within: 'entity.name.section.markdown' },
  { name: 'markdown bold', scope: 'text.html.markdown', text: 'See **event_id.iaas.instance.create**.', ids: ['event_id.iaas.instance.create'], within: 'markup.bold.markdown' },
  {
    name: 'markdown fenced python: strings only, code stays code',
    scope: 'text.html.markdown',
    text: "```python\nkind = event_id.kind\nif kind == 'event_id.iaas.instance.create':\n    pass\n```",
    ids: ['event_id.iaas.instance.create'],
    within: 'string.quoted.single.python',
  },
  { name: 'markdown fenced block without a language is text', scope: 'text.html.markdown', text: '```\nevent_id.iaas.instance.create\n```', ids: ['event_id.iaas.instance.create'], within: 'markup.fenced_code.block.markdown' },

  // Where a token starts and ends (same rules as server/src/core/scanner.ts).
  ts('my_event_id.x is a name, not an ID', 'const s = "my_event_id.x";', []),
  ts('$event_id.x, @event_id.x and obj.event_id.x are names', 'const s = "$event_id.x @event_id.y obj.event_id.z";', []),
  ts('event_id alone or event_id. is not an ID', 'const s = "event_id and event_id.";', []),
  ts('a trailing dot is not part of the ID', 'const s = "see event_id.iaas.instance.create.";', ['event_id.iaas.instance.create']),
  ts('a trailing dash is not part of the ID', 'const s = "event_id.iaas.instance.create- next";', ['event_id.iaas.instance.create']),
  ts('a wildcard * is part of the ID', 'const s = "event_id.iaas.instance.*";', ['event_id.iaas.instance.*']),
  ts('a wildcard % is part of the ID', 'const s = "event_id.iaas.%";', ['event_id.iaas.%']),
  ts('a wildcard segment in the middle', 'const s = "event_id.*.instance.create";', ['event_id.*.instance.create']),
  ts('Korean text right after the ID', 'const s = "event_id.iaas.instance.create를 보세요";', ['event_id.iaas.instance.create']),
  ts('two IDs on one line', 'const s = "event_id.iaas.instance.create, event_id.iaas.instance.delete";', ['event_id.iaas.instance.create', 'event_id.iaas.instance.delete']),
  { name: 'a method call in prose is not an ID', scope: 'text.html.markdown', text: 'Call event_id.strip() first.', ids: [] },
  ts('a method call in a comment is code', "// event_id.split('.')[1] is the service", []),
  { name: 'a Korean description in parentheses right after the ID', scope: 'text.html.markdown', text: 'event_id.iaas.instance.create(인스턴스 생성)', ids: ['event_id.iaas.instance.create'] },
  { name: 'markdown bold markers are not wildcards', scope: 'text.html.markdown', text: '**event_id.iaas.instance.create**, **event_id.iaas.instance.*.**', ids: ['event_id.iaas.instance.create', 'event_id.iaas.instance.*'] },
];

describe('grammar: event-ID injection', () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const runs = idRuns(await tokenize(c.scope, c.text));
      assert.deepStrictEqual(
        runs.map((run) => run.map((t) => t.text).join('')),
        c.ids,
      );
      if (c.within) {
        for (const token of runs.flat()) {
          assert.ok(token.scopes.includes(c.within), `"${token.text}" lost ${c.within}: ${token.scopes.join(' ')}`);
        }
      }
    });
  }

  it('the prefix, the separators and the wildcards have scopes of their own', async () => {
    const [run] = idRuns(await tokenize('source.ts', 'const s = "event_id.iaas.*";'));
    const part = (t: Token) => t.scopes.find((s) => s !== ID && s.endsWith('.cloudtrail-event-id')) ?? null;
    assert.deepStrictEqual(
      run.map((t) => [t.text, part(t)]),
      [
        ['event_id', PREFIX],
        ['.', DOT],
        ['iaas', null],
        ['.', DOT],
        ['*', WILDCARD],
      ],
    );
  });
});

describe('grammar: host structure survives the injection', () => {
  it('markdown bold still closes after a bold ID', async () => {
    const [line] = await tokenize('text.html.markdown', 'See **event_id.iaas.instance.create** now.');
    const after = line[line.length - 1];
    assert.strictEqual(after.text, ' now.');
    assert.ok(!after.scopes.includes('markup.bold.markdown'), after.scopes.join(' '));
  });

  it('a yaml key that is an ID is still a key, followed by its value', async () => {
    const [line] = await tokenize('source.yaml', 'event_id.iaas.instance.create: 인스턴스 생성');
    assert.deepStrictEqual(
      line.map((t) => [t.text, t.scopes.includes('entity.name.tag.yaml'), t.scopes.includes('string.unquoted.plain.out.yaml')]),
      [
        ['event_id', true, false],
        ['.', true, false],
        ['iaas', true, false],
        ['.', true, false],
        ['instance', true, false],
        ['.', true, false],
        ['create', true, false],
        [':', false, false],
        [' ', false, false],
        ['인스턴스 생성', false, true],
      ],
    );
  });
});

describe('grammar: manifest', () => {
  interface GrammarContribution {
    scopeName?: string;
    path?: string;
    injectTo?: string[];
  }

  it('package.json contributes every injection grammar in syntaxes/, injected into the hosts it is tested in', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      contributes?: { grammars?: GrammarContribution[] };
    };
    const contributed = manifest.contributes?.grammars ?? [];
    for (const file of injectionFiles) {
      const scopeName = scopeNameOf(path.join(SYNTAXES, file));
      const required = REQUIRED_INJECT_TO[scopeName];
      assert.ok(required, `${file}: add its scope ${scopeName} to REQUIRED_INJECT_TO in this test`);
      const entry = contributed.find((g) => g.scopeName === scopeName);
      assert.ok(entry, `package.json contributes.grammars has no entry for ${scopeName} (${file})`);
      assert.strictEqual(path.posix.normalize(entry.path ?? ''), `syntaxes/${file}`);
      assert.deepStrictEqual(
        required.filter((s) => !(entry.injectTo ?? []).includes(s)),
        [],
        `${scopeName}: injectTo is missing these hosts`,
      );
    }
  });
});
