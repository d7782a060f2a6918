#!/usr/bin/env node
/**
 * The LSP benchmark: spawns the built server (`node dist/server.js --stdio`),
 * drives it with vscode-languageserver-protocol's client connection, and
 * measures the figures of the performance issue next to baselines taken in the
 * same run. Prints a table and writes test/bench/results/latest.json.
 *
 *   npm run bench                full run (about four minutes: the edits are paced at typing speed)
 *   npm run bench -- --quick     fewer repetitions and edits; checks that the bench still works
 *   ... --out <file>             where to write the JSON
 *   ... --only edits,requests    run some sections only (open, edits, requests, stall, cold, memory, large, vsix), for profiling
 *
 * Timings are reported, never asserted: the bench fails only when the server
 * answers wrongly (a missing or wrong diagnostic count), not when it is slow.
 */
import { execFileSync, execSync, spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Position } from 'vscode-languageserver-protocol';
import { builtinCatalog } from '../../server/src/core/builtin';
import { bareScan, RipgrepTiming, timeBareScan, timeRipgrep, timeTransport } from './baselines';
import { BenchClient, ROOT, SERVER_BUNDLE, ServerTiming, TIMED_SERVER } from './benchClient';
import { BenchLanguage, generateDocument, GeneratedDocument, generateUnknownIds } from './generate';
import { seededRandom } from '../fixtures/seededRandom';
import { median, round, summarize, Summary } from './stats';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const outIndex = args.indexOf('--out');
const OUT = outIndex >= 0 ? path.resolve(args[outIndex + 1]) : path.join(ROOT, 'test', 'bench', 'results', 'latest.json');
const onlyIndex = args.indexOf('--only');
const ONLY = onlyIndex >= 0 ? new Set(args[onlyIndex + 1].split(',')) : undefined;
const runs = (section: string) => !ONLY || ONLY.has(section);

const PLAN = quick
  ? { sizes: [1_000, 10_000, 100_000], opens: { 1_000: 3, 10_000: 3, 100_000: 2 } as Record<number, number>, edits: 60, pacingMs: 20, burst: 50, requests: 60, coldStarts: 3, baselineRuns: 3, files: 200, fileLines: 2_000, settleSeconds: 5 }
  : { sizes: [1_000, 10_000, 100_000], opens: { 1_000: 10, 10_000: 10, 100_000: 7 } as Record<number, number>, edits: 1_000, pacingMs: 100, burst: 200, requests: 500, coldStarts: 10, baselineRuns: 9, files: 200, fileLines: 2_000, settleSeconds: 45 };

/** Settings the client answers with: the default 5 MB limit would skip the 100k-line (8 MB) document. */
const SETTINGS = { maxFileSizeMB: 32 };
const catalog = builtinCatalog();
const ids = new Set(catalog.events.map((e) => e.id));

const MiB = 1024 * 1024;
const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const docUri = (name: string) => `file:///bench/${name}`;

/** LSP position of `offset` (the generated text has only `\n` line breaks). */
function positionAt(text: string, offset: number): Position {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  let line = 0;
  for (let at = text.indexOf('\n'); at >= 0 && at < offset; at = text.indexOf('\n', at + 1)) line++;
  return { line, character: offset - lineStart };
}

function check(condition: boolean, message: string): void {
  if (!condition) throw new Error(`bench check failed: ${message}`);
}

// ---------------------------------------------------------------- measurements

/** A document opened for the didOpen figures. */
interface OpenCase {
  key: string;
  label: string;
  doc: GeneratedDocument;
  /** The issue's targets apply (100k lines of code). */
  issueTarget: boolean;
}

interface SizeFigures {
  label: string;
  languageId: string;
  lines: number;
  megabytes: number;
  idLines: number;
  typoLines: number;
  bareScanMs: number;
  ripgrep?: RipgrepTiming;
  transportMs: number;
  floorMs: number;
  openE2e: Summary;
  openE2eSamples: number[];
  serverSide: Summary;
  serverSideToWrite: Summary;
  serverSideSamples: number[];
  /** The server process's CPU time over the same intervals (all threads: the collector's and the compiler's too). */
  serverSideCpu: Summary;
}

interface OpenSamples {
  e2e: number[];
  server: number[];
  serverToWrite: number[];
  serverCpu: number[];
}

