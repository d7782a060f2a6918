/**
 * The lexer decides which parts of a code file are examined for event IDs:
 * string bodies and comments, never code (interpolations are code).
 *
 * Each case marks text with the words IN (must lie in an examined region) and
 * OUT (must not). `exact` cases list the examined slices themselves.
 */
import * as assert from 'assert';
import { examinedRegions, languageIdForPath, scanModeOf } from '../../server/src/core/languages';

interface MarkedCase {
  name: string;
  language: string;
  text: string;
}

function slices(text: string, languageId: string): string[] {
  const regions = examinedRegions(text, languageId);
  const out: string[] = [];
  for (let i = 0; i < regions.length; i += 2) out.push(text.slice(regions[i], regions[i + 1]));
  return out;
}

function checkMarkers({ language, text }: MarkedCase): void {
  const regions = examinedRegions(text, language);
  const inside = (offset: number) => {
    for (let i = 0; i < regions.length; i += 2) if (regions[i] <= offset && offset < regions[i + 1]) return true;
    return false;
  };
  const markers = [...text.matchAll(/\b(IN|OUT)\b/g)];
  assert.ok(markers.length > 0, 'case has no IN/OUT marker');
  const wrong = markers
    .filter((m) => inside(m.index!) !== (m[1] === 'IN'))
    .map((m) => `${m[1]} at ${m.index} (…${JSON.stringify(text.slice(Math.max(0, m.index! - 12), m.index! + 14))}…)`);
  assert.deepStrictEqual(wrong, [], `examined: ${JSON.stringify(slices(text, language))}`);
}

