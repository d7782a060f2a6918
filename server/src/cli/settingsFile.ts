/**
 * The CLI reads the same settings as the editor: `cloudtrailEvents.*` keys of
 * .vscode/settings.json (JSON with comments), or a file given with --settings.
 */
import * as fs from 'fs';
import * as path from 'path';
import { readRegularBytes } from '../readFileCapped';
import { stripJsonComments } from '../core/jsonc';
import { DEFAULT_SETTINGS, normalizeSettings, Settings, settingsSection } from '../settings';

/** Far above any real settings file; a device or a FIFO named as one is refused, not read forever. */
const MAX_SETTINGS_BYTES = 10 * 1024 * 1024;

export function readSettingsFile(cwd: string, explicit?: string): { settings: Settings; problems: string[]; error?: string } {
  const file = explicit ? path.resolve(cwd, explicit) : path.join(cwd, '.vscode', 'settings.json');
  if (!fs.existsSync(file)) {
    return explicit ? { settings: DEFAULT_SETTINGS, problems: [], error: `settings file ${explicit} not found` } : { settings: DEFAULT_SETTINGS, problems: [] };
  }
  const read = readRegularBytes(file, MAX_SETTINGS_BYTES);
  if ('skipped' in read) return { settings: DEFAULT_SETTINGS, problems: [], error: `${path.relative(cwd, file)}: ${read.skipped}` };
  try {
    const json = JSON.parse(stripJsonComments(read.bytes.toString('utf8'))) as Record<string, unknown>;
    const { settings, problems } = normalizeSettings(settingsSection(json));
    return { settings, problems: problems.map((p) => `${path.relative(cwd, file)}: ${p}`) };
  } catch (error) {
    return { settings: DEFAULT_SETTINGS, problems: [], error: `${path.relative(cwd, file)}: not valid JSON (${(error as Error).message})` };
  }
}
