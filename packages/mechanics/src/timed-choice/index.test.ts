import { stepRecord } from '@ruyi/records';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { stepCommonFields } from '../common.ts';
import type { RecordPayload, StepEnv } from '../contract.ts';
import { choiceOrder, limitMs, msLeft, timedChoice, type TimedChoiceEvent, type TimedChoiceStep } from './index.ts';

const schema = z.strictObject({ ...stepCommonFields, mechanic: z.literal('timed-choice'), ...timedChoice.fields });
const parse = (extra: Record<string, unknown> = {}) =>
  schema.parse({ id: 'crowd', mechanic: 'timed-choice', ...timedChoice.example.step, ...extra }) as TimedChoiceStep;
const env: StepEnv = { props: [], seed: 424242 };

type Timed = TimedChoiceEvent & { now: number };

/** Plays events from a fresh start at `t0`; returns every state and record. */
function play(step: TimedChoiceStep, events: Timed[], t0 = 0, e: StepEnv = env) {
  let state = timedChoice.start(step, e, t0);
  const records: RecordPayload[] = [];
  let done = false;
  for (const event of events) {
    const t = timedChoice.next(step, state, event, e);
    state = t.state;
    records.push(...t.records);
    done ||= t.done === true;
  }
  return { state, records, done };
}

/** Replays records the way the server does: each step from 0, events from eventsFor, then endEvents. */
function replay(step: TimedChoiceStep, records: RecordPayload[], e: StepEnv = env) {
  let state = timedChoice.start(step, e, 0);
  const out: RecordPayload[] = [];
  for (const record of records) {
    const events = timedChoice.eventsFor(step, state, record as never);
    if (!events) return null;
    for (const event of events) {
      const t = timedChoice.next(step, state, event, e);
      state = t.state;
      out.push(...t.records);
    }
  }
  let done = false;
  let last = state.lastAt;
  for (const event of timedChoice.endEvents(step, state)) {
    const t = timedChoice.next(step, state, { ...event, now: ++last }, e);
    state = t.state;
    done ||= t.done === true;
  }
  return { records: out, state, done };
}

const exampleEvents = (step: TimedChoiceStep, t0 = 0): Timed[] =>
  timedChoice.example.play().map(({ event, at }) => ({ ...(event as TimedChoiceEvent), now: t0 + at }));

describe('timed-choice: fields', () => {
  it('takes the example with its defaults', () => {
    const step = parse();
    expect(step.pointsPerSafeChoice).toBe(10);
    expect(step.shuffle).toBe(true);
    expect(step.situations[0]!.seconds).toBe(8);
  });

  it('refuses a situation without seconds, with one choice, or with too short a time', () => {
    const s = timedChoice.example.step.situations as Record<string, unknown>[];
    const { seconds: _, ...noSeconds } = s[0]!;
    expect(schema.safeParse({ id: 'x', mechanic: 'timed-choice', ...timedChoice.example.step, situations: [noSeconds] }).success).toBe(false);
    const one = { ...s[0]!, choices: (s[0]!.choices as unknown[]).slice(0, 1) };
    expect(schema.safeParse({ id: 'x', mechanic: 'timed-choice', ...timedChoice.example.step, situations: [one] }).success).toBe(false);
    expect(schema.safeParse({ id: 'x', mechanic: 'timed-choice', ...timedChoice.example.step, situations: [{ ...s[0]!, seconds: 1 }] }).success).toBe(false);
  });

  it('names a repeated choice id and a situation with no safe choice', () => {
    const step = parse();
    const broken = structuredClone(step);
    broken.situations[0]!.choices[1]!.id = broken.situations[0]!.choices[0]!.id;
    broken.situations[1]!.choices.forEach((c) => (c.safe = false));
    expect(timedChoice.references(broken, { props: [] })).toMatchObject([
      { path: ['situations', 0, 'choices', 1, 'id'], code: 'mechanic.id-twice', message: expect.stringContaining("choice id 'boxer' is used twice") },
      { path: ['situations', 1, 'choices'], code: 'mechanic.situation-safe', message: 'a situation needs at least one safe choice to teach' },
    ]);
    expect(timedChoice.references(step, { props: [] })).toEqual([]);
    expect(timedChoice.ids(step)).toEqual(['surge', 'fallen']);
  });
});

