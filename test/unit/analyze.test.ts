/**
 * findIds classifies every ID-like token of a document: event, namespace,
 * wildcard, prefix or unknown (a diagnostic). Real snippets from every
 * language family; `[kind, text]` pairs in document order.
 */
import * as assert from 'assert';
import { Finding, FindingKind, findIds } from '../../server/src/core/analyze';
import { builtinCatalog } from '../../server/src/core/builtin';

const catalog = builtinCatalog();

type Expected = [FindingKind, string];

function kinds(text: string, languageId: string): Expected[] {
  return findIds(text, languageId, catalog).map((f: Finding) => {
    assert.strictEqual(text.slice(f.start, f.end), f.text, 'finding text must be the slice [start, end)');
    return [f.kind, f.text] as Expected;
  });
}

interface Case {
  name: string;
  language: string;
  text: string;
  expected: Expected[];
}

function run(cases: Case[]): void {
  for (const c of cases) it(`${c.name} (${c.language})`, () => assert.deepStrictEqual(kinds(c.text, c.language), c.expected));
}

describe('analyze: code languages examine only strings and comments', () => {
  run([
    { name: 'an ID in a string', language: 'python', text: 'if e == "event_id.iaas.instance.create":', expected: [['event', 'event_id.iaas.instance.create']] },
    { name: 'an ID in a comment', language: 'go', text: '// fires on event_id.iaas.instance.delete_end\nx := 1', expected: [['event', 'event_id.iaas.instance.delete_end']] },
    { name: 'a typo in a string', language: 'typescript', text: "const id = 'event_id.iaas.instnace.create';", expected: [['unknown', 'event_id.iaas.instnace.create']] },
    { name: 'a variable named event_id in code is never an ID', language: 'python', text: 'event_id = record.event_id.lower()\nif event_id.startswith(PREFIX): pass', expected: [] },
    { name: 'a property chain in code', language: 'javascript', text: 'const x = event_id.foo.bar; event_id.iaas.instnace = 1;', expected: [] },
    { name: 'startswith on a field, with a namespace argument', language: 'python', text: 'record.event_id.startswith("event_id.iaas.")', expected: [['namespace', 'event_id.iaas.']] },
    { name: 'an f-string: the literal part is examined, the {expression} is code', language: 'python', text: 'f"{event_id.lower()} is event_id.iaas.instance.create"', expected: [['event', 'event_id.iaas.instance.create']] },
    { name: 'a template literal interpolation is code', language: 'typescript', text: '`${event_id.foo.bar} event_id.iaas.volume.attach`', expected: [['event', 'event_id.iaas.volume.attach']] },
    { name: 'Ruby instance variable @event_id', language: 'ruby', text: '@event_id.start_with?("event_id.project.")', expected: [['namespace', 'event_id.project.']] },
    { name: 'Go raw string', language: 'go', text: 'q := `{"eventId": "event_id.iaas.vpc.create"}`', expected: [['event', 'event_id.iaas.vpc.create']] },
    { name: 'Rust raw string', language: 'rust', text: 'let s = r#"{"eventId": "event_id.iaas.vpc.dlete"}"#;', expected: [['unknown', 'event_id.iaas.vpc.dlete']] },
    { name: 'C# verbatim path: a file named after an ID', language: 'csharp', text: 'var p = @"D:\\audit\\event_id.iaas.vpc.create.json";', expected: [['event', 'event_id.iaas.vpc.create']] },
    { name: 'Swift interpolation', language: 'swift', text: '"\\(event_id.foo.bar) event_id.iaas.vpc.update"', expected: [['event', 'event_id.iaas.vpc.update']] },
    { name: 'Kotlin $name interpolation after a namespace', language: 'kotlin', text: '"event_id.iaas.instance_action.$action"', expected: [['namespace', 'event_id.iaas.instance_action.']] },
    { name: 'PHP concatenation after a namespace', language: 'php', text: "<?php $id = 'event_id.iaas.volume.' . $action;", expected: [['namespace', 'event_id.iaas.volume.']] },
    { name: 'Lua concatenation', language: 'lua', text: 'local id = "event_id.iaas.cluster." .. kind .. ".create"', expected: [['namespace', 'event_id.iaas.cluster.']] },
    { name: 'a wrong service in a string is flagged', language: 'java', text: 'String s = "event_id.compute.instance.create";', expected: [['unknown', 'event_id.compute.instance.create']] },
    { name: 'a method-like call on event_id inside a comment is not flagged', language: 'python', text: '# call event_id.lower() first', expected: [] },
  ]);
});

