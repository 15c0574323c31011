import { useEffect } from 'react';
import type { ContentResponse } from '../api/client.ts';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { AudienceSwitch } from '../components/AudienceSwitch.tsx';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';
import { useLocalize } from '../components/useLocalize.ts';
import { beginVisit, endVisit } from '../stores/lifecycle.ts';

export function MapScreen({ content }: { content: ContentResponse }) {
  const { t } = useTranslation();
  const l = useLocalize();
  const [, navigate] = useLocation();
  const park = content.park!;
  // Reaching the map by URL (a reload, a bookmark) is a visit too.
  useEffect(beginVisit, []);
  const finish = () => {
    endVisit('finished');
    navigate('/');
  };
  return (
    <div className="screen">
      <header className="topbar">
        <p className="park-name">{l(park.name)}</p>
        <LanguageSwitch />
        <AudienceSwitch />
        <button type="button" onClick={finish}>
          {t('map.finish')}
        </button>
      </header>
      <main>
        <h1>{t('map.title')}</h1>
        <p className="lead">{t('map.intro')}</p>
        <ul className="area-grid">
          {park.areas.map((area) => {
            const scenarios = content.packs
              .filter((p) => p.area === area.id)
              .flatMap((pack) => pack.scenarios.map((s) => ({ pack, scenario: s })));
            const open = scenarios.length > 0;
            return (
              <li key={area.id} className={`area-card ${open ? 'open' : 'closed'}`} data-area={area.id}>
                <h2>{l(area.name)}</h2>
                <p>{l(area.description)}</p>
                {open ? (
                  <ul className="scenario-list">
                    {scenarios.map(({ pack, scenario }) => (
                      <li key={`${pack.id}/${scenario.id}`}>
                        <Link className="button primary" href={`/play/${pack.id}/${scenario.id}`}>
                          {t('map.play', { title: l(scenario.title) })}
                        </Link>
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p className="coming-soon">
                    {t('map.comingSoon')}
                  </p>
                )}
              </li>
            );
          })}
        </ul>
      </main>
    </div>
  );
}