const MARKED: MarkedCase[] = [
  // Python
  { name: 'python: comments and both quote forms are examined, code is not', language: 'python', text: 'OUT = "IN" + \'IN\'  # IN\nOUT()' },
  { name: 'python: triple-quoted strings span lines and may hold quotes', language: 'python', text: 'x = """IN "IN"\nIN \'\'\' IN"""\ny = OUT\nz = \'\'\'IN\n"IN"\'\'\'' },
  { name: 'python: f-string literal parts are examined, {expressions} are code', language: 'python', text: 'f"IN {OUT} IN {OUT:>10} IN"' },
  { name: 'python: f-string {{ is an escaped brace, not an expression', language: 'python', text: 'f"IN {{IN}} {OUT}"' },
  { name: 'python: nested quotes inside an f-string expression (3.12)', language: 'python', text: 'f"IN {d["IN"] + OUT} IN" + OUT' },
  { name: 'python: triple-quoted f-string', language: 'python', text: 'f"""IN\n{OUT}\nIN"""\nOUT' },
  { name: 'python: raw and byte strings', language: 'python', text: 'OUT = r"IN\\d+" + b\'IN\' + rb"IN" + OUT' },
  { name: 'python: escaped quote does not end the string', language: 'python', text: '"IN \\" IN" + OUT' },
  { name: 'python: an unterminated single-line string stops at the line end', language: 'python', text: 'x = "IN\ny = OUT' },

  // JavaScript / TypeScript
  { name: 'js: line and block comments', language: 'javascript', text: 'OUT(); // IN\n/* IN\n IN */ OUT' },
  { name: 'js: template literal with ${} code', language: 'typescript', text: 'const s = `IN ${OUT} IN`; OUT' },
  { name: 'js: template literal nested inside an interpolation', language: 'typescript', text: '`IN ${OUT ? `IN ${OUT} IN` : "IN"} IN` + OUT' },
  { name: 'js: braces inside an interpolation do not close it', language: 'typescript', text: '`IN ${ {a: OUT}.a } IN ${f({ b: "IN}" })} IN`; OUT' },
  { name: 'js: a regex literal with a quote does not open a string', language: 'javascript', text: 'const re = /["\']/g; const s = "IN"; OUT' },
  { name: 'js: a regex literal after return and in a call', language: 'javascript', text: 'return /\'/.test(OUT) || f(/"/, "IN") || OUT' },
  { name: 'js: division is not a regex', language: 'typescript', text: 'const avg = totals[i] / count / 2; const s = "IN"; OUT' },
  { name: 'jsx: attribute strings and {/* comments */} are examined', language: 'typescriptreact', text: '<Badge title="IN" data-x={OUT}>{/* IN */}</Badge>' },

  // Go
  { name: 'go: back-quoted raw strings span lines, no escapes', language: 'go', text: 'x := `IN \\` + OUT + `IN\nIN "IN"`\ny := OUT' },
  { name: "go: a rune '\"' does not open a string", language: 'go', text: 'q := \'"\'; s := "IN"; OUT' },

  // Java / Kotlin / Scala / Groovy / Dart
  { name: 'java: text blocks', language: 'java', text: 'String s = """\n  "IN"\n  IN\n  """; OUT' },
  { name: 'kotlin: ${} interpolation is code, $name stays in the string', language: 'kotlin', text: 'val s = "IN ${OUT} IN $name IN"; OUT' },
  { name: 'kotlin: raw strings with interpolation', language: 'kotlin', text: 'val s = """IN "IN" ${f("IN")} IN"""; OUT' },
  { name: 'kotlin: nested block comments', language: 'kotlin', text: '/* IN /* IN */ IN */ OUT' },
  { name: 'scala: s-interpolators', language: 'scala', text: 'val s = s"IN ${OUT} IN"; val t = """IN"""; OUT' },
  { name: 'groovy: GStrings and triple single quotes', language: 'groovy', text: "def s = \"IN ${OUT} IN\"; def t = '''IN\nIN'''; OUT" },
  { name: 'dart: interpolation in both quote forms, raw strings', language: 'dart', text: "var s = 'IN ${OUT} IN'; var t = \"IN ${OUT}\"; var r = r'IN'; OUT" },

  // C#
  { name: 'c#: verbatim strings double their quotes and span lines', language: 'csharp', text: 'var s = @"IN ""IN"" \\ IN\nIN"; OUT' },
  { name: 'c#: interpolated strings: {expressions} are code, nested strings are examined', language: 'csharp', text: 'var s = $"IN {OUT} IN {(OUT ? "IN" : "IN")} IN"; OUT' },
  { name: 'c#: raw string literals', language: 'csharp', text: 'var s = """\n  {"eventId": "IN"} IN\n  """; OUT' },
  { name: 'c#: $$ raw strings: a lone { is text, {{x}} is code', language: 'csharp', text: 'var s = $$"""{"a": "IN", "b": {{OUT}} } IN"""; var t = "IN"; OUT' },
  { name: "c#: a char '\"' does not open a string", language: 'csharp', text: 'var c = \'"\'; var s = "IN"; OUT' },

  // Rust
  { name: 'rust: raw strings r#"..."# may hold quotes', language: 'rust', text: 'let s = r#"IN "IN" IN"#; let t = OUT;' },
  { name: 'rust: raw strings with more hashes and byte raw strings', language: 'rust', text: 'let s = r##"IN "# IN"##; let b = br"IN"; OUT' },
  { name: 'rust: lifetimes are not char literals', language: 'rust', text: "fn f<'a>(x: &'a str) -> &'a str { OUT(\"IN\") } // IN" },
  { name: 'rust: char and byte literals holding quotes', language: 'rust', text: "let c = '\"'; let b = b'\"'; let s = \"IN\"; OUT" },
  { name: 'rust: nested block comments', language: 'rust', text: '/* IN /* IN */ IN */ OUT' },

  // Swift
  { name: 'swift: \\( ) interpolation is code, a string inside it is examined', language: 'swift', text: 'let s = "IN \\(f("IN", OUT)) IN"; OUT' },
  { name: 'swift: multi-line strings', language: 'swift', text: 'let s = """\n  IN "IN"\n  IN \\(OUT)\n  """\nOUT' },
  { name: 'swift: raw strings #"..."#', language: 'swift', text: 'let r = #"IN "IN" IN"#; OUT' },

  // C / C++
  { name: 'c++: raw strings R"delim(...)delim"', language: 'cpp', text: 'auto s = R"json({"a": "IN"} IN)" IN)json"; OUT' },
  { name: "c: a char '\"' does not open a string", language: 'c', text: 'char q = \'"\'; const char *s = "IN"; OUT' },
  { name: 'c: preprocessor string macros and comments', language: 'c', text: '#define OUT "IN" /* IN */\n// IN' },

  // Ruby
  { name: 'ruby: #{} interpolation is code', language: 'ruby', text: 's = "IN #{OUT} IN"; t = \'IN #{IN}\'; OUT' },
  { name: 'ruby: squiggly heredoc', language: 'ruby', text: 's = <<~EOS\n  IN "IN"\nEOS\nOUT' },
  { name: "ruby: quoted heredoc identifier", language: 'ruby', text: "s = <<-'SQL'\n  IN\n  SQL\nOUT" },
  { name: 'ruby: %q, %w and %i literals', language: 'ruby', text: 'a = %q(IN (IN) IN); b = %w[IN IN]; c = %i{IN}; OUT' },
  { name: 'ruby: =begin/=end block comments', language: 'ruby', text: '=begin\nIN\n=end\nOUT' },
  { name: 'ruby: a regex literal with quotes does not open a string', language: 'ruby', text: "line.gsub(/['\"]/, '')\nOUT\ns = \"IN\"" },
  { name: 'ruby: regex after when', language: 'ruby', text: "case x\nwhen /'/ then \"IN\"\nend\nOUT" },
  { name: 'ruby: %r regex literals', language: 'ruby', text: 'r = %r{"}; s = "IN"; OUT' },
  { name: 'ruby: `list << CONSTANT` is a method call, not a heredoc', language: 'ruby', text: 'list << DEFAULT_EVENT\nOUT\ns = "IN"' },

  // PHP
  { name: 'php: heredoc', language: 'php', text: '<?php\n$s = <<<HTML\n  <li>IN</li>\nHTML;\n$OUT = 1;' },
  { name: 'php: nowdoc', language: 'php', text: "<?php\n$s = <<<'TXT'\n  IN\nTXT;\nOUT();" },
  { name: 'php: #, // and /* */ comments', language: 'php', text: '<?php\n# IN\n// IN\n/* IN */ OUT();' },
  { name: 'php: HTML around <?php ?> blocks is text', language: 'php', text: "<p>Don't IN</p>\n<?php if (OUT): ?>\n<p>It's IN</p>\n<?= OUT('IN') ?>\nIN" },

  // Lua
  { name: 'lua: long strings with levels', language: 'lua', text: 'local s = [==[IN ]] IN]==] OUT' },
  { name: 'lua: long comments and line comments', language: 'lua', text: '--[[ IN\nIN ]] OUT -- IN\nOUT' },

  // PowerShell
  { name: 'powershell: here-strings may hold quotes', language: 'powershell', text: '$b = @"\n{"eventId": "IN"}\n"@\n$OUT = 1\n$c = @\'\n"IN"\n\'@\nOUT' },
  { name: 'powershell: $() subexpressions are code', language: 'powershell', text: '$s = "IN $(OUT) IN"; OUT' },

  // Others
  { name: 'haskell: nested {- -} comments; primes are not quotes', language: 'haskell', text: "f' x = OUT {- IN {- IN -} IN -} \"IN\"" },
  { name: 'elixir: #{} interpolation', language: 'elixir', text: 's = "IN #{OUT} IN" # IN' },
  { name: 'vb: doubled quotes and apostrophe comments', language: 'vb', text: 'Dim s = "IN ""IN"" IN" \' IN\nOUT' },
];

