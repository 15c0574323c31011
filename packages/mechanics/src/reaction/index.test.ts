import { stepRecord } from '@ruyi/records';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { stepCommonFields } from '../common.ts';
import type { RecordPayload, StepEnv } from '../contract.ts';
import { cueDelayMs, limitMs, reaction, reactionOutcome, type ReactionEvent, type ReactionRecord, type ReactionState, type ReactionStep } from './index.ts';

const schema = z.strictObject({ ...stepCommonFields, mechanic: z.literal('reaction'), ...reaction.fields });
const parse = (extra: Record<string, unknown> = {}) => schema.parse({ id: 'drill', mechanic: 'reaction', ...reaction.example.step, ...extra }) as ReactionStep;
const env: StepEnv = { props: [], seed: 20180528 };

type Timed = ReactionEvent & { now: number };

function play(step: ReactionStep, events: Timed[], t0 = 0, e: StepEnv = env) {
  let state = reaction.start(step, e, t0);
  const records: RecordPayload[] = [];
  let done = false;
  const states: ReactionState[] = [state];
  for (const event of events) {
    const t = reaction.next(step, state, event);
    state = t.state;
    states.push(state);
    records.push(...t.records);
    done ||= t.done === true;
  }
  return { state, states, records, done };
}

/** Replays records the way the server does: the step from 0, events from eventsFor, then endEvents. */
function replay(step: ReactionStep, records: RecordPayload[], e: StepEnv = env) {
  let state = reaction.start(step, e, 0);
  const out: RecordPayload[] = [];
  let last = 0;
  for (const record of records) {
    const events = reaction.eventsFor(step, state, record as ReactionRecord);
    if (!events) return null;
    for (const event of events) {
      expect(event.now).toBeGreaterThanOrEqual(last);
      last = event.now;
      const t = reaction.next(step, state, event);
      state = t.state;
      out.push(...t.records);
    }
  }
  let done = false;
  for (const event of reaction.endEvents(step, state)) {
    const t = reaction.next(step, state, { ...event, now: ++last });
    state = t.state;
    done ||= t.done === true;
  }
  return { records: out, state, done };
}

/** ready at t0+1 s, the cue at its drawn time, then `taps` as [actionId, ms after the cue]. */
function drill(step: ReactionStep, taps: [string, number][], t0 = 50_000, e: StepEnv = env): Timed[] {
  const readyAt = t0 + 1000;
  const cueAt = readyAt + cueDelayMs(step, e.seed);
  return [
    { type: 'ready', now: readyAt },
    { type: 'cue', now: cueAt },
    ...taps.map(([actionId, ms]): Timed => ({ type: 'tap', actionId, now: cueAt + ms })),
  ];
}
const cueTime = (step: ReactionStep, t0 = 50_000, e: StepEnv = env) => t0 + 1000 + cueDelayMs(step, e.seed);

describe('reaction: fields', () => {
  it('takes the example with its defaults', () => {
    const step = parse();
    expect(step.shaking).toBe(true);
    expect(step.withinSeconds).toBe(5);
    expect(step.points).toBe(20);
    expect(parse({ cueAfterSeconds: undefined }).cueAfterSeconds).toEqual({ min: 2, max: 6 });
    expect(parse({ distractors: undefined }).distractors).toEqual([]);
  });

  it('refuses a cue window that ends before it starts, no actions, and an unknown field', () => {
    expect(schema.safeParse({ id: 'd', mechanic: 'reaction', ...reaction.example.step, cueAfterSeconds: { min: 5, max: 2 } }).success).toBe(false);
    expect(schema.safeParse({ id: 'd', mechanic: 'reaction', ...reaction.example.step, actions: [] }).success).toBe(false);
    expect(schema.safeParse({ id: 'd', mechanic: 'reaction', ...reaction.example.step, within: 3 }).success).toBe(false);
  });

  it('lists its action ids and names one used twice', () => {
    const step = parse();
    expect(reaction.ids(step)).toEqual(['drop', 'cover', 'hold-on', 'run-out']);
    const broken = structuredClone(step);
    broken.distractors[0]!.id = 'cover';
    expect(reaction.references(broken)).toEqual([{ path: ['distractors', 0, 'id'], code: 'mechanic.action-twice', params: { id: 'cover' }, message: "action id 'cover' is used twice in this step" }]);
    expect(reaction.references(step)).toEqual([]);
  });
});

