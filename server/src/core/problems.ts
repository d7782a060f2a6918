/**
 * The problems of a document: unknown IDs and patterns that match nothing,
 * with their suggestions, minus what suppression comments silence. The editor's
 * diagnostics and the CLI's findings both come from here, so they agree.
 */
import { Finding, findIds } from './analyze';
import { Catalog } from './catalog';
import { readSuppression, Suppression } from './suppression';
import { suggest, suggestNamespace } from './suggest';

export const ProblemCodes = {
  unknownId: 'unknown-event-id',
  unmatchedPattern: 'unmatched-event-pattern',
  deprecated: 'deprecated-event-id',
  notInImportedList: 'not-in-imported-list',
} as const;

export interface Problem {
  start: number;
  end: number;
  code: (typeof ProblemCodes)[keyof typeof ProblemCodes];
  /** The unknown text. */
  text: string;
  message: string;
  /** Suggested IDs, best first (at most 3). */
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

/** The problem for one unknown finding. */
function problemOf(finding: Finding, catalog: Catalog): Problem {
  const pattern = finding.covers !== undefined;
  // An unknown ID with no close ID may be a mistyped namespace (a prefix in a filter).
  const suggestions = pattern ? patternSuggestions(finding.text, catalog) : suggest(finding.text, catalog);
  if (!pattern && suggestions.length === 0) suggestions.push(...suggestNamespace(finding.text, catalog));
  const hint = suggestions.length ? ` Did you mean '${suggestions[0]}'?` : '';
  return {
    start: finding.start,
    end: finding.end,
    code: pattern ? ProblemCodes.unmatchedPattern : ProblemCodes.unknownId,
    text: finding.text,
    message: `${pattern ? `No CloudTrail event matches '${finding.text}'.` : `Unknown CloudTrail event ID '${finding.text}'.`}${hint}`,
    suggestions,
  };
}

/** What the catalog says about a valid ID worth a note: deprecated, or not in the imported list. */
function noteOf(finding: Finding): Problem | undefined {
  const event = finding.event!;
  const base = { start: finding.start, end: finding.end, text: finding.text, suggestions: [], informational: true };
  if (finding.kind === 'retired') {
    return { ...base, code: ProblemCodes.notInImportedList, message: `CloudTrail event ID '${finding.text}' (${event.description}) is not in the imported event list; it is in the built-in catalog only.` };
  }
  if (event.deprecated) {
    return { ...base, code: ProblemCodes.deprecated, deprecated: true, message: `CloudTrail event ID '${finding.text}' (${event.description}) is deprecated: ${event.deprecated}` };
  }
  return undefined;
}

/** Problems among already computed findings (the editor caches findings per version). */
export function problemsOf(text: string, findings: readonly Finding[], catalog: Catalog): Problem[] {
  const problems: Problem[] = [];
  let suppression: Suppression | undefined;
  for (const finding of findings) {
    let problem: Problem | undefined;
    if (finding.kind === 'unknown') problem = problemOf(finding, catalog);
    else if (finding.kind === 'retired' || finding.event?.deprecated) problem = noteOf(finding);
    if (!problem) continue;
    suppression ??= readSuppression(text);
    if (!suppression.isSuppressed(problem.start)) problems.push(problem);
  }
  return problems;
}

/** Problems of a document from scratch. */
export function findProblems(text: string, languageId: string, catalog: Catalog): Problem[] {
  return problemsOf(text, findIds(text, languageId, catalog), catalog);
}
