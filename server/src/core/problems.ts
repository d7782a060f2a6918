/**
 * The problems of a document: unknown IDs and patterns that match nothing,
 * with their suggestions, minus what suppression comments silence. The editor's
 * diagnostics and the CLI's findings both come from here, so they agree.
 */
import { Finding, findIds } from './analyze';
import { Catalog } from './catalog';
import { repairEventId } from './catalogParser';
import { readSuppression, Suppression } from './suppression';
import { suggest, suggestNamespace } from './suggest';
import { verbSynonymIds } from './verbs';

export const ProblemCodes = {
  unknownId: 'unknown-event-id',
  unmatchedPattern: 'unmatched-event-pattern',
  deprecated: 'deprecated-event-id',
  notInImportedList: 'not-in-imported-list',
  retired: 'retired-event-id',
  notInEdition: 'not-in-edition',
  eventGroup: 'event-group-id',
} as const;

export interface Problem {
  start: number;
  end: number;
  code: (typeof ProblemCodes)[keyof typeof ProblemCodes];
  /** The unknown text. */
  text: string;
  message: string;
  /** Suggested IDs, best first (at most 3, except a group's events and prefix forms). */
  suggestions: string[];
  /** Informational whatever the severity setting: the ID is valid, the catalog says more about it. */
  informational?: boolean;
  /** The ID is deprecated (editors strike it through). */
  deprecated?: boolean;
}

/** Corrections of a pattern that matches nothing: the same wildcard over the closest namespaces. */
function patternSuggestions(pattern: string, catalog: Catalog): string[] {
  const wildcard = /\.[*%]/.exec(pattern);
  if (!wildcard) return [];
  const rest = pattern.slice(wildcard.index);
  return suggestNamespace(pattern.slice(0, wildcard.index), catalog)
    .map((namespace) => namespace + rest)
    .filter((candidate) => catalog.matchWildcard(candidate).length > 0);
}

/** A group of phase events written as an event: name its events; offer each of them and the prefix forms. */
function groupProblemOf(finding: Finding): Problem {
  const events = (finding.covers ?? []).map((e) => e.id);
  return {
    start: finding.start,
    end: finding.end,
    code: ProblemCodes.eventGroup,
    text: finding.text,
    message: `'${finding.text}' is a group of CloudTrail events, not an event: ${events.join(', ')}.`,
    suggestions: [...events, `${finding.text}.`, `${finding.text}.*`],
  };
}

/** The problem for one unknown finding. */
function problemOf(finding: Finding, catalog: Catalog): Problem {
  const pattern = finding.covers !== undefined;
  // An unknown ID with no close ID may be a mistyped namespace (a prefix in a filter).
  const suggestions = pattern ? patternSuggestions(finding.text, catalog) : suggest(finding.text, catalog);
  if (!pattern) {
    // The prefix written twice has one repair; a verb the catalog spells otherwise (remove for
    // delete) is only a guess, offered here but never applied by --fix (see fixPolicy.ts).
    const undoubled = repairEventId(finding.text)?.id;
    if (undoubled && undoubled !== finding.text && catalog.knows(undoubled) && !suggestions.includes(undoubled)) suggestions.unshift(undoubled);
    for (const id of verbSynonymIds(finding.text, catalog)) if (!suggestions.includes(id) && suggestions.length < 3) suggestions.push(id);
  }
  if (!pattern && suggestions.length === 0) suggestions.push(...suggestNamespace(finding.text, catalog));
  const hint = suggestions.length ? ` Did you mean '${suggestions[0]}'?` : '';
  return {
    start: finding.start,
    end: finding.end,
    code: pattern ? ProblemCodes.unmatchedPattern : ProblemCodes.unknownId,
    text: finding.text,
    message: `${pattern ? `No CloudTrail event matches '${finding.text}'.` : `Unknown CloudTrail event ID '${finding.text}'.`}${hint}`,
    suggestions: suggestions.slice(0, 3),
  };
}

/** `gov, ncgn` for messages. */
export const editionList = (editions: readonly string[]) => editions.join(', ');

/** What the catalog says about a valid ID worth a note: deprecated, retired, not in the imported list or the targeted edition. */
function noteOf(finding: Finding, catalog: Catalog): Problem | undefined {
  const event = finding.event!;
  const base = { start: finding.start, end: finding.end, text: finding.text, suggestions: [], informational: true };
  if (finding.kind === 'retired') {
    if (event.retiredSince) {
      return { ...base, code: ProblemCodes.retired, message: `CloudTrail event ID '${finding.text}' (${event.description}) is retired: NHN Cloud's event lists no longer have it (gone by ${event.retiredSince}).` };
    }
    return { ...base, code: ProblemCodes.notInImportedList, message: `CloudTrail event ID '${finding.text}' (${event.description}) is not in the imported event list; it is in the built-in catalog only.` };
  }
  if (!catalog.inEdition(event)) {
    return { ...base, code: ProblemCodes.notInEdition, message: `CloudTrail event ID '${finding.text}' (${event.description}) is listed only in the ${editionList(event.editions ?? [])} edition${event.editions?.length === 1 ? '' : 's'}, not in the ${catalog.edition} edition this workspace targets.` };
  }
  if (event.deprecated) {
    return { ...base, code: ProblemCodes.deprecated, deprecated: true, message: `CloudTrail event ID '${finding.text}' (${event.description}) is deprecated: ${event.deprecated}` };
  }
  return undefined;
}

/**
 * Problems among already computed findings (the editor caches findings per version). A caller
 * that hands over the findings of one document in slices passes the document's `suppression`.
 */
export function problemsOf(text: string, findings: readonly Finding[], catalog: Catalog, suppression: Suppression = readSuppression(text)): Problem[] {
  const problems: Problem[] = [];
  for (const finding of findings) {
    let problem: Problem | undefined;
    if (finding.kind === 'unknown') problem = problemOf(finding, catalog);
    else if (finding.kind === 'group') problem = groupProblemOf(finding);
    else if (finding.event) problem = noteOf(finding, catalog);
    if (!problem) continue;
    if (!suppression.isSuppressed(problem.start)) problems.push(problem);
  }
  return problems;
}

/** Problems of a document from scratch. */
export function findProblems(text: string, languageId: string, catalog: Catalog): Problem[] {
  return problemsOf(text, findIds(text, languageId, catalog), catalog);
}
