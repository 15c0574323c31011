import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { stepCommonFields } from '../common.ts';
import type { Mechanic, RecordPayload, StepEnv } from '../contract.ts';
import {
  audioRecognition,
  orderOf,
  type AudioRecognitionConfig,
  type AudioRecognitionEvent,
  type AudioRecognitionState,
  type AudioRecognitionStep,
  type SignalIdentified,
} from './index.ts';

// As the registry sees it: the contract's types, not the object literal's narrower ones.
const m: Mechanic<'audio-recognition', AudioRecognitionConfig, AudioRecognitionState, AudioRecognitionEvent, SignalIdentified> = audioRecognition;

const schema = z.strictObject({ ...stepCommonFields, mechanic: z.literal('audio-recognition'), ...m.fields });
const parse = (fields: Record<string, unknown>) => schema.parse({ id: 'sirens', mechanic: 'audio-recognition', ...fields }) as AudioRecognitionStep;
const step = parse(m.example.step);
const env = (seed = 7): StepEnv => ({ props: [], seed });

type Ev = AudioRecognitionEvent & { now: number };

/** Plays events from the start; returns the final state, all records and whether the step ended. */
function play(events: Ev[], seed = 7) {
  let state: AudioRecognitionState = m.start(step, env(seed), 0);
  const records: RecordPayload[] = [];
  let done = false;
  for (const e of events) {
    const t = m.next(step, state, e, env(seed));
    state = t.state;
    records.push(...t.records);
    if (t.done) done = true;
  }
  return { state, records, done };
}

const choose = (signalId: string, now = 1000): Ev => ({ type: 'choose', signalId, now });
const cont = (now = 2000): Ev => ({ type: 'continue', now });
const rightPlay = (): Ev[] => m.example.play(step, env()).map(({ event, at }) => ({ ...event, now: at }));

describe('audio-recognition fields', () => {
  it('fills the defaults', () => {
    const { timeScale: _t, ...rest } = m.example.step;
    const s = parse(rest);
    expect(s.timeScale).toBe(6);
    expect(s.pointsPerRound).toBe(10);
  });

  it('refuses duplicate signal ids, a single signal, a pitch pair written high first', () => {
    const signals = m.example.step.signals as { id: string }[];
    expect(() => parse({ ...m.example.step, signals: [signals[0], signals[0]] })).toThrow(/unique/);
    expect(() => parse({ ...m.example.step, signals: [signals[0]] })).toThrow(/two signals/);
    expect(() => parse({ ...m.example.step, signals: [{ ...signals[0], frequencyHz: [900, 500] }, signals[1]] })).toThrow(/lower pitch first/);
    expect(() => parse({ ...m.example.step, signals: [{ ...signals[0], pattern: { onSeconds: 0, offSeconds: 1, cycles: 1 } }, signals[1]] })).toThrow();
  });

  it('accepts a steady pitch or a wail pair', () => {
    const signals = m.example.step.signals as { id: string }[];
    expect(parse({ ...m.example.step, signals: [{ ...signals[0], frequencyHz: 650 }, { ...signals[1], frequencyHz: [400, 800] }] }).signals[1]!.frequencyHz).toEqual([400, 800]);
  });

  it('names a round whose signal the step does not have', () => {
    const bad = parse({ ...m.example.step, rounds: [{ id: 'round-one', signal: 'fire-bell' }] });
    expect(m.references(bad, { props: [] })).toMatchObject([{ path: ['rounds', 0, 'signal'], code: 'mechanic.round-signal', message: expect.stringContaining("'fire-bell'") }]);
    expect(m.references(step, { props: [] })).toEqual([]);
  });

  it('defines its rounds as scenario-unique ids and leads nowhere by itself', () => {
    expect(m.ids(step)).toEqual(['round-one', 'round-two', 'round-three']);
    expect(m.targets(step)).toEqual([]);
  });
});

