import type { Pack, Scenario } from '@ruyi/pack-schema';
import type { RunState } from '@ruyi/scenario-engine';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useLocalize } from '../components/useLocalize.ts';
import { resultView } from './resultView.ts';
import { runActions } from './runActions.ts';

export function ResultStep({ pack, scenario, state }: { pack: Pack; scenario: Scenario; state: RunState }) {
  const { t } = useTranslation();
  const l = useLocalize();
  const view = resultView(scenario, state, t, l);
  return (
    <main className="step result">
      <h1>{t('result.heading')}</h1>
      <p className="score" data-testid="score">
        {view.scoreText}
      </p>
      <p className={`verdict ${view.passed ? 'safe' : 'unsafe'}`} data-testid="verdict">
        <span aria-hidden="true">{view.passed ? '✔ ' : '✘ '}</span>
        {view.verdict}
      </p>
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
      <h2>{t('result.lessons')}</h2>
      <ol className="lessons">
        {scenario.result.lessons.map((lesson, i) => (
          <li key={i}>{l(lesson)}</li>
        ))}
      </ol>
      <div className="actions">
        <button type="button" className="primary" onClick={() => runActions.playAgain(pack, scenario)}>
          {t('result.playAgain')}
        </button>
        <Link className="button" href="/map">
          {t('result.backToMap')}
        </Link>
      </div>
    </main>
  );
}