describe('reaction: the seeded cue and order', () => {
  it('draws the delay within cueAfterSeconds, the same for the same seed and salted by the step', () => {
    const step = parse();
    const delays = Array.from({ length: 200 }, (_, seed) => cueDelayMs(step, seed));
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(1000);
    expect(Math.max(...delays)).toBeLessThanOrEqual(3000);
    expect(new Set(delays).size).toBeGreaterThan(50);
    expect(cueDelayMs(step, 7)).toBe(cueDelayMs(step, 7));
    expect(reaction.start(step, env, 0).cueDelayMs).toBe(cueDelayMs(step, env.seed));
  });

  it('never shows the right actions in their right order', () => {
    const step = parse();
    for (let seed = 0; seed < 300; seed++) {
      const right = reaction.start(step, { props: [], seed }, 0).order.filter((id) => id !== 'run-out');
      expect(right).not.toEqual(['drop', 'cover', 'hold-on']);
    }
    const one = parse({ actions: [step.actions[0]], distractors: [] });
    expect(reaction.start(one, env, 0).order).toEqual(['drop']);
  });

  it('shows every action once, in an order that changes with the seed', () => {
    const step = parse();
    const orders = new Set(Array.from({ length: 50 }, (_, seed) => reaction.start(step, { props: [], seed }, 0).order.join(' ')));
    for (const o of orders) expect(o.split(' ').sort()).toEqual(['cover', 'drop', 'hold-on', 'run-out']);
    expect(orders.size).toBeGreaterThan(5);
  });
});

describe('reaction: the flow', () => {
  it('goes instructions → waiting → cue → feedback → done, recording the taps and the time', () => {
    const step = parse();
    const cueAt = cueTime(step);
    const { states, records, done } = play(step, [...drill(step, [['drop', 700], ['cover', 1500], ['hold-on', 2300]]), { type: 'continue', now: cueAt + 9000 }]);
    expect(states.map((s) => s.stage)).toEqual(['instructions', 'waiting', 'cue', 'cue', 'cue', 'feedback', 'feedback']);
    expect(records).toEqual([{ type: 'reaction', drill: 'drill', actionIds: ['drop', 'cover', 'hold-on'], reactionMs: 2300, order: states[0]!.order }]);
    expect(done).toBe(true);
    expect(reactionOutcome(step, states.at(-1)!)).toBe('in-time');
  });

  it('refuses a cue before the drawn delay (an early timer) and takes it once the delay has passed', () => {
    const step = parse();
    const delay = cueDelayMs(step, env.seed);
    let { state } = play(step, [{ type: 'ready', now: 10_000 }]);
    state = reaction.next(step, state, { type: 'cue', now: 10_000 + delay - 1 }).state;
    expect(state.stage).toBe('waiting');
    state = reaction.next(step, state, { type: 'cue', now: 10_000 + delay }).state;
    expect(state.stage).toBe('cue');
    expect(state.cueAt).toBe(10_000 + delay);
  });

  it('ignores taps before the cue, a cue before ready, and continue before the feedback', () => {
    const step = parse();
    const s0 = reaction.start(step, env, 0);
    for (const event of [{ type: 'tap', actionId: 'drop', now: 5 }, { type: 'cue', now: 99_999 }, { type: 'continue', now: 6 }, { type: 'timeout', now: 99_999 }] as Timed[])
      expect(reaction.next(step, s0, event)).toEqual({ state: s0, records: [] });
    const waiting = reaction.next(step, s0, { type: 'ready', now: 100 }).state;
    expect(reaction.next(step, waiting, { type: 'tap', actionId: 'drop', now: 200 }).state).toBe(waiting);
  });

  it('gives live feedback: right, out of order, distractor; spent buttons and unknown ids change nothing', () => {
    const step = parse();
    const { states } = play(step, drill(step, [['cover', 300], ['drop', 600], ['drop', 700], ['run-out', 900], ['run-out', 1000], ['nope', 1100], ['cover', 1200]]));
    const lasts = states.slice(3).map((s) => s.last);
    expect(lasts).toEqual([
      { actionId: 'cover', result: 'wrong-order' },
      { actionId: 'drop', result: 'right' },
      { actionId: 'drop', result: 'right' }, // spent: unchanged
      { actionId: 'run-out', result: 'distractor' },
      { actionId: 'run-out', result: 'distractor' }, // spent
      { actionId: 'run-out', result: 'distractor' }, // unknown
      { actionId: 'cover', result: 'right' },
    ]);
    expect(states.at(-1)!.tapped).toEqual(['cover', 'drop', 'run-out', 'cover']);
    expect(states.at(-1)!.progress).toBe(2);
  });

  it('ends at the timeout (twice withinSeconds), not before, with no reaction time', () => {
    const step = parse();
    const cueAt = cueTime(step);
    const { state } = play(step, drill(step, [['drop', 500]]));
    const early = reaction.next(step, state, { type: 'timeout', now: cueAt + limitMs(step) - 1 });
    expect(early.state).toBe(state);
    const t = reaction.next(step, state, { type: 'timeout', now: cueAt + limitMs(step) });
    expect(t.state.stage).toBe('feedback');
    expect(t.records).toEqual([{ type: 'reaction', drill: 'drill', actionIds: ['drop'], reactionMs: null, order: state.order }]);
    expect(reactionOutcome(step, t.state)).toBe('timed-out');
  });

  it('takes a tap after the time ran out as the timeout', () => {
    const step = parse();
    const { state, records } = play(step, drill(step, [['drop', 500], ['cover', 600], ['hold-on', limitMs(step)]]));
    expect(state.stage).toBe('feedback');
    expect(state.tapped).toEqual(['drop', 'cover']);
    expect(records).toEqual([{ type: 'reaction', drill: 'drill', actionIds: ['drop', 'cover'], reactionMs: null, order: state.order }]);
  });

  it('keeps at most MAX_TAPS taps', () => {
    const step = parse({ withinSeconds: 60 });
    const hammer: [string, number][] = Array.from({ length: 200 }, (_, i) => [i % 2 ? 'cover' : 'hold-on', i]);
    const { state } = play(step, drill(step, hammer));
    expect(state.tapped).toHaveLength(64);
    expect(state.stage).toBe('cue');
  });
});