describe('lexer: examined regions of code files', () => {
  for (const c of MARKED) it(c.name, () => checkMarkers(c));

  const EXACT: { name: string; language: string; text: string; examined: string[] }[] = [
    { name: 'regions are exactly the string bodies, without quotes', language: 'python', text: 'a("x", \'y\')', examined: ['x', 'y'] },
    { name: 'a comment region starts after its opener', language: 'go', text: 'x // note\n/* block */', examined: [' note', ' block '] },
    { name: 'template literal parts around an interpolation', language: 'javascript', text: '`a${b}c`', examined: ['a', 'c'] },
    { name: 'heredoc body, without its terminator line', language: 'ruby', text: 'x = <<~EOS\n  body\nEOS\n', examined: ['  body\n'] },
  ];
  for (const c of EXACT) {
    it(c.name, () => assert.deepStrictEqual(slices(c.text, c.language).filter((s) => s !== ''), c.examined));
  }

  it('a limit stops the scan: strings opened at or after it are not lexed', () => {
    const text = '"a" + "b" + "c"';
    assert.deepStrictEqual(examinedRegions(text, 'javascript', 6), [1, 2]);
    assert.deepStrictEqual(examinedRegions(text, 'javascript', 7), [1, 2, 7, 8]);
  });

  it('text formats are examined whole', () => {
    for (const language of ['yaml', 'json', 'markdown', 'shellscript', 'sql', 'dotenv', 'terraform', 'unknown-language']) {
      assert.deepStrictEqual(examinedRegions('a: "b" # c', language), [0, 10], language);
    }
  });
});

