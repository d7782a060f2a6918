#!/usr/bin/env node
/**
 * `cloudtrail-events lint [paths|globs…]`: the editor's checks on the command
 * line, for CI. Exit codes (see USAGE): 0 clean, 1 findings, 2 usage or
 * configuration errors, 3 some files could not be checked or fixed.
 */
import * as fs from 'fs';
import * as path from 'path';
import { loadCatalog, resolveListPath } from './catalogLoader';
import { BUILTIN_EDITIONS } from './core/builtin';
import { USER_CATALOG_FILE } from './core/userCatalog';
import { formatJson, formatSarif, formatText } from './cli/formats';
import { printable } from './cli/printable';
import { collectFiles, FileResult, FixOptions, lintFile } from './cli/lintFiles';
import { readSettingsFile } from './cli/settingsFile';
import { notRegularFile } from './readFileCapped';

const USAGE = `Usage: cloudtrail-events lint [options] [paths|globs…]

Checks NHN Cloud CloudTrail event IDs in files, as the editor extension does.

Options:
  --format text|json|sarif   output format (default: text)
  --fix                      correct slips in unknown IDs (one letter added, missing,
                             wrong or swapped inside one segment; case; separators;
                             a doubled event_id. prefix) when exactly one ID fits in
                             the same service; everything else stays a finding.
                             Only UTF-8 and UTF-16-with-BOM files are rewritten,
                             keeping BOM, line endings, permissions and owner.
  --dry-run                  with --fix: print a unified diff on stdout (findings go
                             to stderr) and write nothing
  --diff                     the same as --fix --dry-run
  --catalog FILE             use an official event-list Markdown file instead of the
                             built-in catalog (repeatable: lists in several languages merge)
  --edition NAME             the NHN Cloud edition targeted: public (default) or a regional
                             edition (${BUILTIN_EDITIONS.slice(1).join(', ')}); IDs
                             only other editions list are notes (cloudtrailEvents.catalog.edition)
  --settings FILE            settings file with cloudtrailEvents.* keys
                             (default: .vscode/settings.json when present)
  --follow-symlinks          follow symbolic links that lead outside the given paths
  -h, --help                 show this help
  --version                  print the version
  --                         ends the options: every later argument is a path

Exit codes:
  0  no findings
  1  findings (notes such as deprecated IDs do not count)
  2  usage or configuration error (bad option, unreadable settings, refused --catalog
     list, missing path): nothing was checked
  3  some files could not be checked or fixed (unreadable, not a regular file, over
     the size cap, not writable, changed during --fix, encoding not rewritable);
     they are listed with the reason. Takes precedence over 1.`;

/** Exit statuses, as documented in USAGE. */
const EXIT = { clean: 0, findings: 1, usage: 2, incomplete: 3 } as const;

interface Options {
  format: 'text' | 'json' | 'sarif';
  fix: boolean;
  dryRun: boolean;
  catalogs: string[];
  settingsFile?: string;
  /** The NHN Cloud edition targeted (cloudtrailEvents.catalog.edition): IDs of other editions only are notes. */
  edition?: string;
  followSymlinks: boolean;
  operands: string[];
}

class UsageError extends Error {}

function parseArgs(argv: string[]): Options | 'help' | 'version' {
  const options: Options = { format: 'text', fix: false, dryRun: false, catalogs: [], followSymlinks: false, operands: [] };
  const args = [...argv];
  if (args[0] === '-h' || args[0] === '--help') return 'help';
  if (args[0] === '--version') return 'version';
  if (args.shift() !== 'lint') throw new UsageError('expected the command "lint"');
  const value = (flag: string) => {
    const v = args.shift();
    if (v === undefined || v.startsWith('--')) throw new UsageError(`${flag} needs a value`);
    return v;
  };
  while (args.length) {
    const arg = args.shift()!;
    if (arg === '--') {
      options.operands.push(...args.splice(0));
      break;
    }
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    switch (flag) {
      case '--format': {
        const format = inline ?? value(flag);
        if (format !== 'text' && format !== 'json' && format !== 'sarif') throw new UsageError(`unknown format "${format}" (expected text, json or sarif)`);
        options.format = format;
        break;
      }
      case '--fix':
        options.fix = true;
        break;
      case '--dry-run':
        options.dryRun = true;
        break;
      case '--diff':
        options.fix = options.dryRun = true;
        break;
      case '--catalog':
        options.catalogs.push(inline ?? value(flag));
        break;
      case '--settings':
        options.settingsFile = inline ?? value(flag);
        break;
      case '--edition': {
        const edition = inline ?? value(flag);
        if (!BUILTIN_EDITIONS.includes(edition)) throw new UsageError(`unknown edition "${edition}" (one of ${BUILTIN_EDITIONS.join(', ')})`);
        options.edition = edition;
        break;
      }
      case '--follow-symlinks':
        options.followSymlinks = true;
        break;
      case '-h':
      case '--help':
        return 'help';
      default:
        if (flag.startsWith('-')) throw new UsageError(`unknown option "${flag}"`);
        options.operands.push(arg);
    }
  }
  if (options.dryRun && !options.fix) throw new UsageError('--dry-run goes with --fix (or use --diff)');
  // The diff is stdout; a JSON or SARIF report there would make both unreadable.
  if (options.dryRun && options.format !== 'text') throw new UsageError('--dry-run prints a diff; it cannot be combined with --format json or sarif');
  return options;
}