describe('analyze: data, config, prose, shell and SQL examine all text', () => {
  run([
    { name: 'an unquoted ID in YAML', language: 'yaml', text: 'filter: event_id.iaas.instance.create\n', expected: [['event', 'event_id.iaas.instance.create']] },
    { name: 'a typo in YAML', language: 'yaml', text: 'events:\n  - event_id.iaas.instance.craete\n', expected: [['unknown', 'event_id.iaas.instance.craete']] },
    { name: 'a wrong service in .env', language: 'dotenv', text: 'EVENTS=event_id.compute.instance.create', expected: [['unknown', 'event_id.compute.instance.create']] },
    { name: 'a sentence ending with an ID', language: 'markdown', text: 'It fires on event_id.iaas.instance.create.', expected: [['event', 'event_id.iaas.instance.create']] },
    { name: 'an ellipsis after an ID', language: 'markdown', text: 'then event_id.iaas.instance.create...', expected: [['event', 'event_id.iaas.instance.create']] },
    { name: 'a dash ending a sentence', language: 'plaintext', text: 'event_id.iaas.instance.create- and more', expected: [['event', 'event_id.iaas.instance.create']] },
    { name: 'shell $event_id.jsonl is a variable', language: 'shellscript', text: 'out="$DIR/$event_id.jsonl"', expected: [] },
    { name: 'my_event_id and record.event_id are names', language: 'markdown', text: 'my_event_id.iaas.x and record.event_id.iaas.x', expected: [] },
    { name: 'a method call in a doc code sample', language: 'markdown', text: '`event_id.lower()` and `event_id.split(".")`', expected: [] },
    { name: 'Elasticsearch sub-fields', language: 'json', text: '{"term": {"event_id.keyword": "event_id.iaas.vpc.create"}, "exists": "event_id.raw"}', expected: [['event', 'event_id.iaas.vpc.create']] },
    { name: 'SQL LIKE over a namespace', language: 'sql', text: "WHERE event_id LIKE 'event_id.iaas.instance.%'", expected: [['wildcard', 'event_id.iaas.instance.%']] },
    { name: 'SQL concatenation', language: 'sql', text: "event_id = 'event_id.iaas.' || :resource || '.create'", expected: [['namespace', 'event_id.iaas.']] },
    { name: 'SQL LIKE with an escaped underscore', language: 'sql', text: "LIKE 'event_id.iaas.vpn\\_connection.%'", expected: [['prefix', 'event_id.iaas.vpn']] },
    { name: 'PromQL regex alternatives after a namespace', language: 'yaml', text: 'expr: x{event_id=~"event_id.iaas.instance_action.(stop|shelve)"}', expected: [['namespace', 'event_id.iaas.instance_action.']] },
    { name: 'Terraform interpolation', language: 'terraform', text: '"event_id.iaas.${r}.delete"', expected: [['namespace', 'event_id.iaas.']] },
    { name: 'shell brace expansion', language: 'shellscript', text: 'for id in event_id.iaas.volume.{create,delete}; do', expected: [['namespace', 'event_id.iaas.volume.']] },
    { name: 'a doc placeholder after a namespace', language: 'markdown', text: 'event_id.iaas.<resource>.delete', expected: [['namespace', 'event_id.iaas.']] },
  ]);
});

