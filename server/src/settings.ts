/**
 * The server's settings: types, defaults, and validation of what the client
 * sends. Settings are read per document (workspace/configuration) and cached
 * per document URI until the configuration changes; never frozen in a global.
 *
 * DEFAULT_SETTINGS mirrors `contributes.configuration` in package.json; a test
 * checks that the two agree key by key.
 */

import { BUILTIN_EDITIONS } from './core/builtin';

export type Severity = 'error' | 'warning' | 'information' | 'hint' | 'off';
export type Trace = 'off' | 'messages' | 'verbose';

export interface Settings {
  diagnostics: { severity: Severity };
  exclude: { languages: string[]; globs: string[] };
  maxFileSizeMB: number;
  inlayHints: { enabled: boolean };
  catalog: {
    officialLists: string[];
    lenient: boolean;
    /** Entries `{ id, description, service? }` or `{ id, deprecated }`, validated one by one in core/userCatalog.ts. */
    extraEvents: unknown[];
    /** The NHN Cloud edition the workspace targets (`public`, `gov`, …). */
    edition: string;
  };
  workspaceIndex: { enabled: boolean };
  /** Read by the client (LanguageClient tracing); here so the manifest parity test sees every key. */
  trace: { server: Trace };
}

export const DEFAULT_SETTINGS: Settings = {
  diagnostics: { severity: 'warning' },
  exclude: { languages: [], globs: ['**/node_modules/**', '**/.git/**'] },
  maxFileSizeMB: 5,
  inlayHints: { enabled: false },
  catalog: { officialLists: [], lenient: false, extraEvents: [], edition: 'public' },
  workspaceIndex: { enabled: true },
  trace: { server: 'off' },
};

export const SECTION = 'cloudtrailEvents';

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'information', 'hint', 'off'];
const TRACES: readonly Trace[] = ['off', 'messages', 'verbose'];

type Problems = string[];

/** A wrong value as a message names it: a few dozen characters, whatever size the repository made it. */
const shown = (value: unknown) => {
  const json = JSON.stringify(value) ?? String(value);
  return json.length <= 80 ? json : `${json.slice(0, 80)}… (${json.length} characters)`;
};

function pick<T>(value: unknown, valid: (v: unknown) => v is T, fallback: T, key: string, expected: string, problems: Problems): T {
  if (value === undefined || value === null) return fallback;
  if (valid(value)) return value;
  problems.push(`Setting "${SECTION}.${key}" must be ${expected}; got ${shown(value)}. Using the default ${JSON.stringify(fallback)}.`);
  return fallback;
}

const isOneOf = <T extends string>(values: readonly T[]) => (v: unknown): v is T => typeof v === 'string' && values.includes(v as T);
const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');
const isBoolean = (v: unknown): v is boolean => typeof v === 'boolean';
const isPositive = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v > 0;
const isArray = (v: unknown): v is unknown[] => Array.isArray(v);

type Allowed = Record<string, unknown>;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Copies `value[key]` into `target` when DEFAULT_SETTINGS has that key, recursing into sections. Settings come
 * from files a repository holds: every object made here has no prototype and only known keys, so `__proto__`,
 * `constructor` or `prototype` are unknown keys like any other and dropped (`cloudtrailEvents.__proto__.x`
 * once wrote to Object.prototype).
 */
function putAllowed(target: Record<string, unknown>, allowed: Allowed, key: string, value: unknown): void {
  if (!Object.hasOwn(allowed, key)) return;
  const shape = allowed[key];
  // A wrong-typed value is kept as it is: normalizeSettings names it.
  if (!isObject(shape) || !isObject(value)) {
    target[key] = value;
    return;
  }
  const inner = isObject(target[key]) ? (target[key] as Record<string, unknown>) : (target[key] = Object.create(null) as Record<string, unknown>);
  for (const name of Object.keys(value)) putAllowed(inner, shape, name, value[name]);
}

/** The known keys of a `cloudtrailEvents` section, in objects without a prototype. */
function allowedSection(raw: unknown): Record<string, unknown> {
  const section = Object.create(null) as Record<string, unknown>;
  if (isObject(raw)) for (const key of Object.keys(raw)) putAllowed(section, DEFAULT_SETTINGS as unknown as Allowed, key, raw[key]);
  return section;
}

