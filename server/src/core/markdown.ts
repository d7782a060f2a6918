/**
 * Markdown (or plain text, for editors that cannot render Markdown) for hovers
 * and completion documentation, rendered in one place so every feature
 * describes an event the same way.
 */
import { Catalog, CatalogEvent } from './catalog';

/** How many events a namespace or wildcard hover lists before "and N more". */
export const HOVER_LIST_LIMIT = 15;

const LABELS = {
  en: {
    service: 'Service',
    editions: 'Editions',
    onlyIn: (editions: string, target: string) => `Listed only in the ${editions} edition(s), not in ${target}`,
    sameDescription: 'Same description as',
    matches: (n: number) => `matches ${n} event${n === 1 ? '' : 's'}`,
    more: (n: number) => `… and ${n} more`,
    deprecated: 'Deprecated',
    custom: 'Added by your catalog',
    retired: 'Not in the imported event list (built-in catalog only)',
    retiredSince: (date: string) => `Retired: no longer in NHN Cloud's event lists (gone by ${date})`,
  },
  ko: {
    service: '서비스',
    editions: '에디션',
    onlyIn: (editions: string, target: string) => `${editions} 에디션에만 있음 (${target} 에디션에는 없음)`,
    sameDescription: '같은 설명의 이벤트',
    matches: (n: number) => `이벤트 ${n}개와 일치`,
    more: (n: number) => `… 외 ${n}개`,
    deprecated: '사용 중단',
    custom: '사용자 카탈로그에서 추가됨',
    retired: '가져온 이벤트 목록에 없음 (기본 카탈로그에만 있음)',
    retiredSince: (date: string) => `더 이상 NHN Cloud 이벤트 목록에 없음 (${date} 기준)`,
  },
};
export type UiLanguage = keyof typeof LABELS;

/** Picks the labels for a VS Code UI language (`ko`, `ko-KR` -> Korean; anything else English). */
export const uiLanguageOf = (locale: string | undefined): UiLanguage => (locale?.toLowerCase().startsWith('ko') ? 'ko' : 'en');

const LANGUAGE_NAMES: Record<string, string> = { en: 'English', ja: '日本語', zh: '中文', ko: '한국어' };

/**
 * The event's name in the UI language beside the Korean one: English, Japanese or Chinese
 * (NHN's Chinese page is mostly English text, so Chinese falls back to English). None for a
 * Korean UI, or when that language's list is not known.
 */
export function localName(event: CatalogEvent, locale: string | undefined): { language: string; name: string } | undefined {
  if (!isOtherLanguage(locale)) return undefined;
  const wanted = locale!.slice(0, 2).toLowerCase();
  const order = wanted === 'zh' ? ['zh', 'en'] : wanted === 'ja' ? ['ja', 'en'] : ['en'];
  for (const language of order) {
    const name = event.names?.[language];
    if (name && name !== event.description) return { language, name };
  }
  return undefined;
}

/** One line for lists (completion detail, the tree): the Korean description, then the UI language's name. */
export function eventTitle(event: CatalogEvent, locale?: string): string {
  const local = localName(event, locale);
  return local ? `${event.description} · ${local.name}` : event.description;
}

/** True for a display language that gets names beside the Korean ones: one that is given and not Korean. */
const isOtherLanguage = (locale: string | undefined) => !!locale && !locale.toLowerCase().startsWith('ko');

/** The service heading, with its English heading beside it for a UI in another language than Korean. */
export function serviceTitle(event: CatalogEvent, locale?: string): string {
  const english = event.serviceEn && event.serviceEn !== event.service && isOtherLanguage(locale) ? event.serviceEn : undefined;
  return english ? `${event.service} (${english})` : event.service;
}

/** How text is marked up: Markdown, or plain text for clients that show markup verbatim (Vim's ALE, eglot's echo area). */
export type TextFormat = 'markdown' | 'plaintext';

interface Markup {
  /** Text from a list or a user catalog, shown literally. */
  text(text: string): string;
  bold(text: string): string;
  italic(text: string): string;
  code(text: string): string;
  /** Between paragraphs: a blank line in Markdown; plain text keeps each item on its own line instead. */
  paragraph: string[];
}

const MARKUP: Record<TextFormat, Markup> = {
  markdown: { text: (t) => escapeMarkdown(t), bold: (t) => `**${t}**`, italic: (t) => `_${t}_`, code: (t) => `\`${t.replace(/`/g, '')}\``, paragraph: [''] },
  plaintext: { text: (t) => t, bold: (t) => t, italic: (t) => t, code: (t) => t, paragraph: [] },
};

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
 * The full description of an event: Korean description in bold, its name in the UI language,
 * service, editions, ID, shared descriptions. `retired`: a built-in event the imported official
 * list leaves out, or a seed event NHN no longer lists.
 */
export function eventMarkdown(event: CatalogEvent, catalog: Catalog, locale?: string, retired = false, format: TextFormat = 'markdown'): string {
  const l = LABELS[uiLanguageOf(locale)];
  const m = MARKUP[format];
  const lines = [m.bold(m.text(event.description))];
  const add = (line: string) => lines.push(...m.paragraph, line);
  const local = localName(event, locale);
  if (local) add(`${m.text(local.name)} ${m.italic(`(${LANGUAGE_NAMES[local.language] ?? local.language})`)}`);
  if (retired) add(m.italic(event.retiredSince ? l.retiredSince(event.retiredSince) : l.retired));
  add(`${l.service}: ${m.text(serviceTitle(event, locale))}`);
  if (event.editions && !catalog.inEdition(event)) add(m.italic(l.onlyIn(event.editions.join(', '), catalog.edition ?? '')));
  // Which editions list it, unless all do (most events): the line would say nothing.
  else if (event.editions && event.editions.length > 1 && event.editions.length < catalog.editionCount) add(`${l.editions}: ${event.editions.join(', ')}`);
  add(m.code(event.id));
  const siblings = catalog.sharingDescription(event);
  if (siblings.length > 0) add(`${l.sameDescription}: ${siblings.map((s) => m.code(s.id)).join(', ')}`);
  if (event.deprecated) add(`${m.bold(l.deprecated)}: ${m.text(event.deprecated)}`);
  if (event.origin === 'user') add(m.italic(l.custom));
  return lines.join('\n');
}

/** A namespace, prefix or wildcard: how many events it covers and the first few. */
export function coverageMarkdown(pattern: string, covers: readonly CatalogEvent[], locale?: string, format: TextFormat = 'markdown'): string {
  const l = LABELS[uiLanguageOf(locale)];
  const m = MARKUP[format];
  const lines = [`${m.code(pattern)} ${l.matches(covers.length)}`, ...m.paragraph];
  for (const event of covers.slice(0, HOVER_LIST_LIMIT)) lines.push(`- ${m.code(event.id)} ${m.text(event.description)}`);
  if (covers.length > HOVER_LIST_LIMIT) lines.push(`- ${l.more(covers.length - HOVER_LIST_LIMIT)}`);
  return lines.join('\n');
}
