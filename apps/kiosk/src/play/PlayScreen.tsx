import type { Phase } from '@ruyi/scenario-engine';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { ContentResponse } from '../api/client.ts';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';
import { useLocalize } from '../components/useLocalize.ts';
import { beginVisit } from '../stores/lifecycle.ts';
import { useRun } from '../stores/run.ts';
import { CaseCardStep } from './CaseCardStep.tsx';
import { DecisionStep } from './DecisionStep.tsx';
import { HazardHuntStep } from './HazardHuntStep.tsx';
import { HuntReviewStep } from './HuntReviewStep.tsx';
import { QuizStep } from './QuizStep.tsx';
import { ResultStep } from './ResultStep.tsx';

const STEPS: Phase[] = ['case-card', 'hazard-hunt', 'hunt-review', 'decisions', 'quiz', 'result'];

export function PlayScreen({ content, packId, scenarioId }: { content: ContentResponse; packId: string; scenarioId: string }) {
  const { t } = useTranslation();
  const l = useLocalize();
  const pack = content.packs.find((p) => p.id === packId);
  const scenario = pack?.scenarios.find((s) => s.id === scenarioId);
  const active = useRun((s) => s.active);

  useEffect(() => {
    if (!pack || !scenario) return;
    // A deep link (QR code, operator) opens a scenario directly: that starts a visit too.
    beginVisit();
    const current = useRun.getState().active;
    if (current?.pack.id !== pack.id || current.scenario.id !== scenario.id) useRun.getState().start(pack, scenario);
  }, [pack, scenario]);

  if (!pack || !scenario) {
    const broken = content.problems.some((p) => p.dir.split('/').pop() === packId);
    return (
      <main className="screen message-screen">
        <h1>{t('play.notFound')}</h1>
        <p>{broken ? t('play.packBroken') : t('play.notFoundDetail', { packId, scenarioId })}</p>
        <Link className="button primary" href="/map">
          {t('play.backToMap')}
        </Link>
      </main>
    );
  }
  if (!active || active.scenario.id !== scenario.id || active.pack.id !== pack.id) return null;

  const phase = active.state.phase;
  const stepNumber = STEPS.indexOf(phase) + 1;
  return (
    <div className={`screen play phase-${phase}`}>
      <header className="topbar">
        <Link className="button" href="/map">
          {t('play.backToMap')}
        </Link>
        <p className="scenario-title">{l(scenario.title)}</p>
        <p className="step-indicator">{t('play.stepOf', { n: stepNumber, total: STEPS.length, name: t(`play.steps.${phase}`) })}</p>
        <LanguageSwitch />
      </header>
      {phase === 'case-card' && <CaseCardStep pack={pack} scenario={scenario} />}
      {phase === 'hazard-hunt' && <HazardHuntStep scenario={scenario} state={active.state} />}
      {phase === 'hunt-review' && <HuntReviewStep scenario={scenario} state={active.state} />}
      {phase === 'decisions' && <DecisionStep scenario={scenario} state={active.state} />}
      {phase === 'quiz' && <QuizStep key={active.state.questionIndex} scenario={scenario} state={active.state} />}
      {phase === 'result' && <ResultStep pack={pack} scenario={scenario} state={active.state} />}
    </div>
  );
}