describe('timed-choice: the reducer', () => {
  const step = parse();
  const surge = step.situations[0]!;

  it('starts on its intro with no clock running; choices and timeouts wait for "begin"', () => {
    const state = timedChoice.start(step, env, 1000);
    expect(state.phase).toBe('intro');
    for (const event of [{ type: 'choose', choiceId: 'boxer', now: 2000 }, { type: 'timeout', now: 99_000 }, { type: 'continue', now: 99_000 }] as Timed[])
      expect(timedChoice.next(step, state, event, env)).toEqual({ state, records: [] });
    const begun = timedChoice.next(step, state, { type: 'begin', now: 5000 }, env).state;
    expect(begun).toMatchObject({ phase: 'choosing', index: 0, shownAt: 5000 });
    expect([...begun.order].sort()).toEqual(['boxer', 'push']);
    expect(msLeft(step, begun, 6000)).toBe(7000);
    expect(msLeft(step, begun, 60_000)).toBe(0);
  });

  it('shows the choices in an order drawn from the seed, the same for the same seed', () => {
    const many = parse({
      situations: [{ ...timedChoice.example.step.situations[0], choices: 'abcdefgh'.split('').map((id, i) => ({ id, label: { 'zh-CN': id, en: id }, safe: i === 0, feedback: { 'zh-CN': id, en: id } })) }],
    });
    const orders = new Set([1, 2, 3, 4, 5].map((seed) => choiceOrder(many, many.situations[0]!, seed).join('')));
    expect(orders.size).toBeGreaterThan(1);
    expect(choiceOrder(many, many.situations[0]!, 7)).toEqual(choiceOrder(many, many.situations[0]!, 7));
    expect(choiceOrder({ shuffle: false }, many.situations[0]!, 7).join('')).toBe('abcdefgh');
  });

  it('records a choice in time with its time taken and the order shown', () => {
    const { state, records } = play(step, [{ type: 'begin', now: 1000 }, { type: 'choose', choiceId: 'push', now: 3500 }]);
    expect(state.phase).toBe('feedback');
    expect(records).toEqual([{ type: 'timed-choice', situationId: 'surge', choiceId: 'push', safe: false, ms: 2500, order: choiceOrder(step, surge, env.seed) }]);
  });

  it('refuses a timeout before the time is up, and takes one when it is', () => {
    const begun = play(step, [{ type: 'begin', now: 1000 }]).state;
    const early = timedChoice.next(step, begun, { type: 'timeout', now: 1000 + limitMs(surge) - 1 }, env);
    expect(early).toEqual({ state: begun, records: [] });
    const due = timedChoice.next(step, begun, { type: 'timeout', now: 1000 + limitMs(surge) }, env);
    expect(due.state.phase).toBe('feedback');
    expect(due.records).toEqual([{ type: 'timed-choice', situationId: 'surge', choiceId: null, safe: false, ms: 8000, order: begun.order }]);
  });

  it('counts a choice after the time is up as no choice, even the safe one', () => {
    const { records, state } = play(step, [{ type: 'begin', now: 0 }, { type: 'choose', choiceId: 'boxer', now: 8000 }]);
    expect(records).toMatchObject([{ choiceId: null, safe: false, ms: 8000 }]);
    expect(timedChoice.score(step, state).points).toBe(0);
    const inTime = play(step, [{ type: 'begin', now: 0 }, { type: 'choose', choiceId: 'boxer', now: 7999 }]);
    expect(inTime.records).toMatchObject([{ choiceId: 'boxer', safe: true, ms: 7999 }]);
  });

  it('ignores an unknown choice, a second answer, and "continue" before an answer', () => {
    const begun = play(step, [{ type: 'begin', now: 0 }]).state;
    expect(timedChoice.next(step, begun, { type: 'choose', choiceId: 'curl', now: 100 }, env)).toEqual({ state: begun, records: [] });
    expect(timedChoice.next(step, begun, { type: 'continue', now: 100 }, env)).toEqual({ state: begun, records: [] });
    const answered = timedChoice.next(step, begun, { type: 'choose', choiceId: 'push', now: 200 }, env).state;
    expect(timedChoice.next(step, answered, { type: 'choose', choiceId: 'boxer', now: 300 }, env)).toEqual({ state: answered, records: [] });
    expect(timedChoice.next(step, answered, { type: 'timeout', now: 30_000 }, env)).toEqual({ state: answered, records: [] });
  });

  it('restarts the clock for each situation and ends after the last', () => {
    const { state, records, done } = play(step, exampleEvents(step));
    expect(done).toBe(true);
    expect(state.phase).toBe('done');
    expect(records).toMatchObject([
      { situationId: 'surge', choiceId: 'boxer', safe: true, ms: 3000 },
      { situationId: 'fallen', choiceId: null, safe: false, ms: 5000 },
    ]);
    // A clock stepping back never makes a negative time.
    const back = play(step, [{ type: 'begin', now: 5000 }, { type: 'choose', choiceId: 'boxer', now: 4000 }]);
    expect(back.records).toMatchObject([{ ms: 0, safe: true }]);
  });
});