describe('analyze: unknown languages are strict', () => {
  run([
    { name: 'an unfamiliar name is not flagged', language: 'brainfuck', text: 'event_id.foo.bar', expected: [] },
    { name: 'a typo under a real service is flagged', language: 'brainfuck', text: 'event_id.iaas.instnace.create', expected: [['unknown', 'event_id.iaas.instnace.create']] },
    { name: 'known IDs are found', language: 'brainfuck', text: 'event_id.iam.login', expected: [['event', 'event_id.iam.login']] },
  ]);
});

describe('analyze: wildcards, namespaces and prefixes', () => {
  run([
    { name: 'a wildcard over a namespace', language: 'yaml', text: 'match: event_id.iaas.instance.*', expected: [['wildcard', 'event_id.iaas.instance.*']] },
    { name: 'a wildcard over a service', language: 'yaml', text: 'match: event_id.iaas.*', expected: [['wildcard', 'event_id.iaas.*']] },
    { name: 'a glob inside a segment', language: 'yaml', text: 'match: event_id.iaas.instance.*_end', expected: [['wildcard', 'event_id.iaas.instance.*_end']] },
    { name: 'a printf verb', language: 'go', text: 'fmt.Sprintf("event_id.iaas.%s.create", r)', expected: [['wildcard', 'event_id.iaas.%s.create']] },
    { name: 'a wildcard over a namespace that does not exist', language: 'yaml', text: 'match: event_id.iaas.instnace.*', expected: [['unknown', 'event_id.iaas.instnace.*']] },
    { name: 'a namespace ending in a dot', language: 'typescript', text: 'id.startsWith("event_id.iaas.instance_action.")', expected: [['namespace', 'event_id.iaas.instance_action.']] },
    { name: 'a namespace without the dot', language: 'json', text: '{"prefix": "event_id.iaas.security_group"}', expected: [['namespace', 'event_id.iaas.security_group']] },
    { name: 'the root namespace', language: 'java', text: 'static final String PREFIX = "event_id.";', expected: [['namespace', 'event_id.']] },
    { name: 'an f-string after a namespace', language: 'python', text: 'f"event_id.iaas.volume.{action}"', expected: [['namespace', 'event_id.iaas.volume.']] },
    { name: 'a segment cut by concatenation', language: 'typescript', text: '"event_id.iaas.instance_" + kind', expected: [['prefix', 'event_id.iaas.instance_']] },
    { name: 'a segment cut by interpolation', language: 'python', text: 'f"event_id.iaas.vol{x}"', expected: [['prefix', 'event_id.iaas.vol']] },
    { name: 'a prefix over a namespace that does not exist', language: 'typescript', text: 'id.startsWith("event_id.iaas.instnace.")', expected: [['unknown', 'event_id.iaas.instnace']] },
    { name: 'concatenation does not excuse a typo', language: 'typescript', text: '"event_id.iaas.instance.craete" + suffix', expected: [['unknown', 'event_id.iaas.instance.craete']] },
  ]);

  it('a namespace covers its events: instance_action has 14', () => {
    const [found] = findIds('"event_id.iaas.instance_action."', 'python', catalog);
    assert.strictEqual(found.covers?.length, 14);
  });
  it('a wildcard covers what it matches: instance.* has 5', () => {
    const [found] = findIds('event_id.iaas.instance.*', 'yaml', catalog);
    assert.deepStrictEqual(found.covers?.map((e) => e.id), [
      'event_id.iaas.instance.create',
      'event_id.iaas.instance.create_end',
      'event_id.iaas.instance.delete',
      'event_id.iaas.instance.delete_end',
      'event_id.iaas.instance.update',
    ]);
  });
  it('an event finding carries its catalog entry', () => {
    const [found] = findIds('event_id.iaas.instance_action.unshelve', 'yaml', catalog);
    assert.strictEqual(found.event?.description, '종료된 인스턴스 시작');
  });
});

