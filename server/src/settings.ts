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

function pick<T>(value: unknown, valid: (v: unknown) => v is T, fallback: T, key: string, expected: string, problems: Problems): T {
  if (value === undefined || value === null) return fallback;
  if (valid(value)) return value;
  problems.push(`Setting "${SECTION}.${key}" must be ${expected}; got ${JSON.stringify(value)}. Using the default ${JSON.stringify(fallback)}.`);
  return fallback;
}

const isOneOf = <T extends string>(values: readonly T[]) => (v: unknown): v is T => typeof v === 'string' && values.includes(v as T);
const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');
const isBoolean = (v: unknown): v is boolean => typeof v === 'boolean';
const isPositive = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v > 0;
const isArray = (v: unknown): v is unknown[] => Array.isArray(v);

/** A nested section (`diagnostics`, `exclude`, ...); a value of another type is named in `problems` and ignored. */
const section = (raw: Record<string, unknown>, key: string, problems: Problems): Record<string, unknown> => {
  const value = raw[key];
  if (value === undefined || value === null) return {};
  if (typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  problems.push(`Setting "${SECTION}.${key}" must be an object of settings; got ${JSON.stringify(value)}. Using the defaults.`);
  return {};
};

/**
 * Turns whatever the client sent for the `cloudtrailEvents` section into valid
 * settings. A wrong-typed value falls back to its default and is named in `problems`.
 */
export function normalizeSettings(raw: unknown): { settings: Settings; problems: string[] } {
  const problems: Problems = [];
  const r = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
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
