import type { Scenario } from '@ruyi/pack-schema';
import { describe, expect, it } from 'vitest';
import { scenario } from '../test-support/scenario.ts';
import { adaptRun } from './adapt.ts';
import { next, startRun, type RunEvent, type RunState } from './run.ts';

type Action = RunEvent extends infer E ? (E extends RunEvent ? Omit<E, 'now'> : never) : never;

function play(events: readonly Action[], from: RunState = startRun(scenario, 0)): RunState {
  return events.reduce((state, e, i) => next(scenario, state, { ...e, now: (i + 1) * 1000 } as RunEvent).state, from);
}

const toDecisions = [{ type: 'begin-hunt' }, { type: 'inspect', propId: 'panel' }, { type: 'end-hunt' }, { type: 'begin-decisions' }] as const;
const throughDrill = [...toDecisions, { type: 'choose', choiceId: 'call-119' }, { type: 'continue' }, { type: 'choose', choiceId: 'stairs' }, { type: 'continue' }] as const;

/** A copy of the test scenario changed by `edit`, as a new version of the pack would be. */
function edited(edit: (s: Scenario) => void): Scenario {
  const copy = structuredClone(scenario);
  edit(copy);
  return copy;
}

describe('adaptRun', () => {
  it('returns the same state when the new version changes only texts', () => {
    const state = play([...throughDrill, { type: 'answer', choiceIds: ['a'] }, { type: 'next-question' }]);
    const renamed = edited((s) => {
      s.quiz.questions[1]!.prompt = { 'zh-CN': '新的问题', en: 'A new prompt' };
    });
    expect(adaptRun(renamed, state, scenario)).toBe(state);
  });

  it('keeps the phase and progress, dropping a found hazard that no longer exists', () => {
    const state = play([{ type: 'begin-hunt' }, { type: 'inspect', propId: 'panel' }, { type: 'inspect', propId: 'door' }]);
    expect(state.found).toEqual(['wiring', 'locked-exit']);
    const fewer = edited((s) => {
      s.hazardHunt.hazards = s.hazardHunt.hazards.filter((h) => h.id !== 'wiring');
    });
    const adapted = adaptRun(fewer, state);
    expect(adapted.phase).toBe('hazard-hunt');
    expect(adapted.found).toEqual(['locked-exit']);
    expect(adapted.inspection).toEqual({ propId: 'door', result: 'found', hazardId: 'locked-exit' });
    expect(adapted.lastProgressAt).toBe(state.lastProgressAt);
  });

  it('clears the last tap feedback when its hazard or prop is gone', () => {
    const state = play([{ type: 'begin-hunt' }, { type: 'inspect', propId: 'panel' }]);
    const noWiring = edited((s) => {
      s.hazardHunt.hazards = s.hazardHunt.hazards.filter((h) => h.id !== 'wiring');
    });
    expect(adaptRun(noWiring, state).inspection).toBeNull();
    const decoy = play([{ type: 'begin-hunt' }, { type: 'inspect', propId: 'bench' }]);
    const noBench = edited((s) => {
      s.scene.props = s.scene.props.filter((p) => p.id !== 'bench');
    });
    expect(adaptRun(noBench, decoy).inspection).toBeNull();
    expect(adaptRun(scenario, decoy)).toBe(decoy);
  });

  it('drops decisions whose choice is gone and follows a changed safe flag', () => {
    const state = play([...toDecisions, { type: 'choose', choiceId: 'call-119' }, { type: 'continue' }]);
    expect(state.nodeId).toBe('stairs');
    const changed = edited((s) => {
      s.decisions.nodes[0]!.choices[0]!.safe = false;
    });
    expect(adaptRun(changed, state).decisions).toEqual([{ nodeId: 'alarm', choiceId: 'call-119', safe: false }]);
    const renamed = edited((s) => {
      s.decisions.nodes[0]!.choices[0]!.id = 'call-fire-service';
    });
    const adapted = adaptRun(renamed, state);
    expect(adapted.decisions).toEqual([]);
    expect(adapted.nodeId).toBe('stairs');
    expect(adapted.phase).toBe('decisions');
  });

  it('moves to the start of the drill, clearing its decisions, when the decision on screen is gone', () => {
    const state = play([...toDecisions, { type: 'choose', choiceId: 'ignore' }, { type: 'continue' }]);
    expect(state.nodeId).toBe('recover');
    const noRecover = edited((s) => {
      s.decisions.nodes = s.decisions.nodes.filter((n) => n.id !== 'recover');
      s.decisions.nodes[0]!.choices[1]!.next = 'stairs';
    });
    const adapted = adaptRun(noRecover, state);
    expect(adapted).toMatchObject({ phase: 'decisions', nodeId: 'alarm', pendingChoice: null, decisions: [] });
    // The visitor can go on from there.
    const after = next(noRecover, adapted, { type: 'choose', choiceId: 'call-119', now: 9000 });
    expect(after.state.decisions).toEqual([{ nodeId: 'alarm', choiceId: 'call-119', safe: true }]);
  });

  it('withdraws a pending choice that is gone, so the visitor chooses again at the same node', () => {
    const state = play([...toDecisions, { type: 'choose', choiceId: 'ignore' }]);
    expect(state.pendingChoice).toBe('ignore');
    const noIgnore = edited((s) => {
      s.decisions.nodes[0]!.choices = s.decisions.nodes[0]!.choices.filter((c) => c.id !== 'ignore');
    });
    expect(adaptRun(noIgnore, state)).toMatchObject({ nodeId: 'alarm', pendingChoice: null, decisions: [] });
  });

  it('drops answers to removed questions and marks the rest against the new answer key', () => {
    const state = play([...throughDrill, { type: 'answer', choiceIds: ['b'] }, { type: 'next-question' }, { type: 'answer', choiceIds: ['a', 'c'] }]);
    expect(state.answers).toEqual({ q1: { choiceIds: ['b'], correct: false }, q2: { choiceIds: ['a', 'c'], correct: true } });
    const rekeyed = edited((s) => {
      s.quiz.questions[0]!.answer = ['b'];
      s.quiz.questions[1]!.choices = s.quiz.questions[1]!.choices.filter((c) => c.id !== 'c');
      s.quiz.questions[1]!.answer = ['a'];
    });
    expect(adaptRun(rekeyed, state).answers).toEqual({ q1: { choiceIds: ['b'], correct: true }, q2: { choiceIds: ['a'], correct: true } });
    const noQ1 = edited((s) => {
      s.quiz.questions.shift();
    });
    expect(Object.keys(adaptRun(noQ1, state).answers)).toEqual(['q2']);
  });

  it('drops an answer left with no choice that still exists', () => {
    const state = play([...throughDrill, { type: 'answer', choiceIds: ['b'] }]);
    const noB = edited((s) => {
      s.quiz.questions[0]!.choices = s.quiz.questions[0]!.choices.filter((c) => c.id !== 'b');
    });
    expect(adaptRun(noB, state).answers).toEqual({});
  });

  it('clamps the question index to the questions there are', () => {
    const state = play([...throughDrill, { type: 'answer', choiceIds: ['a'] }, { type: 'next-question' }]);
    expect(state.questionIndex).toBe(1);
    const oneQuestion = edited((s) => {
      s.quiz.questions.pop();
    });
    const adapted = adaptRun(oneQuestion, state);
    expect(adapted).toMatchObject({ phase: 'quiz', questionIndex: 0 });
  });

  it('keeps the question on screen when one is inserted before it, given the previous version', () => {
    const state = play([...throughDrill, { type: 'answer', choiceIds: ['a'] }, { type: 'next-question' }]);
    const inserted = edited((s) => {
      s.quiz.questions.unshift({ ...structuredClone(s.quiz.questions[0]!), id: 'q0' });
    });
    expect(adaptRun(inserted, state, scenario).questionIndex).toBe(2);
    expect(adaptRun(inserted, state).questionIndex).toBe(1);
  });

  it('keeps a finished run on its result', () => {
    const state = play([
      ...throughDrill,
      { type: 'answer', choiceIds: ['a'] },
      { type: 'next-question' },
      { type: 'answer', choiceIds: ['a', 'c'] },
      { type: 'next-question' },
    ]);
    expect(state.phase).toBe('result');
    const fewerHazards = edited((s) => {
      s.hazardHunt.hazards.pop();
    });
    const adapted = adaptRun(fewerHazards, state);
    expect(adapted).toMatchObject({ phase: 'result', finishedAt: state.finishedAt, found: ['wiring'] });
  });
});
