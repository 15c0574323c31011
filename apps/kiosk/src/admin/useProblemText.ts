import { localizeProblem, type RenderableProblem } from '@ruyi/pack-schema';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

/** A validator problem's message in the page's language (from its code, or recognised by its English wording). */
export function useProblemText(): (problem: RenderableProblem) => string {
  const { i18n } = useTranslation();
  const lang = i18n.language === 'zh-CN' ? 'zh-CN' : 'en';
  return useCallback((problem: RenderableProblem) => localizeProblem(problem, lang), [lang]);
}
