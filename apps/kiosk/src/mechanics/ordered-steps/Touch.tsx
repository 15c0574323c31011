// The ordered-steps drill on a screen. Where steps are done on objects of the scene, the scene is beside the panel and
// tapping such an object does its step (as pointing at it does in VR); the panel always has every step as a button,
// so nothing needs the scene. First the question (if any) and why the pick is right or wrong; then the steps and
// distractors as big buttons in the shuffled order, each tap answered in words and marks; when all are done, "finish".
import type { JSX } from 'react';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { NarrationButton } from '../../components/NarrationButton.tsx';
import { useLocalize } from '../../components/useLocalize.ts';
import { SceneBeside } from '../SceneBeside.tsx';
import { ActionList, ChoiceList } from '../Choices.tsx';
import type { StepViewProps } from '../views.ts';
import { actionFeedback, actionProps, choiceFeedback, doneActions, finished, K, propsDone, shownActions, shownOptions, type Feedback } from './view.ts';
import './ordered-steps.css';

export function Touch({ pack, scenario, step, state, env, dispatch }: StepViewProps<'ordered-steps'>): JSX.Element {
  const { t } = useTranslation();
  const l = useLocalize();
  const props = actionProps(step);
  const withScene = props.length > 0;
  const allDone = finished(step, state);
  // Objects whose steps are all done get the scene's check-mark badge.
  const doneKey = propsDone(step, state).join(' ');
  // Kept while the same objects are done, so the scene's badges are not redrawn on every tap.
  const doneProps = useMemo(() => (doneKey ? doneKey.split(' ') : []), [doneKey]);

  // Focus follows the drill: the way on once the question's verdict shows, the steps when they start, "finish" when
  // the last one is done, so a keyboard or screen-reader visitor is never left on a control that has gone.
  const continueRef = useRef<HTMLButtonElement>(null);
  const stepsRef = useRef<HTMLHeadingElement>(null);
  const finishRef = useRef<HTMLButtonElement>(null);
  const first = useRef({ stage: state.stage, chosen: state.chosen });
  useEffect(() => {
    if (state.stage === 'choose' && state.chosen !== null && first.current.chosen === null) continueRef.current?.focus();
  }, [state.stage, state.chosen]);
  useEffect(() => {
    if (state.stage === 'actions' && first.current.stage === 'choose') stepsRef.current?.focus();
  }, [state.stage]);
  useEffect(() => {
    if (allDone) finishRef.current?.focus();
  }, [allDone]);

  // The engine decides which step a prop stands for (and ignores props outside the steps).
  const onProp = useCallback((propId: string) => dispatch({ type: 'inspect', propId }), [dispatch]);
  const choice = choiceFeedback(step, state);
  const feedback = state.stage === 'choose' ? choice : actionFeedback(step, state);

  const panel = (
    <>
      <h1 className={withScene ? 'panel-heading' : 'eyebrow'}>{t(`${K}.heading`)}</h1>
      <p className={withScene ? 'instructions' : 'lead'}>{l(step.instructions)}</p>
      <NarrationButton text={[l(step.instructions), state.stage === 'choose' && step.choose ? l(step.choose.prompt) : ''].join('\n')} what={t('narration.instructions')} />
      {state.stage === 'choose' && step.choose && (
        <>
          <h2 className="prompt">
            <span className="os-kicker">{t(`${K}.chooseHeading`)}</span> {l(step.choose.prompt)}
          </h2>
          {state.chosen === null && (
            <ChoiceList
              items={shownOptions(step, env.seed).map((o) => ({ id: o.id, label: l(o.label), data: { 'data-option': o.id } }))}
              label={t(`${K}.chooseHeading`)}
              onChoose={(optionId) => dispatch({ type: 'choose', optionId })}
            />
          )}
        </>
      )}
      {state.stage === 'actions' && (
        <>
          <h2 className="os-progress counter" tabIndex={-1} ref={stepsRef}>
            {t(`${K}.progress`, { done: state.done.length, total: step.actions.length })}
            {state.wrong.length > 0 && <span className="os-mistakes"> · {t(`${K}.mistakes`, { count: state.wrong.length })}</span>}
          </h2>
          {state.done.length > 0 && (
            <ol className="os-done" aria-label={t(`${K}.doneList`)}>
              {doneActions(step, state).map((a) => (
                <li key={a.id}>
                  <span aria-hidden="true">✔ </span>
                  {l(a.label)}
                </li>
              ))}
            </ol>
          )}
          {!allDone && (
            <ActionList
              className="os-actions"
              label={t(`${K}.stepsLabel`)}
              items={shownActions(step, state, env.seed).map((a) => ({
                id: a.id,
                label: l(a.label),
                spent: a.spent ? (a.spent.kind === 'done' ? 'right' : 'wrong') : null,
                tag: a.spent?.kind === 'done' ? t(`${K}.doneTag`, { n: a.spent.n }) : t(`${K}.wrongTag`),
              }))}
              onTap={(actionId) => dispatch({ type: 'act', actionId })}
            />
          )}
        </>
      )}
      {/* Always in the page, so the first tap's verdict is announced too. */}
      <div className="os-live" aria-live="polite">
        {feedback && <FeedbackCard feedback={feedback} key={`${state.stage}:${state.done.length}:${state.wrong.length}`} />}
        {allDone && (
          <p className="all-found">
            <span aria-hidden="true">✔ </span>
            {t(`${K}.allDone`)}
          </p>
        )}
      </div>
      {state.stage === 'choose' && state.chosen !== null && (
        <button type="button" className="primary" ref={continueRef} onClick={() => dispatch({ type: 'continue' })}>
          {t(`${K}.start`)}
        </button>
      )}
      {allDone && (
        <button type="button" className="primary" ref={finishRef} onClick={() => dispatch({ type: 'continue' })}>
          {t(`${K}.finish`)}
        </button>
      )}
    </>
  );

  if (!withScene) return <main className="step ordered-steps">{panel}</main>;
  return (
    <main className="step ordered-steps with-scene">
      <SceneBeside pack={pack} scene={scenario.scene} label={t(`${K}.sceneLabel`)} found={doneProps} onProp={onProp} />
      <aside className="hunt-panel os-panel">{panel}</aside>
    </main>
  );
}

function FeedbackCard({ feedback }: { feedback: Feedback }): JSX.Element {
  const { t } = useTranslation();
  const l = useLocalize();
  const label = l(feedback.label);
  return (
    <div className={`consequence os-feedback ${feedback.good ? 'safe' : 'unsafe'}`} data-verdict={feedback.key}>
      <p className="verdict">
        <span aria-hidden="true">{feedback.good ? '✔ ' : '✘ '}</span>
        {t(`${K}.${feedback.key}`, { action: label, choice: label })}
      </p>
      <p>{l(feedback.body)}</p>
    </div>
  );
}
