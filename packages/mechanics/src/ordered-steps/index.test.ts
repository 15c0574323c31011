import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { STEP_SCHEMAS } from '../schemas.ts';
import type { Mechanic, StepEnv } from '../contract.ts';
import { actionForProp, actionOrder, optionOrder, orderedSteps, type OrderedStepsConfig, type OrderedStepsEvent, type OrderedStepsRecord, type OrderedStepsState, type OrderedStepsStep } from './index.ts';

// Typed as the contract sees it (every optional piece optional), so the tests use it as the runner does.
const m: Mechanic<'ordered-steps', OrderedStepsConfig, OrderedStepsState, OrderedStepsEvent, OrderedStepsRecord> = orderedSteps;
const env: StepEnv = { props: m.example.props!, seed: 12345 };
const T0 = 1_000_000;

function stepOf(extra: Record<string, unknown> = {}): OrderedStepsStep {
  return STEP_SCHEMAS['ordered-steps'].parse({ id: 'extinguish', mechanic: 'ordered-steps', ...m.example.step, ...extra }) as OrderedStepsStep;
}

/** Plays events (at ms from the step's start) and collects the records and the final transition. */
function play(step: OrderedStepsStep, events: [OrderedStepsEvent, number][], e: StepEnv = env, t0 = T0) {
  let state = m.start(step, e, t0);
  const records: OrderedStepsRecord[] = [];
  let done = false;
  for (const [event, at] of events) {
    const tr = m.next(step, state, { ...event, now: t0 + at }, e);
    state = tr.state;
    records.push(...(tr.records as OrderedStepsRecord[]));
    done ||= tr.done === true;
  }
  return { state, records, done };
}

const act = (actionId: string): OrderedStepsEvent => ({ type: 'act', actionId });
const choose = (optionId: string): OrderedStepsEvent => ({ type: 'choose', optionId });
const cont: OrderedStepsEvent = { type: 'continue' };

describe('ordered-steps: the pack fields', () => {
  it('fills defaults and accepts the example', () => {
    const step = stepOf();
    expect(step.pointsPerStep).toBe(10);
    expect(step.choose?.pointsIfRight).toBe(10);
    expect(step.shuffle).toBe(true);
    expect(stepOf({ distractors: undefined }).distractors).toEqual([]);
  });

  it('refuses a drill without steps and a question with one option, naming the field', () => {
    const bad = STEP_SCHEMAS['ordered-steps'].safeParse({ id: 's', mechanic: 'ordered-steps', ...m.example.step, actions: [] });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(['actions']);
    const one = STEP_SCHEMAS['ordered-steps'].safeParse({
      id: 's',
      mechanic: 'ordered-steps',
      ...m.example.step,
      choose: { ...(m.example.step.choose as object), options: [(m.example.step.choose as { options: unknown[] }).options[0]] },
    });
    expect(one.success).toBe(false);
    expect(one.error?.issues[0]?.path).toEqual(['choose', 'options']);
  });

  it('every field has a description for editors', () => {
    const schema = z.toJSONSchema(STEP_SCHEMAS['ordered-steps'], { io: 'input' }) as { properties: Record<string, { description?: string }> };
    for (const key of Object.keys(m.fields)) expect(schema.properties[key]?.description, key).toBeTruthy();
  });

  it('references: an action prop must be a scene prop; the question needs a right option', () => {
    const step = stepOf();
    expect(m.references(step, { props: env.props })).toEqual([]);
    const issues = m.references(step, { props: [env.props[0]!] });
    expect(issues).toMatchObject([{ path: ['actions', 1, 'prop'], code: 'mechanic.prop-not-in-scene', message: expect.stringContaining("prop 'fire' is not in scene.props") }]);
    const noRight = stepOf({
      choose: { prompt: { 'zh-CN': '问', en: 'Q' }, options: [0, 1].map((i) => ({ id: `o${i}`, label: { 'zh-CN': '选', en: 'O' }, right: false, feedback: { 'zh-CN': '否', en: 'No' } })) },
    });
    expect(m.references(noRight, { props: env.props }).map((i) => i.path)).toEqual([['choose', 'options']]);
  });

  it('ids: options, actions and distractors', () => {
    expect(m.ids(stepOf())).toEqual(['co2', 'water', 'pull-pin', 'aim-base', 'squeeze', 'throw-water']);
    expect(m.targets(stepOf())).toEqual([]);
  });
});