/**
 * The `cloudtrailEvents` section of a parsed settings.json (as the CLI reads it): the nested
 * `cloudtrailEvents` object, then the flat `cloudtrailEvents.a.b` keys over it. Only known keys are kept.
 */
export function settingsSection(json: unknown): Record<string, unknown> {
  if (!isObject(json)) return Object.create(null) as Record<string, unknown>;
  const section = allowedSection(Object.hasOwn(json, SECTION) ? json[SECTION] : undefined);
  for (const key of Object.keys(json)) {
    if (!key.startsWith(`${SECTION}.`)) continue;
    const parts = key.slice(SECTION.length + 1).split('.');
    // `a.b.c` = v is `{ a: { b: { c: v } } }`.
    const value = parts.slice(1).reduceRight<unknown>((inner, part) => ({ [part]: inner }), json[key]);
    putAllowed(section, DEFAULT_SETTINGS as unknown as Allowed, parts[0], value);
  }
  return section;
}

/** A nested section (`diagnostics`, `exclude`, ...); a value of another type is named in `problems` and ignored. */
const section = (raw: Record<string, unknown>, key: string, problems: Problems): Record<string, unknown> => {
  const value = raw[key];
  if (value === undefined || value === null) return {};
  if (typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  problems.push(`Setting "${SECTION}.${key}" must be an object of settings; got ${shown(value)}. Using the defaults.`);
  return {};
};

/**
 * Turns whatever the client sent for the `cloudtrailEvents` section into valid
 * settings. A wrong-typed value falls back to its default and is named in `problems`.
 */
export function normalizeSettings(raw: unknown): { settings: Settings; problems: string[] } {
  const problems: Problems = [];
  const r = allowedSection(raw);
  const d = DEFAULT_SETTINGS;
  const diagnostics = section(r, 'diagnostics', problems);
  const exclude = section(r, 'exclude', problems);
  const inlay = section(r, 'inlayHints', problems);
  const catalog = section(r, 'catalog', problems);
  const index = section(r, 'workspaceIndex', problems);
  const trace = section(r, 'trace', problems);
  const settings: Settings = {
    diagnostics: { severity: pick(diagnostics.severity, isOneOf(SEVERITIES), d.diagnostics.severity, 'diagnostics.severity', `one of ${SEVERITIES.join(', ')}`, problems) },
    exclude: {
      languages: pick(exclude.languages, isStringArray, d.exclude.languages, 'exclude.languages', 'an array of language IDs', problems),
      globs: pick(exclude.globs, isStringArray, d.exclude.globs, 'exclude.globs', 'an array of glob patterns', problems),
    },
    maxFileSizeMB: pick(r.maxFileSizeMB, isPositive, d.maxFileSizeMB, 'maxFileSizeMB', 'a positive number', problems),
    inlayHints: { enabled: pick(inlay.enabled, isBoolean, d.inlayHints.enabled, 'inlayHints.enabled', 'true or false', problems) },
    catalog: {
      officialLists: pick(catalog.officialLists, isStringArray, d.catalog.officialLists, 'catalog.officialLists', 'an array of file paths', problems),
      lenient: pick(catalog.lenient, isBoolean, d.catalog.lenient, 'catalog.lenient', 'true or false', problems),
      extraEvents: pick(catalog.extraEvents, isArray, d.catalog.extraEvents, 'catalog.extraEvents', 'an array of { id, description, service? } objects', problems),
      edition: pick(catalog.edition, isOneOf(BUILTIN_EDITIONS), d.catalog.edition, 'catalog.edition', `one of ${BUILTIN_EDITIONS.join(', ')}`, problems),
    },
    workspaceIndex: { enabled: pick(index.enabled, isBoolean, d.workspaceIndex.enabled, 'workspaceIndex.enabled', 'true or false', problems) },
    trace: { server: pick(trace.server, isOneOf(TRACES), d.trace.server, 'trace.server', `one of ${TRACES.join(', ')}`, problems) },
  };
  return { settings, problems };
}
