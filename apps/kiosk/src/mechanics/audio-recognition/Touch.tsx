// Audio recognition on a screen: the round's signal plays (time-compressed, and said so) and is drawn as its on/off
// pattern with the pattern in words; the visitor picks which signal it is from big buttons. The verdict comes in
// words and marks (never colour alone) with the signal's name and what to do, then the next round.
import type { JSX } from 'react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { NarrationButton } from '../../components/NarrationButton.tsx';
import { useLocalize } from '../../components/useLocalize.ts';
import { ContinueBar } from '../ContinueBar.tsx';
import type { StepViewProps } from '../views.ts';
import { SignalPattern } from './SignalPattern.tsx';
import { useRoundSiren } from './useRoundSiren.ts';
import { K, patternWords, roundView } from './view.ts';
import './audio-recognition.css';

export function Touch({ step, state, dispatch }: StepViewProps<'audio-recognition'>): JSX.Element | null {
  const { t } = useTranslation();
  const l = useLocalize();
  const siren = useRoundSiren(step, state);
  const view = roundView(step, state);
  const questionRef = useRef<HTMLHeadingElement>(null);
  const continueRef = useRef<HTMLButtonElement>(null);
  const verdictRef = useRef<HTMLDivElement>(null);
  const answered = state.chosen !== null;
  // Focus follows the round: the question when a round starts (its buttons come next), the way on once answered,
  // so a keyboard or screen-reader visitor is never left on a button that went inert.
  const first = useRef(true);
  useEffect(() => {
    if (answered) {
      // On a narrow screen the verdict is below the choices: bring it into view (the way on sticks to the bottom).
      verdictRef.current?.scrollIntoView({ block: 'nearest' });
      continueRef.current?.focus({ preventScroll: true });
    }
    else if (!first.current) questionRef.current?.focus();
    first.current = false;
  }, [answered, state.round]);

  if (!view) return null;
  const { signal, chosen, right } = view;

  return (
    <main className="step audio-recognition" data-siren={siren.status}>
      <h1 className="eyebrow">
        {t(`${K}.heading`)} · {t(`${K}.progress`, { n: view.n, total: view.total })}
      </h1>
      {view.n === 1 && <p className="lead">{l(step.instructions)}</p>}
      {view.n === 1 && <NarrationButton text={l(step.instructions)} what={t('narration.instructions')} />}
      <div className="siren-layout">
        <section className="siren-signal" aria-label={t(`${K}.patternHeading`)}>
          {step.timeScale !== 1 && <p className="siren-speed">{t(`${K}.speed`, { n: step.timeScale })}</p>}
          <div className="siren-controls">
            <button type="button" onClick={siren.play}>
              <SpeakerIcon />
              {t(`${K}.playAgain`)}
            </button>
            <span className="siren-status" role="status">
              {siren.status === 'playing' ? t(`${K}.playing`) : siren.status === 'silent' ? t(`${K}.noSound`) : ''}
            </span>
          </div>
          <SignalPattern pattern={signal.pattern} words={patternWords(t, signal.pattern)} playing={siren.status === 'playing'} plays={siren.plays} playedSeconds={siren.duration} />
        </section>
        <div className="siren-answer">
          <h2 className="prompt" ref={questionRef} tabIndex={-1}>
            {t(`${K}.question`)}
          </h2>
          <ul className="choice-list">
            {view.options.map((s) => {
              const isRight = answered && s.id === signal.id;
              const isPick = chosen?.id === s.id;
              const marks = [isRight ? t(`${K}.rightAnswer`) : null, isPick ? t(`${K}.yourPick`) : null].filter(Boolean).join(' · ');
              return (
                <li key={s.id}>
                  <button
                    type="button"
                    className={`choice ${isRight ? 'right' : isPick ? 'wrong' : ''}`}
                    disabled={answered}
                    onClick={() => dispatch({ type: 'choose', signalId: s.id })}
                  >
                    <span>{l(s.name)}</span>
                    {marks && (
                      <span className="choice-mark">
                        <span aria-hidden="true">{isRight ? '✔ ' : '✘ '}</span>
                        {marks}
                      </span>
                    )}
                  </button>
                </li>
              );
            })}
          </ul>
          <div aria-live="polite">
            {chosen && (
              <div className={`consequence ${right ? 'safe' : 'unsafe'}`} ref={verdictRef}>
                <p className="verdict">
                  <span aria-hidden="true">{right ? '✔ ' : '✘ '}</span>
                  {t(right ? `${K}.right` : `${K}.wrong`, { name: l(signal.name), chosen: l(chosen.name) })}
                </p>
                <p>
                  <strong>{t(`${K}.whatToDo`)}</strong> {l(signal.meaning)}
                </p>
              </div>
            )}
          </div>
        </div>
      </div>
      {answered && (
        <ContinueBar ref={continueRef} label={t(view.last ? `${K}.finish` : `${K}.continue`)} onContinue={() => dispatch({ type: 'continue' })} />
      )}
    </main>
  );
}

/** A loudspeaker, drawn: emoji fonts are not on every kiosk. */
function SpeakerIcon(): JSX.Element {
  return (
    <svg className="siren-speaker-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d="M3 9h4l5-4v14l-5-4H3z" fill="currentColor" />
      <path d="M15.5 8.5a5 5 0 0 1 0 7M18 6a8.5 8.5 0 0 1 0 12" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
    </svg>
  );
}
