/**
 * Reads the catalog's parts from disk and composes the catalog in force:
 * official event lists named in settings (instead of the built-in list), the
 * `extraEvents` setting, and `.cloudtrail-events.json` in each workspace folder.
 * Used by the server and the CLI, so both validate against the same catalog.
 *
 * Nothing here ever leaves the user without a catalog: a list that fails to
 * parse is rejected with its file, line and problem, and the previous base
 * (at first the built-in list) stays in force, unless lenient mode is on.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { BUILTIN_SOURCE, builtinEvents, builtinRetired } from './core/builtin';
import { PUBLIC_EDITION } from './core/builtinData';
import { Catalog, CatalogEvent } from './core/catalog';
import { applyUserEntries, CatalogDiff, diffCatalogs, mergeOfficialLists, OfficialList, SourcedEntry } from './core/catalogCompose';
import { isRefused, listEditionOfPath, listLanguageOfPath, parseEventList, summarizeList } from './core/catalogParser';
import { parseUserCatalog, USER_CATALOG_FILE, validateEntry } from './core/userCatalog';
import { readRegularFile } from './readFileCapped';
import type { ReadTextResult } from '../../shared/fileRequests';

export interface CatalogInputs {
  officialLists: string[];
  lenient: boolean;
  extraEvents: unknown[];
  /** Workspace folder paths: relative list paths resolve against the first; each may hold a user catalog file. */
  folders: string[];
  /** In an untrusted workspace the user catalog files are not read. */
  trusted: boolean;
  /** The edition the workspace targets (`public`, `gov`, …): IDs of other editions only get a note. */
  edition?: string;
  /**
   * False when `officialLists` and `extraEvents` may hold an untrusted workspace's own settings (a client
   * that does not leave those out itself, as VS Code does for restricted settings): they are then not
   * applied. Default: `trusted`.
   */
  settingsTrusted?: boolean;
  /**
   * Files read beforehand, by path (a web worker has no file system: the server reads through its
   * runtime first, see runtime/catalogFiles.ts); a path missing here does not exist. Absent: read from disk.
   */
  prefetched?: ReadonlyMap<string, ReadTextResult>;
}

export interface CatalogMessage {
  level: 'info' | 'warning' | 'error';
  text: string;
  /** The list, file or setting the message is about: the server shows one pop-up per source. */
  source?: string;
}

/** The base the user's additions apply to: built-in, or imported lists. */
export interface CatalogBase {
  events: CatalogEvent[];
  sources: string[];
  /** Built-in events missing from the imported lists. */
  retired: CatalogEvent[];
}

export interface LoadedCatalog {
  catalog: Catalog;
  base: CatalogBase;
  sources: string[];
  messages: CatalogMessage[];
  /** Set when official lists were imported: what differs from the built-in catalog. */
  importSummary?: CatalogDiff;
  /** Files read, to re-load when one changes. */
  watched: string[];
  /** An official list was refused: the base is the previous one (the CLI has none to keep). */
  refused?: boolean;
}

/** Official lists and user catalog files: far above any real one (the Korean list is 60 KB). */
const MAX_LIST_BYTES = 20 * 1024 * 1024;
/** A file the prefetched ones do not hold. */
const NOT_FOUND: ReadTextResult = { kind: 'notFound', skipped: 'does not exist' };

export const builtinBase = (): CatalogBase => ({ events: builtinEvents(), sources: [BUILTIN_SOURCE], retired: builtinRetired() });

/** Resolves a list path from settings: `~`, absolute, or relative to the first workspace folder. */
export function resolveListPath(file: string, folders: string[]): string {
  if (file.startsWith('~/')) return path.join(os.homedir(), file.slice(2));
  if (path.isAbsolute(file)) return file;
  return path.resolve(folders[0] ?? process.cwd(), file);
}

/** How many problem lines a refused list shows before its summary. */
const REFUSAL_DETAILS = 3;

/**
 * Reads and parses one official list as NHN publishes it (errata merged, repaired or skipped by
 * the parser) and says so in one message. A list is refused only when it is not an event list or
 * most of its rows fail, unless `lenient`, which then uses whatever rows parsed.
 */
export function readOfficialList(file: string, lenient: boolean, prefetched?: ReadonlyMap<string, ReadTextResult>): { list?: OfficialList; messages: CatalogMessage[] } {
  const read = prefetched ? (prefetched.get(file) ?? NOT_FOUND) : readRegularFile(file, MAX_LIST_BYTES);
  if ('skipped' in read) {
    if (read.kind === 'tooLarge') return { messages: [{ level: 'error', text: `${file}: the file is larger than 20 MB; it is not an event list.` }] };
    return { messages: [{ level: 'error', text: `${file}: cannot read the event list (it ${read.skipped}).` }] };
  }
  const parsed = parseEventList(read.text, listLanguageOfPath(file));
  const label = `${file} (${parsed.language ?? 'ko'})`;
  const list: OfficialList = { source: file, language: parsed.language, edition: listEditionOfPath(file), events: parsed.events };
  // NHN's own pages carry errata: what was merged, repaired or skipped is one line for the output, not a pop-up.
  if (!isRefused(parsed)) return { list, messages: [{ level: 'info', text: `${label}: ${summarizeList(parsed)}.` }] };
  const details = parsed.problems.slice(0, REFUSAL_DETAILS).map((p) => `${file}${p.line ? `:${p.line}` : ''}: ${p.message}`);
  if (lenient && parsed.events.length > 0) {
    return { list, messages: [{ level: 'warning', text: `${label}: most rows fail, used anyway (lenient mode): ${summarizeList(parsed)}.` }] };
  }
  return {
    messages: [
      { level: 'error', text: `${label}: not imported, ${parsed.events.length ? `most rows fail (${summarizeList(parsed)}; cloudtrailEvents.catalog.lenient uses the rows that parse)` : 'it holds no event table'}.` },
      ...details.map((text) => ({ level: 'error' as const, text })),
    ],
  };
}

