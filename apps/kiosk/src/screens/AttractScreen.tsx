import type { Park } from '@ruyi/pack-schema';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { AudienceSwitch } from '../components/AudienceSwitch.tsx';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';
import { useLocalize } from '../components/useLocalize.ts';
import { beginVisit } from '../stores/lifecycle.ts';

export function AttractScreen({ park }: { park: Park }) {
  const { t } = useTranslation();
  const l = useLocalize();
  const [, navigate] = useLocation();
  const start = () => {
    beginVisit();
    navigate('/map');
  };
  return (
    <main className="attract">
      <h1>{l(park.name)}</h1>
      <p className="tagline">{l(park.tagline)}</p>
      <button type="button" className="attract-start" onClick={start}>
        {t('attract.start')}
      </button>
      <section className="attract-languages" aria-label={t('attract.chooseLanguage')}>
        <h2 className="label">{t('attract.chooseLanguage')}</h2>
        <LanguageSwitch />
        <AudienceSwitch />
      </section>
    </main>
  );
}