/**
 * Paths the catalog loader will read, checked first: a FIFO or a device there would block or
 * never end. Returns the messages of those that are not regular files.
 */
function unreadableCatalogInputs(lists: string[], cwd: string): string[] {
  const problems: string[] = [];
  for (const list of lists) {
    const reason = notRegularFile(resolveListPath(list, [cwd]));
    if (reason) problems.push(`${printable(list)}: ${reason}`);
  }
  const userCatalog = path.join(cwd, USER_CATALOG_FILE);
  const reason = fs.existsSync(userCatalog) ? notRegularFile(userCatalog) : undefined;
  if (reason) problems.push(`${USER_CATALOG_FILE}: ${reason}`);
  return problems;
}

export function main(argv: string[], cwd = process.cwd(), out = process.stdout, err = process.stderr): number {
  let options: Options | 'help' | 'version';
  try {
    options = parseArgs(argv);
  } catch (error) {
    err.write(`cloudtrail-events: ${printable((error as Error).message)}\n\n${USAGE}\n`);
    return EXIT.usage;
  }
  if (options === 'help') {
    out.write(`${USAGE}\n`);
    return EXIT.clean;
  }
  if (options === 'version') {
    out.write('0.1.0\n');
    return EXIT.clean;
  }
  const loaded = readSettingsFile(cwd, options.settingsFile);
  if (loaded.error) {
    err.write(`cloudtrail-events: ${printable(loaded.error)}\n`);
    return EXIT.usage;
  }
  for (const problem of loaded.problems) err.write(`cloudtrail-events: ${printable(problem)}\n`);
  const settings = loaded.settings;
  const officialLists = options.catalogs.length ? options.catalogs : settings.catalog.officialLists;
  const unreadable = unreadableCatalogInputs(officialLists, cwd);
  if (unreadable.length) {
    for (const problem of unreadable) err.write(`cloudtrail-events: ${problem}\n`);
    err.write('cloudtrail-events: the catalog cannot be read; nothing was checked.\n');
    return EXIT.usage;
  }
  // The same catalog as the editor: --catalog lists (or the settings' official lists), extra events,
  // and .cloudtrail-events.json in the working directory.
  const edition = options.edition ?? settings.catalog.edition;
  const catalogLoad = loadCatalog({ officialLists, lenient: settings.catalog.lenient, extraEvents: settings.catalog.extraEvents, folders: [cwd], trusted: true, edition });
  for (const message of catalogLoad.messages) {
    if (message.level !== 'info' || options.format === 'text') err.write(`cloudtrail-events: ${printable(message.text)}\n`);
  }
  // The editor keeps its previous catalog when a list is refused; a run has none, so it stops.
  if (catalogLoad.refused || catalogLoad.messages.some((m) => m.level === 'error')) {
    err.write('cloudtrail-events: an event list was refused; nothing was checked.\n');
    return EXIT.usage;
  }
  const catalog = catalogLoad.catalog;
  const lintOptions = { cwd, settings, catalog, followSymlinks: options.followSymlinks };
  const { files, errors } = collectFiles(options.operands, lintOptions);
  if (errors.length) {
    for (const e of errors) err.write(`cloudtrail-events: ${printable(e)}\n`);
    return EXIT.usage;
  }
  // The one place that says which IDs are known beyond the catalog in force: --fix never rewrites them.
  const isKnown = (id: string) => catalog.knows(id);
  const fix: FixOptions | undefined = options.fix ? { isKnown, diff: options.dryRun ? (patch) => out.write(patch) : undefined } : undefined;
  // One file at a time: only its result (findings, no text) outlives it.
  const results: FileResult[] = files.map((file) => lintFile(file, lintOptions, fix));
  const fixed = results.reduce((n, r) => n + r.fixed, 0);
  if (options.fix && !options.dryRun) err.write(`cloudtrail-events: fixed ${fixed} event ID${fixed === 1 ? '' : 's'}\n`);
  const severity = settings.diagnostics.severity === 'off' ? 'warning' : settings.diagnostics.severity;
  const formatted = options.format === 'json' ? formatJson(results, severity) : options.format === 'sarif' ? formatSarif(results, severity) : formatText(results, severity);
  // A dry run's stdout is the diff; its findings go with the summary.
  if (formatted) (options.dryRun ? err : out).write(`${formatted}\n`);
  // Notes (deprecated IDs, IDs missing from an imported list) are reported but do not fail the run.
  const count = results.reduce((n, r) => n + r.problems.filter((p) => !p.informational).length, 0);
  const failed = results.filter((r) => r.skipped?.failure).length;
  const leftOut = results.filter((r) => r.skipped && !r.skipped.failure).length;
  if (options.format === 'text') {
    const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
    const notes = [failed ? `${plural(failed, 'file')} not checked or not fixed (listed above)` : '', leftOut ? `${leftOut} skipped (binary or excluded language)` : ''].filter(Boolean);
    err.write(`${plural(count, 'finding')} in ${plural(files.length, 'file')}${notes.length ? `; ${notes.join('; ')}` : ''}\n`);
  }
  return failed > 0 ? EXIT.incomplete : count > 0 ? EXIT.findings : EXIT.clean;
}

if (require.main === module) {
  // `cloudtrail-events lint | head`: a closed pipe ends the output, not the process with a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  process.exitCode = main(process.argv.slice(2));
}
