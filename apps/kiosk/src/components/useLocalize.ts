import { localize, type LocalizedText } from '@ruyi/pack-schema';
import { useCallback } from 'react';
import { useVisit } from '../stores/visit.ts';

/** Pack text in the visitor's language, in the children's words where the visitor chose them and the pack has them. */
export function useLocalize(): (text: LocalizedText) => string {
  const locale = useVisit((s) => s.locale);
  const audience = useVisit((s) => s.audience);
  return useCallback((text: LocalizedText) => localize(text, locale, audience), [locale, audience]);
}
