/**
 * The catalog the server validates against, and its version. Everything that
 * depends on the catalog (diagnostics, the client's tree) follows `version`.
 */
import { Catalog } from './core/catalog';
import { BUILTIN_SOURCE, builtinCatalog } from './core/builtin';

export class CatalogState {
  /** Built on first use, not when the server starts: the initialize answer does not wait for it. */
  private current: Catalog | undefined;
  private currentSources: string[] = [BUILTIN_SOURCE];
  private listeners: Array<() => void> = [];
  version = 1;

  get catalog(): Catalog {
    return (this.current ??= builtinCatalog());
  }

  get sources(): string[] {
    return this.currentSources;
  }

  /** Replaces the catalog; listeners re-validate documents and tell the client. */
  replace(catalog: Catalog, sources: string[]): void {
    this.current = catalog;
    this.currentSources = sources;
    this.version++;
    for (const listener of this.listeners) listener();
  }

  onDidChange(listener: () => void): void {
    this.listeners.push(listener);
  }
}
