/**
 * The manifest is code: package.json's settings equal the server's defaults,
 * every command has a localized title and category, every id a menu or view
 * names exists, and every runtime string has a Korean translation.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CATALOG_VIEW_ID, COMMAND_IDS } from '../../client/src/commandIds';
import { DEFAULT_SETTINGS, normalizeSettings, SECTION } from '../../server/src/settings';

// out/test/unit -> repository root
const ROOT = path.resolve(__dirname, '..', '..', '..');
const readJson = (file: string) => JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8'));

interface Property {
  type: string | string[];
  default: unknown;
  enum?: unknown[];
  enumDescriptions?: string[];
  markdownDescription?: string;
  description?: string;
  scope?: string;
}

const pkg = readJson('package.json');
const nls: Record<string, Record<string, string>> = { en: readJson('package.nls.json'), ko: readJson('package.nls.ko.json') };
const contributes = pkg.contributes;
const sections: { title: string; properties: Record<string, Property> }[] = Array.isArray(contributes.configuration) ? contributes.configuration : [contributes.configuration];
const properties: Record<string, Property> = Object.assign({}, ...sections.map((section) => section.properties));

/** `{ a: { b: 1 } }` -> `{ 'cloudtrailEvents.a.b': 1 }`; arrays and primitives are leaves. */
function flatten(value: unknown, prefix: string, out: Record<string, unknown> = {}): Record<string, unknown> {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, child] of Object.entries(value)) flatten(child, `${prefix}.${key}`, out);
  } else {
    out[prefix] = value;
  }
  return out;
}

/** `cloudtrailEvents.a.b` = v -> `{ a: { b: v } }`, the shape the client sends for the section. */
function nest(entries: [string, unknown][]): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [key, value] of entries) {
    const parts = key.slice(SECTION.length + 1).split('.');
    let node = root;
    for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
    node[parts[parts.length - 1]] = value;
  }
  return root;
}

const jsonType = (value: unknown) => (Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value);

/** Every "%key%" string anywhere in a JSON value. */
function nlsKeys(value: unknown, out = new Set<string>()): Set<string> {
  if (typeof value === 'string') {
    const match = /^%([^%\s]+)%$/.exec(value);
    if (match) out.add(match[1]);
  } else if (value && typeof value === 'object') {
    for (const child of Object.values(value)) nlsKeys(child, out);
  }
  return out;
}

const serverDefaults = flatten(DEFAULT_SETTINGS, SECTION);

