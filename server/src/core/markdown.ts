/**
 * Markdown for hovers and completion documentation, rendered in one place so
 * every feature describes an event the same way.
 */
import { Catalog, CatalogEvent } from './catalog';

/** How many events a namespace or wildcard hover lists before "and N more". */
export const HOVER_LIST_LIMIT = 15;

const LABELS = {
  en: { service: 'Service', sameDescription: 'Same description as', matches: (n: number) => `matches ${n} event${n === 1 ? '' : 's'}`, more: (n: number) => `… and ${n} more`, deprecated: 'Deprecated', custom: 'Added by your catalog', retired: 'Not in the imported event list (built-in catalog only)' },
  ko: { service: '서비스', sameDescription: '같은 설명의 이벤트', matches: (n: number) => `이벤트 ${n}개와 일치`, more: (n: number) => `… 외 ${n}개`, deprecated: '사용 중단', custom: '사용자 카탈로그에서 추가됨', retired: '가져온 이벤트 목록에 없음 (기본 카탈로그에만 있음)' },
};
export type UiLanguage = keyof typeof LABELS;

/** Picks the labels for a VS Code UI language (`ko`, `ko-KR` -> Korean; anything else English). */
export const uiLanguageOf = (locale: string | undefined): UiLanguage => (locale?.toLowerCase().startsWith('ko') ? 'ko' : 'en');

const LANGUAGE_NAMES: Record<string, string> = { en: 'English', ja: '日本語', zh: '中文', ko: '한국어' };

/** Names in other languages (not repeating the description), UI language first. */
function namesInOrder(event: CatalogEvent, locale: string | undefined): Array<[string, string]> {
  const names = Object.entries(event.names ?? {}).filter(([, name]) => name !== event.description);
  const preferred = locale?.slice(0, 2).toLowerCase();
  return names.sort(([a], [b]) => Number(b === preferred) - Number(a === preferred));
}

function otherNames(event: CatalogEvent, locale: string | undefined): string[] {
  return namesInOrder(event, locale).map(([lang, name]) => `${escapeMarkdown(name)} _(${escapeMarkdown(LANGUAGE_NAMES[lang] ?? lang)})_`);
}

/** One line for lists (completion detail): the Korean description, then the other languages' names. */
export function eventTitle(event: CatalogEvent, locale?: string): string {
  return [event.description, ...namesInOrder(event, locale).map(([, name]) => name)].join(' · ');
}

const code = (text: string) => `\`${text.replace(/`/g, '')}\``;

/**
 * Text from a list or a user catalog (descriptions, services, deprecation notes) as literal
 * Markdown: a repository's `.cloudtrail-events.json` or `extraEvents` must not put links, images,
 * HTML, emphasis or headings into a hover. The characters that open those are backslash-escaped;
 * so are `:` and the dot of `www.`, or a bare URL would still become a link; line breaks become
 * spaces. Parentheses, dots and dashes stay as written: escaped, they only clutter plain-text hovers.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\r\n\u2028\u2029]+/g, ' ')
    .replace(/[\\`*_{}[\]<>#|~&:]/g, (c) => `\\${c}`)
    .replace(/(www)\./gi, '$1\\.');
}

/**
 * The full description of an event: Korean description in bold, other names, service, ID, shared
 * descriptions. `retired`: a built-in event the imported official list leaves out.
 */
export function eventMarkdown(event: CatalogEvent, catalog: Catalog, locale?: string, retired = false): string {
  const l = LABELS[uiLanguageOf(locale)];
  const lines = [`**${escapeMarkdown(event.description)}**`];
  if (retired) lines.push('', `_${l.retired}_`);
  for (const name of otherNames(event, locale)) lines.push('', name);
  lines.push('', `${l.service}: ${escapeMarkdown(event.service)}`, '', code(event.id));
  const siblings = catalog.sharingDescription(event);
  if (siblings.length > 0) lines.push('', `${l.sameDescription}: ${siblings.map((s) => code(s.id)).join(', ')}`);
  if (event.deprecated) lines.push('', `**${l.deprecated}**: ${escapeMarkdown(event.deprecated)}`);
  if (event.origin === 'user') lines.push('', `_${l.custom}_`);
  return lines.join('\n');
}

/** A namespace, prefix or wildcard: how many events it covers and the first few. */
export function coverageMarkdown(pattern: string, covers: readonly CatalogEvent[], locale?: string): string {
  const l = LABELS[uiLanguageOf(locale)];
  const lines = [`${code(pattern)} ${l.matches(covers.length)}`, ''];
  for (const event of covers.slice(0, HOVER_LIST_LIMIT)) lines.push(`- ${code(event.id)} ${escapeMarkdown(event.description)}`);
  if (covers.length > HOVER_LIST_LIMIT) lines.push(`- ${l.more(covers.length - HOVER_LIST_LIMIT)}`);
  return lines.join('\n');
}
