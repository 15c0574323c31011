import { mechanicOf, type VisitRecord } from '@ruyi/mechanics';
import { readContent } from '@ruyi/pack-schema/node';
import { describe, expect, it } from 'vitest';
import { recordFromStatement } from '../ruyi/from-statement.ts';
import { validateStatement } from '../validate.ts';
import { dayNumber, seedDay, visitsPerDay } from './calendar.ts';
import { idsFor } from './random.ts';
import { defaultParks, defaultSchools } from './population.ts';
import { difficultyModel, rightChance } from './visitor.ts';
import { generateVisits, visitStatements, type SeedPlan, type SeedVisit } from './visits.ts';

const content = readContent(new URL('../../../../content/', import.meta.url).pathname);
const packs = new Map(content.packs.map((p) => [p.id, p]));
const BASE = 'https://ruyi.localhost/xapi/';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const plan = (over: Partial<SeedPlan> = {}): SeedPlan => ({
  seed: 7,
  visits: 900,
  from: dayNumber('2025-06-01')!,
  to: dayNumber('2026-06-30')!,
  parks: defaultParks((code) => `https://ruyi.localhost/parks/${code}`),
  schools: defaultSchools(),
  packs: content.packs,
  ...over,
});
const visits = [...generateVisits(plan())];
const statementsOf = (v: SeedVisit) => visitStatements(v, { base: BASE, pack: (id) => packs.get(id) });
const records = visits.flatMap((v) => v.records);
const ofType = <T = Record<string, unknown>>(type: string) => records.filter((r) => r.type === type) as unknown as (VisitRecord & T)[];
const stepOf = (r: { packId: string; scenarioId: string; stepId: string }) =>
  packs.get(r.packId)!.scenarios.find((s) => s.id === r.scenarioId)!.steps.find((s) => s.id === r.stepId)!;
const share = (xs: readonly boolean[]) => xs.filter(Boolean).length / xs.length;

