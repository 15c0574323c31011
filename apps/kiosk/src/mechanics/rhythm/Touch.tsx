// The rhythm step on a screen: one big press button (pointer down, Space or Enter, or an assistive click), the count
// so far, the live rate in words with an arrow, and a summary once the count is reached.
import { rhythmPace } from '@ruyi/mechanics/rhythm';
import { useEffect, useRef, useState, type JSX, type KeyboardEvent, type PointerEvent, type RefObject } from 'react';
import { useReducedMotion } from '../../components/useReducedMotion.ts';
import { NarrationButton } from '../../components/NarrationButton.tsx';
import type { StepViewProps } from '../views.ts';
import { useMechanicText } from '../useMechanicText.ts';
import { rhythmSummary } from './summary.ts';
import './rhythm.css';

/** The mark shown with each live verdict (words carry the meaning; the mark and colour add to it). */
export const PACE_MARK = { tooSlow: '↑', tooFast: '↓', good: '✔' } as const;

const isPressKey = (key: string) => key === ' ' || key === 'Enter';
/** A click this soon after a pointer press on the button is that press's own click, already counted. */
const CLICK_AFTER_POINTER_MS = 1500;

export function Touch({ step, state, dispatch }: StepViewProps<'rhythm'>): JSX.Element {
  const { k, l } = useMechanicText('rhythm');
  const reducedMotion = useReducedMotion();
  const pressing = state.stage === 'pressing';
  const n = state.tapsMs.length;
  const pace = rhythmPace(step, state.tapsMs);
  const lastPointer = useRef(-Infinity);
  const summaryHeading = useRef<HTMLHeadingElement>(null);
  // Each press restarts the pulse (a new key), which reduced motion leaves out.
  const [pulse, setPulse] = useState(0);

  const press = () => {
    dispatch({ type: 'press' });
    setPulse((p) => p + 1);
  };
  const pressRef = useRef(press);
  pressRef.current = press;

  // Space or Enter anywhere on the step presses, unless another control has the focus (it keeps its own keys).
  useEffect(() => {
    if (!pressing) return;
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (!isPressKey(e.key) || e.defaultPrevented) return;
      const target = e.target instanceof Element ? e.target : null;
      if (target?.closest('button, a, input, select, textarea, summary, [role="button"], [contenteditable="true"]')) return;
      e.preventDefault();
      if (!e.repeat) pressRef.current();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [pressing]);

  // Out of presses: the focus goes to the summary, so a last Space does not land on "continue".
  useEffect(() => {
    if (!pressing) summaryHeading.current?.focus();
  }, [pressing]);

  const onPointerDown = (e: PointerEvent<HTMLButtonElement>) => {
    if (e.button !== 0) return;
    lastPointer.current = e.timeStamp;
    press();
  };
  const onClick = (e: { timeStamp: number }) => {
    // A screen reader's activation comes as a click alone; a pointer's click follows its pointerdown, counted there.
    if (e.timeStamp - lastPointer.current < CLICK_AFTER_POINTER_MS) return;
    press();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>) => {
    if (!isPressKey(e.key)) return;
    // Pressed on key down, for the rhythm; the button's own click (on Enter down, on Space up) would count it twice.
    e.preventDefault();
    if (!e.repeat) press();
  };
  const onKeyUp = (e: KeyboardEvent<HTMLButtonElement>) => {
    if (e.key === ' ') e.preventDefault();
  };

  return (
    <main className="step rhythm">
      <h1>{k('heading')}</h1>
      <p className="lead">{l(step.instructions)}</p>
      <p className="rhythm-target">{k('target', { count: step.count, min: step.minPerMinute, max: step.maxPerMinute })}</p>
      <NarrationButton text={[l(step.instructions), k('target', { count: step.count, min: step.minPerMinute, max: step.maxPerMinute })].join('\n')} />
      {pressing ? (
        <>
          <div className="rhythm-meter">
            {/* "12 / 30" for the eye; for a screen reader, in words (a paragraph cannot carry an aria-label). */}
            <p className="counter rhythm-counter">
              <span aria-hidden="true">{k('counter', { n, count: step.count })}</span>
              <span className="rhythm-sr">{k('counterLabel', { n, count: step.count })}</span>
            </p>
            {pace && <p className="rhythm-rate">{k('rate', { rate: pace.perMinute })}</p>}
          </div>
          <button
            type="button"
            className="primary rhythm-press"
            aria-describedby="rhythm-hint"
            onPointerDown={onPointerDown}
            onClick={onClick}
            onKeyDown={onKeyDown}
            onKeyUp={onKeyUp}
          >
            {!reducedMotion && pulse > 0 && <span key={pulse} className="rhythm-pulse" aria-hidden="true" />}
            <span className="rhythm-press-label">{k('press')}</span>
          </button>
          <p id="rhythm-hint" className="rhythm-hint">
            {k('pressHint')}
          </p>
          <p className={`rhythm-feedback ${pace ? pace.pace : 'waiting'}`} role="status" aria-live="polite">
            {pace ? (
              <>
                <span className="rhythm-mark" aria-hidden="true">
                  {PACE_MARK[pace.pace]}
                </span>{' '}
                {l(step[pace.pace])}
              </>
            ) : (
              k('firstPress')
            )}
          </p>
          <div className="actions">
            <button type="button" onClick={() => dispatch({ type: 'finish' })}>
              {k('done')}
            </button>
          </div>
        </>
      ) : (
        <Summary step={step} state={state} headingRef={summaryHeading} onContinue={() => dispatch({ type: 'finish' })} />
      )}
    </main>
  );
}

function Summary({
  step,
  state,
  headingRef,
  onContinue,
}: Pick<StepViewProps<'rhythm'>, 'step' | 'state'> & { headingRef: RefObject<HTMLHeadingElement | null>; onContinue: () => void }): JSX.Element {
  const { k, l } = useMechanicText('rhythm');
  const { n, score, countOk, rateOk, advice } = rhythmSummary(step, state);
  return (
    <section className={`consequence rhythm-summary ${countOk && rateOk ? 'safe' : 'unsafe'}`} role="status">
      <h2 ref={headingRef} tabIndex={-1}>
        {k('summaryHeading')}
      </h2>
      <p className="verdict">
        <span aria-hidden="true">{countOk ? '✔ ' : '✘ '}</span>
        {k('summaryCount', { n, count: step.count })}
      </p>
      <p className="verdict">
        <span aria-hidden="true">{rateOk ? '✔ ' : '✘ '}</span>
        {k('summaryRate', { good: score.right, total: score.total })}
      </p>
      <p>{l(advice)}</p>
      <button type="button" className="primary" onClick={onContinue}>
        {k('continue')}
      </button>
    </section>
  );
}
