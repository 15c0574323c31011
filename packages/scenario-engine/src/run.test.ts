import type { VisitRecord } from '@ruyi/mechanics';
import { describe, expect, it } from 'vitest';
import { scenario } from '../test-support/scenario.ts';
import { adaptRun } from './adapt.ts';
import { judgeScenarioEnd, replayRun } from './evidence.ts';
import { recordBodyFor } from './records.ts';
import { next, startRun, type RunOutcome, type RunState } from './run.ts';
import { scoreRun } from './score.ts';

type Move = [stepId: string, event: { type: string; [k: string]: unknown }];

/** Plays moves one second apart; returns the state and every outcome. */
function play(moves: Move[], seed = 1, from: RunState = startRun(scenario, 0, seed)) {
  let state = from;
  const outcomes: RunOutcome[] = [];
  moves.forEach(([stepId, event], i) => {
    const t = next(scenario, state, { stepId, event, now: (i + 1) * 1000 });
    state = t.state;
    outcomes.push(...t.outcomes);
  });
  return { state, outcomes };
}

const caseCard: Move[] = [['case-card', { type: 'continue' }]];
const goodHunt: Move[] = [
  ['hazard-hunt', { type: 'inspect', propId: 'panel' }],
  ['hazard-hunt', { type: 'inspect', propId: 'door' }],
  ['hazard-hunt', { type: 'end-search' }],
  ['hazard-hunt', { type: 'continue' }],
];
const safeDrill: Move[] = [
  ['decisions', { type: 'choose', choiceId: 'call-119' }],
  ['decisions', { type: 'continue' }],
  ['decisions', { type: 'choose', choiceId: 'stairs' }],
  ['decisions', { type: 'continue' }],
];
const quiz = (q1: string[], q2: string[]): Move[] => [
  ['quiz', { type: 'answer', choiceIds: q1 }],
  ['quiz', { type: 'next' }],
  ['quiz', { type: 'answer', choiceIds: q2 }],
  ['quiz', { type: 'next' }],
];