describe('timed-choice: score and what was missed', () => {
  const step = parse();

  it('earns points only for safe choices in time, never above the maximum', () => {
    const allSafe = play(step, [
      { type: 'begin', now: 0 },
      { type: 'choose', choiceId: 'boxer', now: 1000 },
      { type: 'continue', now: 2000 },
      { type: 'choose', choiceId: 'curl', now: 3000 },
      { type: 'continue', now: 4000 },
    ]).state;
    expect(timedChoice.score(step, allSafe)).toEqual({ right: 2, total: 2, points: 20, maxPoints: 20 });
    expect(timedChoice.missed(step, allSafe)).toEqual([]);

    const { state } = play(step, exampleEvents(step));
    expect(timedChoice.score(step, state)).toEqual({ right: 1, total: 2, points: 10, maxPoints: 20 });
    // Missed: what to do in the situation that ran out.
    expect(timedChoice.missed(step, state)).toEqual([step.situations[1]!.choices[0]!.label]);

    const unsafe = play(step, [{ type: 'begin', now: 0 }, { type: 'choose', choiceId: 'push', now: 1000 }]).state;
    expect(timedChoice.score(step, unsafe)).toEqual({ right: 0, total: 2, points: 0, maxPoints: 20 });
    expect(timedChoice.missed(step, unsafe)).toHaveLength(2);
  });

  it('scores nothing out of nothing with zero points per choice', () => {
    const zero = parse({ pointsPerSafeChoice: 0 });
    const { state } = play(zero, exampleEvents(zero));
    const t = timedChoice.score(zero, state);
    expect(t.points).toBe(0);
    expect(t.maxPoints).toBe(0);
  });
});

