/**
 * Settings and user catalogs come from files a repository holds. Keys named
 * `__proto__`, `constructor` or `prototype`, in every place a settings or
 * catalog object is built, must neither reach Object.prototype (which once
 * silenced every CI finding) nor slip an entry past validation.
 */
import * as assert from 'assert';
import { builtinCatalog } from '../../server/src/core/builtin';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Writable } from 'stream';
import { main } from '../../server/src/cli';
import { readSettingsFile } from '../../server/src/cli/settingsFile';
import { loadCatalog } from '../../server/src/catalogLoader';
import { parseJsonWithPositions } from '../../server/src/core/jsonPositions';
import { parseUserCatalog, USER_CATALOG_FILE, validateEntry } from '../../server/src/core/userCatalog';
import { DEFAULT_SETTINGS, normalizeSettings, settingsSection } from '../../server/src/settings';

const HOSTILE_KEYS = ['__proto__', 'constructor', 'prototype'];

/** Every property these tests try to plant on Object.prototype. */
const PLANTED = ['informational', 'severity', 'diagnostics', 'officialLists', 'events', 'id', 'description', 'polluted'];

function assertClean(): void {
  const probe: Record<string, unknown> = {};
  for (const name of PLANTED) assert.strictEqual(probe[name], undefined, `Object.prototype.${name} was set`);
  assert.strictEqual(Object.getPrototypeOf(probe), Object.prototype);
}

/** Settings files with hostile keys in flat and nested form. */
const SETTINGS_FILES: Record<string, Record<string, unknown>> = {
  'flat __proto__': { 'cloudtrailEvents.__proto__.informational': true, 'cloudtrailEvents.__proto__.severity': 'off' },
  'flat constructor.prototype': { 'cloudtrailEvents.constructor.prototype.informational': true },
  'flat prototype': { 'cloudtrailEvents.prototype.informational': true },
  'flat under a section': { 'cloudtrailEvents.diagnostics.__proto__.severity': 'off', 'cloudtrailEvents.diagnostics.constructor.prototype.severity': 'off' },
  'nested __proto__': JSON.parse('{ "cloudtrailEvents": { "__proto__": { "informational": true, "diagnostics": { "severity": "off" } } } }'),
  'nested under a section': JSON.parse('{ "cloudtrailEvents": { "diagnostics": { "__proto__": { "severity": "off" } }, "constructor": { "prototype": { "polluted": 1 } } } }'),
  'top-level __proto__': JSON.parse('{ "__proto__": { "cloudtrailEvents": { "diagnostics": { "severity": "off" } } } }'),
};

class Capture extends Writable {
  text = '';
  _write(chunk: Buffer, _encoding: string, done: () => void) {
    this.text += chunk.toString();
    done();
  }
}

function lint(cwd: string): { code: number; out: string } {
  const out = new Capture();
  const code = main(['lint'], cwd, out as unknown as typeof process.stdout, new Capture() as unknown as typeof process.stderr);
  return { code, out: out.text };
}

