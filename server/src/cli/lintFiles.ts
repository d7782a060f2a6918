/**
 * Finds the files to lint and lints them with the same core as the editor.
 * Symlinks are not followed out of the roots unless asked; .gitignore at the
 * root, the excluded globs and languages, and the size cap are honoured.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Catalog } from '../core/catalog';
import { matchGlob } from '../core/glob';
import { languageIdForPath } from '../core/languages';
import { findProblems, Problem } from '../core/problems';
import { Settings } from '../settings';
import { ExcludeRules, parseGitignore } from '../workspace/excludeRules';

export interface FileResult {
  /** Path relative to the working directory, with forward slashes. */
  file: string;
  text: string;
  problems: Problem[];
  /** Set when the file was not checked, with the reason. */
  skipped?: string;
}

export interface LintOptions {
  cwd: string;
  settings: Settings;
  catalog: Catalog;
  followSymlinks: boolean;
}

const ALWAYS_SKIPPED_DIRS = new Set(['.git', 'node_modules', '.hg', '.svn']);
const toPosix = (p: string) => p.split(path.sep).join('/');

/** The excluded globs setting and the working directory's .gitignore, as the workspace index reads them. */
function excludeRulesOf(cwd: string, settings: Settings): ExcludeRules {
  let gitignore = '';
  try {
    gitignore = fs.readFileSync(path.join(cwd, '.gitignore'), 'utf8');
  } catch {
    // No .gitignore: nothing more is excluded.
  }
  return new ExcludeRules(settings.exclude.globs, parseGitignore(gitignore), toPosix(cwd));
}

/** Expands the command-line operands (files, directories, globs) into files under the working directory. */
export function collectFiles(operands: string[], options: LintOptions): { files: string[]; errors: string[] } {
  const { cwd } = options;
  const rules = excludeRulesOf(cwd, options.settings);
  const files = new Set<string>();
  const errors: string[] = [];
  const realRoots: string[] = [];

  const walk = (absolute: string, into: Set<string>) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(absolute, { withFileTypes: true });
    } catch (error) {
      errors.push(`${toPosix(path.relative(cwd, absolute)) || '.'}: ${(error as Error).message}`);
      return;
    }
    for (const entry of entries) {
      const child = path.join(absolute, entry.name);
      const relative = toPosix(path.relative(cwd, child));
      if (ALWAYS_SKIPPED_DIRS.has(entry.name) || rules.isExcluded(relative, entry.isDirectory())) continue;
      if (entry.isSymbolicLink()) {
        if (!options.followSymlinks) {
          // A link that stays inside a root is fine; one that leaves it is not followed.
          let target: string;
          try {
            target = fs.realpathSync(child);
          } catch {
            continue;
          }
          if (!realRoots.some((r) => target === r || target.startsWith(r + path.sep))) continue;
        }
        let stat: fs.Stats;
        try {
          stat = fs.statSync(child);
        } catch {
          continue;
        }
        if (stat.isFile()) into.add(child);
        continue;
      }
      if (entry.isDirectory()) walk(child, into);
      else if (entry.isFile()) into.add(child);
    }
  };

  for (const operand of operands.length ? operands : ['.']) {
    const absolute = path.resolve(cwd, operand);
    if (fs.existsSync(absolute)) {
      const stat = fs.statSync(absolute);
      if (stat.isDirectory()) {
        realRoots.push(fs.realpathSync(absolute));
        walk(absolute, files);
      } else files.add(absolute);
      continue;
    }
    if (/[*?{[]/.test(operand)) {
      realRoots.push(fs.realpathSync(cwd));
      const all = new Set<string>();
      walk(cwd, all);
      const matched = [...all].filter((f) => matchGlob(operand, toPosix(path.relative(cwd, f))));
      if (matched.length === 0) errors.push(`${operand}: no files match`);
      for (const f of matched) files.add(f);
      continue;
    }
    errors.push(`${operand}: no such file or directory`);
  }
  return { files: [...files].sort(), errors };
}

const MB = 1024 * 1024;

/** Lints one file; never throws. */
export function lintFile(absolute: string, options: LintOptions): FileResult {
  const file = toPosix(path.relative(options.cwd, absolute));
  const languageId = languageIdForPath(absolute);
  const { settings } = options;
  if (settings.exclude.languages.includes(languageId)) return { file, text: '', problems: [], skipped: `language ${languageId} is excluded` };
  let buffer: Buffer;
  try {
    const size = fs.statSync(absolute).size;
    if (size > settings.maxFileSizeMB * MB) return { file, text: '', problems: [], skipped: `larger than ${settings.maxFileSizeMB} MB` };
    buffer = fs.readFileSync(absolute);
  } catch (error) {
    return { file, text: '', problems: [], skipped: (error as Error).message };
  }
  if (buffer.subarray(0, 8192).includes(0)) return { file, text: '', problems: [], skipped: 'binary' };
  const text = buffer.toString('utf8');
  return { file, text, problems: findProblems(text, languageId, options.catalog) };
}
