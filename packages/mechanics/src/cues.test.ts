// The sounds each mechanic asks for, read from its own example play through the runner: a sound follows only a change
// the step really took, so the same state twice (a late double tap) is silent.
import { Scenario } from '@ruyi/pack-schema';
import { next, startRun, type RunState } from '@ruyi/scenario-engine';
import { describe, expect, it } from 'vitest';
import type { AnyMechanic, Example, StepCue } from './contract.ts';
import { MECHANIC_NAMES, MECHANICS, type MechanicName } from './registry.ts';

const t = (en: string) => ({ 'zh-CN': `中文${en}`, en });

function scenarioOf(name: MechanicName, step: Record<string, unknown> = MECHANICS[name].example.step): Scenario {
  const example = MECHANICS[name].example as Example<unknown, { type: string }>;
  const props = (example.props ?? [{ id: 'thing', label: t('Thing') }]).map((p, i) => ({ id: p.id, kind: 'workbench', position: [i, 0, 0], label: p.label }));
  return Scenario.parse({
    id: 'cues',
    title: t('Cues'),
    summary: t('A cue test'),
    scene: { room: { width: 10, depth: 8, height: 4 }, camera: { position: [0, 2, 4], target: [0, 1, 0] }, props },
    steps: [{ id: 'the-step', mechanic: name, ...step }],
    result: { lessons: [t('Lesson')] },
  });
}

/** Plays events through the runner and collects, per event, the sound the mechanic asks for. */
function cuesOf(name: MechanicName, events: { event: { type: string; [k: string]: unknown }; at: number }[], scenario = scenarioOf(name)): (StepCue | null)[] {
  const mechanic: AnyMechanic = MECHANICS[name];
  const step = scenario.steps[0]!;
  let state: RunState = startRun(scenario, 0, 7);
  return events.map(({ event, at }) => {
    const before = state.current;
    state = next(scenario, state, { stepId: step.id, event, now: at }).state;
    const after = state.current;
    return before && after ? (mechanic.cue?.(step, before.state, after.state) ?? null) : null;
  });
}

const examplePlay = (name: MechanicName) => {
  const scenario = scenarioOf(name);
  return MECHANICS[name].example.play(scenario.steps[0] as never, { props: scenario.scene.props, seed: 7 }) as { event: { type: string }; at: number }[];
};

describe('step cues', () => {
  it('the hazard hunt sounds a wrong tap and a find, and nothing for a find tapped again', () => {
    const events = [
      { event: { type: 'inspect', propId: 'shelf' }, at: 1000 },
      { event: { type: 'inspect', propId: 'wiring' }, at: 2000 },
      { event: { type: 'inspect', propId: 'wiring' }, at: 2100 },
      { event: { type: 'inspect', propId: 'no-such-prop' }, at: 2200 },
      { event: { type: 'end-search' }, at: 3000 },
    ];
    expect(cuesOf('hazard-hunt', events)).toEqual(['wrong', 'find', null, null, null]);
  });

  it('decisions sound the safe choice as right and an unsafe one as wrong', () => {
    const step = MECHANICS.decisions.example.step as { nodes: { choices: { id: string; safe: boolean }[] }[] };
    const first = step.nodes[0]!;
    const safe = first.choices.find((c) => c.safe)!;
    const unsafe = first.choices.find((c) => !c.safe)!;
    expect(cuesOf('decisions', [{ event: { type: 'choose', choiceId: safe.id }, at: 1000 }])).toEqual(['find']);
    expect(cuesOf('decisions', [{ event: { type: 'choose', choiceId: unsafe.id }, at: 1000 }, { event: { type: 'choose', choiceId: safe.id }, at: 1100 }])).toEqual(['wrong', null]);
  });

  it('a quiz answer sounds right or wrong once, and the next question is silent', () => {
    const q = (MECHANICS.quiz.example.step as { questions: { choices: { id: string }[]; answer: string[] }[] }).questions[0]!;
    const wrong = q.choices.find((c) => !q.answer.includes(c.id))!;
    expect(cuesOf('quiz', [{ event: { type: 'answer', choiceIds: q.answer }, at: 1000 }, { event: { type: 'next' }, at: 2000 }])).toEqual(['find', null]);
    expect(cuesOf('quiz', [{ event: { type: 'answer', choiceIds: [wrong.id] }, at: 1000 }])).toEqual(['wrong']);
  });

  it('a timed choice sounds a timeout as wrong, and counts down only while choosing', () => {
    const scenario = scenarioOf('timed-choice');
    const step = scenario.steps[0] as never as { situations: { seconds: number }[] };
    const seconds = step.situations[0]!.seconds;
    expect(cuesOf('timed-choice', [{ event: { type: 'begin' }, at: 0 }, { event: { type: 'timeout' }, at: seconds * 1000 + 10 }])).toEqual([null, 'wrong']);

    const mechanic = MECHANICS['timed-choice'];
    const s = scenario.steps[0] as never;
    const intro = mechanic.start(s, { props: [], seed: 7 }, 0);
    expect(mechanic.countdown(s, intro, 500)).toBeNull();
    const choosing = mechanic.next(s, intro, { type: 'begin', now: 1000 }, { props: [], seed: 7 }).state;
    expect(mechanic.countdown(s, choosing, 1000)).toBe(seconds);
    expect(mechanic.countdown(s, choosing, 1001)).toBe(seconds);
    expect(mechanic.countdown(s, choosing, 2000)).toBe(seconds - 1);
    expect(mechanic.countdown(s, choosing, 1000 + seconds * 1000 + 5000)).toBe(0);
    const answered = mechanic.next(s, choosing, { type: 'timeout', now: 1000 + seconds * 1000 }, { props: [], seed: 7 }).state;
    expect(mechanic.countdown(s, answered, 1000 + seconds * 1000)).toBeNull();
  });

  it('the reaction drill sounds its sudden start, then each tap', () => {
    const cues = cuesOf('reaction', examplePlay('reaction'));
    const types = examplePlay('reaction').map((e) => e.event.type);
    expect(cues[types.indexOf('cue')]).toBe('alarm');
    expect(cues.filter((c) => c === 'find')).toHaveLength(3);
    expect(cues.filter((c) => c === 'wrong')).toHaveLength(0);
    const step = MECHANICS.reaction.example.step as { distractors: { id: string }[] };
    const events = examplePlay('reaction');
    const at = events[types.indexOf('cue')]!.at;
    const withWrong = [...events.slice(0, types.indexOf('cue') + 1), { event: { type: 'tap', actionId: step.distractors[0]!.id }, at: at + 300 }];
    expect(cuesOf('reaction', withWrong).at(-1)).toBe('wrong');
  });

  it('every example play of a mechanic with sounds sounds a right one; a mechanic without sounds is silent', () => {
    for (const name of MECHANIC_NAMES) {
      const cues = cuesOf(name, examplePlay(name));
      if (!MECHANICS[name as 'quiz'].cue) {
        expect(cues.every((c) => c === null), name).toBe(true);
        continue;
      }
      expect(cues, name).toContain('find');
    }
  });

  it('the same state twice is silent for every mechanic', () => {
    for (const name of MECHANIC_NAMES) {
      const scenario = scenarioOf(name);
      const step = scenario.steps[0]!;
      const mechanic: AnyMechanic = MECHANICS[name];
      let state: RunState = startRun(scenario, 0, 7);
      for (const { event, at } of examplePlay(name)) {
        if (state.current) expect(mechanic.cue?.(step, state.current.state, state.current.state) ?? null, name).toBeNull();
        state = next(scenario, state, { stepId: step.id, event, now: at }).state;
      }
    }
  });
});
