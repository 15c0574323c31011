import { MECHANICS, STEP_SCHEMAS, type StepConfigOf, type StepEnv } from '@ruyi/mechanics';
import { describe, expect, it } from 'vitest';
import { timedChoiceView } from './view.ts';
import { msLeft } from './useCountdown.ts';

const mechanic = MECHANICS['timed-choice'];
const step = STEP_SCHEMAS['timed-choice'].parse({ id: 'crowd', mechanic: 'timed-choice', ...mechanic.example.step }) as StepConfigOf<'timed-choice'>;
const env: StepEnv = { props: [], seed: 7 };

function after(events: Parameters<typeof mechanic.next>[2][]) {
  let state = mechanic.start(step, env, 0);
  for (const e of events) state = mechanic.next(step, state, e, env).state;
  return state;
}

describe('timed-choice view', () => {
  it('shows the intro, then the situation with its choices in the order drawn for the run', () => {
    expect(timedChoiceView(step, after([]))).toEqual({ kind: 'intro' });
    const state = after([{ type: 'begin', now: 1000 }]);
    const view = timedChoiceView(step, state);
    expect(view).toMatchObject({ kind: 'choosing', n: 1, total: 2 });
    expect(view?.kind === 'choosing' && view.choices.map((c) => c.id)).toEqual(state.order);
  });

  it('counts down from the situation\'s seconds to zero, never below', () => {
    const state = after([{ type: 'begin', now: 1000 }]);
    expect(msLeft(step, state, 1000)).toBe(8000);
    expect(msLeft(step, state, 3400)).toBe(5600);
    expect(msLeft(step, state, 500)).toBe(8000);
    expect(msLeft(step, state, 60_000)).toBe(0);
  });

  it('after a safe choice, says so and explains nothing more', () => {
    const view = timedChoiceView(step, after([{ type: 'begin', now: 0 }, { type: 'choose', choiceId: 'boxer', now: 1000 }]));
    expect(view).toMatchObject({ kind: 'feedback', safe: true, chosen: { id: 'boxer' }, explain: [], last: false });
  });

  it('after an unsafe choice or none in time, still explains the safe choice', () => {
    const unsafe = timedChoiceView(step, after([{ type: 'begin', now: 0 }, { type: 'choose', choiceId: 'push', now: 1000 }]));
    expect(unsafe).toMatchObject({ kind: 'feedback', safe: false, chosen: { id: 'push' } });
    expect(unsafe?.kind === 'feedback' && unsafe.explain.map((c) => c.id)).toEqual(['boxer']);
    const late = timedChoiceView(
      step,
      after([{ type: 'begin', now: 0 }, { type: 'choose', choiceId: 'boxer', now: 1000 }, { type: 'continue', now: 2000 }, { type: 'timeout', now: 7000 }]),
    );
    expect(late).toMatchObject({ kind: 'feedback', safe: false, chosen: null, last: true });
    expect(late?.kind === 'feedback' && late.explain.map((c) => c.id)).toEqual(['curl']);
  });

  it('shows nothing once the step is done', () => {
    const done = after([
      { type: 'begin', now: 0 },
      { type: 'timeout', now: 8000 },
      { type: 'continue', now: 9000 },
      { type: 'timeout', now: 14_000 },
      { type: 'continue', now: 15_000 },
    ]);
    expect(done.phase).toBe('done');
    expect(timedChoiceView(step, done)).toBeNull();
  });
});