describe('reaction: score', () => {
  const step = parse();
  const finished = (taps: [string, number][]) => {
    const { state } = play(step, [...drill(step, taps), { type: 'timeout', now: cueTime(step) + limitMs(step) }]);
    return { state, tally: reaction.score(step, state), missed: reaction.missed(step, state) };
  };

  it('gives all points in time, right at the limit too', () => {
    expect(finished([['drop', 1000], ['cover', 2000], ['hold-on', 3000]]).tally).toEqual({ right: 1, total: 1, points: 20, maxPoints: 20 });
    expect(finished([['drop', 1000], ['cover', 2000], ['hold-on', 5000]]).tally.points).toBe(20);
    expect(finished([['drop', 1000], ['cover', 2000], ['hold-on', 3000]]).missed).toEqual([]);
  });

  it('gives half when right but late, rounding down so an odd total is never exceeded', () => {
    const late = finished([['drop', 1000], ['cover', 2000], ['hold-on', 5001]]);
    expect(late.tally).toEqual({ right: 0, total: 1, points: 10, maxPoints: 20 });
    expect(reactionOutcome(step, late.state)).toBe('late');
    expect(late.missed).toEqual([{ 'zh-CN': '趴下、掩护、抓牢：顺序对了，但晚于5秒', en: 'Drop, Cover, Hold on: right, but later than 5 s' }]);
    const odd = parse({ points: 15 });
    const { state } = play(odd, drill(odd, [['drop', 1000], ['cover', 2000], ['hold-on', 7000]]));
    expect(reaction.score(odd, state).points).toBe(7);
  });

  it('gives nothing for a distractor or a wrong order, even in time, and names what was wrong', () => {
    const wrong = finished([['drop', 300], ['run-out', 500], ['cover', 700], ['hold-on', 900]]);
    expect(wrong.tally).toEqual({ right: 0, total: 1, points: 0, maxPoints: 20 });
    expect(reactionOutcome(step, wrong.state)).toBe('wrong');
    expect(wrong.missed).toEqual([step.distractors[0]!.label]);
    const order = finished([['hold-on', 200], ['drop', 300], ['cover', 700], ['hold-on', 900]]);
    expect(order.tally.points).toBe(0);
    expect(order.missed).toEqual([{ 'zh-CN': '抓牢：顺序不对', en: 'Hold on: out of order' }]);
  });

  it('earns nothing for tapping everything in a row', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const e = { props: [], seed };
      const s0 = reaction.start(step, e, 0);
      const taps = [...s0.order, ...s0.order, ...s0.order].map((id, i): [string, number] => [id, 100 + i * 10]);
      const { state } = play(step, drill(step, taps, 0, e), 0, e);
      expect(reaction.score(step, state).points).toBe(0);
    }
  });

  it('gives nothing when time runs out and names what was not done', () => {
    const out = finished([['drop', 1000]]);
    expect(out.tally.points).toBe(0);
    expect(out.missed).toEqual([{ 'zh-CN': '掩护、抓牢：没有在10秒内做完', en: 'Cover, Hold on: not done within 10 s' }]);
  });

  it('is 0 of its points before the drill is over', () => {
    const { state } = play(step, drill(step, [['drop', 100], ['cover', 200]]));
    expect(reaction.score(step, state)).toEqual({ right: 0, total: 1, points: 0, maxPoints: 20 });
    expect(reaction.missed(step, state)).toEqual([]);
  });
});