describe('audio-recognition rounds', () => {
  it('shows every signal once, in an order from the seed and the round', () => {
    const state = m.start(step, env(7), 0);
    expect([...state.order].sort()).toEqual(step.signals.map((s) => s.id).sort());
    expect(m.start(step, env(7), 500).order).toEqual(state.order);
    // Some seed shows another order, and some round of the same seed does too: the shuffle is not fixed.
    const seeds = Array.from({ length: 20 }, (_, i) => orderOf(step, 0, i).join());
    expect(new Set(seeds).size).toBeGreaterThan(1);
    const rounds = Array.from({ length: 20 }, (_, seed) => orderOf(step, 0, seed).join() !== orderOf(step, 1, seed).join());
    expect(rounds).toContain(true);
  });

  it('records a right pick with the shown order, then ignores further picks until continue', () => {
    const start = m.start(step, env(), 0);
    const { state, records } = play([choose('air-raid'), choose('all-clear')]);
    expect(records).toEqual([{ type: 'signal-identified', roundId: 'round-one', chosenId: 'air-raid', right: true, order: start.order }]);
    expect(state.chosen).toBe('air-raid');
  });

  it('records a wrong pick as wrong', () => {
    const { records } = play([choose('all-clear')]);
    expect(records).toEqual([expect.objectContaining({ roundId: 'round-one', chosenId: 'all-clear', right: false })]);
  });

  it('ignores a pick of no signal of the step, and continue before a pick', () => {
    const { state, records } = play([choose('fire-bell'), cont()]);
    expect(records).toEqual([]);
    expect(state.round).toBe(0);
    expect(state.chosen).toBeNull();
  });

  it('goes on to the next round with its own order, and ends after the last', () => {
    const after = play([choose('air-raid'), cont()]);
    expect(after.state.round).toBe(1);
    expect(after.state.chosen).toBeNull();
    expect(after.state.order).toEqual(orderOf(step, 1, 7));
    expect(after.done).toBe(false);
    const all = play(rightPlay());
    expect(all.done).toBe(true);
    expect(all.records).toHaveLength(3);
  });
});

describe('audio-recognition autoplay', () => {
  function auto(skill: 'good' | 'poor', seed = 3) {
    let state = m.start(step, env(seed), 0);
    let now = 0;
    for (let i = 0; i < 20; i++) {
      const move = m.autoplay!(step, state, env(seed), skill);
      if (!move) break;
      now += move.after;
      const t = m.next(step, state, { ...move.event, now }, env(seed));
      state = t.state;
      if (t.done) return { state, done: true };
    }
    return { state, done: false };
  }

  it('plays the step to its end, a good visitor right every round, a poor one not', () => {
    const good = auto('good');
    expect(good.done).toBe(true);
    expect(m.score(step, good.state).right).toBe(3);
    const poor = auto('poor');
    expect(poor.done).toBe(true);
    expect(m.score(step, poor.state).right).toBeLessThan(3);
  });
});

describe('audio-recognition score', () => {
  it('earns pointsPerRound per signal recognised, at most all rounds', () => {
    expect(m.score(step, play(rightPlay()).state)).toEqual({ right: 3, total: 3, points: 30, maxPoints: 30 });
    expect(m.score(step, m.start(step, env(), 0))).toEqual({ right: 0, total: 3, points: 0, maxPoints: 30 });
  });

  it('earns nothing for wrong picks and never goes above its maximum', () => {
    const wrong = play([choose('pre-warning'), cont(), choose('air-raid'), cont(), choose('air-raid'), cont()]);
    expect(m.score(step, wrong.state)).toEqual({ right: 0, total: 3, points: 0, maxPoints: 30 });
    // Picking again after a pick changes nothing.
    const again = play([choose('air-raid'), choose('air-raid'), choose('pre-warning'), cont(), choose('pre-warning'), choose('pre-warning')]);
    const s = m.score(step, again.state);
    expect(s.points).toBeLessThanOrEqual(s.maxPoints);
    expect(s.right).toBe(2);
  });

  it('names each missed signal with what to do', () => {
    const { state } = play([choose('pre-warning'), cont(), choose('pre-warning'), cont(), choose('air-raid')]);
    expect(m.missed(step, state)).toEqual([
      { 'zh-CN': '空袭警报：立即就近进入人防工程或地下室。', en: 'air-raid warning: Take shelter at once.' },
      { 'zh-CN': '解除警报：有序离开人防工程。', en: 'all-clear: Leave the shelter in order.' },
    ]);
    expect(m.missed(step, play(rightPlay()).state)).toEqual([]);
  });

  it('gives a child\'s version where a text has one', () => {
    const signals = m.example.step.signals as Record<string, unknown>[];
    const childStep = parse({
      ...m.example.step,
      signals: [{ ...signals[0], meaning: { 'zh-CN': '去防空洞。', en: 'Go to a shelter.', child: { 'zh-CN': '快去防空洞。', en: 'Go to the shelter.' } } }, ...signals.slice(1)],
      rounds: [{ id: 'round-one', signal: 'pre-warning' }],
    });
    let state = m.start(childStep, env(), 0);
    state = m.next(childStep, state, choose('air-raid'), env()).state;
    expect(m.missed(childStep, state)[0]!.child).toEqual({ 'zh-CN': '预先警报：快去防空洞。', en: 'pre-attack warning: Go to the shelter.' });
  });
});

