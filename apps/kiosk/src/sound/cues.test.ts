// Which change of the real fire scenario's run sounds which cue, through the real engine.
import type { RunState } from '@ruyi/scenario-engine';
import { playScenario } from '@ruyi/scenario-engine/testing';
import { describe, expect, it } from 'vitest';
import { eventsTo, firePack, play, stepOfKind } from '../play/testScenario.ts';
import { CUE_NOTES, resultCue, tickDue, type Cue } from './cues.ts';
import { countdownOf, cueForChange } from './runCues.ts';

const { scenario } = firePack();
const hunt = stepOfKind(scenario, 'hazard-hunt');
const toHunt = eventsTo(scenario, hunt.id);
const wrongProp = scenario.scene.props.find((p) => !hunt.hazards.some((h) => h.prop === p.id))!;

describe('cueForChange', () => {
  it('sounds a find and a wrong tap in the hunt, and nothing for the same state or a tap already found', () => {
    const before = play(scenario, toHunt);
    const found = play(scenario, [...toHunt, { stepId: hunt.id, event: { type: 'inspect', propId: hunt.hazards[0]!.prop } }]);
    const again = play(scenario, [...toHunt, { stepId: hunt.id, event: { type: 'inspect', propId: hunt.hazards[0]!.prop } }, { stepId: hunt.id, event: { type: 'inspect', propId: hunt.hazards[0]!.prop } }]);
    const wrong = play(scenario, [...toHunt, { stepId: hunt.id, event: { type: 'inspect', propId: wrongProp.id } }]);
    expect(cueForChange(scenario, before, found)).toBe('find');
    expect(cueForChange(scenario, before, wrong)).toBe('wrong');
    expect(cueForChange(scenario, found, again)).toBeNull();
    expect(cueForChange(scenario, before, before)).toBeNull();
  });

  it('is silent for a run restored or started (nothing before it), a step change and another run', () => {
    const before = play(scenario, toHunt);
    const atCard = play(scenario, []);
    expect(cueForChange(scenario, null, before)).toBeNull();
    expect(cueForChange(scenario, atCard, before)).toBeNull();
    expect(cueForChange(scenario, { ...before, startedAt: 99 }, play(scenario, [...toHunt, { stepId: hunt.id, event: { type: 'inspect', propId: wrongProp.id } }]))).toBeNull();
  });

  it('sounds the result as the run reaches it: good when it passed, could-be-better when not', () => {
    const ref = { packId: 'fire-dehui-2013', scenarioId: scenario.id, runId: '00000000-0000-4000-8000-000000000001' };
    for (const [skill, cue] of [['good', 'result-good'], ['poor', 'result-could-be-better']] as const) {
      const ended = playScenario(scenario, ref, { skill }).state;
      const last = ended.played.at(-1)!;
      // The moment before: the last step still on.
      const before: RunState = { ...ended, current: { stepId: last.stepId, startedAt: 0, state: last.state }, played: ended.played.slice(0, -1), finishedAt: null };
      expect(cueForChange(scenario, before, ended), skill).toBe(cue);
    }
  });
});

describe('countdown ticks', () => {
  it('tick as each whole second goes, not for the first shown nor at zero', () => {
    expect(tickDue(null, 8)).toBe(false);
    expect(tickDue(8, 8)).toBe(false);
    expect(tickDue(8, 7)).toBe(true);
    expect(tickDue(1, 0)).toBe(false);
    expect(tickDue(3, null)).toBe(false);
  });

  it('run only while a step counts down (the hunt does not)', () => {
    expect(countdownOf(scenario, play(scenario, toHunt), 5000)).toBeNull();
    expect(countdownOf(scenario, null, 0)).toBeNull();
  });
});

describe('cue sounds', () => {
  it('are short and quiet, and each starts on its own pitch', () => {
    const cues = Object.keys(CUE_NOTES) as Cue[];
    const firsts = cues.map((c) => CUE_NOTES[c][0]!.hz);
    expect(new Set(firsts).size).toBe(cues.length);
    for (const c of cues) {
      const notes = CUE_NOTES[c];
      expect(notes.length, c).toBeGreaterThan(0);
      expect(Math.max(...notes.map((n) => n.at + n.seconds)), c).toBeLessThanOrEqual(1);
      expect(notes.every((n) => n.peak > 0 && n.peak <= 0.5), c).toBe(true);
    }
  });
});
