import { localize, type LocalizedText } from '@ruyi/pack-schema';
import { useCallback } from 'react';
import { useVisit } from '../stores/visit.ts';

/** Pack text in the visitor's language. */
export function useLocalize(): (text: LocalizedText) => string {
  const locale = useVisit((s) => s.locale);
  return useCallback((text: LocalizedText) => localize(text, locale), [locale]);
}
