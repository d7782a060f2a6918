/**
 * Markdown (or plain text, for editors that cannot render Markdown) for hovers
 * and completion documentation, rendered in one place so every feature
 * describes an event the same way.
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

function otherNames(event: CatalogEvent, locale: string | undefined, m: Markup): string[] {
  return namesInOrder(event, locale).map(([lang, name]) => `${name} ${m.italic(`(${LANGUAGE_NAMES[lang] ?? lang})`)}`);
}

/** One line for lists (completion detail): the Korean description, then the other languages' names. */
export function eventTitle(event: CatalogEvent, locale?: string): string {
  return [event.description, ...namesInOrder(event, locale).map(([, name]) => name)].join(' · ');
}

/** How text is marked up: Markdown, or plain text for clients that show markup verbatim (Vim's ALE, eglot's echo area). */
export type TextFormat = 'markdown' | 'plaintext';

interface Markup {
  bold(text: string): string;
  italic(text: string): string;
  code(text: string): string;
  /** Between paragraphs: a blank line in Markdown; plain text keeps each item on its own line instead. */
  paragraph: string[];
}

const MARKUP: Record<TextFormat, Markup> = {
  markdown: { bold: (t) => `**${t}**`, italic: (t) => `_${t}_`, code: (t) => `\`${t.replace(/`/g, '')}\``, paragraph: [''] },
  plaintext: { bold: (t) => t, italic: (t) => t, code: (t) => t, paragraph: [] },
};

/**
 * The full description of an event: Korean description in bold, other names, service, ID, shared
 * descriptions. `retired`: a built-in event the imported official list leaves out.
 */
export function eventMarkdown(event: CatalogEvent, catalog: Catalog, locale?: string, retired = false, format: TextFormat = 'markdown'): string {
  const l = LABELS[uiLanguageOf(locale)];
  const m = MARKUP[format];
  const lines = [m.bold(event.description)];
  const add = (line: string) => lines.push(...m.paragraph, line);
  if (retired) add(m.italic(l.retired));
  for (const name of otherNames(event, locale, m)) add(name);
  add(`${l.service}: ${event.service}`);
  add(m.code(event.id));
  const siblings = catalog.sharingDescription(event);
  if (siblings.length > 0) add(`${l.sameDescription}: ${siblings.map((s) => m.code(s.id)).join(', ')}`);
  if (event.deprecated) add(`${m.bold(l.deprecated)}: ${event.deprecated}`);
  if (event.origin === 'user') add(m.italic(l.custom));
  return lines.join('\n');
}

/** A namespace, prefix or wildcard: how many events it covers and the first few. */
export function coverageMarkdown(pattern: string, covers: readonly CatalogEvent[], locale?: string, format: TextFormat = 'markdown'): string {
  const l = LABELS[uiLanguageOf(locale)];
  const m = MARKUP[format];
  const lines = [`${m.code(pattern)} ${l.matches(covers.length)}`, ...m.paragraph];
  for (const event of covers.slice(0, HOVER_LIST_LIMIT)) lines.push(`- ${m.code(event.id)} ${event.description}`);
  if (covers.length > HOVER_LIST_LIMIT) lines.push(`- ${l.more(covers.length - HOVER_LIST_LIMIT)}`);
  return lines.join('\n');
}
