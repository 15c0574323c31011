// A timed choice on a screen: the scene beside a panel with the situation, its choices as big buttons, and a countdown
// in words and a shrinking bar (still under reduced motion, where only the number counts). After a choice or the time
// running out, the verdict in words and marks, never colour alone, and the safe choice explained.
import type { CSSProperties, JSX } from 'react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NarrationButton } from '../../components/NarrationButton.tsx';
import { useLocalize } from '../../components/useLocalize.ts';
import { useReducedMotion } from '../../components/useReducedMotion.ts';
import { SceneBeside } from '../SceneBeside.tsx';
import { ChoiceList } from '../Choices.tsx';
import { ContinueBar } from '../ContinueBar.tsx';
import type { StepViewProps } from '../views.ts';
import { useCountdown } from './useCountdown.ts';
import { timedChoiceView } from './view.ts';
import './timed-choice.css';

const K = 'mechanics.timed-choice';

export function Touch({ pack, scenario, step, state, dispatch }: StepViewProps<'timed-choice'>): JSX.Element | null {
  const { t } = useTranslation();
  const l = useLocalize();
  const view = timedChoiceView(step, state);
  const promptRef = useRef<HTMLHeadingElement>(null);
  const continueRef = useRef<HTMLButtonElement>(null);
  const kind = view?.kind;
  // Focus follows the step: the new situation's text when it shows, the way on once the verdict is there, so a
  // keyboard or screen-reader visitor is never left on a button that has gone.
  useEffect(() => {
    if (kind === 'choosing') promptRef.current?.focus();
    if (kind === 'feedback') continueRef.current?.focus();
  }, [kind, state.index]);

  if (!view) return null;
  // The situation's setting beside the panel, as in the hunt: looked at, not tapped.
  const scene = <SceneBeside pack={pack} scene={scenario.scene} label={t(`${K}.sceneLabel`)} />;
  if (view.kind === 'intro')
    return (
      <main className="step timed-choice">
        {scene}
        <aside className="hunt-panel tc-panel">
          <h1 className="panel-heading">{t(`${K}.heading`)}</h1>
          <p className="lead">{l(step.intro)}</p>
          <p>{t(`${K}.introNote`)}</p>
          <NarrationButton text={[l(step.intro), t(`${K}.introNote`)].join('\n')} what={t('narration.instructions')} />
          <button type="button" className="primary" onClick={() => dispatch({ type: 'begin' })}>
            {t(`${K}.start`)}
          </button>
        </aside>
      </main>
    );

  const { situation } = view;
  return (
    <main className="step timed-choice">
      {scene}
      <aside className="hunt-panel tc-panel">
        <h1 className="eyebrow">
          {t(`${K}.title`)} · {t(`${K}.progress`, { n: view.n, total: view.total })}
        </h1>
        <h2 className="prompt" tabIndex={-1} ref={promptRef}>
          {l(situation.prompt)}
        </h2>
        {view.kind === 'choosing' && (
          <NarrationButton text={[l(situation.prompt), ...view.choices.map((c) => l(c.label))].join('\n')} what={t('narration.question')} />
        )}
        {view.kind === 'choosing' && <Countdown key={`${state.index}-${state.shownAt}`} {...{ step, state, dispatch }} />}
        {view.kind === 'choosing' && (
          <ChoiceList
            items={view.choices.map((c) => ({ id: c.id, label: l(c.label) }))}
            label={`${t(`${K}.choices`)} ${t(`${K}.chooseWithin`, { count: situation.seconds })}`}
            onChoose={(choiceId) => dispatch({ type: 'choose', choiceId })}
          />
        )}
        {/* Always in the page, so the verdict is announced when it arrives. */}
        <div aria-live="polite" className="tc-live">
          {view.kind === 'feedback' && (
            <div className={`consequence ${view.safe ? 'safe' : 'unsafe'}`}>
              <p className="verdict">
                <span aria-hidden="true">{view.safe ? '✔ ' : '✘ '}</span>
                {view.chosen
                  ? t(view.safe ? `${K}.safeChoice` : `${K}.unsafeChoice`, { choice: l(view.chosen.label) })
                  : t(`${K}.tooLate`)}
              </p>
              <p>{view.chosen ? l(view.chosen.feedback) : l(situation.timeoutFeedback)}</p>
              {view.explain.length > 0 && (
                <div className="tc-explain">
                  <p className="tc-what">{t(`${K}.whatToDo`)}</p>
                  <ul>
                    {view.explain.map((c) => (
                      <li key={c.id}>
                        <p className="tc-safe-label">
                          <span aria-hidden="true">✔ </span>
                          {l(c.label)}
                        </p>
                        <p>{l(c.feedback)}</p>
                      </li>
                    ))}
                  </ul>
                </div>
              )}
            </div>
          )}
        </div>
        {view.kind === 'feedback' && (
          <NarrationButton
            text={[
              view.chosen ? t(view.safe ? `${K}.safeChoice` : `${K}.unsafeChoice`, { choice: l(view.chosen.label) }) : t(`${K}.tooLate`),
              view.chosen ? l(view.chosen.feedback) : l(situation.timeoutFeedback),
              ...view.explain.flatMap((c) => [l(c.label), l(c.feedback)]),
            ].join('\n')}
            what={t('narration.feedback')}
          />
        )}
        {view.kind === 'feedback' && (
          <ContinueBar ref={continueRef} label={t(view.last ? `${K}.finish` : `${K}.continue`)} onContinue={() => dispatch({ type: 'continue' })} />
        )}
      </aside>
    </main>
  );
}

/** The time left in words and as a bar that shrinks smoothly to nothing (no blinking, no colour change). */
function Countdown({ step, state, dispatch }: Pick<StepViewProps<'timed-choice'>, 'step' | 'state' | 'dispatch'>): JSX.Element {
  const { t } = useTranslation();
  const reduced = useReducedMotion();
  const { msLeft, seconds } = useCountdown(step, state, dispatch);
  const limit = (step.situations[state.index]?.seconds ?? 1) * 1000;
  // The bar's run is fixed when the situation shows: one CSS animation from the share left to none.
  const [run] = useState(() => ({ from: Math.min(1, msLeft / limit), ms: msLeft }));
  return (
    <div className="tc-countdown">
      <p className="tc-seconds" role="timer" aria-label={t(`${K}.timer`)}>
        {t(`${K}.secondsLeft`, { count: seconds })}
      </p>
      <div className="tc-bar" aria-hidden="true">
        {reduced ? (
          <div className="tc-bar-fill" />
        ) : (
          <div className="tc-bar-fill tc-bar-run" style={{ '--tc-from': run.from, animationDuration: `${run.ms}ms` } as CSSProperties} />
        )}
      </div>
    </div>
  );
}
