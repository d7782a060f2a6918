/**
 * The "CloudTrail Events" catalog view: service -> resource -> event, built
 * from the catalog the server sends (CatalogRequest), so the tree shows exactly
 * what the server validates against. Re-fetched when the server restarts or
 * says its catalog changed.
 */
import * as vscode from 'vscode';
import type { CatalogEventInfo, CatalogInfo, UsageCounts } from '../../shared/protocol';
import {
  buildCatalogTree,
  eventLabel,
  ServiceLanguage,
  serviceLanguageFor,
  CatalogNode,
  CatalogTree,
  childrenOf,
  eventTooltipMarkdown,
  EventNode,
  highlightsOf,
  parentOf,
  TooltipLabels,
} from './catalogModel';
import { CATALOG_VIEW_ID } from './commandIds';
import { LanguageServer } from './languageClient';
import { EVENT_URI_SCHEME, usageBadge, usageCount, usedEventCount, usedIn } from './usageModel';

export const VIEW_ID = CATALOG_VIEW_ID;
/** Context keys read by `when` clauses in package.json (viewsWelcome, view/title). */
const STATE_KEY = 'cloudtrailEvents.catalogState';
const FILTERED_KEY = 'cloudtrailEvents.catalogFiltered';
const USED_ONLY_KEY = 'cloudtrailEvents.usedOnly';

/** loading: waiting for the server; ready/empty: loaded; stopped: no server; error: the request failed. */
export type CatalogState = 'loading' | 'ready' | 'empty' | 'stopped' | 'error';

export interface FilterResult {
  query: string;
  shown: number;
  total: number;
  /** True while only events used in the workspace are shown. */
  usedOnly?: boolean;
}

export class CatalogTreeProvider implements vscode.TreeDataProvider<CatalogNode>, vscode.FileDecorationProvider, vscode.Disposable {
  private info: CatalogInfo | undefined;
  private tree: CatalogTree = buildCatalogTree([]);
  private query = '';
  private usedOnly = false;
  /** Service groups labelled with NHN's Korean or English headings; starts with the display language. */
  private serviceLanguage: ServiceLanguage = serviceLanguageFor(vscode.env.language);
  private usages: UsageCounts | undefined;
  /** Bumped on every usage fetch, like `generation` for the catalog. */
  private usageGeneration = 0;
  private state: CatalogState = 'loading';
  /** Bumped on every fetch, so an old answer never overwrites a newer one. */
  private generation = 0;
  private waiters: (() => void)[] = [];
  private readonly changeEmitter = new vscode.EventEmitter<CatalogNode | undefined>();
  private readonly decorationsEmitter = new vscode.EventEmitter<undefined>();
  /** Fires when usage counts change: VS Code then asks for every event row's badge again. */
  readonly onDidChangeFileDecorations = this.decorationsEmitter.event;
  private readonly disposables: vscode.Disposable[] = [];
  readonly onDidChangeTreeData = this.changeEmitter.event;
  readonly view: vscode.TreeView<CatalogNode>;