async function measureOpen(script: string, cases: OpenCase[], tag: string): Promise<Map<string, OpenSamples>> {
  const client = BenchClient.spawn(script, SETTINGS);
  await client.initialize();
  await client.initialized();
  const out = new Map<string, OpenSamples>();
  for (const { key, doc } of cases) {
    const e2e: number[] = [];
    for (let i = 0; i < PLAN.opens[doc.lines]; i++) {
      const uri = docUri(`${tag}-${key}-${i}.${doc.languageId === 'log' ? 'log' : 'ts'}`);
      const { ms, arrival } = await client.open(uri, doc.languageId, doc.text);
      check(arrival.diagnostics.length === doc.typoLines, `${uri}: ${arrival.diagnostics.length} diagnostics, expected ${doc.typoLines}`);
      e2e.push(ms);
      await client.close(uri);
      await client.diagnostics(uri); // the clearing publish, so the next open starts idle
    }
    const timings = script === TIMED_SERVER ? await client.timingsOf((t) => t.uri.includes(`/${tag}-${key}-`) && t.version === 1, e2e.length) : [];
    out.set(key, { e2e, server: timings.map((t) => t.toWritten), serverToWrite: timings.map((t) => t.toWrite), serverCpu: timings.map((t) => t.cpu) });
    log(`${tag} didOpen ${key}: e2e p50 ${median(e2e).toFixed(1)} ms` + (timings.length ? `, server-side p50 ${median(timings.map((t) => t.toWritten)).toFixed(1)} ms` : ''));
  }
  await client.dispose();
  return out;
}

interface EditFigures {
  edits: number;
  pacingMs: number;
  e2e: Summary;
  serverSide: Summary;
  e2eSamples: number[];
  serverSideSamples: number[];
  serverSideGcSamples: number[];
  serverSideCpu: Summary;
  serverSideCpuSamples: number[];
  burst: { edits: number; msToFinalDiagnostics: number; publishes: number };
}

/** Single-character edits typed at several places of a 10k-line document, each waited for. */
async function measureEdits(doc: GeneratedDocument): Promise<EditFigures> {
  const client = BenchClient.spawn(TIMED_SERVER, SETTINGS);
  await client.initialize();
  await client.initialized();
  const uri = docUri('typing-10k.ts');
  await client.open(uri, doc.languageId, doc.text);
  const lines = doc.text.split('\n');
  const rnd = seededRandom(7);
  // What is typed, one character per edit: an ID in a comment, code, and a misspelt ID in a string.
  const snippets = [' // see event_id.iaas.instance.creat', ' if (x > 1) { retry(x); }', " notify('event_id.obs.bucket.delte');"];
  const plan: { line: number; character: number; char: string }[] = [];
  for (let site = 0; plan.length < PLAN.edits + PLAN.burst; site++) {
    const line = Math.floor(rnd() * (lines.length - 1));
    const snippet = snippets[site % snippets.length];
    for (const char of snippet) {
      plan.push({ line, character: lines[line].length, char });
      lines[line] += char;
    }
  }
  const e2e: number[] = [];
  for (const edit of plan.slice(0, PLAN.edits)) {
    const version = client.nextVersion(uri);
    const arrived = client.diagnostics(uri, version);
    const t0 = performance.now();
    const position = { line: edit.line, character: edit.character };
    await client.change(uri, { start: position, end: position }, edit.char);
    const arrival = await arrived;
    e2e.push(arrival.at - t0);
    const rest = PLAN.pacingMs - (performance.now() - t0);
    if (rest > 0) await sleep(rest);
  }
  const editTimings = await client.timingsOf((t) => t.uri === uri && (t.version ?? 0) > 1, e2e.length);
  const server = editTimings.map((t) => t.toWritten);

  // A burst: edits sent back to back, as when a key is held down or a macro runs.
  const burstPlan = plan.slice(PLAN.edits, PLAN.edits + PLAN.burst);
  const publishesBefore = client.publishCount.get(uri) ?? 0;
  const t0 = performance.now();
  let last = 0;
  for (const edit of burstPlan) {
    const position = { line: edit.line, character: edit.character };
    last = await client.change(uri, { start: position, end: position }, edit.char);
  }
  const final = await client.diagnostics(uri, last);
  const burst = { edits: burstPlan.length, msToFinalDiagnostics: final.at - t0, publishes: (client.publishCount.get(uri) ?? 0) - publishesBefore };
  await client.dispose();
  log(`edits: e2e p50 ${median(e2e).toFixed(2)} p99 ${summarize(e2e).p99.toFixed(2)} ms; burst of ${burst.edits}: ${burst.publishes} publishes`);
  return { edits: e2e.length, pacingMs: PLAN.pacingMs, e2e: summarize(e2e), serverSide: summarize(server), e2eSamples: e2e, serverSideSamples: server, serverSideGcSamples: editTimings.map((t) => t.gc), serverSideCpu: summarize(editTimings.map((t) => t.cpu)), serverSideCpuSamples: editTimings.map((t) => t.cpu), burst };
}

