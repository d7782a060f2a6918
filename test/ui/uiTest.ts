/**
 * Browser UI test: what a user sees in a real VS Code (code-server 4.100.3 in Debian's headless
 * Chromium, driven by playwright-core) with the packaged .vsix installed. Saves screenshots for
 * the README.
 *
 *   node out/test/ui/uiTest.js [--web] [--vsix dist/cloudtrail-event-ids.vsix] [--screenshots docs/images]
 *
 * `--web` forces the installed extension into the browser's web-worker extension host (the user
 * setting `remote.extensionKind`), as on vscode.dev, and fails if a Node process runs its server.
 *
 * Needs `npm run package` and .ci/provision-vscode.sh. Exits 1 on the first failed step, leaving
 * a screenshot of the moment in the run's temp folder (kept, and named in the output).
 * Selectors: ../../../shared/recipes/real-vscode-offline.md (the lab note) and VS Code 1.100's DOM.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Locator, Page } from 'playwright-core';
import type { BuiltinCatalogData } from '../../server/src/core/builtinData';
import { CodeServer, copyWorkspace, launchChromium, processesRunning, REPO_ROOT, startCodeServer } from '../e2e/codeServer';

const DEMO_FILE = 'auditRules.ts';

/** The tree's service groups as an English display language labels them, in catalog order: NHN's English headings (Korean where the English page lacks the service). */
function serviceHeadings(): string[] {
  const data = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'catalog', 'events.json'), 'utf8')) as BuiltinCatalogData;
  const used = new Set(data.events.map((event) => event.service));
  return data.services.filter((_, i) => used.has(i)).map((service) => service.en ?? service.ko);
}
const STEP_TIMEOUT = 30_000;

interface Args {
  web: boolean;
  vsix: string;
  screenshots: string;
}

function parseArgs(argv: string[]): Args {
  const web = argv.includes('--web');
  argv = argv.filter((arg) => arg !== '--web');
  const args: Args = {
    web,
    vsix: path.join(REPO_ROOT, 'dist', 'cloudtrail-event-ids.vsix'),
    screenshots: path.join(REPO_ROOT, 'docs', 'images'),
  };
  for (let i = 0; i < argv.length; i += 2) {
    const value = argv[i + 1];
    if (value === undefined) throw new Error(`missing value after ${argv[i]}`);
    if (argv[i] === '--vsix') args.vsix = path.resolve(value);
    else if (argv[i] === '--screenshots') args.screenshots = path.resolve(value);
    else throw new Error(`unknown argument ${argv[i]}`);
  }
  return args;
}

/** Monaco renders spaces as U+00A0. */
const normalize = (text: string): string => text.replace(/\u00a0/g, ' ');

/** The text of the editor's visible lines, top to bottom. */
async function editorLines(page: Page): Promise<string[]> {
  const lines = await page.locator('.editor-instance .view-lines .view-line').evaluateAll(elements => elements
    // tsconfig has no DOM lib: the element is typed by the one property read.
    .map(element => ({ top: parseFloat((element as unknown as { style: { top: string } }).style.top || '0'), text: element.textContent ?? '' }))
    .sort((a, b) => a.top - b.top)
    .map(line => line.text));
  return lines.map(normalize);
}

async function waitForLine(page: Page, expected: string): Promise<void> {
  const deadline = Date.now() + STEP_TIMEOUT;
  let lines: string[] = [];
  while (Date.now() < deadline) {
    lines = await editorLines(page);
    if (lines.includes(expected)) return;
    await page.waitForTimeout(100);
  }
  throw new Error(`no editor line reads ${JSON.stringify(expected)}; lines: ${JSON.stringify(lines)}`);
}

/** The innermost span of the editor that holds `text` (the event ID's own token when highlighted). */
function editorToken(page: Page, text: string): Locator {
  return page.locator('.editor-instance .view-line span span').filter({ hasText: text }).last();
}

/** Runs Quick Open and opens a file by name. */
async function openFile(page: Page, name: string): Promise<void> {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(name);
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: name }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator(`.tabs-container .tab[aria-label^="${name}"]`).waitFor();
  await page.locator('.editor-instance .view-line').first().waitFor();
}