describe('reaction: records and replay', () => {
  const step = parse();
  const cases: Record<string, [string, number][]> = {
    'in time': [['drop', 700], ['cover', 1500], ['hold-on', 2300]],
    late: [['drop', 700], ['cover', 1500], ['hold-on', 7300]],
    wrong: [['run-out', 100], ['hold-on', 300], ['drop', 700], ['cover', 1500], ['hold-on', 2300]],
    'timed out': [['drop', 700], ['run-out', 900]],
    'nothing tapped': [],
  };
  for (const [name, taps] of Object.entries(cases))
    it(`replays a record to the same record and score (${name})`, () => {
      const live = play(step, [...drill(step, taps, 123_456), { type: 'timeout', now: cueTime(step, 123_456) + limitMs(step) }, { type: 'continue', now: 10 ** 7 }]);
      expect(live.records).toHaveLength(1);
      const again = replay(step, live.records)!;
      expect(again.records).toEqual(live.records);
      expect(again.done).toBe(true);
      expect(reaction.score(step, again.state)).toEqual(reaction.score(step, live.state));
    });

  it('refuses a forged record: done in time with too few taps, a reaction after the limit, another shown order', () => {
    const order = reaction.start(step, env, 0).order;
    const forge = (r: Partial<ReactionRecord>) => replay(step, [{ type: 'reaction', drill: 'drill', actionIds: ['drop', 'cover', 'hold-on'], reactionMs: 1500, order, ...r }]);
    expect(forge({})!.records).toEqual([{ type: 'reaction', drill: 'drill', actionIds: ['drop', 'cover', 'hold-on'], reactionMs: 1500, order }]);
    expect(forge({ actionIds: ['drop'] })!.records).toEqual([]);
    expect(forge({ actionIds: ['drop', 'hold-on', 'cover'] })!.records).toEqual([]);
    expect(forge({ reactionMs: limitMs(step) })!.records).not.toEqual([expect.objectContaining({ reactionMs: limitMs(step) })]);
    expect(forge({ reactionMs: null })!.records).not.toEqual([expect.objectContaining({ reactionMs: null, actionIds: ['drop', 'cover', 'hold-on'] })]);
    expect(forge({ order: [...order].reverse() })).toBeNull();
    expect(forge({ drill: 'other' })).toBeNull();
    const forged = reaction.example.forged(step) as ReactionRecord;
    const r = replay(step, [forged]);
    expect(r === null || JSON.stringify(r.records) !== JSON.stringify([forged])).toBe(true);
  });

  it('plays its example to the end with full points, and replays it', () => {
    const events = reaction.example.play(step, env).map(({ event, at }) => ({ ...event, now: at }) as Timed);
    const live = play(step, events);
    expect(live.done).toBe(true);
    expect(reaction.score(step, live.state).points).toBe(20);
    expect(replay(step, live.records)!.records).toEqual(live.records);
  });

  it('travels as a statement result and back', () => {
    const spec = reaction.records.reaction;
    const recordSchema = stepRecord('reaction', spec.fields);
    for (const r of [
      { type: 'reaction' as const, drill: 'drill', actionIds: ['drop', 'cover'], reactionMs: 1800, order: ['cover', 'drop'] },
      { type: 'reaction' as const, drill: 'drill', actionIds: [], reactionMs: null, order: ['cover', 'drop'] },
    ]) {
      const result = JSON.parse(JSON.stringify(spec.toResult(r)));
      expect(result.response).toBe(r.actionIds.join('[,]'));
      const back = { type: 'reaction', drill: 'drill', ...spec.fromResult(result) };
      expect(back).toEqual(r);
      const base = { id: crypto.randomUUID(), visitId: crypto.randomUUID(), at: new Date().toISOString(), platform: 'kiosk', locale: 'en', packId: 'p', scenarioId: 's', runId: crypto.randomUUID(), stepId: 'drill' };
      expect(recordSchema.safeParse({ ...base, ...back }).success).toBe(true);
    }
    expect(spec.name!(step)).toBe(step.cue);
  });
});