interface RequestFigures {
  completion: Summary;
  hover: Summary;
  completionServerSide: Summary;
  hoverServerSide: Summary;
  completionItems: number;
  /** Size of one completion response (JSON). */
  completionBytes: number;
  /** The same completions for a client without `completionList.itemDefaults` (Neovim, Emacs, Helix, Vim). */
  plainCompletion: Summary;
  plainCompletionItems: number;
  plainCompletionBytes: number;
}

/** Completion and hover round trips against `script`; its server-side timings when it is the timed server. */
async function runRequests(script: string, doc: GeneratedDocument, itemDefaults = true): Promise<{ completion: number[]; hover: number[]; server: ServerTiming[]; items: number; bytes: number }> {
  const client = BenchClient.spawn(script, SETTINGS, { itemDefaults });
  await client.initialize();
  await client.initialized();
  const uri = docUri('requests-10k.ts');
  await client.open(uri, doc.languageId, doc.text);
  const sites: { hover: Position; complete: Position }[] = [];
  const regex = /['"`]event_id\.[A-Za-z0-9_.-]+/g;
  for (let m = regex.exec(doc.text); m && sites.length < 200; m = regex.exec(doc.text)) {
    const id = m[0].slice(1);
    if (!ids.has(id)) continue;
    const start = m.index + 1;
    const secondDot = doc.text.indexOf('.', start + 'event_id.'.length) + 1;
    sites.push({ hover: positionAt(doc.text, start + Math.floor(id.length / 2)), complete: positionAt(doc.text, secondDot) });
  }
  check(sites.length > 0, 'no ID sites in the request document');
  const completion: number[] = [];
  const hover: number[] = [];
  let items = 0;
  let bytes = 0;
  for (let i = 0; i < PLAN.requests + 10; i++) {
    const site = sites[i % sites.length];
    let t0 = performance.now();
    const list = await client.completion(uri, site.complete);
    const completionMs = performance.now() - t0;
    check(!!list && list.items.length > 0, `no completion at ${JSON.stringify(site.complete)}`);
    items = list!.items.length;
    bytes = JSON.stringify(list).length;
    t0 = performance.now();
    const result = await client.hover(uri, site.hover);
    const hoverMs = performance.now() - t0;
    check(!!result, `no hover at ${JSON.stringify(site.hover)}`);
    if (i < 10) continue; // warm-up
    completion.push(completionMs);
    hover.push(hoverMs);
  }
  const server = script === TIMED_SERVER ? await client.timingsOf((t) => t.method !== undefined, 2 * (PLAN.requests + 10)) : [];
  await client.dispose();
  return { completion, hover, server, items, bytes };
}

/** Completion inside an ID after its second dot, and hover on known IDs, of a 10k-line document. */
async function measureRequests(doc: GeneratedDocument): Promise<RequestFigures> {
  const e2e = await runRequests(SERVER_BUNDLE, doc);
  const plain = await runRequests(SERVER_BUNDLE, doc, false);
  const timed = await runRequests(TIMED_SERVER, doc);
  // Server-side times of the measured requests (after the warm-up).
  const serverSide = (method: string) => summarize(timed.server.filter((t) => t.method === method).slice(10).map((t) => t.toWritten));
  log(`completion p99 ${summarize(e2e.completion).p99.toFixed(2)} ms (without itemDefaults ${summarize(plain.completion).p99.toFixed(2)} ms), hover p99 ${summarize(e2e.hover).p99.toFixed(2)} ms`);
  return {
    completion: summarize(e2e.completion),
    hover: summarize(e2e.hover),
    completionServerSide: serverSide('textDocument/completion'),
    hoverServerSide: serverSide('textDocument/hover'),
    completionItems: e2e.items,
    completionBytes: e2e.bytes,
    plainCompletion: summarize(plain.completion),
    plainCompletionItems: plain.items,
    plainCompletionBytes: plain.bytes,
  };
}

interface StallFigures {
  /** Size of the document analysed meanwhile, and its diagnostics (one per line). */
  bigMB: number;
  bigDiagnostics: number;
  /** didOpen of the big document -> its diagnostics. */
  bigMs: number;
  /** Completions on the small document answered meanwhile, back to back. */
  during: Summary;
  /** The same completion with the server idle, before. */
  idle: Summary;
}

/**
 * Completion on a small document while a document of almost 5 MB (the default size limit), every
 * line a different unknown ID, is analysed: completions are sent back to back from its didOpen
 * until its diagnostics arrive, and the slowest is the stall.
 */
async function measureStall(small: GeneratedDocument): Promise<StallFigures> {
  const client = BenchClient.spawn(SERVER_BUNDLE, SETTINGS);
  await client.initialize();
  await client.initialized();
  const smallUri = docUri('stall-small.ts');
  await client.open(smallUri, small.languageId, small.text);
  const at = small.text.indexOf("'event_id.") + 1;
  check(at > 0, 'no ID in the small document');
  const position = positionAt(small.text, small.text.indexOf('.', at + 'event_id.'.length) + 1);
  const complete = async () => {
    const t0 = performance.now();
    const list = await client.completion(smallUri, position);
    check(!!list && list.items.length > 0, 'no completion on the small document');
    return performance.now() - t0;
  };
  const idle: number[] = [];
  for (let i = 0; i < 30; i++) idle.push(await complete());
  const big = generateUnknownIds(5 * 1024 * 1024 - 1024, catalog);
  const bigUri = docUri('stall-big.ts');
  const t0 = performance.now();
  const opened = client.open(bigUri, 'typescript', big.text);
  let done = false;
  void opened.then(() => (done = true));
  const during: number[] = [];
  while (!done) during.push(await complete());
  const { arrival } = await opened;
  const bigMs = arrival.at - t0;
  check(arrival.diagnostics.length === big.lines, `big document: ${arrival.diagnostics.length} diagnostics, expected ${big.lines}`);
  await client.dispose();
  if (process.env.BENCH_STALL_TRACE) log(during.map((d) => d.toFixed(0)).join(" "));
  log(`stall: ${during.length} completions during ${bigMs.toFixed(0)} ms of analysis, slowest ${Math.max(...during).toFixed(1)} ms`);
  return { bigMB: big.text.length / 1e6, bigDiagnostics: big.lines, bigMs, during: summarize(during), idle: summarize(idle) };
}

/** Spawn -> initialize result, a fresh process each time; and, as its floor, node starting and exiting. */
async function measureColdStart(): Promise<{ server: Summary; node: Summary }> {
  const node: number[] = [];
  for (let i = 0; i < PLAN.coldStarts; i++) {
    const t0 = performance.now();
    execFileSync(process.execPath, ['-e', '0']);
    node.push(performance.now() - t0);
  }
  const samples: number[] = [];
  for (let i = 0; i < PLAN.coldStarts; i++) {
    const t0 = performance.now();
    const client = BenchClient.spawn(SERVER_BUNDLE, SETTINGS);
    const result = await client.initialize();
    samples.push(performance.now() - t0);
    check(result.serverInfo?.name === 'cloudtrail-events-language-server', 'unexpected initialize result');
    await client.dispose();
  }
  log(`cold start p50 ${median(samples).toFixed(1)} ms (node alone ${median(node).toFixed(1)} ms)`);
  return { server: summarize(samples), node: summarize(node) };
}

interface MemoryFigures {
  files: number;
  linesEach: number;
  /** RSS of node running nothing (the process floor). */
  nodeMB: number;
  idleMB: number;
  /** Right after the last file's diagnostics. */
  rssMB: number;
  /** The lowest RSS while idle afterwards (V8 returns memory after some idle seconds). */
  settledMB: number;
  settledAfterS: number;
  peakMB: number;
  textMB: number;
}

/** RSS of a node process that does nothing, once it has started (two equal readings in a row). */
async function nodeFloorMB(): Promise<number> {
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
  const rss = () => Number(/^VmRSS:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? NaN) / 1024;
  try {
    let last = NaN;
    for (let i = 0; i < 100; i++) {
      await sleep(50);
      const now = rss();
      if (Math.abs(now - last) < 0.1 && now > 0) return now;
      last = now;
    }
    return last;
  } finally {
    child.kill();
  }
}

/** Resident memory of the server after opening many files, each analysed. */
async function measureMemory(): Promise<MemoryFigures> {
  const client = BenchClient.spawn(SERVER_BUNDLE, SETTINGS);
  await client.initialize();
  await client.initialized();
  const idleMB = client.memory().rssMB;
  let textMB = 0;
  for (let i = 0; i < PLAN.files; i++) {
    const doc = generateDocument(PLAN.fileLines, catalog, 1000 + i);
    textMB += doc.text.length / 1e6;
    const { arrival } = await client.open(docUri(`memory/file${i}.ts`), doc.languageId, doc.text);
    check(arrival.diagnostics.length === doc.typoLines, `memory file ${i}: ${arrival.diagnostics.length} diagnostics, expected ${doc.typoLines}`);
  }
  const { rssMB } = client.memory();
  // Then idle: V8's memory reducer collects and returns pages after some seconds without work.
  // Poll once a second for PLAN.settleSeconds and keep the lowest figure.
  let settledMB = rssMB;
  let settledAfterS = 0;
  for (let second = 1; second <= PLAN.settleSeconds; second++) {
    await sleep(1000);
    const now = client.memory().rssMB;
    if (now < settledMB - 0.5) {
      settledMB = now;
      settledAfterS = second;
    }
  }
  const { peakMB } = client.memory();
  await client.dispose();
  const nodeMB = await nodeFloorMB();
  log(`RSS after ${PLAN.files} files: ${rssMB.toFixed(1)} MB, settled ${settledMB.toFixed(1)} MB after ${settledAfterS} s (peak ${peakMB.toFixed(1)} MB, node alone ${nodeMB.toFixed(1)} MB)`);
  return { files: PLAN.files, linesEach: PLAN.fileLines, nodeMB, idleMB, rssMB, settledMB, settledAfterS, peakMB, textMB };
}

interface LargeFileFigures {
  textMB: number;
  /** Settled RSS before the file is opened and after its diagnostics. */
  beforeMB: number;
  afterMB: number;
  peakMB: number;
}

/** What one 100k-line document adds to the memory of an idle server (settled readings). */
async function measureLargeFile(doc: GeneratedDocument): Promise<LargeFileFigures> {
  const client = BenchClient.spawn(SERVER_BUNDLE, SETTINGS);
  await client.initialize();
  await client.initialized();
  const settle = async () => {
    let low = client.memory().rssMB;
    for (let second = 0; second < Math.min(PLAN.settleSeconds, 10); second++) {
      await sleep(1000);
      low = Math.min(low, client.memory().rssMB);
    }
    return low;
  };
  const beforeMB = await settle();
  const { arrival } = await client.open(docUri('large-100k.ts'), doc.languageId, doc.text);
  check(arrival.diagnostics.length === doc.typoLines, `large file: ${arrival.diagnostics.length} diagnostics, expected ${doc.typoLines}`);
  const afterMB = await settle();
  const { peakMB } = client.memory();
  await client.dispose();
  const textMB = doc.text.length / MiB;
  log(`large file (${textMB.toFixed(1)} MB): RSS ${beforeMB.toFixed(1)} -> ${afterMB.toFixed(1)} MB (peak ${peakMB.toFixed(1)} MB)`);
  return { textMB, beforeMB, afterMB, peakMB };
}

/**
 * The packaged extension: dist/cloudtrail-event-ids.vsix when `npm run package` made it, else
 * packaged now into a temporary file (vsce runs vscode:prepublish, which rebuilds dist/ minified:
 * this section runs last). A packaging failure is reported, not thrown.
 */
function vsixSize(): { path: string; bytes: number; built: boolean; error?: string } {
  const shipped = path.join(ROOT, 'dist', 'cloudtrail-event-ids.vsix');
  if (fs.existsSync(shipped)) return { path: path.relative(ROOT, shipped), bytes: fs.statSync(shipped).size, built: false };
  const out = path.join(os.tmpdir(), 'cloudtrail-event-ids-bench.vsix');
  try {
    // The base URLs only rewrite README links (vsce refuses relative images without a repository field); the size is the same.
    execSync(`npx vsce package --no-dependencies --baseContentUrl https://example.invalid/ --baseImagesUrl https://example.invalid/ --out ${out}`, { cwd: ROOT, stdio: 'pipe', encoding: 'utf8' });
    return { path: out, bytes: fs.statSync(out).size, built: true };
  } catch (error) {
    const output = `${(error as { stdout?: string }).stdout ?? ''}${(error as { stderr?: string }).stderr ?? ''}`;
    const reason = /ERROR\s+(.*)/.exec(output)?.[1] ?? (error as Error).message;
    log(`vsce package failed: ${reason}`);
    return { path: out, bytes: NaN, built: false, error: reason };
  }
}

// ---------------------------------------------------------------- report

interface Row {
  figure: string;
  measured: string;
  baseline: string;
  target: string;
  met: boolean | null;
}

function table(rows: Row[]): string {
  const header = ['figure', 'measured', 'baseline (same run)', 'target', 'met?'];
  const cells = rows.map((r) => [r.figure, r.measured, r.baseline, r.target, r.met === null ? '—' : r.met ? 'yes' : 'NO']);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]) => `| ${c.map((x, i) => x.padEnd(widths[i])).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...cells.map(line)].join('\n');
}

const ms = (v: number) => `${v < 10 ? v.toFixed(2) : v.toFixed(1)} ms`;

async function main(): Promise<void> {
  check(fs.existsSync(SERVER_BUNDLE), `${SERVER_BUNDLE} is missing: run npm run build`);
  check(fs.existsSync(TIMED_SERVER), `${TIMED_SERVER} is missing: run tsc -p .`);
  const started = Date.now();
  log(`${quick ? 'quick' : 'full'} run; node ${process.version}, ${os.cpus().length} CPUs, load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);

  const docs = new Map<number, GeneratedDocument>();
  for (const size of PLAN.sizes) docs.set(size, generateDocument(size, catalog, 1, 'typescript' satisfies BenchLanguage));
  const cases: OpenCase[] = [
    ...PLAN.sizes.map((size) => ({ key: String(size), label: `${size / 1000}k lines`, doc: docs.get(size)!, issueTarget: size === 100_000 })),
    { key: '100000-log', label: '100k-line log', doc: generateDocument(100_000, catalog, 1, 'log'), issueTarget: false },
  ];

  const sizes: Record<string, Partial<SizeFigures>> = {};
  if (runs('open')) {
    for (const { key, label, doc } of cases) {
      const bare = timeBareScan(doc.text, ids, PLAN.baselineRuns);
      check(bareScan(doc.text, ids) > 0, 'the bare scan found nothing');
      const message = { jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri: docUri(`floor-${key}`), languageId: doc.languageId, version: 1, text: doc.text } } };
      const transport = median(await timeTransport(message, PLAN.baselineRuns));
      sizes[key] = {
        label,
        languageId: doc.languageId,
        lines: doc.lines,
        megabytes: doc.text.length / 1e6,
        idLines: doc.idLines,
        typoLines: doc.typoLines,
        bareScanMs: median(bare),
        ripgrep: timeRipgrep(doc.text, PLAN.baselineRuns),
        transportMs: transport,
        floorMs: transport + median(bare),
      };
      log(`baselines ${key} (${(doc.text.length / 1e6).toFixed(2)} MB): bare scan ${median(bare).toFixed(2)} ms, transport ${transport.toFixed(1)} ms, rg ${sizes[key].ripgrep?.searchMs.toFixed(2) ?? 'n/a'} ms`);
    }
    const e2e = await measureOpen(SERVER_BUNDLE, cases, 'open');
    const timed = await measureOpen(TIMED_SERVER, cases, 'timed');
    for (const { key } of cases) {
      const s = sizes[key];
      s.openE2eSamples = e2e.get(key)!.e2e;
      s.openE2e = summarize(s.openE2eSamples);
      s.serverSideSamples = timed.get(key)!.server;
      s.serverSide = summarize(s.serverSideSamples);
      s.serverSideToWrite = summarize(timed.get(key)!.serverToWrite);
      s.serverSideCpu = summarize(timed.get(key)!.serverCpu);
    }
  }
  const edits = runs('edits') ? await measureEdits(docs.get(10_000)!) : undefined;
  const requests = runs('requests') ? await measureRequests(docs.get(10_000)!) : undefined;
  const stall = runs('stall') ? await measureStall(docs.get(1_000)!) : undefined;
  const coldStart = runs('cold') ? await measureColdStart() : undefined;
  const memory = runs('memory') ? await measureMemory() : undefined;
  const large = runs('large') ? await measureLargeFile(docs.get(100_000)!) : undefined;
  const vsix = runs('vsix') ? vsixSize() : undefined;

  const rows: Row[] = [];
  if (runs('open')) {
    for (const { key, label, issueTarget } of cases) {
      const s = sizes[key] as SizeFigures;
      const serverRatio = s.serverSide.p50 / s.bareScanMs;
      const e2eRatio = s.openE2e.p50 / s.floorMs;
      rows.push({
        figure: `server-side didOpen→publish, ${label} (p50)`,
        measured: `${ms(s.serverSide.p50)} (${serverRatio.toFixed(1)}x); CPU ${ms(s.serverSideCpu.p50)}`,
        baseline: `bare scan ${ms(s.bareScanMs)}; rg ${s.ripgrep ? ms(s.ripgrep.searchMs) : 'n/a'}`,
        target: issueTarget ? '≤ 3x bare scan' : '(3x, info)',
        met: issueTarget ? serverRatio <= 3 : null,
      });
      rows.push({
        figure: `didOpen→diagnostics over stdio, ${label} (p50)`,
        measured: `${ms(s.openE2e.p50)} (${e2eRatio.toFixed(1)}x)`,
        baseline: `floor ${ms(s.floorMs)} (transport ${ms(s.transportMs)})`,
        target: issueTarget ? '≤ 2x floor' : '(2x, info)',
        met: issueTarget ? e2eRatio <= 2 : null,
      });
    }
  }
  if (edits) {
    rows.push({
      figure: `1-char edits on 10k lines (${edits.edits}, ${edits.pacingMs} ms apart), p50 / p99`,
      measured: `${ms(edits.e2e.p50)} / ${ms(edits.e2e.p99)}`,
      baseline: `server-side p50 ${ms(edits.serverSide.p50)}, p99 ${ms(edits.serverSide.p99)}; its CPU time p99 ${ms(edits.serverSideCpu.p99)}`,
      target: 'p99 < 15 ms',
      met: edits.e2e.p99 < 15,
    });
    rows.push({
      figure: `burst: ${edits.burst.edits} edits back to back`,
      measured: `${ms(edits.burst.msToFinalDiagnostics)} to final, ${edits.burst.publishes} publishes`,
      baseline: '—',
      target: 'coalesced (publishes ≪ edits)',
      met: edits.burst.publishes < edits.burst.edits / 2,
    });
  }
  if (requests) {
    rows.push({
      figure: `completion round trip, 10k lines, p50 / p99 (${requests.completionItems} items, ${(requests.completionBytes / 1024).toFixed(0)} KB)`,
      measured: `${ms(requests.completion.p50)} / ${ms(requests.completion.p99)}`,
      baseline: `server-side p50 ${ms(requests.completionServerSide.p50)}, p99 ${ms(requests.completionServerSide.p99)}`,
      target: 'p99 < 5 ms',
      met: requests.completion.p99 < 5,
    });
    rows.push({
      figure: `completion round trip without itemDefaults, p50 / p99 (${requests.plainCompletionItems} items, ${(requests.plainCompletionBytes / 1024).toFixed(0)} KB)`,
      measured: `${ms(requests.plainCompletion.p50)} / ${ms(requests.plainCompletion.p99)}`,
      baseline: `with itemDefaults p50 ${ms(requests.completion.p50)}`,
      target: 'p99 ≤ 5 ms',
      met: requests.plainCompletion.p99 <= 5,
    });
    rows.push({
      figure: 'hover round trip, 10k lines, p50 / p99',
      measured: `${ms(requests.hover.p50)} / ${ms(requests.hover.p99)}`,
      baseline: `server-side p50 ${ms(requests.hoverServerSide.p50)}, p99 ${ms(requests.hoverServerSide.p99)}`,
      target: 'p99 ≤ 2 ms',
      met: requests.hover.p99 <= 2,
    });
  }
  if (stall) {
    rows.push({
      figure: `completion on a small file while a ${stall.bigMB.toFixed(1)} MB file of ${stall.bigDiagnostics} unknown IDs is analysed: slowest of ${stall.during.n} (p50)`,
      measured: `${ms(stall.during.max)} (${ms(stall.during.p50)})`,
      baseline: `idle p50 ${ms(stall.idle.p50)}; the big file's diagnostics after ${ms(stall.bigMs)}`,
      target: '≤ 100 ms',
      met: stall.during.max <= 100,
    });
  }
  if (coldStart) {
    rows.push({
      figure: `cold start: spawn→initialize result (p50 of ${coldStart.server.n}; max)`,
      measured: `${ms(coldStart.server.p50)}; ${ms(coldStart.server.max)}`,
      baseline: `node -e 0: p50 ${ms(coldStart.node.p50)}`,
      target: '≤ node + 50 ms',
      met: coldStart.server.p50 <= coldStart.node.p50 + 50,
    });
  }
  if (memory) {
    rows.push({
      figure: 'RSS of the server idle (initialized, no document)',
      measured: `${memory.idleMB.toFixed(1)} MB`,
      baseline: `node alone ${memory.nodeMB.toFixed(1)} MB`,
      target: '≤ 50 MB',
      met: memory.idleMB <= 50,
    });
    rows.push({
      figure: `RSS with ${memory.files} files × ${memory.linesEach} lines open: settled (right after; peak)`,
      measured: `${memory.settledMB.toFixed(1)} MB (${memory.rssMB.toFixed(1)}; ${memory.peakMB.toFixed(1)})`,
      baseline: `node alone ${memory.nodeMB.toFixed(1)} MB; server idle ${memory.idleMB.toFixed(1)} MB; text ${memory.textMB.toFixed(1)} MB`,
      target: '≤ 100 MB',
      met: memory.settledMB <= 100,
    });
  }
  if (large) {
    const added = large.afterMB - large.beforeMB;
    rows.push({
      figure: `RSS added by one 100k-line file (${large.textMB.toFixed(1)} MB of text), settled (peak)`,
      measured: `${added.toFixed(1)} MB = ${(added / large.textMB).toFixed(1)}x its text (${large.peakMB.toFixed(1)} MB)`,
      baseline: `server before ${large.beforeMB.toFixed(1)} MB`,
      target: '≤ 3x its text',
      met: added <= 3 * large.textMB,
    });
  }
  if (vsix) {
    rows.push({
      figure: '.vsix size',
      measured: vsix.error ? 'n/a (vsce package failed)' : `${(vsix.bytes / 1024).toFixed(0)} KB`,
      baseline: vsix.error ? vsix.error.slice(0, 60) : vsix.path,
      target: '—',
      met: null,
    });
  }

  const printed = table(rows);
  process.stdout.write(`\n${printed}\n\n`);

  let commit = 'unknown';
  try {
    commit = execSync('git rev-parse --short HEAD', { cwd: ROOT, encoding: 'utf8' }).trim();
    if (execSync('git status --porcelain server/src', { cwd: ROOT, encoding: 'utf8' }).trim()) commit += '+dirty';
  } catch {
    // not a git checkout
  }
  const result = {
    meta: { date: new Date().toISOString(), mode: quick ? 'quick' : 'full', node: process.version, cpus: os.cpus().length, cpu: os.cpus()[0]?.model, loadavg: os.loadavg(), commit, settings: SETTINGS, seconds: (Date.now() - started) / 1000 },
    rows,
    sizes,
    edits,
    requests,
    stall,
    coldStart,
    memory,
    large,
    vsix,
  };
  fs.mkdirSync(path.dirname(OUT), { recursive: true });
  fs.writeFileSync(OUT, JSON.stringify(result, (_k, v) => (typeof v === 'number' ? round(v, 3) : v), 2) + '\n');
  log(`wrote ${path.relative(process.cwd(), OUT)} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

main().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`${(error as Error).stack ?? error}\n`);
    process.exit(1);
  },
);