/** Clicks into the editor at the end of a token, putting the cursor there. */
async function clickInto(token: Locator): Promise<void> {
  const box = await token.boundingBox();
  if (!box) throw new Error('the token is not visible');
  await token.page().mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

async function screenshot(page: Page, dir: string, name: string): Promise<void> {
  // Widgets fade in: let the last animation finish before the picture.
  await page.waitForTimeout(400);
  await page.screenshot({ path: path.join(dir, name) });
  console.log(`[ui]   saved ${path.relative(REPO_ROOT, path.join(dir, name))}`);
}

type Step = { name: string; run: (page: Page) => Promise<void> };

function steps(shots: string): Step[] {
  return [
    {
      name: 'workbench opens with the extension installed and the demo file open',
      run: async page => {
        await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
        // The extension's activity-bar entry is there once the extension is registered.
        await page.locator('.activitybar .action-item a[aria-label^="CloudTrail Events"]').waitFor({ timeout: 60_000 });
        await openFile(page, DEMO_FILE);
        // A diagnostic decoration proves the language server runs before anything is typed.
        await page.locator('.editor-instance .squiggly-warning').first().waitFor({ timeout: 60_000 });
      },
    },
    {
      name: 'typing event_id.iaas.inst in a string shows the suggest widget with Korean descriptions',
      run: async page => {
        await page.keyboard.press('Control+End');
        await page.keyboard.press('Enter');
        // The closing quote comes from auto-closing; accepting an item must keep it.
        await page.keyboard.type("export const PENDING = '", { delay: 20 });
        await page.keyboard.type('event_id.iaas.inst', { delay: 60 });
        const widget = page.locator('.editor-widget.suggest-widget.visible');
        const row = widget.locator('.monaco-list-row', { hasText: 'event_id.iaas.instance.create' }).first();
        await row.waitFor();
        const rows = await widget.locator('.monaco-list-row').allTextContents();
        if (!rows.some(text => normalize(text).includes('인스턴스'))) {
          throw new Error(`no Korean description in the suggest widget: ${JSON.stringify(rows)}`);
        }
        await screenshot(page, shots, 'completion.png');
        // Narrow to one item and accept it.
        await page.keyboard.type('ance.create', { delay: 40 });
        await widget.locator('.monaco-list-row.focused', { hasText: 'event_id.iaas.instance.create' }).waitFor();
        await page.keyboard.press('Enter');
        await waitForLine(page, "export const PENDING = 'event_id.iaas.instance.create'");
      },
    },
    {
      name: 'hovering an ID shows its Korean description',
      run: async page => {
        const token = editorToken(page, 'instance_action.reboot');
        const box = await token.boundingBox();
        if (!box) throw new Error('event_id.iaas.instance_action.reboot is not visible');
        await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
        const hover = page.locator('.monaco-hover:not(.hidden)').filter({ hasText: '인스턴스 재부팅' });
        await hover.first().waitFor();
        await screenshot(page, shots, 'hover.png');
        await page.mouse.move(5, 400);
        await page.keyboard.press('Escape');
      },
    },
    {
      name: 'the Problems panel lists the typo with its suggestion',
      run: async page => {
        await page.keyboard.press('Control+Shift+M');
        const row = page.locator('.markers-panel .monaco-list-row').filter({ hasText: 'event_id.iaas.instance.craete' });
        await row.first().waitFor();
        const label = (await row.first().getAttribute('aria-label')) ?? (await row.first().textContent()) ?? '';
        if (!label.includes("event_id.iaas.instance.create")) {
          throw new Error(`the problem does not suggest event_id.iaas.instance.create: ${label}`);
        }
        await screenshot(page, shots, 'problems.png');
      },
    },
    {
      name: 'Ctrl+. on the typo offers the fix, and applying it repairs the text',
      run: async page => {
        await clickInto(editorToken(page, 'instance.craete'));
        await page.keyboard.press('Control+.');
        // The preferred fix comes first and has the focus; Enter applies it.
        const fix = page.locator('.action-widget .monaco-list-row.focused').filter({ hasText: "Change to 'event_id.iaas.instance.create'" });
        await fix.waitFor();
        await screenshot(page, shots, 'quickfix.png');
        await page.keyboard.press('Enter');
        await waitForLine(page, "  'event_id.iaas.instance.create': 'info',");
        await page.locator('.markers-panel .monaco-list-row').filter({ hasText: 'craete' }).waitFor({ state: 'detached' });
      },
    },
    {
      name: 'the CloudTrail Events view lists the services in catalog order, first to last; a service and a resource expand to Korean event names',
      run: async page => {
        const headings = serviceHeadings();
        await page.keyboard.press('Control+J'); // hide the panel: more room for the tree
        await page.locator('.activitybar .action-item a[aria-label^="CloudTrail Events"]').click();
        const sidebar = page.locator('#workbench\\.parts\\.sidebar');
        const serviceRow = (heading: string): Locator => sidebar.locator(`.monaco-list-row[aria-label^="Service ${heading},"]`);
        const service = serviceRow('Default Infrastructure Service');
        await service.waitFor();
        const top = await sidebar.locator('.monaco-list-row[data-index="0"]').getAttribute('aria-label');
        if (!top?.startsWith(`Service ${headings[0]},`)) throw new Error(`expected ${headings[0]} first, the view starts with ${top}`);
        // ${headings.length} services do not fit in the view (its rows are virtual): go to the last one and back.
        await sidebar.locator('.monaco-list').first().focus();
        await page.keyboard.press('End');
        await serviceRow(headings[headings.length - 1]).waitFor();
        await page.keyboard.press('Home');
        await service.click();
        const resource = sidebar.locator('.monaco-list-row[aria-label^="Resource instance,"]');
        await resource.click();
        await sidebar.locator('.monaco-list-row', { hasText: '인스턴스 생성 · Create Instance' }).first().waitFor();
        await sidebar.locator('.monaco-list-row', { hasText: 'event_id.iaas.instance.create' }).first().waitFor();
        await screenshot(page, shots, 'tree.png');
      },
    },
  ];
}

async function main(): Promise<number> {
  const started = Date.now();
  const seconds = (): string => `${((Date.now() - started) / 1000).toFixed(1)}s`;
  const args = parseArgs(process.argv.slice(2));
  if (!fs.existsSync(args.vsix)) {
    throw new Error(`${args.vsix} does not exist: run \`npm run package\` first`);
  }
  fs.mkdirSync(args.screenshots, { recursive: true });

  let server: CodeServer | undefined;
  let browser: Awaited<ReturnType<typeof launchChromium>> | undefined;
  let page: Page | undefined;
  let failed = false;
  try {
    server = await startCodeServer({
      name: 'cloudtrail-ui',
      installExtensions: [args.vsix],
      settings: {
        'workbench.colorTheme': 'Default Dark Modern',
        'editor.fontSize': 15,
        'editor.minimap.enabled': false,
        'editor.hover.delay': 300,
        'workbench.secondarySideBar.defaultVisibility': 'hidden',
        'chat.commandCenter.enabled': false,
        'window.commandCenter': false,
        'files.autoSave': 'off',
        ...(args.web ? { 'remote.extensionKind': { 'nhncloud-tools.cloudtrail-event-ids': ['web'] } } : {}),
      },
    });
    console.log(`[ui] code-server with the .vsix installed, ready after ${seconds()}`);
    const workspace = copyWorkspace(path.join(REPO_ROOT, 'test', 'fixtures', 'workspace', 'demo'), server.tmp);
    browser = await launchChromium(server.isolatedEnv);
    const context = await browser.newContext({ viewport: { width: 1440, height: 820 }, deviceScaleFactor: 1 });
    context.setDefaultTimeout(STEP_TIMEOUT);
    page = await context.newPage();
    // In the web worker, no Node process may ever run the installed extension's server.
    const installed = path.join(server.tmp, 'ext');
    const nodeServers = new Set<number>();
    const isServer = (arg: string) => arg.startsWith(installed) && arg.endsWith(path.join('dist', 'server.js'));
    const watcher = args.web ? setInterval(() => processesRunning(isServer).forEach((pid) => nodeServers.add(pid)), 500) : undefined;
    await page.goto(server.workbenchUrl(workspace));
    for (const step of steps(args.screenshots)) {
      const stepStarted = Date.now();
      await step.run(page).catch((error: unknown) => {
        throw new Error(`step "${step.name}": ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
      });
      console.log(`[ui] ✔ ${step.name} (${((Date.now() - stepStarted) / 1000).toFixed(1)}s)`);
    }
    clearInterval(watcher);
    if (nodeServers.size > 0) throw new Error(`a Node process ran the extension's dist/server.js (pids ${[...nodeServers].join(', ')}): it did not run in the web worker`);
    console.log(`[ui] all steps passed in ${seconds()}${args.web ? ' (extension in the web worker)' : ''}`);
    return 0;
  } catch (error) {
    failed = true;
    console.error(`[ui] FAILED after ${seconds()}: ${error instanceof Error ? error.message : String(error)}`);
    if (page && server) {
      const shot = path.join(server.tmp, 'failure.png');
      await page.screenshot({ path: shot }).then(() => console.error(`[ui] screenshot of the failure: ${shot}`), () => undefined);
      console.error(`[ui] code-server log:\n${server.logTail(20)}`);
    }
    return 1;
  } finally {
    await browser?.close().catch(() => undefined);
    // Keep the temp folder (and its failure.png) when a step failed.
    if (failed) process.env.E2E_KEEP_TMP = '1';
    await server?.stop();
  }
}

main().then(code => process.exit(code), (error: unknown) => {
  console.error(`[ui] FAILED: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
