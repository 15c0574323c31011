// The reaction drill on a screen: the scene beside a panel. Instructions and "ready"; a wait of unknown length; then
// the cue (the scene shakes, unless the visitor asked for reduced motion) and the actions as big buttons in the shown
// order; then how it went, and continue.
import { reaction } from '@ruyi/mechanics/reaction';
import type { JSX } from 'react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { NarrationButton } from '../../components/NarrationButton.tsx';
import { useLocalize } from '../../components/useLocalize.ts';
import { useReducedMotion } from '../../components/useReducedMotion.ts';
import { SceneBeside } from '../SceneBeside.tsx';
import { ActionList } from '../Choices.tsx';
import type { StepViewProps } from '../views.ts';
import { useReactionTimers } from './timers.ts';
import { k, liveLine, shownActions, verdict, verdictMark, wrongTaps } from './view.ts';
import './reaction.css';

export function Touch({ pack, scenario, step, state, dispatch }: StepViewProps<'reaction'>): JSX.Element {
  const { t: tt } = useTranslation();
  const t = k(tt);
  const l = useLocalize();
  const reducedMotion = useReducedMotion();
  useReactionTimers(step, state, dispatch);
  const { stage } = state;
  const shaking = stage === 'cue' && step.shaking && !reducedMotion;

  // Each stage replaces the control that had the focus: move it to the new stage's heading, so keyboard and screen
  // reader users land on what just appeared.
  const focusTarget = useRef<HTMLElement>(null);
  const firstStage = useRef(stage);
  useEffect(() => {
    if (stage !== firstStage.current || stage !== 'instructions') focusTarget.current?.focus();
  }, [stage]);
  const focusRef = (el: HTMLElement | null) => {
    focusTarget.current = el;
  };

  const live = liveLine(step, state, t, l);
  const result = verdict(step, state, t);

  return (
    <main className="step reaction">
      <SceneBeside
        pack={pack}
        scene={scenario.scene}
        label={t('sceneLabel')}
        className={`reaction-scene${shaking ? ' shaking' : ''}`}
        data-shaking={shaking ? 'true' : 'false'}
      />
      <aside className="hunt-panel reaction-panel">
        <h1 className="panel-heading">{t('title')}</h1>
        {(stage === 'instructions' || stage === 'waiting') && <p className="instructions">{l(step.instructions)}</p>}
        {stage === 'instructions' && (
          <>
            <p>{t('readyHelp')}</p>
            <NarrationButton text={[l(step.instructions), t('readyHelp')].join('\n')} what={tt('narration.instructions')} />
            <button type="button" className="primary" onClick={() => dispatch({ type: 'ready' })}>
              {t('ready')}
            </button>
          </>
        )}
        {stage === 'waiting' && (
          <p className="reaction-waiting" role="status" tabIndex={-1} ref={focusRef}>
            {t('waiting')}
          </p>
        )}
        {stage === 'cue' && (
          <>
            <div role="alert">
              <h2 className="reaction-cue" tabIndex={-1} ref={focusRef}>
                <span aria-hidden="true">⚠ </span>
                {t('cueHeading')} {l(step.cue)}
              </h2>
            </div>
            <p className="prompt">{t('prompt')}</p>
            <ActionList
              className="reaction-actions"
              items={shownActions(step, state, l).map((a) => ({ ...a, tag: t(a.spent === 'right' ? 'done' : 'wrong') }))}
              onTap={(actionId) => dispatch({ type: 'tap', actionId })}
            />
          </>
        )}
        {/* Always in the page, so the first tap's line is announced too. */}
        <div className="reaction-live" aria-live="polite">
          {stage === 'cue' && live && (
            <p className={live.good ? 'all-found' : undefined}>
              <span aria-hidden="true">{live.good ? '✔ ' : '✘ '}</span>
              {live.text}
            </p>
          )}
        </div>
        {stage === 'feedback' && result && <Feedback step={step} state={state} result={result} focusRef={focusRef} onContinue={() => dispatch({ type: 'continue' })} />}
      </aside>
    </main>
  );
}

function Feedback({
  step,
  state,
  result,
  focusRef,
  onContinue,
}: Pick<StepViewProps<'reaction'>, 'step' | 'state'> & {
  result: NonNullable<ReturnType<typeof verdict>>;
  focusRef: (el: HTMLElement | null) => void;
  onContinue: () => void;
}): JSX.Element {
  const { t: tt } = useTranslation();
  const t = k(tt);
  const l = useLocalize();
  const good = result.outcome === 'in-time';
  const wrong = wrongTaps(step, state, t, l);
  const { points, maxPoints } = reaction.score(step, state);
  return (
    <>
      <div className={`consequence ${good ? 'safe' : 'unsafe'}`}>
        <p className="verdict" tabIndex={-1} ref={focusRef} data-outcome={result.outcome}>
          <span aria-hidden="true">{verdictMark(result.outcome)} </span>
          {result.text}
        </p>
        <p>{t('points', { points, max: maxPoints })}</p>
      </div>
      <NarrationButton text={[result.text, t('points', { points, max: maxPoints })].join('\n')} what={tt('narration.feedback')} />
      <h2 className="small-heading">{t('rightOrder')}</h2>
      <ol className="reaction-review">
        {step.actions.map((a, i) => (
          <li key={a.id}>
            <p className="review-title">
              {l(a.label)}
              {i < state.progress && <span className="choice-mark"> ✔ {t('done')}</span>}
            </p>
            <p>{l(a.feedback)}</p>
          </li>
        ))}
      </ol>
      {wrong.length > 0 && (
        <>
          <h2 className="small-heading">{t('yourWrong')}</h2>
          <ul className="reaction-review">
            {wrong.map((w) => (
              <li key={w.id}>
                <p className="review-title">
                  <span aria-hidden="true">✘ </span>
                  {w.label}
                </p>
                <p>{w.why}</p>
              </li>
            ))}
          </ul>
        </>
      )}
      <button type="button" className="primary" onClick={onContinue}>
        {t('continue')}
      </button>
    </>
  );
}
