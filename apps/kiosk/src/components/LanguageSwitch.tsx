import { useTranslation } from 'react-i18next';
import { VISITOR_LOCALES } from '../i18n.ts';
import { useVisit } from '../stores/visit.ts';

export function LanguageSwitch() {
  const { t } = useTranslation();
  const locale = useVisit((s) => s.locale);
  const setLocale = useVisit((s) => s.setLocale);
  return (
    <div className="language-switch" role="group" aria-label={t('app.language')}>
      {VISITOR_LOCALES.map((l) => (
        <button key={l.code} type="button" lang={l.code} aria-pressed={locale === l.code} onClick={() => setLocale(l.code)}>
          {l.name}
        </button>
      ))}
    </div>
  );
}
