/**
 * Deterministic benchmark documents: mixed TypeScript or Python code in which
 * about 10% of the lines hold an event ID in a string or comment, about 1% hold
 * a misspelt ID, and code uses `event_id` as a variable (`event_id.lower()`),
 * which must never be reported. Also a log file, examined whole (no lexing).
 */
import { Catalog } from '../../server/src/core/catalog';
import { seededRandom } from '../fixtures/seededRandom';

export type BenchLanguage = 'typescript' | 'python' | 'log';

export interface GeneratedDocument {
  text: string;
  languageId: BenchLanguage;
  lines: number;
  /** Lines holding a catalog ID. */
  idLines: number;
  /** Lines holding a misspelt ID (each should produce one diagnostic). */
  typoLines: number;
}


const WORDS = ['instance', 'volume', 'bucket', 'policy', 'member', 'project', 'backup', 'alarm', 'region', 'tenant', 'quota', 'snapshot'];
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

type Line = (n: number, k: number, w: string, id: string) => string;

// Each set holds plain code, lines that carry an ID (`id`), and headers/closers.
const TEMPLATES: Record<BenchLanguage, { code: Line[]; id: Line[]; open: Line; close: string }> = {
  typescript: {
    code: [
      (n, k) => `  const total${n} = items${k}.reduce((sum, item) => sum + item.size * ${k}, 0);`,
      (n, k) => `  if (record.retries > ${k} && !options.dryRun) { queue.push(record${n}); }`,
      () => `  const key = event_id.toLowerCase().replace(/[^a-z0-9_.]/g, '').trim();`,
      (_n, k) => `  if (event_id.startsWith(prefix) && event_id.length > ${k}) return false;`,
      (n) => '  logger.debug(`batch ${batch} processed ${count} records in ${ms} ms`, ' + n + ');',
      () => `  // Retry with exponential backoff; see the runbook for the escalation path.`,
      (_n, k, w) => `  const url = "https://console.example.com/audit/${w}?page=${k}&size=50";`,
      (n, k, w) => `  /* schema v${k} */ const row${n} = mapRecord(rows[${k}], "${w}", { strict: true });`,
      (n, _k, w) => `  await store.put(\`${w}/\${tenant}/${n}\`, JSON.stringify(payload, null, 2));`,
    ],
    id: [
      (n, _k, _w, id) => `  if (event.eventId === '${id}') return notify(event, "${n}");`,
      (_n, k, _w, id) => `  rules.set("${id}", { severity: 'high', owner: 'team-${k}' });`,
      (_n, _k, _w, id) => `  // ${id} is emitted once per request; dedupe on requestId.`,
      (n, _k, _w, id) => `  subscribe(\`${id}\`, handler${n}, { retries: 3 });`,
    ],
    open: (n, _k, w) => `export async function handle${w[0].toUpperCase()}${w.slice(1)}${n}(event: AuditEvent, ctx: Context): Promise<void> {`,
    close: '}',
  },
  python: {
    code: [
      (n, k) => `    total_${n} = sum(item.size * ${k} for item in items_${k} if item.enabled)`,
      (n, k) => `    if record.retries > ${k} and not options.dry_run: queue.append(record_${n})`,
      () => `    key = event_id.lower().replace("-", "_").strip()  # normalise before lookup`,
      (_n, k) => `    if event_id.startswith(prefix) and len(event_id) > ${k}: return False`,
      (n) => `    logger.debug(f"batch {batch} processed {count} records in {ms} ms", ${n})`,
      () => `    # Retry with exponential backoff; see the runbook for the escalation path.`,
      (_n, k, w) => `    url = "https://console.example.com/audit/${w}?page=${k}&size=50"`,
      (n, k, w) => `    row_${n} = map_record(rows[${k}], '${w}', strict=True, default=None)`,
      (n, _k, w) => `    await store.put(f"${w}/{tenant}/${n}", json.dumps(payload, indent=2))`,
    ],
    id: [
      (n, _k, _w, id) => `    if event.event_id == '${id}': return notify(event, "${n}")`,
      (_n, k, _w, id) => `    rules["${id}"] = {"severity": "high", "owner": "team-${k}"}`,
      (_n, _k, _w, id) => `    # ${id} is emitted once per request; dedupe on request_id.`,
      (n, _k, _w, id) => `    subscribe("""${id}""", handler_${n}, retries=3)`,
    ],
    open: (n, _k, w) => `async def handle_${w}_${n}(event: AuditEvent, ctx: Context) -> None:`,
    close: '',
  },
  log: {
    code: [
      (n, k, w) => `2024-11-18T10:15:${String(k % 60).padStart(2, '0')}.${n % 1000}Z INFO  audit-forwarder batch=${k} forwarded ${n} records to sink-${w}`,
      (n, k, w) => `2024-11-18T10:15:${String(k % 60).padStart(2, '0')}.${n % 1000}Z DEBUG http GET /v1/audit/${w}?page=${k}&size=50 200 ${n % 97}ms`,
      (n, k) => `2024-11-18T10:15:${String(k % 60).padStart(2, '0')}.${n % 1000}Z WARN  retrying upload of chunk ${n} (attempt ${k % 5} of 5)`,
      (n, k) => `2024-11-18T10:15:${String(k % 60).padStart(2, '0')}.${n % 1000}Z DEBUG key normalised with event_id.lower() for tenant-${k}`,
    ],
    id: [
      (n, k, _w, id) => `2024-11-18T10:15:${String(k % 60).padStart(2, '0')}.${n % 1000}Z INFO  received ${id} from tenant-${k} request=${n}`,
      (n, k, _w, id) => `2024-11-18T10:15:${String(k % 60).padStart(2, '0')}.${n % 1000}Z ERROR rule for ${id} failed: timeout after ${k} s`,
    ],
    open: (n, k, w) => `2024-11-18T10:15:${String(k % 60).padStart(2, '0')}.${n % 1000}Z INFO  session ${w}-${n} started`,
    close: '2024-11-18T10:16:00.000Z INFO  session closed',
  },
};

