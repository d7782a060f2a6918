/**
 * What `--fix` changes in a text: each unknown ID the fix policy corrects
 * (`core/fixPolicy.ts`), and nothing else, so every other character (BOM, line
 * endings, comments in any script) stays as it was.
 */
import { Catalog } from '../core/catalog';
import { IsKnownId, safeCorrection } from '../core/fixPolicy';
import { Problem, ProblemCodes } from '../core/problems';

export interface FixedText {
  text: string;
  /** The problems the new text no longer has. */
  fixed: Problem[];
}

export function fixText(text: string, problems: readonly Problem[], catalog: Catalog, isKnown: IsKnownId): FixedText {
  const corrections = problems.flatMap((problem) => {
    const correction = problem.code === ProblemCodes.unknownId && !problem.informational ? safeCorrection(problem.text, catalog, isKnown) : undefined;
    return correction === undefined ? [] : [{ problem, correction }];
  });
  let fixed = '';
  let at = 0;
  for (const { problem, correction } of [...corrections].sort((a, b) => a.problem.start - b.problem.start)) {
    fixed += text.slice(at, problem.start) + correction;
    at = problem.end;
  }
  return { text: fixed + text.slice(at), fixed: corrections.map((c) => c.problem) };
}
