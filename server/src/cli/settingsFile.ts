/**
 * The CLI reads the same settings as the editor: `cloudtrailEvents.*` keys of
 * .vscode/settings.json (JSON with comments), or a file given with --settings.
 */
import * as fs from 'fs';
import * as path from 'path';
import { readRegularFile } from '../readFileCapped';
import { DEFAULT_SETTINGS, normalizeSettings, SECTION, Settings } from '../settings';

/** Far above any real settings file; a device or a FIFO named as one is refused, not read forever. */
const MAX_SETTINGS_BYTES = 10 * 1024 * 1024;

/** Removes comments and trailing commas from JSONC, keeping strings intact. */
export function stripJsonComments(text: string): string {
  return text
    .replace(/"(?:[^"\\\n]|\\.)*"|\/\/[^\n]*|\/\*[\s\S]*?\*\//g, (m) => (m.startsWith('"') ? m : ' '.repeat(m.length)))
    .replace(/,(\s*[}\]])/g, '$1');
}

/** Turns flat `cloudtrailEvents.a.b` keys (and a nested `cloudtrailEvents` object) into the section object. */
function sectionOf(json: Record<string, unknown>): Record<string, unknown> {
  const section: Record<string, unknown> = { ...((json[SECTION] as Record<string, unknown>) ?? {}) };
  for (const [key, value] of Object.entries(json)) {
    if (!key.startsWith(`${SECTION}.`)) continue;
    const parts = key.slice(SECTION.length + 1).split('.');
    let target = section;
    for (const part of parts.slice(0, -1)) target = (target[part] ??= {}) as Record<string, unknown>;
    target[parts[parts.length - 1]] = value;
  }
  return section;
}

export function readSettingsFile(cwd: string, explicit?: string): { settings: Settings; problems: string[]; error?: string } {
  const file = explicit ? path.resolve(cwd, explicit) : path.join(cwd, '.vscode', 'settings.json');
  if (!fs.existsSync(file)) {
    return explicit ? { settings: DEFAULT_SETTINGS, problems: [], error: `settings file ${explicit} not found` } : { settings: DEFAULT_SETTINGS, problems: [] };
  }
  const read = readRegularFile(file, MAX_SETTINGS_BYTES);
  if ('skipped' in read) return { settings: DEFAULT_SETTINGS, problems: [], error: `${path.relative(cwd, file)}: ${read.skipped}` };
  try {
    const json = JSON.parse(stripJsonComments(read.bytes.toString('utf8'))) as Record<string, unknown>;
    const { settings, problems } = normalizeSettings(sectionOf(json));
    return { settings, problems: problems.map((p) => `${path.relative(cwd, file)}: ${p}`) };
  } catch (error) {
    return { settings: DEFAULT_SETTINGS, problems: [], error: `${path.relative(cwd, file)}: not valid JSON (${(error as Error).message})` };
  }
}