describe('ordered-steps: play', () => {
  it('starts at the question when there is one, else at the steps', () => {
    expect(m.start(stepOf(), env, T0).stage).toBe('choose');
    expect(m.start(stepOf({ choose: undefined }), env, T0).stage).toBe('actions');
  });

  it('a right run: every step at its turn, all points, with records relative to the step start', () => {
    const step = stepOf();
    const { state, records, done } = play(step, [
      [choose('co2'), 2000],
      [cont, 3000],
      [act('pull-pin'), 4000],
      [act('aim-base'), 5000],
      [act('squeeze'), 6500],
      [cont, 8000],
    ]);
    expect(done).toBe(true);
    expect(records).toEqual([
      { type: 'option-chosen', stepRef: 'extinguish', optionId: 'co2', right: true, order: optionOrder(step, env.seed), atMs: 2000 },
      { type: 'action-taken', actionId: 'pull-pin', right: true, atMs: 4000 },
      { type: 'action-taken', actionId: 'aim-base', right: true, atMs: 5000 },
      { type: 'action-taken', actionId: 'squeeze', right: true, atMs: 6500 },
    ]);
    expect(m.score(step, state)).toEqual({ right: 4, total: 4, points: 40, maxPoints: 40 });
    expect(m.missed(step, state)).toEqual([]);
  });

  it('ignores acts before the question is answered and continued, and a second choice', () => {
    const step = stepOf();
    const r = play(step, [
      [act('pull-pin'), 500],
      [cont, 600],
      [choose('nope'), 700],
      [choose('water'), 1000],
      [choose('co2'), 1100],
      [act('pull-pin'), 1200],
    ]);
    expect(r.records.map((x) => x.type)).toEqual(['option-chosen']);
    expect(r.state.chosen).toBe('water');
    expect(r.state.stage).toBe('choose');
    expect(r.state.done).toEqual([]);
  });

  it('a step too early and a distractor are mistakes with their own feedback; the next step then scores nothing', () => {
    const step = stepOf({ choose: undefined });
    let r = play(step, [[act('aim-base'), 1000]]);
    expect(r.records).toEqual([{ type: 'action-taken', actionId: 'aim-base', right: false, atMs: 1000 }]);
    expect(r.state.last).toEqual({ id: 'aim-base', outcome: 'too-early' });
    r = play(step, [
      [act('aim-base'), 1000],
      [act('pull-pin'), 2000],
      [act('throw-water'), 3000],
      [act('throw-water'), 3100], // already shown wrong: nothing new
      [act('pull-pin'), 3200], // already done: nothing
      [act('aim-base'), 4000],
      [act('squeeze'), 5000],
      [act('squeeze'), 5100], // all done: nothing
    ]);
    expect(r.records.map((x) => [x.type === 'action-taken' && x.actionId, x.type === 'action-taken' && x.right])).toEqual([
      ['aim-base', false],
      ['pull-pin', true],
      ['throw-water', false],
      ['aim-base', true],
      ['squeeze', true],
    ]);
    expect(r.state.done).toEqual(['pull-pin', 'aim-base', 'squeeze']);
    expect(r.state.clean).toEqual(['squeeze']);
    expect(r.state.wrong).toEqual(['aim-base', 'throw-water']);
    expect(m.score(step, r.state)).toEqual({ right: 1, total: 3, points: 10, maxPoints: 30 });
    expect(m.missed(step, r.state).map((t) => t.en)).toEqual(['Pull the pin', 'Aim at the base']);
  });

  it('several wrong taps in a row cost only the next step', () => {
    const step = stepOf({ choose: undefined });
    const r = play(step, [
      [act('squeeze'), 100],
      [act('aim-base'), 200],
      [act('squeeze'), 300],
      [act('pull-pin'), 400],
      [act('aim-base'), 500],
      [act('squeeze'), 600],
    ]);
    expect(r.state.clean).toEqual(['aim-base', 'squeeze']);
    expect(m.score(step, r.state).points).toBe(20);
  });

  it('a wrong option: no choice points, its feedback is missed', () => {
    const step = stepOf();
    const r = play(step, [[choose('water'), 1000], [cont, 2000], [act('pull-pin'), 3000], [act('aim-base'), 4000], [act('squeeze'), 5000]]);
    expect(r.records[0]).toMatchObject({ type: 'option-chosen', optionId: 'water', right: false });
    expect(m.score(step, r.state)).toEqual({ right: 3, total: 4, points: 30, maxPoints: 40 });
    expect(m.missed(step, r.state).map((t) => t.en)).toEqual(['Water conducts.']);
  });

  it('continue ends the step only when every step is done', () => {
    const step = stepOf({ choose: undefined });
    let state = m.start(step, env, T0);
    expect(m.next(step, state, { ...cont, now: T0 + 10 }, env).done).toBeUndefined();
    for (const id of ['pull-pin', 'aim-base']) state = m.next(step, state, { ...act(id), now: T0 + 100 }, env).state;
    expect(m.next(step, state, { ...cont, now: T0 + 200 }, env).done).toBeUndefined();
    expect(m.endEvents(step, state)).toEqual([]);
    state = m.next(step, state, { ...act('squeeze'), now: T0 + 300 }, env).state;
    expect(m.endEvents(step, state)).toEqual([{ type: 'continue' }]);
    expect(m.next(step, state, { ...cont, now: T0 + 400 }, env).done).toBe(true);
  });

  it('a clock stepping back never gives negative times', () => {
    const step = stepOf({ choose: undefined });
    const r = play(step, [[act('pull-pin'), -5000]]);
    expect(r.records[0]).toMatchObject({ atMs: 0 });
  });
});

