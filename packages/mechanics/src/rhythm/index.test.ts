import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { stepCommonFields } from '../common.ts';
import type { Mechanic, RecordPayload, StepEnv } from '../contract.ts';
import { rhythm as rhythmAsWritten, rhythmPace, rhythmScore, type CompressionsRecord, type RhythmConfig, type RhythmEvent, type RhythmState, type RhythmStep } from './index.ts';

// Through the contract's signatures, as the runner and the server call it.
const rhythm: Mechanic<'rhythm', RhythmConfig, RhythmState, RhythmEvent, CompressionsRecord> = rhythmAsWritten;

const schema = z.strictObject({ ...stepCommonFields, mechanic: z.literal('rhythm'), ...rhythm.fields });
const env: StepEnv = { props: [], seed: 7 };

function makeStep(extra: Record<string, unknown> = {}): RhythmStep {
  return schema.parse({ id: 'cpr', mechanic: 'rhythm', ...rhythm.example.step, ...extra }) as RhythmStep;
}

/** Plays events from the step's start at `t0`; returns the last state, every record and whether the step ended. */
function play(step: RhythmStep, events: (RhythmEvent & { now: number })[], t0 = 0) {
  let state: RhythmState = rhythm.start(step, env, t0);
  const records: RecordPayload[] = [];
  let done = false;
  for (const event of events) {
    const tr = rhythm.next(step, state, event, env);
    state = tr.state;
    records.push(...tr.records);
    if (tr.done) done = true;
  }
  return { state, records, done };
}

const presses = (times: number[]) => times.map((now) => ({ type: 'press' as const, now }));
const evenly = (n: number, everyMs: number, from = 0) => Array.from({ length: n }, (_, i) => from + i * everyMs);

/** The replay the server does: the record's events from a fresh start must make exactly that record. */
function replays(step: RhythmStep, rec: CompressionsRecord): boolean {
  const start = rhythm.start(step, env, 0);
  const events = rhythm.eventsFor(step, start, rec);
  if (!events) return false;
  const { records } = play(step, events);
  return records.length === 1 && JSON.stringify(records[0]) === JSON.stringify(rec);
}

describe('rhythm: pack fields', () => {
  it('fills the defaults V3 names', () => {
    const step = schema.parse({ id: 'cpr', mechanic: 'rhythm', ...rhythm.example.step, count: undefined });
    expect(step).toMatchObject({ count: 30, minPerMinute: 100, maxPerMinute: 120, pointsForCount: 10, pointsForRate: 10 });
  });

  it('refuses a count above what a record can hold, and flags an empty band', () => {
    expect(schema.safeParse({ id: 'cpr', mechanic: 'rhythm', ...rhythm.example.step, count: 401 }).success).toBe(false);
    expect(rhythm.references(makeStep({ minPerMinute: 120, maxPerMinute: 100 }), { props: [] })).toEqual([
      { path: ['maxPerMinute'], code: 'mechanic.rhythm-range', params: { max: 100, min: 120 }, message: 'maxPerMinute (100) must be above minPerMinute (120)' },
    ]);
    expect(rhythm.references(makeStep(), { props: [] })).toEqual([]);
  });
});

