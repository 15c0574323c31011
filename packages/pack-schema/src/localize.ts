import type { Locale } from './schema.ts';
import type { LocalizedText } from './types.ts';

/** The text in the visitor's language; optional languages fall back to English. */
export function localize(text: LocalizedText, locale: Locale | string): string {
  if (locale === 'zh-CN' || locale === 'en') return text[locale];
  return (text as Record<string, string | undefined>)[locale] ?? text.en;
}
