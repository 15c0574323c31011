import i18next from 'i18next';
import { MECHANIC_LOCALES } from '@ruyi/mechanics/locales';
import { initReactI18next } from 'react-i18next';
import en from './locales/en.json';
import zhCN from './locales/zh-CN.json';

/** Languages a visitor can pick, each named in itself. zh-CN first: the park's visitors are mostly Chinese speakers. */
export const VISITOR_LOCALES = [
  { code: 'zh-CN', name: '中文' },
  { code: 'en', name: 'English' },
] as const;
export type VisitorLocale = (typeof VISITOR_LOCALES)[number]['code'];

/**
 * The app's own strings and, under `mechanics.<name>`, each mechanic's (they live in the mechanic's folder). Read from
 * the mechanics' light locales entry: the registry would bring every mechanic's schemas into the first screen.
 */
function resources(locale: 'zh-CN' | 'en', own: Record<string, unknown>) {
  const mechanics = Object.fromEntries(Object.entries(MECHANIC_LOCALES).map(([name, texts]) => [name, texts[locale]]));
  return { translation: { ...own, mechanics } };
}

export function createI18n() {
  const i18n = i18next.createInstance();
  void i18n.use(initReactI18next).init({
    resources: { 'zh-CN': resources('zh-CN', zhCN), en: resources('en', en) },
    lng: 'zh-CN',
    fallbackLng: 'en',
    supportedLngs: VISITOR_LOCALES.map((l) => l.code),
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  i18n.on('languageChanged', (lng) => document.documentElement.setAttribute('lang', lng));
  return i18n;
}