describe('audio-recognition records', () => {
  /** Replays records from the start as the server does: each record's events, then the step's end. */
  function replay(records: RecordPayload[], seed = 7) {
    let state = m.start(step, env(seed), 0);
    const out: RecordPayload[] = [];
    for (const r of records) {
      const events = m.eventsFor(step, state, r as SignalIdentified);
      if (!events) return null;
      for (const e of events) {
        const t = m.next(step, state, e, env(seed));
        state = t.state;
        out.push(...t.records);
      }
    }
    let done = false;
    for (const e of m.endEvents(step, state)) done = m.next(step, state, { ...e, now: 0 }, env(seed)).done === true || done;
    return { records: out, done, state };
  }

  it('replays a played run to the same records and the same end', () => {
    for (const events of [rightPlay(), [choose('all-clear'), cont(), choose('pre-warning'), cont(), choose('air-raid'), cont()]]) {
      const played = play(events, 11);
      const replayed = replay(played.records, 11)!;
      expect(replayed.records).toEqual(played.records);
      expect(replayed.done).toBe(true);
      expect(m.score(step, replayed.state)).toEqual(m.score(step, played.state));
    }
  });

  it('does not end a run that stopped before its last round', () => {
    const played = play([choose('air-raid'), cont(), choose('pre-warning')]);
    expect(replay(played.records)!.done).toBe(false);
  });

  it('refuses a forged record: a wrong pick claimed right, an unknown round, a round out of turn', () => {
    const forged = m.example.forged(step) as SignalIdentified;
    const replayed = replay([forged]);
    expect(replayed?.records).not.toEqual([forged]);
    expect(replay([{ ...forged, roundId: 'round-nine' }])).toBeNull();
    expect(replay([{ ...forged, roundId: 'round-two' }])).toBeNull();
    expect(replay([{ ...forged, chosenId: 'fire-bell' }])).toBeNull();
    // Another order than the seed shows is not what this run saw.
    const right = play([choose('air-raid')]).records[0] as SignalIdentified;
    expect(replay([{ ...right, order: [...right.order].reverse() }])!.records).not.toEqual([{ ...right, order: [...right.order].reverse() }]);
  });

  it('reads back from its statement result', () => {
    const spec = m.records['signal-identified'];
    const record = play([choose('all-clear')]).records[0] as SignalIdentified;
    const result = spec.toResult(record);
    expect(result).toEqual({ success: false, response: 'all-clear', extensions: { 'choice-order': record.order } });
    const back = { type: record.type, roundId: record.roundId, ...spec.fromResult(result) };
    expect(back).toEqual(record);
    expect(z.strictObject(spec.fields).parse({ roundId: record.roundId, ...spec.fromResult(result) })).toBeTruthy();
  });

  it('describes the interaction with the choices in the shown order and the played signal as right', () => {
    const spec = m.records['signal-identified'];
    const record = play([choose('pre-warning')]).records[0] as SignalIdentified;
    const texts = spec.interaction!(step, record)!;
    expect(texts.choices.map((c) => c.id)).toEqual(record.order);
    expect(texts.patterns).toEqual(['air-raid']);
    expect(texts.prompt).toEqual(step.instructions);
    expect(spec.name!(step, record)).toEqual({ 'zh-CN': '空袭警报', en: 'air-raid warning' });
    expect(spec.interaction!(step, { ...record, roundId: 'round-nine' })).toBeUndefined();
  });

  it('checks a record against the pack as it arrives', () => {
    const check = m.records['signal-identified'].check!;
    const record = play([choose('air-raid')]).records[0] as SignalIdentified;
    expect(check(step, record)).toEqual([]);
    expect(check(step, { ...record, right: false })).toEqual([{ field: 'right', message: expect.stringContaining("plays signal 'air-raid'") }]);
    expect(check(step, { ...record, roundId: 'round-nine' })).toEqual([{ field: 'roundId', message: expect.stringContaining("'round-nine'") }]);
    expect(check(step, { ...record, chosenId: 'fire-bell', right: false })).toEqual([{ field: 'chosenId', message: expect.stringContaining("'fire-bell'") }]);
    expect(check(step, { ...record, order: ['air-raid', 'air-raid', 'all-clear'] })).toEqual([{ field: 'order', message: expect.any(String) }]);
    expect(m.records['signal-identified'].extensions).toEqual(Object.keys(m.records['signal-identified'].toResult(record).extensions!));
  });

  it('has every visitor string in both languages', () => {
    expect(Object.keys(m.locales['zh-CN']).sort()).toEqual(Object.keys(m.locales.en).sort());
  });
});