describe('manifest (package.json)', () => {
  describe('settings equal the server defaults', () => {
    it('every setting in package.json has a server default, and every server default a setting', () => {
      assert.deepEqual(Object.keys(properties).sort(), Object.keys(serverDefaults).sort());
    });

    for (const [key, property] of Object.entries(properties)) {
      describe(key, () => {
        it('has the server default', () => assert.deepEqual(property.default, serverDefaults[key]));
        it('declares the type of its default', () => {
          const types = Array.isArray(property.type) ? property.type : [property.type];
          assert.ok(types.includes(jsonType(property.default)), `${jsonType(property.default)} in ${types.join(', ')}`);
        });
        it('has a localized markdownDescription and a scope', () => {
          assert.match(property.markdownDescription ?? '', /^%[\w.]+%$/);
          assert.equal(property.description, undefined, 'use markdownDescription only');
          assert.ok(['application', 'machine', 'machine-overridable', 'window', 'resource', 'language-overridable'].includes(property.scope ?? ''), `scope ${property.scope}`);
        });
        if (property.enum) {
          it('describes each enum value', () => assert.equal(property.enumDescriptions?.length, property.enum?.length));
          for (const value of property.enum) {
            it(`the server accepts the enum value ${JSON.stringify(value)}`, () => {
              const { settings, problems } = normalizeSettings(nest([[key, value]]));
              assert.deepEqual(problems, []);
              assert.equal(flatten(settings, SECTION)[key], value);
            });
          }
          it('the server rejects a value outside the enum', () => {
            const { settings, problems } = normalizeSettings(nest([[key, 'not-a-value']]));
            assert.equal(problems.length, 1);
            assert.equal(flatten(settings, SECTION)[key], serverDefaults[key]);
          });
        }
      });
    }

    it('the manifest defaults, sent as the client would, normalize to DEFAULT_SETTINGS with no problems', () => {
      const { settings, problems } = normalizeSettings(nest(Object.entries(properties).map(([key, p]) => [key, p.default])));
      assert.deepEqual(problems, []);
      assert.deepEqual(settings, DEFAULT_SETTINGS);
    });

    it('groups the settings in titled sections, every key prefixed with the section name', () => {
      assert.ok(sections.length > 1);
      for (const section of sections) {
        assert.match(section.title, /^%config\.section\.\w+%$/);
        for (const key of Object.keys(section.properties)) assert.ok(key.startsWith(`${SECTION}.`), key);
      }
    });
  });

  describe('commands', () => {
    const commands: { command: string; title: string; category?: string }[] = contributes.commands;
    it('declares exactly the commands the client registers (client/src/commandIds.ts)', () => {
      assert.deepEqual(commands.map((c) => c.command).sort(), [...COMMAND_IDS].sort());
    });
    for (const command of commands) {
      it(`${command.command} has a localized title and the category "CloudTrail Events"`, () => {
        assert.match(command.title, /^%command\.\w+%$/);
        assert.equal(command.category, '%command.category%');
        assert.equal(nls.en['command.category'], 'CloudTrail Events');
      });
    }

    it('every command a menu or keybinding names exists', () => {
      const declared = new Set(commands.map((c) => c.command));
      const referenced: string[] = [];
      for (const entries of Object.values(contributes.menus as Record<string, { command?: string }[]>)) {
        for (const entry of entries) if (entry.command) referenced.push(entry.command);
      }
      for (const binding of contributes.keybindings ?? []) referenced.push(binding.command);
      assert.ok(referenced.length > 0);
      for (const id of referenced) assert.ok(declared.has(id), `${id} is not declared in contributes.commands`);
    });

    it('hides the tree-only command from the Command Palette', () => {
      const hidden = contributes.menus.commandPalette.filter((entry: { when?: string }) => entry.when === 'false').map((entry: { command: string }) => entry.command);
      assert.deepEqual(hidden, ['cloudtrailEvents.insertEvent']);
    });

    it('the tree item actions are offered on events only, Insert inline', () => {
      const itemMenu: { command: string; when: string; group: string }[] = contributes.menus['view/item/context'];
      for (const entry of itemMenu) assert.match(entry.when, new RegExp(`view == ${CATALOG_VIEW_ID.replace('.', '\\.')} && viewItem == event`));
      assert.ok(itemMenu.some((entry) => entry.command === 'cloudtrailEvents.insertEvent' && entry.group.startsWith('inline')));
      assert.ok(itemMenu.some((entry) => entry.command === 'cloudtrailEvents.copyEventId'));
    });
  });

  describe('views', () => {
    it(`declares ${CATALOG_VIEW_ID} in its own activity-bar container with an icon`, () => {
      const containers: { id: string; icon: string; title: string }[] = contributes.viewsContainers.activitybar;
      const container = containers.find((c) => Object.keys(contributes.views).includes(c.id));
      assert.ok(container);
      assert.ok(contributes.views[container.id].some((view: { id: string }) => view.id === CATALOG_VIEW_ID));
      assert.ok(fs.existsSync(path.join(ROOT, container.icon)), container.icon);
      assert.equal(nls.en[container.title.slice(1, -1)], 'CloudTrail Events');
    });

    it('every view a menu, a welcome text or a keybinding names exists', () => {
      const views = new Set(Object.values(contributes.views as Record<string, { id: string }[]>).flat().map((view) => view.id));
      const whens: string[] = [
        ...Object.values(contributes.menus as Record<string, { when?: string }[]>).flat().map((entry) => entry.when ?? ''),
        ...(contributes.keybindings ?? []).map((binding: { when?: string }) => binding.when ?? ''),
      ];
      for (const when of whens) {
        for (const [, view] of when.matchAll(/(?:view|focusedView) == ([\w.]+)/g)) assert.ok(views.has(view), `${view} in "${when}"`);
      }
      for (const welcome of contributes.viewsWelcome) assert.ok(views.has(welcome.view), welcome.view);
    });

    it('welcome texts link only to declared commands (or VS Code built-ins)', () => {
      const declared = new Set(contributes.commands.map((c: { command: string }) => c.command));
      for (const welcome of contributes.viewsWelcome) {
        for (const language of Object.keys(nls)) {
          const text = nls[language][welcome.contents.slice(1, -1)];
          assert.ok(text, `${welcome.contents} in ${language}`);
          for (const [, command] of text.matchAll(/\(command:([\w.]+)/g)) {
            assert.ok(declared.has(command) || command.startsWith('workbench.'), `${command} in ${welcome.contents} (${language})`);
          }
        }
      }
    });

    it('covers the empty, stopped and error states with welcome content', () => {
      const states = contributes.viewsWelcome.map((welcome: { when: string }) => /catalogState == (\w+)/.exec(welcome.when)?.[1]);
      assert.deepEqual(states.sort(), ['empty', 'error', 'stopped']);
    });
  });

  describe('localization', () => {
    const used = nlsKeys(pkg);
    for (const language of Object.keys(nls)) {
      it(`every %key% in package.json resolves in the ${language} file`, () => {
        for (const key of used) assert.ok(typeof nls[language][key] === 'string' && nls[language][key].length > 0, `${key} missing in ${language}`);
      });
    }
    it('the English and Korean files have the same keys, none unused', () => {
      assert.deepEqual(Object.keys(nls.ko).sort(), Object.keys(nls.en).sort());
      assert.deepEqual(Object.keys(nls.en).sort(), [...used].sort());
    });

    // The runtime strings: every vscode.l10n.t('...') literal in client/src.
    const runtime = new Set<string>();
    const sourceDir = path.join(ROOT, 'client', 'src');
    for (const file of fs.readdirSync(sourceDir).filter((name) => name.endsWith('.ts'))) {
      const text = fs.readFileSync(path.join(sourceDir, file), 'utf8');
      for (const [, literal] of text.matchAll(/l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)) runtime.add(literal.replace(/\\(.)/g, '$1'));
    }
    const bundle: Record<string, string> = readJson('l10n/bundle.l10n.ko.json');
    const placeholders = (text: string) => [...text.matchAll(/\{\d+\}/g)].map((m) => m[0]).sort();

    it('finds the runtime strings of the client', () => assert.ok(runtime.size > 10, `${runtime.size} strings`));
    it('every runtime string has a Korean translation with the same placeholders', () => {
      for (const message of runtime) {
        assert.ok(bundle[message], `no Korean translation for ${JSON.stringify(message)}`);
        assert.deepEqual(placeholders(bundle[message]), placeholders(message), message);
      }
    });
    it('the Korean bundle has no stale entries', () => {
      for (const message of Object.keys(bundle)) assert.ok(runtime.has(message), `unused: ${JSON.stringify(message)}`);
    });
    it('package.json points VS Code at the l10n folder', () => assert.equal(pkg.l10n, './l10n'));
  });

  describe('activation and packaging', () => {
    it('activates on onStartupFinished from dist/extension.js', () => {
      assert.ok(pkg.activationEvents.includes('onStartupFinished'));
      assert.equal(pkg.main, './dist/extension.js');
    });

    it('supports VS Code 1.100 and older (engines.vscode ^1.100.0 or lower), not below the @types/vscode in use', () => {
      const engine = /^\^(\d+)\.(\d+)\.\d+$/.exec(pkg.engines.vscode);
      assert.ok(engine, pkg.engines.vscode);
      const [major, minor] = [Number(engine[1]), Number(engine[2])];
      assert.ok(major === 1 && minor <= 100, pkg.engines.vscode);
      const types = /(\d+)\.(\d+)/.exec(pkg.devDependencies['@types/vscode']);
      assert.ok(types && Number(types[2]) <= minor, `@types/vscode ${pkg.devDependencies['@types/vscode']} is newer than engines.vscode`);
    });

    it('has a 128x128 PNG icon', () => {
      const png = fs.readFileSync(path.join(ROOT, pkg.icon));
      assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
      assert.equal(png.readUInt32BE(16), 128);
      assert.equal(png.readUInt32BE(20), 128);
    });

    it('.vscodeignore is an allow-list that keeps the manifest, the extension and server bundles, the catalog (Go to Definition) and schema', () => {
      const lines = fs
        .readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8')
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line && !line.startsWith('#'));
      assert.equal(lines[0], '**');
      // events.json is bundled into the servers and shipped for Go to Definition, the schema for jsonValidation.
      for (const kept of ['!package.json', '!package.nls*.json', '!l10n/**', '!dist/extension.js', '!dist/server.js', '!dist/web/extension.js', '!dist/web/server.js', '!catalog/events.json', '!catalog/schema/**', `!${pkg.icon}`]) {
        assert.ok(lines.includes(kept), kept);
      }
      // The CLI is the npm package's: VS Code puts no extension's bin on the PATH.
      assert.ok(!lines.includes('!dist/cli.js'));
      for (const validation of pkg.contributes.jsonValidation ?? []) {
        assert.ok(fs.existsSync(path.join(ROOT, validation.url)), `${validation.url} exists`);
        assert.ok(validation.url.startsWith('./catalog/schema/'), `${validation.url} is shipped`);
      }
    });
  });
});