/** A misspelling of `id` (substitution, deletion, insertion or transposition after `event_id.`) that is not a catalog ID. */
export function misspell(id: string, catalog: Catalog, rnd: () => number): string {
  for (;;) {
    const at = 9 + Math.floor(rnd() * (id.length - 10));
    const letter = LETTERS[Math.floor(rnd() * LETTERS.length)];
    const kind = Math.floor(rnd() * 4);
    const typo =
      kind === 0 ? id.slice(0, at) + letter + id.slice(at + 1)
      : kind === 1 ? id.slice(0, at) + id.slice(at + 1)
      : kind === 2 ? id.slice(0, at) + letter + id.slice(at)
      : id.slice(0, at) + id[at + 1] + id[at] + id.slice(at + 2);
    if (!catalog.get(typo) && !catalog.isNamespace(typo) && !typo.includes('..') && !typo.endsWith('.')) return typo;
  }
}

/** A document of `lines` lines; the same (lines, seed, language) always gives the same text. */
export function generateDocument(lines: number, catalog: Catalog, seed = 1, languageId: BenchLanguage = 'typescript'): GeneratedDocument {
  const rnd = seededRandom(seed);
  const t = TEMPLATES[languageId];
  // IDs of the targeted edition: the others are known but noted (not-in-edition), which the checks would count.
  const events = catalog.events.filter((event) => catalog.inEdition(event));
  const out: string[] = [];
  let idLines = 0;
  let typoLines = 0;
  let inFunction = false;
  for (let n = 0; n < lines; n++) {
    const k = Math.floor(rnd() * 100);
    const w = WORDS[Math.floor(rnd() * WORDS.length)];
    const roll = rnd();
    if (!inFunction || n === lines - 1) {
      out.push(inFunction ? t.close : t.open(n, k, w, ''));
      inFunction = !inFunction;
    } else if (roll < 0.04) {
      out.push(t.close);
      inFunction = false;
    } else if (roll < 0.14) {
      const pick = Math.floor(rnd() * t.id.length);
      const event = events[Math.floor(rnd() * events.length)];
      out.push(t.id[pick](n, k, w, event.id));
      idLines++;
    } else if (roll < 0.15) {
      const pick = Math.floor(rnd() * t.id.length);
      const event = events[Math.floor(rnd() * events.length)];
      out.push(t.id[pick](n, k, w, misspell(event.id, catalog, rnd)));
      typoLines++;
    } else {
      out.push(t.code[Math.floor(rnd() * t.code.length)](n, k, w, ''));
    }
  }
  return { text: out.join('\n') + '\n', languageId, lines, idLines, typoLines };
}

/**
 * A TypeScript document of about `bytes` characters in which every line holds a different
 * unknown ID (a catalog ID with a numbered middle segment): the worst case for diagnostics,
 * each needing its own suggestions. Returns the text and the number of lines (= diagnostics).
 */
export function generateUnknownIds(bytes: number, catalog: Catalog): { text: string; lines: number } {
  const events = catalog.events.filter((event) => catalog.inEdition(event) && event.segments.length >= 4 && event.id === event.id.toLowerCase());
  const out: string[] = [];
  let size = 0;
  for (let n = 0; ; n++) {
    const s = events[n % events.length].segments;
    const id = [...s.slice(0, 2), `${s[2]}${n.toString(36)}`, ...s.slice(3)].join('.');
    const line = `  notify("${id}", ${n});`;
    if (size + line.length + 1 > bytes) break;
    out.push(line);
    size += line.length + 1;
  }
  return { text: out.join('\n') + '\n', lines: out.length };
}