describe('analyze: longest match, file names and URLs', () => {
  run([
    { name: 'longest match: create_id is one ID', language: 'yaml', text: 'a: event_id.iaas.image.create_id', expected: [['event', 'event_id.iaas.image.create_id']] },
    { name: '_end vs .end: a mistake, not an ID and a suffix', language: 'yaml', text: 'a: event_id.iaas.instance.create.end', expected: [['unknown', 'event_id.iaas.instance.create.end']] },
    { name: 'a file named after an ID', language: 'shellscript', text: 'cat archive/event_id.iaas.instance.create.jsonl', expected: [['event', 'event_id.iaas.instance.create']] },
    { name: 'a file named event_id.json', language: 'markdown', text: 'see rules/event_id.json', expected: [] },
    { name: 'a file named after a mistyped ID', language: 'python', text: 'open("event_id.iaas.instnace.create.json")', expected: [['unknown', 'event_id.iaas.instnace.create']] },
    { name: 'an ID in a URL path is ignored', language: 'markdown', text: 'https://wiki.example.com/runbooks/event_id.iaas.instance-overview/x', expected: [] },
    { name: 'a known ID in a URL path is still an event', language: 'markdown', text: 'https://wiki.example.com/runbooks/event_id.iaas.instance.delete_end', expected: [['event', 'event_id.iaas.instance.delete_end']] },
    { name: 'an ID in a URL query value is examined', language: 'yaml', text: 'url: https://api.example.com/events?eventId=event_id.iaas.instnace.create&limit=10', expected: [['unknown', 'event_id.iaas.instnace.create']] },
  ]);

  it('offsets are UTF-16 code units: an emoji and Korean text before the ID', () => {
    const text = '🚨 경보: "event_id.iaas.instnace.create"';
    const [found] = findIds(text, 'python', catalog);
    assert.deepStrictEqual([found.start, found.end], [text.indexOf('event_id'), text.indexOf('event_id') + 'event_id.iaas.instnace.create'.length]);
  });
  it('a document without event_id. has no findings', () => {
    assert.deepStrictEqual(findIds('const event_id = 1; // event_id', 'typescript', catalog), []);
  });
});

describe('analyze: emphasis, URL encoding, file names, regexes and placeholders', () => {
  it('percent-encoded commas in a URL query separate IDs', () => {
    assert.deepStrictEqual(kinds('https://api.example.com/events?ids=event_id.iaas.instance.create%2Cevent_id.iaas.volume.create', 'markdown'), [
      ['event', 'event_id.iaas.instance.create'],
      ['event', 'event_id.iaas.volume.create'],
    ]);
  });

  it('files named after an ID with several extensions or a date', () => {
    assert.deepStrictEqual(kinds('event_id.iaas.instance.create.jsonl.gz event_id.iaas.instance.create.json.bak event_id.iaas.instance.create.2024-11-18.log', 'shellscript'), [
      ['event', 'event_id.iaas.instance.create'],
      ['event', 'event_id.iaas.instance.create'],
      ['event', 'event_id.iaas.instance.create'],
    ]);
  });

  it('markdown bold and italic around an ID', () => {
    assert.deepStrictEqual(kinds('**event_id.iaas.instance.create** and *event_id.iaas.instnace.create*', 'markdown'), [
      ['event', 'event_id.iaas.instance.create'],
      ['unknown', 'event_id.iaas.instnace.create'],
    ]);
  });

  it('a regex .* after an ID or a partial segment', () => {
    assert.deepStrictEqual(kinds('expr: x{event_id=~"event_id.iaas.instance.create.*"} or x{event_id=~"event_id.iaas.instance_action.st.*"}', 'yaml'), [
      ['wildcard', 'event_id.iaas.instance.create.*'],
      ['wildcard', 'event_id.iaas.instance_action.st.*'],
    ]);
  });

  it('upper-case placeholders in docs are not IDs', () => {
    assert.deepStrictEqual(kinds('IDs look like event_id.SERVICE.RESOURCE.ACTION, e.g. event_id.iaas.RESOURCE.create', 'markdown'), []);
  });
});