describe('rhythm: presses', () => {
  it('times presses from the first, whenever the step started', () => {
    const step = makeStep();
    const { state, records } = play(step, presses([5000, 5550, 6100]), 1000);
    expect(state.tapsMs).toEqual([0, 550, 1100]);
    expect(state.stage).toBe('pressing');
    expect(records).toEqual([]);
  });

  it('records once at the count, then ignores more presses until the visitor goes on', () => {
    const step = makeStep({ count: 5 });
    const first = play(step, presses(evenly(5, 550)));
    expect(first.state.stage).toBe('summary');
    expect(first.records).toEqual([{ type: 'compressions', drill: 'cpr', tapsMs: [0, 550, 1100, 1650, 2200], points: 20, maxPoints: 20 }]);
    expect(first.done).toBe(false);
    const more = rhythm.next(step, first.state, { type: 'press', now: 3000 }, env);
    expect(more).toEqual({ state: first.state, records: [] });
    const end = rhythm.next(step, first.state, { type: 'finish', now: 4000 }, env);
    expect(end).toEqual({ state: first.state, records: [], done: true });
  });

  it('records what was pressed when the visitor stops early', () => {
    const step = makeStep({ count: 30 });
    const { records, done, state } = play(step, [...presses(evenly(4, 550)), { type: 'finish', now: 9000 }]);
    expect(done).toBe(true);
    expect(state.stage).toBe('summary');
    // 3 of 29 intervals right: round(10 * 3 / 29) = 1; no count points.
    expect(records).toEqual([{ type: 'compressions', drill: 'cpr', tapsMs: [0, 550, 1100, 1650], points: 1, maxPoints: 20 }]);
  });

  it('records an empty try too', () => {
    const { records, done } = play(makeStep(), [{ type: 'finish', now: 200 }]);
    expect(done).toBe(true);
    expect(records).toEqual([{ type: 'compressions', drill: 'cpr', tapsMs: [], points: 0, maxPoints: 20 }]);
  });

  it('never lets a clock stepping back make a press earlier than the one before', () => {
    const { state } = play(makeStep(), presses([1000, 1600, 1200, 2100]));
    expect(state.tapsMs).toEqual([0, 600, 600, 1100]);
  });
});

describe('rhythm: score', () => {
  const step = makeStep({ count: 11 });

  it('gives all points for the count at a rate inside the band, edges included', () => {
    // 600 ms is 100 a minute, 500 ms is 120: both edges are right.
    const taps = [0, 600, 1100, 1700, 2200, 2800, 3300, 3900, 4400, 5000, 5500];
    expect(rhythmScore(step, taps)).toEqual({ right: 10, total: 10, points: 20, maxPoints: 20 });
  });

  it('gives count points but no rate points for presses all too slow or too fast', () => {
    expect(rhythmScore(step, evenly(11, 700))).toEqual({ right: 0, total: 10, points: 10, maxPoints: 20 });
    expect(rhythmScore(step, evenly(11, 300))).toEqual({ right: 0, total: 10, points: 10, maxPoints: 20 });
    // Hammering as fast as possible earns nothing for the rate.
    expect(rhythmScore(step, evenly(11, 0)).points).toBe(10);
  });

  it('pays the rate by the share of right intervals of the whole count, not of the presses made', () => {
    const half = [...evenly(6, 550), ...evenly(5, 800, 3550)];
    expect(rhythmScore(step, half)).toEqual({ right: 5, total: 10, points: 15, maxPoints: 20 });
    // Three perfect presses are not a perfect rate.
    expect(rhythmScore(step, evenly(3, 550)).points).toBe(2);
  });

  it('is never above its maximum', () => {
    for (let n = 0; n <= 11; n++)
      for (const every of [0, 450, 500, 550, 600, 650])
        expect(rhythmScore(step, evenly(n, every)).points).toBeLessThanOrEqual(rhythmScore(step, []).maxPoints);
  });

  it('names what was missed: the count, and the way the rate was off', () => {
    const slow = play(step, [...presses(evenly(6, 900)), { type: 'finish', now: 9000 }]).state;
    expect(rhythm.missed(step, slow)).toEqual([{ 'zh-CN': '只按压了 6 次，应按压 11 次', en: 'Only 6 of 11 compressions were made' }, step.tooSlow]);
    const fast = play(step, presses(evenly(11, 350))).state;
    expect(rhythm.missed(step, fast)).toEqual([step.tooFast]);
    const good = play(step, presses(evenly(11, 550))).state;
    expect(rhythm.missed(step, good)).toEqual([]);
  });
});