/** The base from official lists, or `previous` when any list is rejected or none is named. */
export function loadBase(inputs: CatalogInputs, previous: CatalogBase): { base: CatalogBase; messages: CatalogMessage[]; summary?: CatalogDiff; refused?: boolean } {
  if (inputs.officialLists.length === 0) return { base: builtinBase(), messages: [] };
  const messages: CatalogMessage[] = [];
  const lists: OfficialList[] = [];
  for (const file of inputs.officialLists) {
    const resolved = resolveListPath(file, inputs.folders);
    const read = readOfficialList(resolved, inputs.lenient, inputs.prefetched);
    messages.push(...read.messages.map((message) => ({ ...message, source: resolved })));
    if (read.list) lists.push(read.list);
  }
  if (lists.length < inputs.officialLists.length) return { base: previous, messages, refused: true };
  const events = mergeOfficialLists(lists);
  const builtin = builtinEvents();
  const imported = new Set(events.map((e) => e.id));
  const retired = [...builtin, ...builtinRetired()].filter((e) => !imported.has(e.id));
  const summary = diffCatalogs(builtin, events);
  const languages = [...new Set(lists.map((l) => l.language ?? 'ko'))].join(', ');
  messages.push({
    level: 'info',
    text: `Imported ${events.length} events (${languages}) from ${lists.map((l) => l.source).join(', ')}: compared with the built-in catalog, ${summary.added.length} added, ${summary.removed.length} removed, ${summary.reworded.length} reworded.`,
  });
  return { base: { events, sources: lists.map((l) => l.source), retired }, messages, summary };
}

/** The user's entries from the setting and from trusted workspace files, with where each came from. */
export function readUserEntries(inputs: CatalogInputs): { entries: SourcedEntry[]; messages: CatalogMessage[]; files: string[] } {
  const entries: SourcedEntry[] = [];
  const messages: CatalogMessage[] = [];
  const files: string[] = [];
  inputs.extraEvents.forEach((raw, index) => {
    const where = `setting cloudtrailEvents.catalog.extraEvents[${index}]`;
    const checked = validateEntry(raw);
    if (typeof checked === 'string') messages.push({ level: 'warning', text: `${where}: ${checked}`, source: 'setting cloudtrailEvents.catalog.extraEvents' });
    else entries.push({ entry: checked, where });
  });
  for (const folder of inputs.folders) {
    const file = path.join(folder, USER_CATALOG_FILE);
    files.push(file);
    const prefetched = inputs.prefetched?.get(file);
    if (inputs.prefetched ? !prefetched : !fs.existsSync(file)) continue;
    if (!inputs.trusted) {
      messages.push({ level: 'info', text: `${file}: not read, because the workspace is not trusted; ${TRUST_HINT} to use it.` });
      continue;
    }
    const read = prefetched ?? readRegularFile(file, MAX_LIST_BYTES);
    if ('skipped' in read) {
      messages.push({ level: 'warning', text: `${file}: not read: it ${read.skipped}.` });
      continue;
    }
    const parsed = parseUserCatalog(read.text);
    for (const problem of parsed.problems) messages.push({ level: 'warning', text: `${file}:${problem.line}: ${problem.message}`, source: file });
    parsed.entries.forEach((entry) => entries.push({ entry, where: file }));
  }
  return { entries, messages, files };
}

/** How to trust a workspace, for messages: VS Code asks; other editors say so when they start the server. */
export const TRUST_HINT = 'trust it (VS Code: Manage Workspace Trust; other editors: initializationOptions { "trusted": true })';

/** `inputs` without the settings an untrusted workspace may have written, and a note of what was left out. */
function withTrustedSettings(inputs: CatalogInputs): { inputs: CatalogInputs; messages: CatalogMessage[] } {
  if (inputs.settingsTrusted ?? inputs.trusted) return { inputs, messages: [] };
  const ignored = [inputs.officialLists.length ? 'catalog.officialLists' : '', inputs.extraEvents.length ? 'catalog.extraEvents' : ''].filter(Boolean);
  const messages: CatalogMessage[] = ignored.length
    ? [{ level: 'info', text: `Settings ${ignored.map((key) => `cloudtrailEvents.${key}`).join(' and ')} not applied, because the workspace is not trusted; ${TRUST_HINT} to use them.` }]
    : [];
  return { inputs: { ...inputs, officialLists: [], extraEvents: [] }, messages };
}

/** Loads the catalog in force. */
export function loadCatalog(given: CatalogInputs, previous: CatalogBase = builtinBase()): LoadedCatalog {
  const { inputs, messages: trustMessages } = withTrustedSettings(given);
  const { base, messages, summary, refused } = loadBase(inputs, previous);
  const user = readUserEntries(inputs);
  const applied = applyUserEntries(base.events, user.entries);
  const userSources = [...new Set(user.entries.map((e) => e.where.replace(/\[\d+\]$/, '')))];
  return {
    catalog: new Catalog(applied.events, { retired: base.retired, edition: inputs.edition ?? PUBLIC_EDITION }),
    base,
    sources: [...base.sources, ...userSources],
    messages: [...trustMessages, ...messages, ...user.messages, ...applied.problems.map((text) => ({ level: 'warning' as const, text }))],
    importSummary: summary,
    refused,
    watched: [...inputs.officialLists.map((f) => resolveListPath(f, inputs.folders)), ...user.files],
  };
}
