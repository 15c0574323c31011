// The situation's clock on screen: the time left, ticking, and the timeout sent to the step when it runs out. The
// step's reducer decides whether the time is really up; until it agrees, the timeout is sent again on the next tick.
import type { StepConfigOf, StepEventOf, StepStateOf } from '@ruyi/mechanics';
import { useEffect, useState } from 'react';

type Step = StepConfigOf<'timed-choice'>;
type State = StepStateOf<'timed-choice'>;

/** Ms left to choose at `now`; a clock stepping back never adds time. */
export function msLeft(step: Step, state: State, now: number): number {
  const situation = step.situations[state.index];
  if (!situation) return 0;
  return Math.max(0, Math.round(situation.seconds * 1000) - Math.max(0, now - state.shownAt));
}

/** Often enough that the number changes within a quarter second of the real second. */
const TICK_MS = 250;

export function useCountdown(
  step: Step,
  state: State,
  dispatch: (event: StepEventOf<'timed-choice'>) => void,
): { msLeft: number; seconds: number } {
  const running = state.phase === 'choosing';
  // The run stamps its events with Date.now(): the same clock here.
  const [left, setLeft] = useState(() => msLeft(step, state, Date.now()));
  useEffect(() => {
    if (!running) return;
    const tick = () => {
      const now = msLeft(step, state, Date.now());
      setLeft(now);
      if (now <= 0) dispatch({ type: 'timeout' });
    };
    tick();
    const timer = window.setInterval(tick, TICK_MS);
    return () => window.clearInterval(timer);
  }, [running, state.index, state.shownAt, step, dispatch]);
  const shown = running ? left : 0;
  return { msLeft: shown, seconds: Math.ceil(shown / 1000) };
}
