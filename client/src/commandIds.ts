/**
 * Every command the extension contributes, declared once. Free of VS Code so
 * the manifest test can check package.json against it; commands.ts must give
 * each one a handler (its table is typed by this list).
 */
export const COMMAND_IDS = [
  'cloudtrailEvents.insertEventId',
  'cloudtrailEvents.insertEvent',
  'cloudtrailEvents.copyEventId',
  'cloudtrailEvents.revealInCatalog',
  'cloudtrailEvents.searchCatalog',
  'cloudtrailEvents.clearSearch',
  'cloudtrailEvents.restartServer',
  'cloudtrailEvents.showOutput',
  'cloudtrailEvents.importOfficialList',
  'cloudtrailEvents.findUsages',
  'cloudtrailEvents.showUsedOnly',
  'cloudtrailEvents.showAllEvents',
  'cloudtrailEvents.toggleServiceLanguage',
] as const;

export type CommandId = (typeof COMMAND_IDS)[number];

/** The tree view, as named in package.json (contributes.views). */
export const CATALOG_VIEW_ID = 'cloudtrailEvents.catalog';