describe('timed-choice: records, statements and replay', () => {
  const step = parse();
  const spec = timedChoice.records['timed-choice'];
  const recordSchema = stepRecord('timed-choice', spec.fields);
  const run = { id: '00000000-0000-4000-8000-000000000000', visitId: '00000000-0000-4000-8000-000000000001', at: '2026-01-01T00:00:00.000Z', platform: 'kiosk', locale: 'en', packId: 'p', scenarioId: 's', runId: '00000000-0000-4000-8000-000000000002', stepId: 'crowd' };

  it('reads a choice and a timeout back from their statement results', () => {
    const { records } = play(step, exampleEvents(step));
    for (const record of records) {
      const r = record as Parameters<typeof spec.toResult>[0];
      const result = JSON.parse(JSON.stringify(spec.toResult(r)));
      const back = { type: r.type, situationId: r.situationId, ...spec.fromResult(result) };
      expect(back).toEqual(r);
      expect(recordSchema.parse({ ...run, ...back })).toMatchObject(r);
    }
    expect(spec.toResult(records[1] as never)).not.toHaveProperty('response');
    // Only the extensions the spec declares (the server refuses a statement with any other).
    for (const record of records) expect(spec.extensions).toEqual(expect.arrayContaining(Object.keys(spec.toResult(record as never).extensions ?? {})));
  });

  it('refuses a record whose order is too long or whose time is not a whole ms', () => {
    const good = { ...run, type: 'timed-choice', situationId: 'surge', choiceId: null, safe: false, ms: 8000, order: ['boxer', 'push'] };
    expect(recordSchema.safeParse(good).success).toBe(true);
    expect(recordSchema.safeParse({ ...good, ms: 1.5 }).success).toBe(false);
    expect(recordSchema.safeParse({ ...good, order: Array(9).fill('a') }).success).toBe(false);
  });

  it('describes a situation as a choice interaction whose right responses are its safe choices', () => {
    const record = { type: 'timed-choice' as const, situationId: 'surge', choiceId: 'push', safe: false, ms: 1, order: [] };
    expect(spec.interaction(step, record)).toMatchObject({ prompt: step.situations[0]!.prompt, patterns: ['boxer'] });
    expect(spec.name(step, record)).toEqual(step.situations[0]!.prompt);
    expect(spec.interaction(step, { ...record, situationId: 'nope' })).toBeUndefined();
  });

  it('replays a run from its records to the same records, whenever the live run started', () => {
    for (const t0 of [0, 1_767_225_600_000]) {
      const live = play(step, exampleEvents(step, t0));
      const again = replay(step, live.records);
      expect(again?.records).toEqual(live.records);
      expect(again?.done).toBe(true);
      expect(timedChoice.score(step, again!.state)).toEqual(timedChoice.score(step, live.state));
    }
  });

  it('replays an unsafe choice and a late choice', () => {
    const live = play(step, [
      { type: 'begin', now: 500 },
      { type: 'choose', choiceId: 'push', now: 2000 },
      { type: 'continue', now: 20_000 },
      { type: 'choose', choiceId: 'curl', now: 26_000 },
      { type: 'continue', now: 27_000 },
    ]);
    expect(live.records).toMatchObject([{ choiceId: 'push' }, { choiceId: null, ms: 6000 }]);
    expect(replay(step, live.records)?.records).toEqual(live.records);
  });

  it('replays the forged record to something else: a late safe choice, a made-up order, or an unknown item', () => {
    const forged = timedChoice.example.forged(step)!;
    expect(replay(step, [forged])?.records).not.toEqual([forged]);
    const { records } = play(step, exampleEvents(step));
    const reordered = { ...records[0]!, order: [...(records[0]!.order as string[])].reverse() };
    expect(replay(step, [reordered])?.records).not.toEqual([reordered]);
    const claimedSafe = { ...records[1]!, safe: true };
    expect(replay(step, [records[0]!, claimedSafe])?.records).not.toEqual([records[0], claimedSafe]);
    expect(replay(step, [{ ...records[0]!, situationId: 'nope' }])).toBeNull();
    expect(replay(step, [{ ...records[0]!, choiceId: 'nope' }])).toBeNull();
  });

  it('has every locale key in both languages', () => {
    expect(Object.keys(timedChoice.locales.en).sort()).toEqual(Object.keys(timedChoice.locales['zh-CN']).sort());
  });
});


describe('timed-choice: the stand-in visitor', () => {
  const step = parse();

  function autoplayed(skill: 'good' | 'poor') {
    let state = timedChoice.start(step, env, 0);
    let now = 0;
    const records: RecordPayload[] = [];
    for (let i = 0; i < 50; i++) {
      const move = timedChoice.autoplay(step, state, env, skill);
      if (!move) break;
      now += move.after;
      const t = timedChoice.next(step, state, { ...move.event, now }, env);
      expect(t.state === state && t.records.length === 0 && !t.done, `${move.event.type} at ${now} is taken`).toBe(false);
      state = t.state;
      records.push(...t.records);
      if (t.done) return { state, records };
    }
    throw new Error('the stand-in visitor did not finish the step');
  }

  it('a good visitor answers every situation safely in time', () => {
    const { state } = autoplayed('good');
    expect(timedChoice.score(step, state)).toEqual({ right: 2, total: 2, points: 20, maxPoints: 20 });
  });

  it('a poor visitor chooses badly, then lets the time run out', () => {
    const { state, records } = autoplayed('poor');
    expect(records).toMatchObject([{ choiceId: 'push', safe: false }, { choiceId: null, safe: false }]);
    expect(timedChoice.score(step, state).points).toBe(0);
  });
});