describe('ordered-steps: scoring bounds', () => {
  it('tapping every button in every order never earns more than the maximum, and tapping all buttons at once earns almost nothing', () => {
    const step = stepOf({ choose: undefined });
    const ids = actionOrder(step, env.seed);
    // Tap the whole list, top to bottom, until done: a guesser.
    let state = m.start(step, env, T0);
    for (let round = 0; round < 10 && state.done.length < step.actions.length; round++)
      for (const id of ids) state = m.next(step, state, { ...act(id), now: T0 + round }, env).state;
    const s = m.score(step, state);
    expect(s.points).toBeLessThanOrEqual(s.maxPoints);
    expect(state.done).toEqual(['pull-pin', 'aim-base', 'squeeze']);
    // Random orders, many seeds: never above the maximum.
    for (let seed = 0; seed < 200; seed++) {
      const e = { ...env, seed };
      let st = m.start(step, e, T0);
      const order = actionOrder(step, seed);
      for (let i = 0; i < 30; i++) st = m.next(step, st, { ...act(order[(i * 7 + seed) % order.length]!), now: T0 + i }, e).state;
      const sc = m.score(step, st);
      expect(sc.points).toBeLessThanOrEqual(sc.maxPoints);
      expect(sc.points).toBeGreaterThanOrEqual(0);
    }
  });

  it('a guesser who taps the whole list over and over gets every step done but earns little', () => {
    const step = stepOf({ choose: undefined, shuffle: false });
    // Tapping the list bottom up meets the first two steps each just after a wrong tap: they earn nothing. A distractor
    // already shown wrong is spent, so the last step comes clean.
    let state = m.start(step, env, T0);
    const shown = actionOrder(step, env.seed).reverse();
    for (let round = 0; round < 5; round++) for (const id of shown) state = m.next(step, state, { ...act(id), now: T0 }, env).state;
    expect(state.done.length).toBe(3);
    expect(m.score(step, state)).toEqual({ right: 1, total: 3, points: 10, maxPoints: 30 });
  });

  it('an empty step run scores zero of its maximum', () => {
    const step = stepOf();
    expect(m.score(step, m.start(step, env, T0))).toEqual({ right: 0, total: 4, points: 0, maxPoints: 40 });
    expect(m.missed(step, m.start(step, env, T0)).length).toBe(3);
  });
});

describe('ordered-steps: shuffled per visit', () => {
  it('the same seed shows the same order; orders vary with the seed; every item is shown once', () => {
    const step = stepOf();
    expect(actionOrder(step, 7)).toEqual(actionOrder(step, 7));
    const seen = new Set(Array.from({ length: 30 }, (_, s) => actionOrder(step, s).join()));
    expect(seen.size).toBeGreaterThan(5);
    expect([...actionOrder(step, 3)].sort()).toEqual(['aim-base', 'pull-pin', 'squeeze', 'throw-water']);
    expect([...optionOrder(step, 3)].sort()).toEqual(['co2', 'water']);
    expect(actionOrder(stepOf({ shuffle: false }), 3)).toEqual(['pull-pin', 'aim-base', 'squeeze', 'throw-water']);
  });
});

