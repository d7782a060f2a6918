/**
 * Regenerates catalog/events.json and catalog/provenance.json from a copy of NHN Cloud's
 * documentation repository (TOAST-DOCS/CloudTrail): a checkout or a bare git directory.
 *
 *   npm run catalog:update -- <docs checkout or git dir>
 *
 * Pages are read at the repository's HEAD commit (`git show HEAD:ko/event-list.md`), so a
 * checkout with local edits cannot slip into the catalog; only the extracted facts and their
 * provenance are written, never the pages themselves.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { buildCatalog, isEventListPage, Page, Provenance } from './build';

export const CATALOG_DIR = path.resolve(__dirname, '..', '..', 'catalog');
export const SEED_FILE = path.join(CATALOG_DIR, 'source', 'cloudtrail-event-list.ko.md');
export const OUTPUT_FILE = path.join(CATALOG_DIR, 'events.json');
export const PROVENANCE_FILE = path.join(CATALOG_DIR, 'provenance.json');
const REPOSITORY = 'TOAST-DOCS/CloudTrail';

const git = (dir: string, ...args: string[]) => execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

/** The event-list pages at HEAD and the commit they come from. */
export function readDocs(dir: string): { pages: Page[]; provenance: Provenance } {
  let commit: string;
  try {
    commit = git(dir, 'rev-parse', 'HEAD').trim();
  } catch {
    throw new Error(`${dir}: not a git checkout or git directory of ${REPOSITORY} (the commit is part of the catalog's provenance).`);
  }
  const date = git(dir, 'log', '-1', '--format=%cs', commit).trim();
  const paths = git(dir, 'ls-tree', '-r', '--name-only', commit).split('\n').filter(isEventListPage);
  if (paths.length === 0) throw new Error(`${dir}: no event-list pages (ko/event-list.md, …) at ${commit}.`);
  const pages = paths.map((page) => ({ path: page, text: git(dir, 'show', `${commit}:${page}`) }));
  return { pages, provenance: { repository: REPOSITORY, commit, date } };
}

function main(): void {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: npm run catalog:update -- <checkout or git directory of TOAST-DOCS/CloudTrail>');
    process.exit(2);
  }
  try {
    const { pages, provenance } = readDocs(dir);
    const result = buildCatalog(pages, fs.readFileSync(SEED_FILE, 'utf8'), provenance);
    fs.writeFileSync(OUTPUT_FILE, result.json);
    const record = {
      $comment: 'Written by `npm run catalog:update` with catalog/events.json: where its facts come from and what the generator did with each page.',
      ...provenance,
      pages: result.reports.map((r) => ({ path: r.path, language: r.language, edition: r.edition, summary: r.summary, errata: r.problems.map((p) => ({ line: p.line, kind: p.kind, message: p.message })) })),
    };
    fs.writeFileSync(PROVENANCE_FILE, `${JSON.stringify(record, null, 2)}\n`);
    for (const report of result.reports) console.log(`${report.path} (${report.language}, ${report.edition}): ${report.summary}`);
    const { events, services, retired, editions } = result.counts;
    console.log(`catalog/events.json: ${events} events in ${services} services, ${editions} editions, ${retired} retired seed events; ${REPOSITORY} ${provenance.commit.slice(0, 12)} (${provenance.date}).`);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}

if (require.main === module) main();
