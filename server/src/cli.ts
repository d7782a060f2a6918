#!/usr/bin/env node
/**
 * `cloudtrail-events lint [paths|globs…]`: the editor's checks on the command
 * line, for CI. Exit codes: 0 clean, 1 findings, 2 usage or configuration errors.
 */
import * as fs from 'fs';
import { loadCatalog } from './catalogLoader';
import { formatJson, formatSarif, formatText } from './cli/formats';
import { collectFiles, FileResult, lintFile } from './cli/lintFiles';
import { readSettingsFile } from './cli/settingsFile';

const USAGE = `Usage: cloudtrail-events lint [options] [paths|globs…]

Checks NHN Cloud CloudTrail event IDs in files, as the editor extension does.

Options:
  --format text|json|sarif   output format (default: text)
  --fix                      replace unknown IDs whose correction is unambiguous
  --catalog FILE             use an official event-list Markdown file instead of the
                             built-in catalog (repeatable: lists in several languages merge)
  --settings FILE            settings file with cloudtrailEvents.* keys
                             (default: .vscode/settings.json when present)
  --follow-symlinks          follow symbolic links that lead outside the given paths
  -h, --help                 show this help
  --version                  print the version

Exit codes: 0 no findings, 1 findings, 2 usage or configuration error.`;

interface Options {
  format: 'text' | 'json' | 'sarif';
  fix: boolean;
  catalogs: string[];
  settingsFile?: string;
  followSymlinks: boolean;
  operands: string[];
}

class UsageError extends Error {}

function parseArgs(argv: string[]): Options | 'help' | 'version' {
  const options: Options = { format: 'text', fix: false, catalogs: [], followSymlinks: false, operands: [] };
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
      case '--catalog':
        options.catalogs.push(inline ?? value(flag));
        break;
      case '--settings':
        options.settingsFile = inline ?? value(flag);
        break;
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
  return options;
}

/** Applies the unambiguous corrections (the best suggestion strictly closest) of a file; returns how many. */
function fixFile(result: FileResult, absolute: string): number {
  const fixes = result.problems.filter((p) => !p.informational && p.fixable);
  if (fixes.length === 0) return 0;
  let text = result.text;
  for (const problem of [...fixes].sort((a, b) => b.start - a.start)) {
    text = text.slice(0, problem.start) + problem.suggestions[0] + text.slice(problem.end);
  }
  fs.writeFileSync(absolute, text);
  result.problems = result.problems.filter((p) => !fixes.includes(p));
  return fixes.length;
}

export function main(argv: string[], cwd = process.cwd(), out = process.stdout, err = process.stderr): number {
  let options: Options | 'help' | 'version';
  try {
    options = parseArgs(argv);
  } catch (error) {
    err.write(`cloudtrail-events: ${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  if (options === 'help') {
    out.write(`${USAGE}\n`);
    return 0;
  }
  if (options === 'version') {
    out.write('0.1.0\n');
    return 0;
  }
  const loaded = readSettingsFile(cwd, options.settingsFile);
  if (loaded.error) {
    err.write(`cloudtrail-events: ${loaded.error}\n`);
    return 2;
  }
  for (const problem of loaded.problems) err.write(`cloudtrail-events: ${problem}\n`);
  const settings = loaded.settings;
  // The same catalog as the editor: --catalog lists (or the settings' official lists), extra events,
  // and .cloudtrail-events.json in the working directory.
  const catalogLoad = loadCatalog({
    officialLists: options.catalogs.length ? options.catalogs : settings.catalog.officialLists,
    lenient: settings.catalog.lenient,
    extraEvents: settings.catalog.extraEvents,
    folders: [cwd],
    trusted: true,
  });
  for (const message of catalogLoad.messages) if (message.level !== 'info' || options.format === 'text') err.write(`cloudtrail-events: ${message.text}\n`);
  if (catalogLoad.messages.some((m) => m.level === 'error')) return 2;
  const catalog = catalogLoad.catalog;
  const lintOptions = { cwd, settings, catalog, followSymlinks: options.followSymlinks };
  const { files, errors } = collectFiles(options.operands, lintOptions);
  if (errors.length) {
    for (const e of errors) err.write(`cloudtrail-events: ${e}\n`);
    return 2;
  }
  const results = files.map((file) => lintFile(file, lintOptions));
  if (options.fix) {
    let fixed = 0;
    results.forEach((result, i) => (fixed += fixFile(result, files[i])));
    err.write(`cloudtrail-events: fixed ${fixed} event ID${fixed === 1 ? '' : 's'}\n`);
  }
  const severity = settings.diagnostics.severity === 'off' ? 'warning' : settings.diagnostics.severity;
  const formatted = options.format === 'json' ? formatJson(results, severity) : options.format === 'sarif' ? formatSarif(results, severity) : formatText(results, severity);
  if (formatted) out.write(`${formatted}\n`);
  // Notes (deprecated IDs, IDs missing from an imported list) are reported but do not fail the run.
  const count = results.reduce((n, r) => n + r.problems.filter((p) => !p.informational).length, 0);
  if (options.format === 'text') err.write(`${count} finding${count === 1 ? '' : 's'} in ${files.length} file${files.length === 1 ? '' : 's'}\n`);
  return count > 0 ? 1 : 0;
}

if (require.main === module) {
  // `cloudtrail-events lint | head`: a closed pipe ends the output, not the process with a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  process.exitCode = main(process.argv.slice(2));
}
