/**
 * Verbs users swap for the one the catalog uses (`remove` where the catalog says `delete`,
 * `modify` for `update`): suggestions that no edit distance finds. Only a guess about what was
 * meant, so these feed the editor's suggestions and the report, never `--fix`. Pure.
 */
import { Catalog } from './catalog';

// Each group: words people use for the same action. A word is offered as a replacement only where
// the catalog really uses it (see `verbsUsedBy`).
const SYNONYMS: readonly (readonly string[])[] = [
  ['delete', 'remove', 'del', 'destroy', 'drop', 'deletion'],
  ['create', 'add', 'register', 'new', 'creation', 'addition'],
  ['update', 'modify', 'change', 'edit', 'set', 'modification'],
  ['start', 'begin', 'run', 'launch'],
  ['stop', 'halt'],
  ['enable', 'activate'],
  ['disable', 'deactivate'],
  ['get', 'read', 'view', 'retrieve', 'fetch'],
  ['restore', 'recover'],
  ['attach', 'connect', 'mount'],
  ['detach', 'disconnect', 'unmount'],
  ['cancel', 'abort'],
];

const GROUP_OF = new Map<string, readonly string[]>();
for (const group of SYNONYMS) for (const word of group) GROUP_OF.set(word, group);

const usedWords = new WeakMap<Catalog, Set<string>>();

/** The words (split on `_`) of the last segments of the catalog's events, computed once per catalog. */
function verbsUsedBy(catalog: Catalog): Set<string> {
  let words = usedWords.get(catalog);
  if (!words) {
    words = new Set<string>();
    for (const event of catalog.events) for (const word of event.segments[event.segments.length - 1].split('_')) words.add(word);
    usedWords.set(catalog, words);
  }
  return words;
}

/**
 * Catalog IDs that differ from `id` only by a synonym of one word of its last segment
 * (`event_id.iaas.instance.remove` -> `event_id.iaas.instance.delete`), in catalog order of the
 * synonym groups; empty when none exists.
 */
export function verbSynonymIds(id: string, catalog: Catalog): string[] {
  const dot = id.lastIndexOf('.');
  if (dot < 0) return [];
  const head = id.slice(0, dot + 1);
  const words = id.slice(dot + 1).split('_');
  const used = verbsUsedBy(catalog);
  const found: string[] = [];
  words.forEach((word, index) => {
    const group = GROUP_OF.get(word.toLowerCase());
    if (!group) return;
    for (const synonym of group) {
      if (synonym === word || !used.has(synonym)) continue;
      const candidate = head + [...words.slice(0, index), synonym, ...words.slice(index + 1)].join('_');
      const event = catalog.get(candidate);
      if (event && catalog.inEdition(event) && !found.includes(candidate)) found.push(candidate);
    }
  });
  return found;
}
