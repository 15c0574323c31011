import type { Audience, Locale, LocalizedText } from './primitives.ts';

type Texts = Omit<LocalizedText, 'child'>;

function inLocale(text: Texts, locale: Locale | string): string {
  if (locale === 'zh-CN' || locale === 'en') return text[locale];
  return (text as Record<string, string | undefined>)[locale] ?? text.en;
}

/**
 * The text in the visitor's language; optional languages fall back to English. A child sees the text's child version
 * where it has one (in that language, else the general text in that language).
 */
export function localize(text: LocalizedText, locale: Locale | string, audience: Audience = 'general'): string {
  if (audience === 'child' && text.child) {
    const child = (text.child as Record<string, string | undefined>)[locale];
    if (child) return child;
  }
  return inLocale(text, locale);
}

/** The general texts of a LocalizedText as a plain language map (what an xAPI definition carries). */
export function languagesOf(text: LocalizedText): Record<string, string> {
  const { child: _child, ...texts } = text;
  return Object.fromEntries(Object.entries(texts).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}