describe('rhythm: live pace', () => {
  const step = makeStep();
  it('says nothing before the second press', () => {
    expect(rhythmPace(step, [])).toBeNull();
    expect(rhythmPace(step, [0])).toBeNull();
  });
  it('judges the mean of the last three intervals', () => {
    expect(rhythmPace(step, [0, 550])).toEqual({ perMinute: 109, pace: 'good' });
    expect(rhythmPace(step, [0, 800, 1600])).toEqual({ perMinute: 75, pace: 'tooSlow' });
    expect(rhythmPace(step, [0, 300, 600])).toEqual({ perMinute: 200, pace: 'tooFast' });
    // One slow interval long ago no longer counts; one uneven tap among three does not flip it.
    expect(rhythmPace(step, [0, 2000, 2550, 3100, 3650])).toEqual({ perMinute: 109, pace: 'good' });
    expect(rhythmPace(step, [0, 550, 1100, 1800])).toMatchObject({ pace: 'good' });
  });
});

describe('rhythm: replay', () => {
  it('replays the records of a full play and of an early stop to the same records', () => {
    const step = makeStep({ count: 8 });
    const full = play(step, presses([2000, 2540, 3100, 3660, 4190, 4800, 5310, 5900]), 100);
    const early = play(step, [...presses([2000, 2700, 3300]), { type: 'finish', now: 8000 }], 100);
    const none = play(step, [{ type: 'finish', now: 8000 }], 100);
    for (const run of [full, early, none]) {
      expect(run.records).toHaveLength(1);
      expect(replays(step, run.records[0] as CompressionsRecord)).toBe(true);
    }
  });

  it('ends a replayed step from its summary with a silent finish', () => {
    const step = makeStep({ count: 3 });
    const { state } = play(step, presses([0, 550, 1100]));
    expect(rhythm.endEvents(step, state)).toEqual([{ type: 'finish' }]);
    expect(rhythm.endEvents(step, rhythm.start(step, env, 0))).toEqual([]);
    const end = rhythm.next(step, state, { type: 'finish', now: 1200 }, env);
    expect(end.done).toBe(true);
    expect(end.records).toEqual([]);
  });

  it('refuses forged records: times running back, more presses than the count, points the taps do not earn', () => {
    const step = makeStep({ count: 30 });
    expect(replays(step, rhythm.example.forged(step) as CompressionsRecord)).toBe(false);
    const perfect = evenly(30, 545);
    expect(replays(step, { type: 'compressions', drill: 'cpr', tapsMs: perfect, points: 20, maxPoints: 20 })).toBe(true);
    expect(replays(step, { type: 'compressions', drill: 'cpr', tapsMs: evenly(31, 545), points: 20, maxPoints: 20 })).toBe(false);
    expect(replays(step, { type: 'compressions', drill: 'cpr', tapsMs: evenly(30, 900), points: 20, maxPoints: 20 })).toBe(false);
    expect(replays(step, { type: 'compressions', drill: 'cpr', tapsMs: evenly(30, 545, 300), points: 20, maxPoints: 20 })).toBe(false);
    expect(rhythm.eventsFor(step, rhythm.start(step, env, 0), { type: 'compressions', drill: 'other', tapsMs: perfect, points: 20, maxPoints: 20 })).toBeNull();
  });

  it('plays its example to the end with a record that replays', () => {
    const step = makeStep();
    const events = rhythm.example.play(step, env).map(({ event, at }) => ({ ...event, now: at }));
    const run = play(step, events);
    expect(run.done).toBe(true);
    expect(run.records).toHaveLength(1);
    expect((run.records[0] as CompressionsRecord).points).toBe(20);
    expect(replays(step, run.records[0] as CompressionsRecord)).toBe(true);
  });
});

describe('rhythm: record ↔ statement result', () => {
  it('reads its record back from the result it writes', () => {
    const spec = rhythm.records.compressions;
    const rec: CompressionsRecord = { type: 'compressions', drill: 'cpr', tapsMs: [0, 550, 1120], points: 1, maxPoints: 20 };
    const result = spec.toResult(rec);
    expect(result).toEqual({ score: { raw: 1, min: 0, max: 20 }, extensions: { 'taps-ms': [0, 550, 1120] } });
    expect({ type: rec.type, drill: rec.drill, ...spec.fromResult(JSON.parse(JSON.stringify(result))) }).toEqual(rec);
    expect(z.strictObject(spec.fields).safeParse({ drill: 'cpr', tapsMs: evenly(401, 1), points: 0, maxPoints: 0 }).success).toBe(false);
  });
});
