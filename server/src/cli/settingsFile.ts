/**
 * The CLI reads the same settings as the editor: `cloudtrailEvents.*` keys of
 * .vscode/settings.json (JSON with comments), or a file given with --settings.
 */
import * as fs from 'fs';
import * as path from 'path';
import { stripJsonComments } from '../core/jsonc';
import { DEFAULT_SETTINGS, normalizeSettings, Settings, settingsSection } from '../settings';

export function readSettingsFile(cwd: string, explicit?: string): { settings: Settings; problems: string[]; error?: string } {
  const file = explicit ? path.resolve(cwd, explicit) : path.join(cwd, '.vscode', 'settings.json');
  if (!fs.existsSync(file)) {
    return explicit ? { settings: DEFAULT_SETTINGS, problems: [], error: `settings file ${explicit} not found` } : { settings: DEFAULT_SETTINGS, problems: [] };
  }
  try {
    const json = JSON.parse(stripJsonComments(fs.readFileSync(file, 'utf8'))) as Record<string, unknown>;
    const { settings, problems } = normalizeSettings(settingsSection(json));
    return { settings, problems: problems.map((p) => `${path.relative(cwd, file)}: ${p}`) };
  } catch (error) {
    return { settings: DEFAULT_SETTINGS, problems: [], error: `${path.relative(cwd, file)}: not valid JSON (${(error as Error).message})` };
  }
}