describe('a run of a scenario', () => {
  it('plays its steps in order and ends with a score of the steps played', () => {
    const { state, outcomes } = play([...caseCard, ...goodHunt, ...safeDrill, ...quiz(['a'], ['a', 'c'])]);
    expect(state.current).toBeNull();
    expect(state.played.map((p) => p.stepId)).toEqual(['case-card', 'hazard-hunt', 'decisions', 'quiz']);
    expect(outcomes.filter((o) => o.kind === 'step-end').map((o) => (o as { stepId: string }).stepId)).toEqual(['case-card', 'hazard-hunt', 'decisions', 'quiz']);
    const end = outcomes.at(-1)!;
    expect(end.kind).toBe('scenario-end');
    if (end.kind !== 'scenario-end') return;
    // 2 hazards + 2 safe decisions + 2 right answers, 10 points each.
    expect(end.score).toMatchObject({ raw: 60, max: 60, scaled: 1, passed: true });
    expect(end.durationMs).toBe(13_000);
  });

  it('ignores an event for a step it is not at (a double tap on the last screen)', () => {
    const { state } = play(caseCard);
    expect(next(scenario, state, { stepId: 'case-card', event: { type: 'continue' }, now: 5000 }).state).toBe(state);
    expect(next(scenario, state, { stepId: 'quiz', event: { type: 'next' }, now: 5000 }).outcomes).toEqual([]);
  });

  it('branches on the score so far: a poor hunt goes to the refresher before the drill', () => {
    const poorHunt: Move[] = [
      ['hazard-hunt', { type: 'inspect', propId: 'bench' }],
      ['hazard-hunt', { type: 'end-search' }],
      ['hazard-hunt', { type: 'continue' }],
    ];
    const { state } = play([...caseCard, ...poorHunt]);
    expect(state.current?.stepId).toBe('refresher');
    // The refresher's `next` is the following step in the list: the drill.
    const after = play([['refresher', { type: 'answer', choiceIds: ['open'] }], ['refresher', { type: 'next' }]], 1, state).state;
    expect(after.current?.stepId).toBe('decisions');
  });

  it('leaves the drill for another step when a choice says so, and a longer path does not cost points', () => {
    const lift: Move[] = [
      ['decisions', { type: 'choose', choiceId: 'ignore' }],
      ['decisions', { type: 'continue' }],
      ['decisions', { type: 'choose', choiceId: 'call-now' }],
      ['decisions', { type: 'continue' }],
      ['decisions', { type: 'choose', choiceId: 'lift' }],
      ['decisions', { type: 'continue' }],
    ];
    const { state, outcomes } = play([...caseCard, ...goodHunt, ...lift]);
    expect(state.current).toBeNull();
    expect(state.played.map((p) => p.stepId)).not.toContain('quiz');
    const score = scoreRun(scenario, state);
    expect(score.steps.find((s) => s.stepId === 'decisions')?.tally).toEqual({ right: 1, total: 3, points: 10, maxPoints: 30 });
    expect(outcomes.at(-1)?.kind).toBe('scenario-end');
  });

  it('is not passed without its knowledge check, whatever the rest scored', () => {
    const { state } = play([...caseCard, ...goodHunt, ...safeDrill, ...quiz(['b'], ['a'])]);
    const score = scoreRun(scenario, state);
    // 40 of 60 = 0.6667, above the pass mark; the quiz earned 0 of 20, below its 0.6.
    expect(score.scaled).toBeGreaterThan(scenario.result.passScore);
    expect(score.passed).toBe(false);
    const quizScore = score.steps.find((s) => s.stepId === 'quiz')!;
    expect(quizScore).toMatchObject({ passAt: 0.6, passed: false });
    expect(quizScore.missed.map((m) => m.en)).toEqual(['Number?', 'Which?']);
  });

  it('takes points for wrong taps but never below zero, and names the hazards missed', () => {
    const taps: Move[] = [
      ['hazard-hunt', { type: 'inspect', propId: 'bench' }],
      ['hazard-hunt', { type: 'inspect', propId: 'bench' }],
      ['hazard-hunt', { type: 'inspect', propId: 'bench' }],
      ['hazard-hunt', { type: 'inspect', propId: 'panel' }],
      ['hazard-hunt', { type: 'end-search' }],
      ['hazard-hunt', { type: 'continue' }],
    ];
    const { state } = play([...caseCard, ...taps]);
    const hunt = scoreRun(scenario, state).steps.find((s) => s.stepId === 'hazard-hunt')!;
    expect(hunt.tally).toEqual({ right: 1, total: 2, points: 0, maxPoints: 20 });
    expect(hunt.missed.map((m) => m.en)).toEqual(['Locked exit']);
  });

  it('makes the records the app stores, each with its step', () => {
    const { outcomes } = play([...caseCard, ['hazard-hunt', { type: 'inspect', propId: 'door' }]]);
    const run = { packId: 'p', scenarioId: scenario.id, runId: 'r' };
    expect(outcomes.map((o) => recordBodyFor(o, run))).toEqual([
      { type: 'step-end', ...run, stepId: 'case-card', durationMs: 1000 },
      { type: 'hazard-found', ...run, stepId: 'hazard-hunt', hazardId: 'locked-exit', atMs: 1000 },
    ]);
  });
});

