import type { Pack, Scenario } from '@ruyi/pack-schema';
import type { RunState } from '@ruyi/scenario-engine';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { CertificateButton } from '../classes/CertificateButton.tsx';
import { NarrationButton } from '../components/NarrationButton.tsx';
import { useLocalize } from '../components/useLocalize.ts';
import { useReducedMotion } from '../components/useReducedMotion.ts';
import { CelebrationBadge } from './Celebration.tsx';
import { celebrationWords, resultView } from './resultView.ts';
import { runActions } from './runActions.ts';

export function ResultStep({ pack, scenario, state }: { pack: Pack; scenario: Scenario; state: RunState }) {
  const { t } = useTranslation();
  const l = useLocalize();
  const still = useReducedMotion();
  const view = resultView(scenario, state, t, l);
  const { celebration } = view;
  const words = celebrationWords(celebration, t);
  // Said once the screen is up: a live region filled after it is mounted is announced; one born full often is not.
  const [announced, setAnnounced] = useState('');
  const summary = `${words} ${view.scoreText}`;
  useEffect(() => setAnnounced(summary), [summary]);
  const tryAgain = celebration.level === 'try-again';
  return (
    <main className={`step result result-${celebration.level}`} data-celebration={celebration.level} data-stars={celebration.stars}>
      <div className="result-hero">
        <div className="result-badge">
          <CelebrationBadge celebration={celebration} still={still} />
        </div>
        <div className="result-summary">
          <h1>{t('result.heading')}</h1>
          <p className="celebration-words" data-testid="celebration">
            {words}
          </p>
          <p className="score" data-testid="score">
            {view.scoreText}
          </p>
          <p className={`verdict ${view.passed ? 'safe' : 'unsafe'}`} data-testid="verdict">
            <span aria-hidden="true">{view.passed ? '✔ ' : '✘ '}</span>
            {view.verdict}
          </p>
          <NarrationButton text={[words, view.scoreText, view.verdict, ...scenario.result.lessons.map((lesson) => l(lesson))].join('\n')} />
          <div className="actions">
            <button type="button" className={tryAgain ? 'primary try-again' : ''} onClick={() => runActions.playAgain(pack, scenario)}>
              <span aria-hidden="true">↻ </span>
              {t('result.playAgain')}
            </button>
            <Link className={tryAgain ? 'button' : 'button primary'} href="/map">
              {t('result.backToMap')}
            </Link>
            <CertificateButton run={{ pack, scenario, state }} title={l(scenario.title)} />
          </div>
        </div>
      </div>
      <div className="result-details">
        <section className="result-points">
          <ul className="breakdown">
            {view.breakdown.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
          {view.missed.length > 0 && (
            <section className="result-missed" aria-labelledby="missed-heading">
              <h2 id="missed-heading">{t('result.missed')}</h2>
              {view.missed.map((step) => (
                <div key={step.stepId} className="missed-step">
                  <h3>{t('result.missedIn', { name: step.name })}</h3>
                  <ul>
                    {step.items.map((item, i) => (
                      <li key={i}>
                        <span aria-hidden="true">✘ </span>
                        {item}
                      </li>
                    ))}
                  </ul>
                </div>
              ))}
            </section>
          )}
        </section>
        <section className="result-lessons" aria-labelledby="lessons-heading">
          <h2 id="lessons-heading">{t('result.lessons')}</h2>
          <ol className="lessons">
            {scenario.result.lessons.map((lesson, i) => (
              <li key={i}>{l(lesson)}</li>
            ))}
          </ol>
        </section>
      </div>
      <p className="result-announce" role="status">
        {announced}
      </p>
    </main>
  );
}