describe('languages: scan mode and language of a path', () => {
  const MODES: [string, string][] = [
    ['typescript', 'code'], ['javascriptreact', 'code'], ['python', 'code'], ['go', 'code'], ['java', 'code'], ['kotlin', 'code'],
    ['csharp', 'code'], ['cpp', 'code'], ['rust', 'code'], ['ruby', 'code'], ['php', 'code'], ['swift', 'code'], ['scala', 'code'],
    ['dart', 'code'], ['lua', 'code'], ['powershell', 'code'],
    ['yaml', 'text'], ['json', 'text'], ['jsonc', 'text'], ['toml', 'text'], ['ini', 'text'], ['properties', 'text'], ['dotenv', 'text'],
    ['xml', 'text'], ['terraform', 'text'], ['csv', 'text'], ['markdown', 'text'], ['plaintext', 'text'], ['log', 'text'],
    ['shellscript', 'text'], ['sql', 'text'], ['dockerfile', 'text'], ['dockercompose', 'text'], ['github-actions-workflow', 'text'],
    ['brainfuck', 'strict'], ['unknown', 'strict'],
  ];
  for (const [languageId, mode] of MODES) it(`${languageId} is examined as ${mode}`, () => assert.strictEqual(scanModeOf(languageId), mode));

  const PATHS: [string, string][] = [
    ['src/alertFilter.ts', 'typescript'], ['web/EventBadge.jsx', 'javascriptreact'], ['app/audit_handler.py', 'python'],
    ['cmd/dispatcher.go', 'go'], ['Main.java', 'java'], ['build.gradle.kts', 'kotlin'], ['AuditService.cs', 'csharp'],
    ['filter.cpp', 'cpp'], ['include/filter.h', 'c'], ['src/lib.rs', 'rust'], ['notifier.rb', 'ruby'], ['Gemfile', 'ruby'],
    ['index.php', 'php'], ['Feed.swift', 'swift'], ['rules.lua', 'lua'], ['Export.ps1', 'powershell'], ['export.sh', 'shellscript'],
    ['report.sql', 'sql'], ['k8s/rules.yaml', 'yaml'], ['.github/workflows/ci.yml', 'yaml'], ['dashboard.json', 'json'],
    ['Cargo.toml', 'toml'], ['.env', 'dotenv'], ['.env.production', 'dotenv'], ['prod.env', 'dotenv'], ['app.properties', 'properties'],
    ['setup.cfg', 'ini'], ['main.tf', 'terraform'], ['README.md', 'markdown'], ['owners.csv', 'csv'], ['rules.xml', 'xml'],
    ['forwarder.log', 'log'], ['Dockerfile', 'dockerfile'], ['Dockerfile.prod', 'dockerfile'], ['api.Dockerfile', 'dockerfile'],
    ['Jenkinsfile', 'groovy'], ['C:\\repo\\Makefile', 'makefile'], ['notes', 'unknown'], ['archive.xyz', 'unknown'],
  ];
  for (const [path, languageId] of PATHS) it(`${path} is ${languageId}`, () => assert.strictEqual(languageIdForPath(path), languageId));
});