describe('prototype pollution: settings and user catalogs', () => {
  afterEach(assertClean);

  for (const [name, json] of Object.entries(SETTINGS_FILES)) {
    it(`settings.json with ${name} keys: defaults, nothing planted`, () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cte-proto-'));
      try {
        fs.mkdirSync(path.join(dir, '.vscode'));
        fs.writeFileSync(path.join(dir, '.vscode', 'settings.json'), JSON.stringify(json));
        const read = readSettingsFile(dir);
        assert.strictEqual(read.error, undefined);
        assert.deepStrictEqual(read.settings, DEFAULT_SETTINGS);
        assertClean();
        assert.deepStrictEqual(normalizeSettings(settingsSection(json)).settings, DEFAULT_SETTINGS);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  }

  it('the CLI still reports the finding, as a warning, with hostile settings beside real ones', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cte-proto-'));
    try {
      fs.writeFileSync(path.join(dir, 'a.yaml'), 'a: event_id.iaas.instnace.create\n');
      const clean = lint(dir);
      fs.mkdirSync(path.join(dir, '.vscode'));
      fs.writeFileSync(path.join(dir, '.vscode', 'settings.json'), JSON.stringify({ ...SETTINGS_FILES['flat __proto__'], 'cloudtrailEvents.maxFileSizeMB': 5 }));
      const hostile = lint(dir);
      assertClean();
      assert.strictEqual(clean.code, 1);
      assert.deepStrictEqual(hostile, clean);
      assert.match(hostile.out, /warning: Unknown CloudTrail event ID/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('flat and nested known keys still apply, flat over nested', () => {
    const json = { cloudtrailEvents: { diagnostics: { severity: 'error' }, catalog: { lenient: true } }, 'cloudtrailEvents.diagnostics.severity': 'hint', 'cloudtrailEvents.exclude.globs': ['gen/**'] };
    const { settings, problems } = normalizeSettings(settingsSection(json));
    assert.deepStrictEqual(problems, []);
    assert.deepStrictEqual([settings.diagnostics.severity, settings.catalog.lenient, settings.exclude.globs], ['hint', true, ['gen/**']]);
  });

  it('a section of the wrong type is still named', () => {
    const { problems } = normalizeSettings(settingsSection({ 'cloudtrailEvents.diagnostics': 'error' }));
    assert.match(problems.join('\n'), /cloudtrailEvents\.diagnostics/);
  });

  it('settings the client sends (server side) read own keys only', () => {
    const raw = JSON.parse('{ "__proto__": { "maxFileSizeMB": 1 }, "diagnostics": { "__proto__": { "severity": "off" } }, "constructor": { "prototype": { "polluted": 1 } } }');
    assert.deepStrictEqual(normalizeSettings(raw).settings, DEFAULT_SETTINGS);
  });

  it('the position-keeping JSON parser makes "__proto__" an own key, as JSON.parse does', () => {
    const text = '{ "__proto__": { "polluted": 1 }, "a": { "__proto__": { "id": "x" } } }';
    const value = parseJsonWithPositions(text).value as Record<string, Record<string, unknown>>;
    assert.deepStrictEqual(value, JSON.parse(text));
    assert.strictEqual(Object.getPrototypeOf(value), Object.prototype);
    assert.strictEqual(value.a.id, undefined);
    assert.ok(Object.hasOwn(value, '__proto__'));
  });

  for (const key of HOSTILE_KEYS) {
    it(`a "${key}" key in a .cloudtrail-events.json entry is an unknown property, not a way around validation`, () => {
      const text = `{ "events": [\n  { "${key}": { "id": "event_id.bad id", "description": "smuggled" } },\n  { "id": "event_id.ok.thing.create", "description": "ok", "${key}": { "deprecated": true } },\n  { "id": "event_id.ok.other.create", "description": "ok" }\n] }`;
      const parsed = parseUserCatalog(text);
      assert.deepStrictEqual(parsed.entries.map((e) => e.id), ['event_id.ok.other.create']);
      assert.deepStrictEqual(
        parsed.problems.map((p) => [p.line, p.message]),
        [
          [2, `events[0]: unknown property "${key}" (allowed: id, description, service, deprecated)`],
          [3, `events[1]: unknown property "${key}" (allowed: id, description, service, deprecated)`],
        ],
      );
    });

    it(`a "${key}" key around the "events" array: no entries, one clear problem`, () => {
      const parsed = parseUserCatalog(`{ "${key}": { "events": [ { "id": "event_id.ok.thing.create", "description": "ok" } ] } }`);
      assert.deepStrictEqual(parsed.entries, []);
      assert.deepStrictEqual(parsed.problems.map((p) => p.message), ['expected an object with an "events" array']);
    });

    it(`an extraEvents entry (setting) with a "${key}" key is rejected`, () => {
      const entry = JSON.parse(`{ "${key}": { "id": "event_id.x.y" }, "description": "d" }`);
      assert.match(validateEntry(entry) as string, new RegExp(`unknown property "${key}"`));
    });
  }

  it('an entry inherits nothing: a prototype with an id does not make an entry valid', () => {
    const entry = Object.create({ id: 'event_id.inherited.thing', description: 'inherited' }) as object;
    assert.strictEqual(typeof validateEntry(entry), 'string');
  });

  it('loading a workspace whose user catalog holds every hostile key: the valid entry only, nothing planted', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cte-proto-'));
    try {
      const events = [...HOSTILE_KEYS.map((key) => JSON.parse(`{ "${key}": { "id": "event_id.smuggled.x", "description": "s" } }`)), { id: 'event_id.ok.thing.create', description: 'ok' }];
      fs.writeFileSync(path.join(dir, USER_CATALOG_FILE), JSON.stringify({ events }));
      const loaded = loadCatalog({ officialLists: [], lenient: false, extraEvents: events, folders: [dir], trusted: true });
      assert.ok(loaded.catalog.get('event_id.ok.thing.create'));
      assert.strictEqual(loaded.catalog.get('event_id.smuggled.x'), undefined);
      assert.strictEqual(loaded.catalog.size, builtinCatalog().size + 1);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
