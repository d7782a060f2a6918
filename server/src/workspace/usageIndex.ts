/**
 * The workspace index's storage: per file, only where each ID occurs (no text),
 * and per ID, which files use it. Pure: no file system, no LSP.
 */
import { Finding } from '../core/analyze';
import { lineOf, lineStarts } from '../core/lines';

/** What a usage is: a catalog event, or an ID that is not in the catalog (a typo, a missing event). */
export enum UsageKind {
  Event = 0,
  Unknown = 1,
}

/** One file's usages: `keys[i]` occurs at `spans[4i..4i+3]` = line, start character, end character, kind. */
export interface FileUsages {
  readonly keys: readonly string[];
  readonly spans: Uint32Array;
}

export interface Usage {
  /** The file's key in the index (an absolute path for files on disk). */
  file: string;
  line: number;
  start: number;
  end: number;
}

/** The key a finding is indexed under, or undefined for findings that are not usages (namespaces, wildcards, prefixes). */
export function usageKey(finding: Finding): { key: string; kind: UsageKind } | undefined {
  if (finding.kind === 'event' && finding.event) return { key: finding.event.id, kind: UsageKind.Event };
  if (finding.kind === 'unknown') return { key: finding.text, kind: UsageKind.Unknown };
  return undefined;
}

/** The usages among a document's findings, as stored for a file; undefined when there are none. */
export function fileUsagesOf(text: string, findings: readonly Finding[]): FileUsages | undefined {
  const keys: string[] = [];
  const numbers: number[] = [];
  let starts: number[] | undefined;
  for (const finding of findings) {
    const usage = usageKey(finding);
    if (!usage) continue;
    starts ??= lineStarts(text);
    const line = lineOf(starts, finding.start);
    keys.push(usage.key);
    // An ID never spans lines, so one line number serves both ends.
    numbers.push(line, finding.start - starts[line], finding.end - starts[line], usage.kind);
  }
  return keys.length ? { keys, spans: Uint32Array.from(numbers) } : undefined;
}

/** Usages of every file in the workspace, with an inverted index from ID to files. */
export class UsageIndex {
  private readonly files = new Map<string, FileUsages>();
  /** Event ID -> file -> number of usages in it. */
  private readonly events = new Map<string, Map<string, number>>();
  /** Unknown ID text -> file -> number of usages in it. */
  private readonly unknown = new Map<string, Map<string, number>>();

  /** Files with at least one usage. */
  get size(): number {
    return this.files.size;
  }

  has(file: string): boolean {
    return this.files.has(file);
  }

  /** Records a file's usages (undefined or none: forgets the file). */
  set(file: string, usages: FileUsages | undefined): void {
    this.delete(file);
    if (!usages || usages.keys.length === 0) return;
    this.files.set(file, usages);
    usages.keys.forEach((key, i) => {
      const map = usages.spans[4 * i + 3] === UsageKind.Event ? this.events : this.unknown;
      let perFile = map.get(key);
      if (!perFile) map.set(key, (perFile = new Map()));
      perFile.set(file, (perFile.get(file) ?? 0) + 1);
    });
  }

  delete(file: string): boolean {
    const usages = this.files.get(file);
    if (!usages) return false;
    this.files.delete(file);
    usages.keys.forEach((key, i) => {
      const map = usages.spans[4 * i + 3] === UsageKind.Event ? this.events : this.unknown;
      const perFile = map.get(key);
      if (!perFile) return;
      perFile.delete(file);
      if (perFile.size === 0) map.delete(key);
    });
    return true;
  }

  /** Forgets every file for which `test` is true (a deleted folder, a removed workspace folder). */
  deleteWhere(test: (file: string) => boolean): number {
    let deleted = 0;
    for (const file of [...this.files.keys()]) if (test(file) && this.delete(file)) deleted++;
    return deleted;
  }

  clear(): void {
    this.files.clear();
    this.events.clear();
    this.unknown.clear();
  }

  /** Every file in the index. */
  fileNames(): IterableIterator<string> {
    return this.files.keys();
  }

  /** Where `key` (an event ID or an unknown ID's text) occurs, files in the index's order, each file in text order. */
  usagesOf(key: string, skip?: (file: string) => boolean): Usage[] {
    const usages: Usage[] = [];
    for (const map of [this.events, this.unknown]) {
      for (const file of map.get(key)?.keys() ?? []) {
        if (skip?.(file)) continue;
        const { keys, spans } = this.files.get(file)!;
        keys.forEach((k, i) => {
          if (k === key) usages.push({ file, line: spans[4 * i], start: spans[4 * i + 1], end: spans[4 * i + 2] });
        });
      }
    }
    return usages;
  }

  /** The number of usages of each event, leaving out the files for which `skip` is true. */
  eventCounts(skip?: (file: string) => boolean): Map<string, number> {
    const counts = new Map<string, number>();
    for (const [id, perFile] of this.events) {
      let total = 0;
      for (const [file, count] of perFile) if (!skip?.(file)) total += count;
      if (total) counts.set(id, total);
    }
    return counts;
  }
}
