import { describe, expect, it } from 'vitest';
import { scenario } from '../test-support/scenario.ts';
import { next, startRun, type RunEvent, type RunOutcome, type RunState } from './run.ts';

function play(events: RunEvent[], from: RunState = startRun(scenario, 0)) {
  const outcomes: RunOutcome[] = [];
  let state = from;
  for (const e of events) {
    const step = next(scenario, state, e);
    state = step.state;
    outcomes.push(...step.outcomes);
  }
  return { state, outcomes };
}

const toDecisions: RunEvent[] = [
  { type: 'begin-hunt', now: 1000 },
  { type: 'end-hunt', now: 2000 },
  { type: 'begin-decisions', now: 2500 },
];

describe('hazard hunt', () => {
  it('counts each hazard once, whatever the number of taps', () => {
    const { state, outcomes } = play([
      { type: 'begin-hunt', now: 0 },
      { type: 'inspect', propId: 'panel', now: 10 },
      { type: 'inspect', propId: 'panel', now: 20 },
    ]);
    expect(state.found).toEqual(['wiring']);
    expect(outcomes).toEqual([
      { kind: 'step-end', step: 'case-card', durationMs: 0 },
      { kind: 'hazard-found', hazardId: 'wiring' },
    ]);
    expect(state.inspection).toEqual({ propId: 'panel', result: 'already-found', hazardId: 'wiring' });
  });

  it('says a safe object is not a hazard and records the wrong guess', () => {
    const { state, outcomes } = play([{ type: 'begin-hunt', now: 0 }, { type: 'inspect', propId: 'bench', now: 5 }]);
    expect(state.inspection).toEqual({ propId: 'bench', result: 'not-a-hazard' });
    expect(state.found).toEqual([]);
    expect(outcomes.slice(1)).toEqual([{ kind: 'prop-checked', propId: 'bench' }]);
  });

  it('ignores a tap on something that is not in the scene', () => {
    const { state, outcomes } = play([{ type: 'begin-hunt', now: 0 }, { type: 'inspect', propId: 'nowhere', now: 5 }]);
    expect(state.inspection).toBeNull();
    expect(outcomes.filter((o) => o.kind !== 'step-end')).toEqual([]);
  });

  it('records each step with the time spent in it', () => {
    const { outcomes } = play([...toDecisions, { type: 'choose', choiceId: 'call-119', now: 3000 }, { type: 'continue', now: 3100 }, { type: 'choose', choiceId: 'stairs', now: 3200 }, { type: 'continue', now: 4500 }]);
    expect(outcomes.filter((o) => o.kind === 'step-end')).toEqual([
      { kind: 'step-end', step: 'case-card', durationMs: 1000 },
      { kind: 'step-end', step: 'hazard-hunt', durationMs: 1000 },
      { kind: 'step-end', step: 'hunt-review', durationMs: 500 },
      { kind: 'step-end', step: 'decisions', durationMs: 2000 },
    ]);
  });

  it('ignores taps before the hunt starts and after it ends', () => {
    const before = play([{ type: 'inspect', propId: 'panel', now: 5 }]);
    expect(before.state.found).toEqual([]);
    const after = play([...toDecisions.slice(0, 2), { type: 'inspect', propId: 'panel', now: 3000 }]);
    expect(after.state.found).toEqual([]);
    expect(after.state.phase).toBe('hunt-review');
  });

  it('moves progress time forward on a find, so the hint clock restarts', () => {
    const { state } = play([{ type: 'begin-hunt', now: 100 }, { type: 'inspect', propId: 'door', now: 9000 }]);
    expect(state.lastProgressAt).toBe(9000);
  });
});

