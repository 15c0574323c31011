import type { Pack, Scenario } from '@ruyi/pack-schema';
import { scoreRun, type RunState } from '@ruyi/scenario-engine';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useLocalize } from '../components/useLocalize.ts';
import { useRun } from '../stores/run.ts';

export function ResultStep({ pack, scenario, state }: { pack: Pack; scenario: Scenario; state: RunState }) {
  const { t } = useTranslation();
  const l = useLocalize();
  const score = scoreRun(scenario, state);
  return (
    <main className="step result">
      <h1>{t('result.heading')}</h1>
      <p className="score" data-testid="score">
        {t('result.score', { raw: score.raw, max: score.max, percent: Math.round(score.scaled * 100) })}
      </p>
      <p className={`verdict ${score.passed ? 'safe' : 'unsafe'}`}>
        <span aria-hidden="true">{score.passed ? '✔ ' : '✘ '}</span>
        {score.passed ? t('result.passed') : t('result.failed')}
      </p>
      <ul className="breakdown">
        <li>{t('result.hazards', { ...score.hazards })}</li>
        <li>{t('result.decisions', { ...score.decisions })}</li>
        <li>{t('result.quiz', { ...score.quiz })}</li>
      </ul>
      <h2>{t('result.lessons')}</h2>
      <ol className="lessons">
        {scenario.result.lessons.map((lesson, i) => (
          <li key={i}>{l(lesson)}</li>
        ))}
      </ol>
      <div className="actions">
        <button type="button" className="primary" onClick={() => useRun.getState().start(pack, scenario)}>
          {t('result.playAgain')}
        </button>
        <Link className="button" href="/map">
          {t('result.backToMap')}
        </Link>
      </div>
    </main>
  );
}