  constructor(private readonly server: LanguageServer) {
    this.view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: this, showCollapseAll: true });
    this.disposables.push(
      this.view,
      this.changeEmitter,
      this.decorationsEmitter,
      vscode.window.registerFileDecorationProvider(this),
      server.onDidChangeState((state) => {
        if (state === 'running') {
          void this.refresh();
          void this.refreshUsages();
        } else this.setState(state === 'starting' ? 'loading' : 'stopped');
      }),
      server.onDidChangeCatalog((version) => {
        if (version !== this.info?.version) void this.refresh();
      }),
      server.onDidChangeUsages((version) => {
        if (version !== this.usages?.version) void this.refreshUsages();
      }),
    );
    void vscode.commands.executeCommand('setContext', USED_ONLY_KEY, false);
    // The server is started right after the view is created; until it answers, the view says it is loading.
    this.setState('loading');
    if (server.state === 'running') {
      void this.refresh();
      void this.refreshUsages();
    }
  }

  /** Fetches the usage counts from the server's workspace index and redraws the tree. */
  async refreshUsages(): Promise<void> {
    const generation = ++this.usageGeneration;
    try {
      const usages = await this.server.usages();
      if (generation !== this.usageGeneration) return;
      this.usages = usages;
    } catch (error) {
      if (generation !== this.usageGeneration) return;
      this.server.output.appendLine(`[client] Loading usage counts failed: ${error instanceof Error ? error.message : String(error)}`);
      this.usages = undefined;
    }
    this.decorationsEmitter.fire(undefined);
    // Rebuilt even without the filter: tooltips and screen-reader labels carry the count too.
    this.rebuild();
  }

  /** The usage badge of an event row (its `resourceUri` is `cloudtrail-event:<id>`). */
  provideFileDecoration(uri: vscode.Uri): vscode.FileDecoration | undefined {
    if (uri.scheme !== EVENT_URI_SCHEME) return undefined;
    const uses = this.usageOf(uri.path);
    const badge = usageBadge(uses);
    return badge ? new vscode.FileDecoration(badge, vscode.l10n.t('Used {0} times in this workspace', uses)) : undefined;
  }

  /** The `resourceUri` of an event row, which carries its usage badge. */
  static eventUri(id: string): vscode.Uri {
    return vscode.Uri.from({ scheme: EVENT_URI_SCHEME, path: id });
  }

  /** The usage counts last received (undefined before the server answered). */
  get usageCounts(): UsageCounts | undefined {
    return this.usages;
  }

  /** How often the workspace uses an event (0 when unused or not known yet). */
  usageOf(id: string): number {
    return usageCount(this.usages, id);
  }

  get showsUsedOnly(): boolean {
    return this.usedOnly;
  }

  /** Shows only the events used in this workspace (true) or all events (false); combines with the search filter. */
  /** Switches the service groups between Korean and English headings; returns the new language. */
  toggleServiceLanguage(): ServiceLanguage {
    this.serviceLanguage = this.serviceLanguage === 'ko' ? 'en' : 'ko';
    this.rebuild();
    return this.serviceLanguage;
  }

  setUsedOnly(usedOnly: boolean): FilterResult {
    this.usedOnly = usedOnly;
    void vscode.commands.executeCommand('setContext', USED_ONLY_KEY, usedOnly);
    this.rebuild();
    return this.filterResult();
  }

  /** Fetches the catalog from the server and redraws the tree. */
  async refresh(): Promise<void> {
    const generation = ++this.generation;
    this.setState('loading');
    try {
      const info = await this.server.catalog();
      if (generation !== this.generation) return;
      this.info = info;
      this.rebuild();
      this.setState(info.events.length ? 'ready' : 'empty');
    } catch (error) {
      if (generation !== this.generation) return;
      this.server.output.appendLine(`[client] Loading the catalog failed: ${error instanceof Error ? error.message : String(error)}`);
      this.info = undefined;
      this.rebuild();
      this.setState(this.server.state === 'stopped' ? 'stopped' : 'error');
    }
  }

  /** Resolves once the catalog is loaded or known to be unavailable. */
  whenSettled(): Promise<CatalogState> {
    if (this.state !== 'loading') return Promise.resolve(this.state);
    return new Promise((resolve) => this.waiters.push(() => resolve(this.state)));
  }

  get catalogState(): CatalogState {
    return this.state;
  }

  /** Every event of the catalog, whatever the filter. */
  get events(): readonly CatalogEventInfo[] {
    return this.info?.events ?? [];
  }

  get filter(): string {
    return this.query;
  }

  /** Shows only events whose description, ID or name contains `query`; '' shows all. */
  setFilter(query: string): FilterResult {
    this.query = query.trim();
    this.rebuild();
    return this.filterResult();
  }

  private filterResult(): FilterResult {
    return { query: this.tree.query, shown: this.tree.shown, total: this.tree.total, usedOnly: this.usedOnly };
  }

  /** How many events a filter would show (for live feedback while typing it). */
  countMatches(query: string): number {
    return buildCatalogTree(this.events, this.info?.services, query, this.keep(), this.serviceLanguage).shown;
  }

  /** The tree node of an event, clearing the filter when it hides the event. */
  nodeFor(id: string): EventNode | undefined {
    let node = this.tree.find(id);
    if (!node && (this.query || this.usedOnly) && this.events.some((event) => event.id === id)) {
      this.query = '';
      this.setUsedOnly(false);
      node = this.tree.find(id);
    }
    return node;
  }

  /** Shows, selects and focuses an event in the view; false when the catalog has no such event. */
  async reveal(id: string): Promise<boolean> {
    const node = this.nodeFor(id);
    if (!node) return false;
    await this.view.reveal(node, { select: true, focus: true, expand: true });
    return true;
  }

  getTreeItem(node: CatalogNode): vscode.TreeItem {
    const expanded = this.tree.filtered ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed;
    switch (node.kind) {
      case 'service': {
        const item = new vscode.TreeItem(node.label, expanded);
        item.id = node.key;
        item.description = String(node.count);
        item.iconPath = new vscode.ThemeIcon('cloud');
        item.contextValue = 'service';
        item.tooltip = vscode.l10n.t('{0}: {1} events', node.label, node.count);
        item.accessibilityInformation = { label: vscode.l10n.t('Service {0}, {1} events', node.label, node.count) };
        return item;
      }
      case 'resource': {
        const count = node.events.length;
        const item = new vscode.TreeItem(node.label, expanded);
        item.id = node.key;
        item.description = String(count);
        item.iconPath = new vscode.ThemeIcon('symbol-namespace');
        item.contextValue = 'resource';
        item.tooltip = vscode.l10n.t('{0} › {1}: {2} events', node.parent.label, node.label, count);
        item.accessibilityInformation = { label: vscode.l10n.t('Resource {0}, {1} events', node.label, count) };
        return item;
      }
      case 'event': {
        const { event } = node;
        const text = eventLabel(event, vscode.env.language);
        const label: vscode.TreeItemLabel = { label: text, highlights: highlightsOf(text, this.tree.query) };
        const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
        const uses = this.usageOf(event.id);
        item.id = node.key;
        item.description = event.id;
        item.resourceUri = CatalogTreeProvider.eventUri(event.id);
        item.iconPath = new vscode.ThemeIcon(event.deprecated === undefined ? 'symbol-event' : 'warning');
        item.contextValue = 'event';
        const usesText = uses ? vscode.l10n.t('Used {0} times in this workspace', uses) : undefined;
        const tooltip = new vscode.MarkdownString(eventTooltipMarkdown(event, tooltipLabels()) + (usesText ? `\n\n$(references) ${usesText}` : ''));
        tooltip.supportThemeIcons = true;
        item.tooltip = tooltip;
        const accessible =
          event.deprecated === undefined ? `${event.description}, ${event.id}` : vscode.l10n.t('{0}, {1}, deprecated', event.description, event.id);
        item.accessibilityInformation = { label: usesText ? `${accessible}, ${usesText}` : accessible };
        return item;
      }
    }
  }

  getChildren(node?: CatalogNode): CatalogNode[] {
    return childrenOf(this.tree, node);
  }

  getParent(node: CatalogNode): CatalogNode | undefined {
    return parentOf(node);
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
    this.settle();
  }

  private rebuild(): void {
    this.tree = buildCatalogTree(this.events, this.info?.services, this.query, this.keep(), this.serviceLanguage);
    void vscode.commands.executeCommand('setContext', FILTERED_KEY, this.tree.query !== '');
    this.updateMessage();
    this.changeEmitter.fire(undefined);
  }

  private setState(state: CatalogState): void {
    this.state = state;
    void vscode.commands.executeCommand('setContext', STATE_KEY, state);
    this.updateMessage();
    if (state !== 'loading') this.settle();
  }

  private settle(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const resolve of waiters) resolve();
  }

  private keep() {
    return this.usedOnly ? usedIn(this.usages) : undefined;
  }

  /** TreeView.message carries the loading state and the active filters; viewsWelcome covers empty and stopped. */
  private updateMessage(): void {
    const { query, shown, total } = this.tree;
    const used = this.usages && this.usages.state !== 'disabled' ? usedEventCount(this.events, this.usages) : undefined;
    this.view.description =
      this.info && this.state === 'ready' ? (used === undefined ? vscode.l10n.t('{0} events', total) : vscode.l10n.t('{0} events, {1} used', total, used)) : undefined;
    if (this.state === 'loading') this.view.message = vscode.l10n.t('Loading catalog…');
    else if (this.state !== 'ready') this.view.message = undefined;
    else if (this.usedOnly) this.view.message = this.usedOnlyMessage(query, shown);
    else if (query && shown === 0) this.view.message = vscode.l10n.t('No events match “{0}”.', this.query);
    else if (query) this.view.message = vscode.l10n.t('Filter “{0}”: {1} of {2} events', this.query, shown, total);
    else this.view.message = undefined;
  }

  private usedOnlyMessage(query: string, shown: number): string {
    if (this.usages?.state === 'disabled') {
      return vscode.l10n.t('The workspace index is off (cloudtrailEvents.workspaceIndex.enabled): only open files are counted.');
    }
    const indexing = this.usages === undefined || this.usages.state === 'indexing';
    if (shown === 0) {
      if (indexing) return vscode.l10n.t('Looking for event IDs in the workspace…');
      return query ? vscode.l10n.t('No event used in this workspace matches “{0}”.', this.query) : vscode.l10n.t('No catalog event is used in this workspace.');
    }
    const text = query
      ? vscode.l10n.t('Used in this workspace, filter “{0}”: {1} events', this.query, shown)
      : vscode.l10n.t('Used in this workspace: {0} events', shown);
    return indexing ? `${text} ${vscode.l10n.t('(still indexing)')}` : text;
  }
}

function tooltipLabels(): TooltipLabels {
  return {
    service: vscode.l10n.t('Service'),
    deprecated: vscode.l10n.t('Deprecated'),
    origin: {
      imported: vscode.l10n.t('From an official list in the settings'),
      user: vscode.l10n.t('Added in the settings (cloudtrailEvents.catalog.extraEvents)'),
    },
  };
}