describe('escape decisions', () => {
  it('follows the branch of the choice, showing its consequence before moving on', () => {
    let { state } = play(toDecisions);
    expect(state.nodeId).toBe('alarm');
    state = play([{ type: 'choose', choiceId: 'ignore', now: 3000 }], state).state;
    expect(state.pendingChoice).toBe('ignore');
    expect(state.nodeId).toBe('alarm');
    state = play([{ type: 'choose', choiceId: 'call-119', now: 3100 }], state).state;
    expect(state.decisions).toHaveLength(1); // a second choice while the consequence shows is ignored
    state = play([{ type: 'continue', now: 3200 }], state).state;
    expect(state.nodeId).toBe('recover');
  });

  it('records every decision with its safety, and ends the drill into the quiz', () => {
    const { state, outcomes } = play([
      ...toDecisions,
      { type: 'choose', choiceId: 'call-119', now: 3000 },
      { type: 'continue', now: 3100 },
      { type: 'choose', choiceId: 'lift', now: 3200 },
      { type: 'continue', now: 3300 },
    ]);
    expect(outcomes.filter((o) => o.kind !== 'step-end')).toEqual([
      { kind: 'decision', nodeId: 'alarm', choiceId: 'call-119', safe: true },
      { kind: 'decision', nodeId: 'stairs', choiceId: 'lift', safe: false },
    ]);
    expect(state.phase).toBe('quiz');
    expect(state.nodeId).toBeNull();
  });

  it('ignores a choice that is not on the current decision', () => {
    const { state, outcomes } = play([...toDecisions, { type: 'choose', choiceId: 'stairs', now: 3000 }]);
    expect(state.pendingChoice).toBeNull();
    expect(outcomes.filter((o) => o.kind === 'decision')).toEqual([]);
  });
});

describe('quiz', () => {
  const toQuiz: RunEvent[] = [
    ...toDecisions,
    { type: 'choose', choiceId: 'call-119', now: 3000 },
    { type: 'continue', now: 3100 },
    { type: 'choose', choiceId: 'stairs', now: 3200 },
    { type: 'continue', now: 3300 },
  ];

  it('marks a multiple-choice answer right only when it is exactly the answer set', () => {
    const partial = play([
      ...toQuiz,
      { type: 'answer', choiceIds: ['a'], now: 4000 },
      { type: 'next-question', now: 4100 },
      { type: 'answer', choiceIds: ['a'], now: 4200 },
    ]);
    expect(partial.state.answers).toEqual({ q1: { choiceIds: ['a'], correct: true }, q2: { choiceIds: ['a'], correct: false } });
    const exact = play([
      ...toQuiz,
      { type: 'answer', choiceIds: ['a'], now: 4000 },
      { type: 'next-question', now: 4100 },
      { type: 'answer', choiceIds: ['c', 'a'], now: 4200 },
    ]);
    expect(exact.state.answers.q2).toEqual({ choiceIds: ['c', 'a'], correct: true });
  });

  it('refuses two answers to a single-choice question, unknown choices, and answering twice', () => {
    const { state, outcomes } = play([
      ...toQuiz,
      { type: 'answer', choiceIds: ['a', 'b'], now: 4000 },
      { type: 'answer', choiceIds: ['z'], now: 4000 },
      { type: 'answer', choiceIds: ['b'], now: 4100 },
      { type: 'answer', choiceIds: ['a'], now: 4200 },
    ]);
    expect(state.answers).toEqual({ q1: { choiceIds: ['b'], correct: false } });
    expect(outcomes.filter((o) => o.kind === 'answer')).toHaveLength(1);
  });

  it('does not move on before the question is answered', () => {
    const { state } = play([...toQuiz, { type: 'next-question', now: 4000 }]);
    expect(state.questionIndex).toBe(0);
  });

  it('ends with the score, pass mark and duration after the last question', () => {
    const { state, outcomes } = play([
      { type: 'begin-hunt', now: 1000 },
      { type: 'inspect', propId: 'panel', now: 1500 },
      { type: 'inspect', propId: 'door', now: 1600 },
      { type: 'end-hunt', now: 2000 },
      { type: 'begin-decisions', now: 2500 },
      { type: 'choose', choiceId: 'call-119', now: 3000 },
      { type: 'continue', now: 3100 },
      { type: 'choose', choiceId: 'stairs', now: 3200 },
      { type: 'continue', now: 3300 },
      { type: 'answer', choiceIds: ['a'], now: 4000 },
      { type: 'next-question', now: 4100 },
      { type: 'answer', choiceIds: ['a', 'c'], now: 4200 },
      { type: 'next-question', now: 60_000 },
    ]);
    expect(state.phase).toBe('result');
    const end = outcomes.at(-1);
    expect(end).toMatchObject({ kind: 'scenario-end', passed: true, durationMs: 60_000 });
    expect(end?.kind === 'scenario-end' && end.score).toMatchObject({ raw: 60, max: 60, scaled: 1 });
  });
});
