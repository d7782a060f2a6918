/**
 * The problems of a document: unknown IDs and patterns that match nothing,
 * with their suggestions, minus what suppression comments silence. The editor's
 * diagnostics and the CLI's findings both come from here, so they agree.
 */
import { Finding, findIds } from './analyze';
import { Catalog } from './catalog';
import { readSuppression } from './suppression';
import { suggest, suggestNamespace } from './suggest';

export const ProblemCodes = {
  unknownId: 'unknown-event-id',
  unmatchedPattern: 'unmatched-event-pattern',
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

/** Problems among already computed findings (the editor caches findings per version). */
export function problemsOf(text: string, findings: readonly Finding[], catalog: Catalog): Problem[] {
  const unknown = findings.filter((f) => f.kind === 'unknown');
  if (unknown.length === 0) return [];
  const suppression = readSuppression(text);
  return unknown.filter((f) => !suppression.isSuppressed(f.start)).map((f) => problemOf(f, catalog));
}

/** Problems of a document from scratch. */
export function findProblems(text: string, languageId: string, catalog: Catalog): Problem[] {
  return problemsOf(text, findIds(text, languageId, catalog), catalog);
}
