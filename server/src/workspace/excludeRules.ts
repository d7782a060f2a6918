/**
 * Which files the workspace index leaves out: the `cloudtrailEvents.exclude.globs`
 * setting, VS Code's `files.exclude`, and the `.gitignore` at the folder root.
 * Pure: patterns in, decisions out. Paths are relative to the workspace folder,
 * with forward slashes; the settings' globs are also tried on the absolute path,
 * as the editor matches them for open documents.
 */
import { matchGlob } from '../core/glob';

export interface ExcludeRule {
  glob: string;
  /** `!pattern` in .gitignore: re-includes what an earlier rule excluded. */
  negated?: boolean;
  /** `pattern/` in .gitignore: matches directories only. */
  directoryOnly?: boolean;
  /** `files.exclude` `{ "when": "$(basename).ts" }`: excluded only when that sibling exists. */
  whenSibling?: string;
}

/** Where the run of characters passing `test` at the end of `text` starts. */
function trailingRunStart(text: string, test: (c: string) => boolean): number {
  let start = text.length;
  while (start > 0 && test(text[start - 1])) start--;
  return start;
}

/**
 * `line` without trailing spaces, except one escaped with a backslash (`a\ ` keeps its space), as
 * gitignore(5) says. Scanned from the end: the regex `(?<!\\)\s+$` took quadratic time on a long
 * run of spaces inside a line (a 200 KB line: 28 s).
 */
function withoutTrailingSpaces(line: string): string {
  const start = trailingRunStart(line, (c) => /\s/.test(c));
  if (start === line.length) return line;
  return line.slice(0, line[start - 1] === '\\' ? start + 1 : start);
}

/**
 * The rules of a .gitignore file, in order (the last matching rule wins).
 * Follows gitignore(5): a pattern with a slash at the start or in the middle is
 * anchored at the folder; one without matches a name at any depth.
 */
export function parseGitignore(text: string): ExcludeRule[] {
  const rules: ExcludeRule[] = [];
  for (const raw of text.split(/\r?\n/)) {
    let line = withoutTrailingSpaces(raw);
    if (!line || line.startsWith('#')) continue;
    const negated = line.startsWith('!');
    if (negated) line = line.slice(1);
    if (line.startsWith('\\#') || line.startsWith('\\!')) line = line.slice(1);
    const directoryOnly = line.endsWith('/');
    if (directoryOnly) line = line.slice(0, trailingRunStart(line, (c) => c === '/'));
    if (!line) continue;
    rules.push({ glob: line, negated, directoryOnly });
  }
  return rules;
}

/**
 * The rules of VS Code's `files.exclude` (an object of glob -> true, false or
 * `{ when }`). A `false` entry turns a default off, so it adds no rule.
 */
export function parseFilesExclude(value: unknown): ExcludeRule[] {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return [];
  const rules: ExcludeRule[] = [];
  for (const [glob, setting] of Object.entries(value as Record<string, unknown>)) {
    if (setting === true) rules.push({ glob });
    else if (setting && typeof setting === 'object' && typeof (setting as { when?: unknown }).when === 'string') {
      rules.push({ glob, whenSibling: (setting as { when: string }).when });
    }
  }
  return rules;
}

/** The base name of a path without its last extension (`a/b.test.js` -> `b.test`), as `$(basename)` means in `files.exclude`. */
const baseWithoutExtension = (relative: string) => {
  const name = relative.slice(relative.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
};

/** A directory matches a glob written for what is below it (`**\/node_modules/**`) as well as one naming it. */
function matches(glob: string, path: string, directory: boolean): boolean {
  return matchGlob(glob, path) || (directory && matchGlob(glob, `${path}/`));
}

export class ExcludeRules {
  constructor(
    /** Settings globs, tried on the relative and the absolute path. */
    private readonly settingsGlobs: readonly string[],
    /** `files.exclude` and .gitignore rules, relative to the folder, in order. */
    private readonly rules: readonly ExcludeRule[],
    /** The folder's absolute path with forward slashes, no trailing slash. */
    private readonly folderPath = '',
  ) {}

  /**
   * True when `relative` itself is excluded (its parent directories are not
   * looked at: the crawler never enters an excluded directory).
   * `siblingExists` answers `files.exclude` `when` conditions.
   */
  isExcluded(relative: string, directory: boolean, siblingExists: (name: string) => boolean = () => false): boolean {
    const absolute = this.folderPath ? `${this.folderPath}/${relative}` : undefined;
    for (const glob of this.settingsGlobs) {
      if (matches(glob, relative, directory) || (absolute !== undefined && matches(glob, absolute, directory))) return true;
    }
    let excluded = false;
    for (const rule of this.rules) {
      if (rule.directoryOnly && !directory) continue;
      if (rule.negated && !excluded) continue;
      if (!matches(rule.glob, relative, directory)) continue;
      if (rule.whenSibling !== undefined) {
        if (directory || !siblingExists(rule.whenSibling.replace(/\$\(basename\)/g, baseWithoutExtension(relative)))) continue;
      }
      excluded = !rule.negated;
    }
    return excluded;
  }

  /** True when `relative` or any directory above it is excluded: for single files reported by the file watcher. */
  isExcludedWithParents(relative: string, siblingExists?: (name: string) => boolean): boolean {
    const parts = relative.split('/');
    for (let i = 1; i < parts.length; i++) {
      if (this.isExcluded(parts.slice(0, i).join('/'), true)) return true;
    }
    return this.isExcluded(relative, false, siblingExists);
  }
}
