/**
 * User additions to the catalog: events NHN Cloud has not published yet, and
 * built-in events marked deprecated. They come from a workspace file
 * (`.cloudtrail-events.json`, validated against catalog/schema/) and from the
 * `cloudtrailEvents.catalog.extraEvents` setting, in the same entry format:
 *
 *   { "id": "event_id.iaas.flow_log.create", "description": "플로우 로그 생성", "service": "기본 인프라 서비스" }
 *   { "id": "event_id.iaas.instance.update", "deprecated": "Use event_id.iaas.instance.modify" }
 *
 * A bad entry is reported with its line and skipped; the others still apply.
 */
import { isValidEventId } from './catalogParser';
import { JsonSyntaxError, parseJsonWithPositions } from './jsonPositions';
import { lineOf, lineStarts, quoteExcerpt } from './lines';

export const USER_CATALOG_FILE = '.cloudtrail-events.json';

export interface UserEntry {
  id: string;
  description?: string;
  service?: string;
  deprecated?: string;
}

export interface UserProblem {
  /** 1-based line in the file; 0 for a setting or the whole file. */
  line: number;
  message: string;
}

/** Checks one entry; returns it cleaned or a message saying what is wrong. */
export function validateEntry(raw: unknown): UserEntry | string {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return 'an entry must be an object { "id", "description", "service"? } or { "id", "deprecated" }';
  const entry = raw as Record<string, unknown>;
  const known = new Set(['id', 'description', 'service', 'deprecated']);
  const extra = Object.keys(entry).filter((k) => !known.has(k));
  if (extra.length) return `unknown property ${quoteExcerpt(extra[0])} (allowed: id, description, service, deprecated)`;
  // Own properties only: what an entry inherits is not something the file says.
  const [id, description, service, deprecated] = ['id', 'description', 'service', 'deprecated'].map((k) => (Object.hasOwn(entry, k) ? entry[k] : undefined));
  if (typeof id !== 'string' || !id) return '"id" must be a non-empty string';
  if (!isValidEventId(id)) {
    return `"id" ${quoteExcerpt(id)} is not an event ID: it must start with "event_id." and use only A-Z, a-z, 0-9, "_", "." and "-"`;
  }
  if (description !== undefined && (typeof description !== 'string' || !description.trim())) return '"description" must be a non-empty string';
  if (service !== undefined && (typeof service !== 'string' || !service.trim())) return '"service" must be a non-empty string';
  if (deprecated !== undefined && typeof deprecated !== 'string' && deprecated !== true) return '"deprecated" must be true or a message saying what to use instead';
  if (description === undefined && deprecated === undefined) return 'an entry needs a "description" (a new event) or "deprecated" (marking an existing one)';
  return {
    id,
    description: description as string | undefined,
    service: service as string | undefined,
    deprecated: deprecated === true ? 'Deprecated.' : (deprecated as string | undefined),
  };
}

/** Parses the text of a `.cloudtrail-events.json` file. */
export function parseUserCatalog(text: string): { entries: UserEntry[]; problems: UserProblem[] } {
  const starts = lineStarts(text);
  const lineOfOffset = (offset: number) => lineOf(starts, offset) + 1;
  let parsed;
  try {
    parsed = parseJsonWithPositions(text);
  } catch (error) {
    const offset = error instanceof JsonSyntaxError ? error.offset : 0;
    return { entries: [], problems: [{ line: lineOfOffset(offset), message: `not valid JSON: ${(error as Error).message}` }] };
  }
  const root = parsed.value as Record<string, unknown>;
  const events = root && typeof root === 'object' && !Array.isArray(root) && Object.hasOwn(root, 'events') ? root.events : undefined;
  if (!Array.isArray(events)) {
    return { entries: [], problems: [{ line: 1, message: 'expected an object with an "events" array' }] };
  }
  const entries: UserEntry[] = [];
  const problems: UserProblem[] = [];
  events.forEach((raw, index) => {
    const checked = validateEntry(raw);
    const line = lineOfOffset(parsed.offsets.get(`events[${index}]`) ?? 0);
    if (typeof checked === 'string') problems.push({ line, message: `events[${index}]: ${checked}` });
    else entries.push(checked);
  });
  return { entries, problems };
}
