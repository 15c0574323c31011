import type { Scenario } from '@ruyi/pack-schema';
import type { RunState } from '@ruyi/scenario-engine';
import { useTranslation } from 'react-i18next';
import { useLocalize } from '../components/useLocalize.ts';
import { huntReview } from './huntView.ts';
import { runActions } from './runActions.ts';

export function HuntReviewStep({ scenario, state }: { scenario: Scenario; state: RunState }) {
  const { t } = useTranslation();
  const l = useLocalize();
  const { hazards } = scenario.hazardHunt;
  return (
    <main className="step hunt-review">
      <h1>{t('review.heading')}</h1>
      <p className="lead">{t('review.summary', { found: state.found.length, total: hazards.length })}</p>
      <ul className="review-list">
        {huntReview(scenario, state).map(({ hazard: h, found }) => {
          return (
            <li key={h.id} className={found ? 'found' : 'missed'}>
              <p className="review-title">
                <span className="mark">{found ? `✔ ${t('review.foundMark')}` : `✘ ${t('review.missedMark')}`}</span> {l(h.name)}
              </p>
              <p>{l(h.feedback)}</p>
            </li>
          );
        })}
      </ul>
      <div className="actions">
        <button type="button" className="primary" onClick={runActions.beginDecisions}>
          {t('review.continue')}
        </button>
      </div>
    </main>
  );
}