describe('ordered-steps: VR props', () => {
  it('a prop does the due step on it, else the first open step on it, else nothing', () => {
    const step = stepOf({ choose: undefined });
    let state = m.start(step, env, T0);
    expect(actionForProp(step, state, 'extinguisher')).toBe('pull-pin');
    expect(actionForProp(step, state, 'fire')).toBe('aim-base'); // too early: teaches the order
    expect(actionForProp(step, state, 'door')).toBeNull();
    state = m.next(step, state, { ...act('pull-pin'), now: T0 }, env).state;
    expect(actionForProp(step, state, 'extinguisher')).toBeNull();
    expect(actionForProp(step, state, 'fire')).toBe('aim-base');
    expect(actionForProp(stepOf(), m.start(stepOf(), env, T0), 'fire')).toBeNull(); // the question first
  });

  it('a tap on a prop does its step and records it as the step; a prop with no step left, or an unknown event, does nothing', () => {
    const step = stepOf({ choose: undefined });
    const inspect = (propId: string): OrderedStepsEvent => ({ type: 'inspect', propId });
    const r = play(step, [
      [inspect('fire'), 100],
      [inspect('extinguisher'), 200],
      [inspect('extinguisher'), 300],
      [inspect('door'), 400],
      [{ type: 'dance' } as unknown as OrderedStepsEvent, 450],
      [inspect('fire'), 500],
    ]);
    expect(r.records).toEqual([
      { type: 'action-taken', actionId: 'aim-base', right: false, atMs: 100 },
      { type: 'action-taken', actionId: 'pull-pin', right: true, atMs: 200 },
      { type: 'action-taken', actionId: 'aim-base', right: true, atMs: 500 },
    ]);
  });
});

describe('ordered-steps: replay', () => {
  function replay(step: OrderedStepsStep, records: OrderedStepsRecord[], seed = env.seed) {
    const e = { ...env, seed };
    let state: OrderedStepsState = m.start(step, e, 0);
    const out: OrderedStepsRecord[] = [];
    for (const record of records) {
      const events = m.eventsFor(step, state, record);
      if (!events) return null;
      for (const event of events) {
        const tr = m.next(step, state, event, e);
        state = tr.state;
        out.push(...(tr.records as OrderedStepsRecord[]));
      }
    }
    let ended = false;
    for (const event of m.endEvents(step, state)) ended ||= m.next(step, state, { ...event, now: 0 }, e).done === true;
    return { out, state, ended };
  }

  it('each record of a played run comes back from its events, and the step ends', () => {
    const step = stepOf();
    const { records, state } = play(step, [
      [choose('water'), 2500],
      [cont, 4000],
      [act('squeeze'), 5000],
      [act('pull-pin'), 6000],
      [act('throw-water'), 6100],
      [act('aim-base'), 7000],
      [act('squeeze'), 9000],
    ]);
    const r = replay(step, records)!;
    expect(r.out).toEqual(records);
    expect(r.ended).toBe(true);
    expect(m.score(step, r.state)).toEqual(m.score(step, state));
  });

  it('the contract example plays to its end, and its forged record is not reproduced', () => {
    const step = stepOf();
    const events = m.example.play(step, env);
    const { records, done } = play(step, events.map(({ event, at }) => [event, at]));
    expect(done).toBe(true);
    const r = replay(step, records)!;
    expect(r.out).toEqual(records);
    const forged = m.example.forged(step) as OrderedStepsRecord;
    const after = m.eventsFor(step, r.state, forged)!;
    let state = r.state;
    const made: unknown[] = [];
    for (const ev of after) {
      const tr = m.next(step, state, ev, env);
      state = tr.state;
      made.push(...tr.records);
    }
    expect(made).not.toContainEqual(forged);
  });

  it('a forged record is not what the replay makes', () => {
    const step = stepOf({ choose: undefined });
    const forge = (records: OrderedStepsRecord[]) => {
      const r = replay(step, records);
      return r !== null && JSON.stringify(r.out) === JSON.stringify(records);
    };
    // Claims a step right when it was too early.
    expect(forge([{ type: 'action-taken', actionId: 'squeeze', right: true, atMs: 100 }])).toBe(false);
    // A distractor claimed right.
    expect(forge([{ type: 'action-taken', actionId: 'throw-water', right: true, atMs: 100 }])).toBe(false);
    // A repeat of a step done.
    expect(forge([{ type: 'action-taken', actionId: 'pull-pin', right: true, atMs: 100 }, { type: 'action-taken', actionId: 'pull-pin', right: true, atMs: 200 }])).toBe(false);
    // An id the step does not have.
    expect(replay(step, [{ type: 'action-taken', actionId: 'fly', right: true, atMs: 100 }])).toBeNull();
    // A choice with a made-up order, or a right claimed for the wrong option.
    const full = stepOf();
    const good = play(full, [[choose('co2'), 10]]).records;
    const seen = replay(full, good)!;
    expect(seen.out).toEqual(good);
    const reordered = { ...good[0]!, order: [...(good[0] as { order: string[] }).order].reverse() } as OrderedStepsRecord;
    expect(JSON.stringify(replay(full, [reordered])!.out)).not.toBe(JSON.stringify([reordered]));
    const wrongRight: OrderedStepsRecord = { type: 'option-chosen', stepRef: 'extinguish', optionId: 'water', right: true, order: optionOrder(full, env.seed), atMs: 10 };
    expect(JSON.stringify(replay(full, [wrongRight])!.out)).not.toBe(JSON.stringify([wrongRight]));
    expect(replay(full, [{ ...wrongRight, stepRef: 'other' }])).toBeNull();
  });
});

