/**
 * Finds the files to lint and lints them with the same core as the editor, one
 * at a time: each file is read, checked, fixed and released before the next, so
 * memory stays flat with the number of files (issue 13). Symlinks are not
 * followed out of the roots unless asked; .gitignore at the root, the excluded
 * globs and languages, and the size cap are honoured.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Catalog } from '../core/catalog';
import { IsKnownId } from '../core/fixPolicy';
import { matchGlob } from '../core/glob';
import { languageIdForPath } from '../core/languages';
import { lineOf, lineStarts } from '../core/lines';
import { findProblems, Problem } from '../core/problems';
import { readRegularBytes } from '../readFileCapped';
import { Settings } from '../settings';
import { ExcludeRules, parseGitignore } from '../workspace/excludeRules';
import { printable } from './printable';
import { fixText } from './fixText';
import { replaceFile } from './replaceFile';
import { decodeText, encodeText } from './textEncoding';
import { unifiedDiff } from './unifiedDiff';

/** A problem with 1-based lines and columns (UTF-16 code units after any BOM, as editors and SARIF count). */
export interface LocatedProblem extends Problem {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface Skipped {
  reason: string;
  /** The run could not check or fix the file as asked (exit 3), unlike a file left out on purpose (binary, excluded language). */
  failure: boolean;
}

export interface FileResult {
  /** Path relative to the working directory, with forward slashes. */
  file: string;
  problems: LocatedProblem[];
  /** IDs corrected in the file by --fix. */
  fixed: number;
  /** Set when the file was not checked, or not fixed, with the reason. */
  skipped?: Skipped;
}

export interface LintOptions {
  cwd: string;
  settings: Settings;
  catalog: Catalog;
  followSymlinks: boolean;
}

/** What --fix does; `diff` set for a dry run, which prints instead of writing. */
export interface FixOptions {
  isKnown: IsKnownId;
  diff?: (patch: string) => void;
}

const ALWAYS_SKIPPED_DIRS = new Set(['.git', 'node_modules', '.hg', '.svn']);
const toPosix = (p: string) => p.split(path.sep).join('/');
const MB = 1024 * 1024;
const MAX_GITIGNORE_BYTES = 1 * MB;

/** The excluded globs setting and the working directory's .gitignore, as the workspace index reads them. */
function excludeRulesOf(cwd: string, settings: Settings): ExcludeRules {
  // A missing, unreadable or non-regular .gitignore excludes nothing more; a FIFO or device is never waited on.
  const read = readRegularBytes(path.join(cwd, '.gitignore'), MAX_GITIGNORE_BYTES);
  const gitignore = 'bytes' in read ? read.bytes.toString('utf8') : '';
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

/**
 * A copy of a string that does not share memory with the text it was cut from: V8 keeps a
 * slice of a long string as a view of the whole, so one ID kept per file kept every file's text.
 */
const detached = (s: string): string => JSON.parse(JSON.stringify(s)) as string;

/** Problems with their positions, holding nothing of the text. */
function locate(text: string, problems: Problem[]): LocatedProblem[] {
  const starts = problems.length ? lineStarts(text) : [0];
  const at = (offset: number) => {
    const line = lineOf(starts, offset);
    return { line: line + 1, column: offset - starts[line] + 1 };
  };
  return problems.map((problem) => {
    const start = at(problem.start);
    const end = at(problem.end);
    return { ...problem, text: detached(problem.text), message: detached(problem.message), line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
  });
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Lints one file, and fixes it when asked; never throws. Only the result is kept: the text is released. */
export function lintFile(absolute: string, options: LintOptions, fix?: FixOptions): FileResult {
  const file = toPosix(path.relative(options.cwd, absolute));
  const languageId = languageIdForPath(absolute);
  const { settings, catalog } = options;
  const skip = (reason: string, failure: boolean): FileResult => ({ file, problems: [], fixed: 0, skipped: { reason, failure } });
  if (settings.exclude.languages.includes(languageId)) return skip(`language ${languageId} is excluded`, false);
  // The cap holds while reading: a device or a growing file cannot make the read endless.
  const read = readRegularBytes(absolute, settings.maxFileSizeMB * MB);
  if ('skipped' in read) return skip(read.skipped, true);
  const { bytes } = read;
  const decoded = decodeText(bytes);
  // UTF-16 is full of zero bytes; anything else with one is binary.
  if (decoded.encoding === 'utf-8' && bytes.subarray(0, 8192).includes(0)) return skip('binary', false);
  const problems = findProblems(decoded.text, languageId, catalog);
  const unchanged = (skipped?: Skipped): FileResult => ({ file, problems: locate(decoded.text, problems), fixed: 0, skipped });
  if (!fix) return unchanged();
  const fixedText = fixText(decoded.text, problems, catalog, fix.isKnown);
  const count = fixedText.fixed.length;
  if (count === 0) return unchanged();
  const notApplied = (reason: string) => unchanged({ reason: `${plural(count, 'correction')} not applied: ${reason}`, failure: true });
  if (decoded.notRewritable) return notApplied(decoded.notRewritable);
  if (fix.diff) {
    // The diff is of the file as it is, BOM included, so that patch applies it. Every finding stays.
    const bom = decoded.bom ? '\ufeff' : '';
    fix.diff(unifiedDiff(printable(file), bom + decoded.text, bom + fixedText.text));
    return unchanged();
  }
  const reason = replaceFile(absolute, bytes, encodeText(fixedText.text, decoded.encoding, decoded.bom));
  if (reason) return notApplied(reason);
  // What the file holds now, at its new offsets.
  return { file, problems: locate(fixedText.text, findProblems(fixedText.text, languageId, catalog)), fixed: count };
}
