/**
 * The "CloudTrail Events" catalog view: service -> resource -> event, built
 * from the catalog the server sends (CatalogRequest), so the tree shows exactly
 * what the server validates against. Re-fetched when the server restarts or
 * says its catalog changed.
 */
import * as vscode from 'vscode';
import type { CatalogEventInfo, CatalogInfo } from '../../server/src/protocol';
import {
  buildCatalogTree,
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

export const VIEW_ID = CATALOG_VIEW_ID;
/** Context keys read by `when` clauses in package.json (viewsWelcome, view/title). */
const STATE_KEY = 'cloudtrailEvents.catalogState';
const FILTERED_KEY = 'cloudtrailEvents.catalogFiltered';

/** loading: waiting for the server; ready/empty: loaded; stopped: no server; error: the request failed. */
export type CatalogState = 'loading' | 'ready' | 'empty' | 'stopped' | 'error';

export interface FilterResult {
  query: string;
  shown: number;
  total: number;
}

export class CatalogTreeProvider implements vscode.TreeDataProvider<CatalogNode>, vscode.Disposable {
  private info: CatalogInfo | undefined;
  private tree: CatalogTree = buildCatalogTree([]);
  private query = '';
  private state: CatalogState = 'loading';
  /** Bumped on every fetch, so an old answer never overwrites a newer one. */
  private generation = 0;
  private waiters: (() => void)[] = [];
  private readonly changeEmitter = new vscode.EventEmitter<CatalogNode | undefined>();
  private readonly disposables: vscode.Disposable[] = [];
  readonly onDidChangeTreeData = this.changeEmitter.event;
  readonly view: vscode.TreeView<CatalogNode>;

  constructor(private readonly server: LanguageServer) {
    this.view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: this, showCollapseAll: true });
    this.disposables.push(
      this.view,
      this.changeEmitter,
      server.onDidChangeState((state) => {
        if (state === 'running') void this.refresh();
        else this.setState(state === 'starting' ? 'loading' : 'stopped');
      }),
      server.onDidChangeCatalog((version) => {
        if (version !== this.info?.version) void this.refresh();
      }),
    );
    // The server is started right after the view is created; until it answers, the view says it is loading.
    this.setState('loading');
    if (server.state === 'running') void this.refresh();
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
    return { query: this.tree.query, shown: this.tree.shown, total: this.tree.total };
  }

  /** How many events a filter would show (for live feedback while typing it). */
  countMatches(query: string): number {
    return buildCatalogTree(this.events, this.info?.services, query).shown;
  }

  /** The tree node of an event, clearing the filter when it hides the event. */
  nodeFor(id: string): EventNode | undefined {
    let node = this.tree.find(id);
    if (!node && this.query && this.events.some((event) => event.id === id)) {
      this.setFilter('');
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
    const expanded = this.tree.query ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed;
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
        const label: vscode.TreeItemLabel = { label: event.description, highlights: highlightsOf(event.description, this.tree.query) };
        const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
        item.id = node.key;
        item.description = event.id;
        item.iconPath = new vscode.ThemeIcon(event.deprecated === undefined ? 'symbol-event' : 'warning');
        item.contextValue = 'event';
        const tooltip = new vscode.MarkdownString(eventTooltipMarkdown(event, tooltipLabels()));
        tooltip.supportThemeIcons = true;
        item.tooltip = tooltip;
        item.accessibilityInformation = {
          label:
            event.deprecated === undefined
              ? `${event.description}, ${event.id}`
              : vscode.l10n.t('{0}, {1}, deprecated', event.description, event.id),
        };
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
    this.tree = buildCatalogTree(this.events, this.info?.services, this.query);
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

  /** TreeView.message carries the loading state and the active filter; viewsWelcome covers empty and stopped. */
  private updateMessage(): void {
    const { query, shown, total } = this.tree;
    this.view.description = this.info && this.state === 'ready' ? vscode.l10n.t('{0} events', total) : undefined;
    if (this.state === 'loading') this.view.message = vscode.l10n.t('Loading catalog…');
    else if (this.state !== 'ready') this.view.message = undefined;
    else if (query && shown === 0) this.view.message = vscode.l10n.t('No events match “{0}”.', this.query);
    else if (query) this.view.message = vscode.l10n.t('Filter “{0}”: {1} of {2} events', this.query, shown, total);
    else this.view.message = undefined;
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