describe('ordered-steps: records and statements', () => {
  it('each record type reads back from its result', () => {
    const step = stepOf();
    const { records } = play(step, [[choose('co2'), 2000], [cont, 2100], [act('squeeze'), 3000], [act('pull-pin'), 4000]]);
    for (const record of records) {
      const spec = m.records[record.type] as (typeof m.records)[keyof typeof m.records];
      const result = JSON.parse(JSON.stringify((spec.toResult as (r: OrderedStepsRecord) => unknown)(record)));
      const back = { type: record.type, [spec.itemField]: (record as Record<string, unknown>)[spec.itemField], ...spec.fromResult(result) };
      expect(back).toEqual(record);
      expect(z.strictObject(spec.fields).parse(Object.fromEntries(Object.entries(record).filter(([k]) => k !== 'type')))).toBeTruthy();
    }
  });

  it('names its activities from the pack', () => {
    const step = stepOf();
    const taken = m.records['action-taken'];
    expect(taken.name!(step, { type: 'action-taken', actionId: 'throw-water', right: false, atMs: 0 })?.en).toBe('Throw water');
    const chosen = m.records['option-chosen'];
    const rec = { type: 'option-chosen' as const, stepRef: 'extinguish', optionId: 'co2', right: true, order: ['co2', 'water'], atMs: 0 };
    expect(chosen.interaction!(step, rec)).toMatchObject({ patterns: ['co2'], choices: [{ id: 'co2' }, { id: 'water' }] });
  });

  it('has every locale key in both languages', () => {
    expect(Object.keys(m.locales.en).sort()).toEqual(Object.keys(m.locales['zh-CN']).sort());
  });
});

describe('ordered-steps: stand-in visitors', () => {
  function auto(step: OrderedStepsStep, skill: 'good' | 'poor') {
    let state = m.start(step, env, T0);
    let now = T0;
    for (let i = 0; i < 100; i++) {
      const move = m.autoplay!(step, state, env, skill);
      if (!move) break;
      now += move.after;
      const tr = m.next(step, state, { ...move.event, now }, env);
      state = tr.state;
      if (tr.done) return { state, ended: true };
    }
    return { state, ended: false };
  }

  it('a good visitor earns everything, a poor one less, and both finish', () => {
    for (const step of [stepOf(), stepOf({ choose: undefined }), stepOf({ distractors: [] })]) {
      const good = auto(step, 'good');
      const poor = auto(step, 'poor');
      expect(good.ended && poor.ended).toBe(true);
      const g = m.score(step, good.state);
      expect(g.points).toBe(g.maxPoints);
      expect(m.score(step, poor.state).points).toBeLessThan(g.points);
      expect(poor.state.wrong.length).toBe(2);
    }
  });
});