describe('reaction: autoplay and the check on arrival', () => {
  /** Plays the step with the stand-in visitor from the start to its end. */
  function autoplayed(step: ReactionStep, skill: 'good' | 'poor') {
    let state = reaction.start(step, env, 0);
    let now = 0;
    const records: RecordPayload[] = [];
    for (let i = 0; i < 100; i++) {
      const move = reaction.autoplay(step, state, env, skill);
      if (!move) break;
      now += move.after;
      const t = reaction.next(step, state, { ...move.event, now });
      state = t.state;
      records.push(...t.records);
      if (t.done) return { state, records, done: true };
    }
    return { state, records, done: false };
  }

  it('a good stand-in gets all points, a poor one none, and both reach the end', () => {
    for (const step of [parse(), parse({ withinSeconds: 1 }), parse({ distractors: [] })]) {
      const good = autoplayed(step, 'good');
      expect(good.done).toBe(true);
      expect(reaction.score(step, good.state).points).toBe(step.points);
      expect(replay(step, good.records)!.records).toEqual(good.records);
    }
    const step = parse();
    const poor = autoplayed(step, 'poor');
    expect(poor.done).toBe(true);
    expect(reaction.score(step, poor.state).points).toBe(0);
    expect(replay(step, poor.records)!.records).toEqual(poor.records);
  });

  it('checks a record against the pack: known actions, each shown once', () => {
    const step = parse();
    const check = reaction.records.reaction.check!;
    const order = reaction.ids(step);
    expect(check(step, { type: 'reaction', drill: 'drill', actionIds: ['drop', 'run-out'], reactionMs: null, order })).toEqual([]);
    expect(check(step, { type: 'reaction', drill: 'drill', actionIds: ['drop', 'fly'], reactionMs: null, order: ['drop', 'drop', 'cover', 'hold-on'] })).toEqual([
      { field: 'actionIds', message: "not actions of step 'drill': 'fly'" },
      { field: 'order', message: "must show each action of step 'drill' once: 'drop', 'cover', 'hold-on', 'run-out'" },
    ]);
  });

  it('names every extension it writes', () => {
    const spec = reaction.records.reaction;
    const written = Object.keys(spec.toResult({ type: 'reaction', drill: 'drill', actionIds: ['drop'], reactionMs: 900, order: ['drop'] }).extensions!);
    expect(written.sort()).toEqual([...spec.extensions].sort());
  });
});

describe('reaction: locales', () => {
  it('has every key in both languages', () => {
    expect(Object.keys(reaction.locales['zh-CN']).sort()).toEqual(Object.keys(reaction.locales.en).sort());
  });
});