describe('made-up visits', () => {
  it('are the same for the same seed, ids included, and others for another seed; a resumed sequence continues it exactly', { timeout: 60_000 }, () => {
    const again = [...generateVisits(plan({ visits: 300 }))];
    const first = [...generateVisits(plan({ visits: 300 }))];
    expect(again).toEqual(first);
    const other = [...generateVisits(plan({ visits: 300, seed: 8 }))];
    expect(other.map((v) => v.visitId)).not.toEqual(first.map((v) => v.visitId));
    const resumed = [...generateVisits(plan({ visits: 300 }), 137)];
    expect(resumed).toEqual(first.slice(137));
    expect(first.map((v) => v.index)).toEqual(first.map((_, i) => i));
  });

  it('are chronological and add up to the number asked for, over the whole period', () => {
    expect(visits).toHaveLength(900);
    const starts = visits.map((v) => Date.parse(v.records[0]!.at));
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(visits[0]!.date >= '2025-06-01' && visits.at(-1)!.date <= '2026-06-30').toBe(true);
    for (const v of visits) {
      expect(v.records[0]!.type).toBe('visit-start');
      expect(v.records.at(-1)!.type).toBe('visit-end');
      expect(new Set(v.records.map((r) => r.visitId))).toEqual(new Set([v.visitId]));
    }
  });

  it('play every mechanic and every scenario of the packs, in every area, on every platform, in both languages', () => {
    const mechanics = new Set(content.packs.flatMap((p) => p.scenarios.flatMap((s) => s.steps.map((st) => st.mechanic))));
    const played = new Set(ofType<{ packId: string; scenarioId: string; stepId: string }>('step-end').map((r) => stepOf(r).mechanic));
    expect([...played].sort()).toEqual([...mechanics].sort());
    // Every record type the packs' mechanics make (a wrong tap in a hunt, a drill's question…) shows up.
    const recordTypes = new Set([...mechanics].flatMap((m) => Object.keys(mechanicOf(m)!.records)));
    for (const type of recordTypes) expect(ofType(type).length, type).toBeGreaterThan(0);
    const scenarios = new Set(ofType<{ scenarioId: string }>('scenario-start').map((r) => r.scenarioId));
    expect(scenarios.size).toBe(content.packs.reduce((n, p) => n + p.scenarios.length, 0));
    const areas = new Set(ofType<{ packId: string }>('scenario-start').map((r) => packs.get(r.packId)!.area));
    expect(areas).toEqual(new Set(content.packs.map((p) => p.area)));
    expect(new Set(visits.map((v) => v.options.platform))).toEqual(new Set(['kiosk', 'vr', 'web']));
    expect(new Set(visits.map((v) => v.options.locale))).toEqual(new Set(['zh-CN', 'en']));
    expect(new Set(visits.map((v) => v.options.park.code)).size).toBe(6);
  });

  it('become statements the xAPI validator passes and the server reads back as the very records', { timeout: 60_000 }, () => {
    for (const v of visits.slice(0, 150)) {
      const statements = statementsOf(v);
      for (const s of statements) {
        expect(validateStatement(s)).toEqual([]);
        const read = recordFromStatement(s, BASE);
        expect(read, JSON.stringify(s)).not.toBeNull();
        if (read!.kind !== 'scenario-verdict') expect(read!.record).toEqual(v.records.find((r) => r.id === s.id));
      }
      expect(statements.every((s) => s.context?.registration === v.visitId)).toBe(true);
    }
  });

  it('answer rightly as often as the item-response model says: harder questions less often, the second play better', () => {
    const answers = ofType<{ packId: string; scenarioId: string; questionId: string; correct: boolean }>('answer');
    const correct = share(answers.map((a) => a.correct));
    expect(correct).toBeGreaterThan(0.5);
    expect(correct).toBeLessThan(0.9);
    // Per question: the observed rate tracks the drawn difficulty.
    const model = difficultyModel(7);
    const byQuestion = new Map<string, boolean[]>();
    for (const a of answers) {
      const key = `${a.packId}/${a.scenarioId}/${a.questionId}`;
      byQuestion.set(key, [...(byQuestion.get(key) ?? []), a.correct]);
    }
    const ranked = [...byQuestion].filter(([, xs]) => xs.length >= 20).sort(([a], [b]) => model.of(a) - model.of(b));
    expect(ranked.length).toBeGreaterThanOrEqual(12);
    const quarter = Math.floor(ranked.length / 4);
    const rate = (part: typeof ranked) => share(part.flatMap(([, xs]) => xs));
    expect(rate(ranked.slice(0, quarter)) - rate(ranked.slice(-quarter))).toBeGreaterThan(0.15);
    // Every question someone got wrong has a most-chosen wrong answer that stands out when there are several.
    const wrongPicks = new Map<string, number>();
    for (const a of answers.filter((x) => !x.correct && x.questionId)) {
      const key = `${a.questionId}|${(a as unknown as { choiceIds: string[] }).choiceIds.join(',')}`;
      wrongPicks.set(key, (wrongPicks.get(key) ?? 0) + 1);
    }
    expect(wrongPicks.size).toBeGreaterThan(10);
    expect(rightChance(1, 1)).toBe(0.5);

    const hunts = ofType<{ packId: string; scenarioId: string; stepId: string }>('step-end').filter((r) => stepOf(r).mechanic === 'hazard-hunt');
    const found = ofType('hazard-found').length;
    const faced = hunts.reduce((n, r) => n + (stepOf(r) as { hazards: unknown[] }).hazards.length, 0);
    expect(found / faced).toBeGreaterThan(0.5);
    expect(found / faced).toBeLessThan(0.95);

    // A second play of a scenario in the same visit scores better on average than the first.
    const ends = ofType<{ visitId: string; scenarioId: string; score: { scaled: number } }>('scenario-end');
    const firsts: number[] = [];
    const seconds: number[] = [];
    for (const v of visits.filter((x) => x.replays > 0)) {
      const runs = ends.filter((e) => e.visitId === v.visitId);
      for (let i = 1; i < runs.length; i++)
        if (runs[i]!.scenarioId === runs[i - 1]!.scenarioId) {
          firsts.push(runs[i - 1]!.score.scaled);
          seconds.push(runs[i]!.score.scaled);
        }
    }
    expect(firsts.length).toBeGreaterThan(15);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean(seconds)).toBeGreaterThan(mean(firsts));
  });

  it('include visitors who leave mid-run, decisions that go wrong, and visits the kiosk ended', () => {
    const abandoned = share(visits.map((v) => v.abandoned));
    expect(abandoned).toBeGreaterThan(0.02);
    expect(abandoned).toBeLessThan(0.15);
    for (const v of visits.filter((x) => x.abandoned)) {
      expect(v.records.at(-1)).toMatchObject({ type: 'visit-end', reason: 'timeout' });
      const starts = v.records.filter((r) => r.type === 'scenario-start').length;
      expect(v.records.filter((r) => r.type === 'scenario-end').length).toBe(starts - 1);
    }
    const decisions = ofType<{ safe: boolean }>('decision');
    const safe = share(decisions.map((d) => d.safe));
    expect(safe).toBeGreaterThan(0.5);
    expect(safe).toBeLessThan(0.95);
    const ends = ofType<{ passed: boolean }>('scenario-end');
    expect(share(ends.map((e) => e.passed))).toBeGreaterThan(0.3);
    expect(share(ends.map((e) => e.passed))).toBeLessThan(0.95);
  });

  it('follow the week and the seasons, peak in the safety month (June), and bring classes on school days only', { timeout: 60_000 }, () => {
    const days = visitsPerDay(100_000, dayNumber('2025-06-01')!, dayNumber('2026-05-31')!, 7);
    expect(days.reduce((n, d) => n + d.visits, 0)).toBe(100_000);
    const perDay = (f: (d: (typeof days)[number]) => boolean) => {
      const picked = days.filter(f);
      return picked.reduce((n, d) => n + d.visits, 0) / picked.length;
    };
    expect(perDay((d) => d.day.month === 6)).toBeGreaterThan(1.6 * perDay((d) => d.day.month === 5 || d.day.month === 7));
    expect(perDay((d) => d.day.weekday === 6)).toBeGreaterThan(1.5 * perDay((d) => d.day.weekday === 2));

    // A busy fortnight of June, so classes come whole (a year of 900 visits has only a pupil or two a day).
    const june = [...generateVisits(plan({ visits: 1500, from: dayNumber('2026-06-01')!, to: dayNumber('2026-06-14')! }))];
    const pupils = june.filter((v) => v.options.classSession);
    expect(pupils.length).toBeGreaterThan(300);
    expect(pupils.length).toBeLessThan(june.length);
    for (const v of pupils) {
      expect(seedDay(dayNumber(v.date)!).schoolDay, v.date).toBe(true);
      expect(v.options.classSession!.place === 'school').toBe(v.options.platform === 'web');
    }
    // A class plays together: one code, one school, the same scenarios.
    const classes = new Map<string, SeedVisit[]>();
    for (const v of pupils) classes.set(v.options.classSession!.code, [...(classes.get(v.options.classSession!.code) ?? []), v]);
    expect(classes.size).toBeGreaterThan(3);
    for (const members of classes.values()) expect(new Set(members.map((m) => m.options.classSession!.school)).size).toBe(1);
    expect(Math.max(...[...classes.values()].map((m) => m.length))).toBeGreaterThanOrEqual(25);
    // Each device has its own id, kept across visits.
    const devices = new Map<string, string>();
    for (const v of [...visits, ...june]) {
      const name = `${v.options.classSession?.place === 'school' ? v.options.classSession.school : v.options.park.code}|${v.options.device.kind}|${v.options.device.number}`;
      expect(devices.get(name) ?? v.options.deviceId).toBe(v.options.deviceId);
      devices.set(name, v.options.deviceId);
    }
  });

  it('hold no personal data: anonymous accounts, random ids and codes only', { timeout: 60_000 }, () => {
    for (const v of visits.slice(0, 200)) {
      expect(v.visitId).toMatch(UUID);
      expect(v.options.deviceId).toMatch(UUID);
      const session = v.options.classSession;
      if (session) {
        expect(session.code).toMatch(/^[A-Z0-9]{6}$/);
        expect(session.school).toMatch(/^\d{6}-s\d{2}$/);
        expect(Object.keys(session).sort()).toEqual(['classNo', 'code', 'district', 'grade', 'park', 'place', 'school']);
      }
      for (const s of statementsOf(v)) {
        expect(s.actor).toEqual({ objectType: 'Agent', account: { homePage: v.options.park.iri, name: v.visitId } });
        const text = JSON.stringify(s);
        expect(text).not.toMatch(/mbox|openid|"instructor"|"team"/);
      }
    }
  });

  it('never give two visits the same id, however many are made (a 32-bit stream would, a million statements in)', { timeout: 180_000 }, () => {
    // The ids of 4,000 visits of 100 records each, named as the generator names visits (seed, day, place in the day).
    const seen = new Set<string>();
    for (let day = 0; day < 400; day++)
      for (let position = 0; position < 10; position++) {
        const id = idsFor(`7|${20_000 + day}|${position}`);
        for (let k = 0; k < 100; k++) seen.add(id());
      }
    expect(seen.size).toBe(400_000);
    for (const id of [...seen].slice(0, 1000)) expect(id).toMatch(UUID);
    // And the visits themselves: every record and run id of the plan is new.
    const ids = records.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(visits.map((v) => v.visitId)).size).toBe(visits.length);
  });
});
