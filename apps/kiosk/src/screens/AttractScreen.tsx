import type { Park } from '@ruyi/pack-schema';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { AttractLoop } from '../attract/AttractLoop.tsx';
import { JoinClassControl } from '../classes/JoinClassControl.tsx';
import '../attract/attract.css';
import { AudienceSwitch } from '../components/AudienceSwitch.tsx';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';
import { useLocalize } from '../components/useLocalize.ts';
import { parkAreas } from '../map/parkAreas.ts';
import { useContent } from '../stores/content.ts';
import { beginVisit } from '../stores/lifecycle.ts';

export function AttractScreen({ park }: { park: Park }) {
  const { t } = useTranslation();
  const l = useLocalize();
  const [, navigate] = useLocation();
  const packs = useContent((s) => (s.status === 'ready' ? s.content.packs : null));
  const areas = parkAreas(park.areas, packs ?? []).map(({ area, scenarios }) => ({
    id: area.id,
    name: area.name,
    scenarios: scenarios.map((s) => s.scenario.title),
  }));
  const start = () => {
    beginVisit();
    navigate('/map');
  };
  return (
    <main className="attract attract-loop">
      <div className="attract-title">
        <h1>{l(park.name)}</h1>
        <p className="tagline">{l(park.tagline)}</p>
      </div>
      <AttractLoop areas={areas} />
      <div className="attract-controls">
        <button type="button" className="attract-start" onClick={start}>
          <svg className="attract-start-icon" viewBox="0 0 40 40" aria-hidden="true" focusable="false">
            <circle cx="20" cy="20" r="18" fill="none" stroke="currentColor" strokeWidth="4" />
            <path d="M16 12 l12 8 l-12 8 z" fill="currentColor" />
          </svg>
          <span>{t('attract.start')}</span>
        </button>
        <JoinClassControl />
        <section className="attract-languages" aria-label={t('attract.chooseLanguage')}>
          <h2 className="label">{t('attract.chooseLanguage')}</h2>
          <LanguageSwitch />
          <AudienceSwitch />
        </section>
      </div>
    </main>
  );
}