describe('the evidence of a run', () => {
  const run = { packId: 'p', scenarioId: scenario.id, runId: '00000000-0000-4000-8000-000000000001' };
  const records = (moves: Move[], seed = 9) => {
    const { outcomes } = play(moves, seed);
    return outcomes.map(
      (o, i) =>
        ({
          ...recordBodyFor(o, run),
          id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
          visitId: '00000000-0000-4000-8000-0000000000aa',
          at: '2026-06-01T09:30:00.000Z',
          platform: 'kiosk',
          locale: 'zh-CN',
        }) as VisitRecord,
    );
  };
  const full = [...caseCard, ...goodHunt, ...safeDrill, ...quiz(['a'], ['a'])];

  it('bears out the end the play reached, and gives the score the records earn', () => {
    const all = records(full);
    const end = all.at(-1) as Extract<VisitRecord, { type: 'scenario-end' }>;
    const judged = judgeScenarioEnd(scenario, all.slice(0, -1), end, 9);
    expect(judged.problems).toEqual([]);
    expect(judged.score).toMatchObject({ raw: 50, max: 60 });
  });

  it('refuses a claimed score the records do not earn, naming the field', () => {
    const all = records(full);
    const end = all.at(-1) as Extract<VisitRecord, { type: 'scenario-end' }>;
    const claim = { score: { raw: 60, max: 60, scaled: 1 }, passed: true };
    const fields = judgeScenarioEnd(scenario, all.slice(0, -1), claim, 9).problems.map((p) => p.field);
    // 1 of 2 questions right is below the quiz's 0.6: not passed either.
    expect(fields).toEqual(['score.raw', 'score.scaled', 'passed']);
    expect(end.score.raw).toBe(50);
  });

  it('refuses a run that never finished a step, and records out of place', () => {
    const all = records(full);
    const end = all.at(-1) as Extract<VisitRecord, { type: 'scenario-end' }>;
    const withoutQuizEnd = all.filter((r) => !(r.type === 'step-end' && (r as { stepId: string }).stepId === 'quiz')).slice(0, -1);
    const unfinished = judgeScenarioEnd(scenario, withoutQuizEnd, end, 9).problems;
    expect(unfinished.some((p) => p.field === 'run' && /never ended step 'quiz'/.test(p.message))).toBe(true);

    const found = all.find((r) => r.type === 'hazard-found')!;
    const twice = [...all.slice(0, -1)];
    twice.splice(twice.indexOf(found) + 1, 0, { ...found, id: '00000000-0000-4000-8000-0000000000ff' });
    expect(replayRun(scenario, twice, 9).problems.map((p) => p.message).join()).toMatch(/does not fit/);
  });

  it('replays with the run seed: a choice order the seed does not give is not evidence', () => {
    const shuffledScenario = { ...scenario, steps: scenario.steps.map((s) => (s.mechanic === 'decisions' ? { ...s, shuffle: true } : s)) } as typeof scenario;
    const { outcomes } = (() => {
      let state = startRun(shuffledScenario, 0, 9);
      const out: RunOutcome[] = [];
      [...caseCard, ...goodHunt, ['decisions', { type: 'choose', choiceId: 'call-119' }] as Move].forEach(([stepId, event], i) => {
        const t = next(shuffledScenario, state, { stepId, event, now: i * 1000 });
        state = t.state;
        out.push(...t.outcomes);
      });
      return { outcomes: out };
    })();
    const decision = outcomes.find((o) => o.kind === 'record' && o.record.type === 'decision');
    expect(decision?.kind === 'record' && decision.record.order).toHaveLength(2);
    const asRecords = outcomes.map((o, i) => ({ ...recordBodyFor(o, run), id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, visitId: run.runId, at: '2026-06-01T09:30:00.000Z', platform: 'kiosk', locale: 'en' }) as VisitRecord);
    expect(replayRun(shuffledScenario, asRecords, 9).problems).toEqual([]);
    const other = [9, 10, 11, 12, 13].find((seed) => JSON.stringify(replayRun(shuffledScenario, asRecords, seed).problems) !== '[]');
    expect(other, 'some other seed shows the choices in another order').toBeDefined();
  });
});

describe('a run carried over to a new version of its scenario', () => {
  it('keeps its place when the step on screen is unchanged, and starts a changed step again', () => {
    const { state } = play([...caseCard, ['hazard-hunt', { type: 'inspect', propId: 'door' }]]);
    expect(adaptRun(scenario, state, scenario)).toBe(state);
    const changed = {
      ...scenario,
      steps: scenario.steps.map((s) => (s.id === 'hazard-hunt' ? { ...s, hintAfterSeconds: 30 } : s)),
    } as typeof scenario;
    const adapted = adaptRun(changed, state, scenario);
    expect(adapted.current?.stepId).toBe('hazard-hunt');
    expect((adapted.current?.state as { found: unknown[] }).found).toEqual([]);
    expect(adapted.played.map((p) => p.stepId)).toEqual(['case-card']);
  });

  it('keeps the state of the step on screen when only its texts changed', () => {
    const { state } = play([...caseCard, ['hazard-hunt', { type: 'inspect', propId: 'door' }]]);
    const reworded = {
      ...scenario,
      steps: scenario.steps.map((s) => (s.id === 'hazard-hunt' ? { ...s, instructions: { 'zh-CN': '新的说明', en: 'New instructions' } } : s)),
    } as typeof scenario;
    expect(adaptRun(reworded, state, scenario)).toBe(state);
  });

  it('goes to the first step not played when the step on screen is gone', () => {
    const { state } = play([...caseCard, ...goodHunt]);
    const without = { ...scenario, steps: scenario.steps.filter((s) => s.id !== 'decisions') } as typeof scenario;
    expect(adaptRun(without, state, scenario).current?.stepId).toBe('refresher');
  });
});
