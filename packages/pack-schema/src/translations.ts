// Warnings about visitor texts that load but read wrong: a language the pack declares but a text lacks (English is
// shown instead), a language a text carries but the pack does not declare, and Chinese text with stray spaces.
import { LOCALES, REQUIRED_LOCALES, type Locale } from './schema.ts';
import { coded } from './messages/coded.ts';
import type { ReferenceIssue } from './references.ts';

type Path = (string | number)[];

const LOCALE_SET = new Set<string>(LOCALES);
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Every LocalizedText in a validated document, with its path: an object whose keys are all locales, with zh-CN and en
 * among them and text for values. (Narration also has locale keys, but names audio assets: it is not a text.)
 */
export function localizedTexts(value: unknown, path: Path = []): { path: Path; text: Partial<Record<Locale, string>> }[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => localizedTexts(item, [...path, i]));
  if (!isRecord(value)) return [];
  const keys = Object.keys(value);
  const isText =
    REQUIRED_LOCALES.every((l) => typeof value[l] === 'string') &&
    keys.every((k) => (LOCALE_SET.has(k) && typeof value[k] === 'string') || (k === 'child' && isRecord(value[k])));
  if (isText) {
    const { child, ...general } = value;
    // A child version is a text of its own: its languages are checked the same way.
    return [{ path, text: general as Partial<Record<Locale, string>> }, ...(isRecord(child) ? localizedTexts(child, [...path, 'child']) : [])];
  }
  return keys.filter((k) => k !== 'narration').flatMap((k) => localizedTexts(value[k], [...path, k]));
}

/**
 * For each language the pack declares beyond zh-CN and en, every text lacking it; and every text (or narration)
 * carrying a language the pack does not declare.
 */
export function checkTranslations(doc: unknown, locales: readonly Locale[]): ReferenceIssue[] {
  const declared = new Set<string>(locales);
  const extra = locales.filter((l) => !(REQUIRED_LOCALES as readonly string[]).includes(l));
  const issues: ReferenceIssue[] = [];
  const undeclared = (locale: string, path: Path, what: string) =>
    issues.push({
      path: [...path, locale],
      ...coded('text.undeclared-locale', { what, locale }),
    });
  for (const { path, text } of localizedTexts(doc)) {
    for (const locale of extra)
      if (text[locale] === undefined)
        issues.push({ path, ...coded('text.missing-locale', { locale }) });
    for (const locale of Object.keys(text)) if (!declared.has(locale)) undeclared(locale, path, 'a text');
  }
  // A narration in an undeclared language is never offered to a visitor.
  const narration = isRecord(doc) && isRecord(doc.caseCard) && isRecord(doc.caseCard.narration) ? doc.caseCard.narration : {};
  for (const [locale, ref] of Object.entries(narration))
    if (ref !== undefined && !declared.has(locale)) undeclared(locale, ['caseCard', 'narration'], 'a narration');
  return issues;
}

const HAN = '\\p{Script=Han}';
/** CJK and full-width punctuation (、。「」《》，：？！（）…), not the ideographic space U+3000. */
const CJK_PUNCT = '\\u3001-\\u303F\\uFF01-\\uFF0F\\uFF1A-\\uFF20\\uFF3B-\\uFF40\\uFF5B-\\uFF65';
const SPACED = new RegExp(`([${HAN}])[ \\t]+(?=[${HAN}])|([${CJK_PUNCT}])[ \\t]+(?=\\S)`, 'gu');

/**
 * A zh-CN text with a space between two Chinese characters or after Chinese punctuation: what `>-` (or a plain
 * multi-line scalar) makes of Chinese text broken over several lines, since YAML joins the lines with spaces.
 */
export function checkChineseSpacing(doc: unknown): ReferenceIssue[] {
  return localizedTexts(doc).flatMap(({ path, text }) => {
    const zh = text['zh-CN'] ?? '';
    const found = [...zh.matchAll(SPACED)];
    if (!found.length) return [];
    const first = found[0]!;
    const at = first.index;
    const excerpt = zh.slice(Math.max(0, at - 6), at + first[0].length + 6).replace(/\s+/g, ' ');
    const count = found.length > 1 ? ` (and ${found.length - 1} more)` : '';
    return [
      {
        path: [...path, 'zh-CN'],
        ...coded('text.chinese-space', { excerpt, more: count }),
      },
    ];
  });
}
