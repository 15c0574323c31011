// A class's report from facts (pure): seats by visit, the best completed play per scenario, who finished, the weakest
// questions first, and the CSV.
import type { ClassSession } from '@ruyi/api-contract';
import type { StatFact } from '@ruyi/statistics';
import { describe, expect, it } from 'vitest';
import { classReport, studentsCsv } from './report.ts';

const cls: ClassSession = {
  id: '00000000-0000-4000-8000-000000000001',
  code: '7KQ2MX',
  classCode: 'S-1/7KQ2MX',
  school: 'S-1',
  grade: 4,
  label: '3班, "A"',
  openedAt: '2026-06-01T01:00:00.000Z',
  closesAt: '2026-06-01T03:00:00.000Z',
  closedAt: null,
  open: true,
  joinPath: '/?join=7KQ2MX',
  joined: 3,
};

let seq = 0;
const fact = (visitId: string, kind: StatFact['kind'], over: Partial<StatFact> = {}): StatFact => ({
  seq: ++seq,
  at: `2026-06-01T01:${String(10 + seq).padStart(2, '0')}:00.000Z`,
  kind,
  visitId,
  runId: null,
  park: 'ruyi-xi',
  district: '220102',
  school: 'S-1',
  classSession: cls.classCode,
  device: null,
  platform: 'web',
  locale: 'zh-CN',
  packId: kind === 'visit-start' || kind === 'visit-end' ? null : 'fire',
  packVersion: null,
  scenarioId: kind === 'visit-start' || kind === 'visit-end' ? null : 'kitchen',
  area: null,
  stepId: null,
  itemType: null,
  item: null,
  choice: null,
  correct: null,
  scoreScaled: null,
  passed: null,
  durationMs: null,
  ...over,
});
const answer = (visitId: string, item: string, correct: boolean) =>
  fact(visitId, 'item', { stepId: 'quiz', itemType: 'answer', item, choice: correct ? 'a' : 'b', correct });

const seats = [1, 2, 3].map((seat) => ({ classId: cls.id, seat, platform: 'web' as const, joinedAt: '2026-06-01T01:05:00.000Z', lastSeenAt: '2026-06-01T01:05:00.000Z' }));

describe('classReport', () => {
  const facts = [
    fact('v1', 'visit-start'),
    fact('v1', 'scenario-start'),
    answer('v1', 'q-easy', true),
    answer('v1', 'q-hard', false),
    fact('v1', 'scenario-end', { scoreScaled: 0.5, passed: false, durationMs: 60_000 }),
    fact('v1', 'scenario-start'),
    fact('v1', 'scenario-end', { scoreScaled: 0.9, passed: true, durationMs: 50_000 }),
    fact('v2', 'visit-start'),
    fact('v2', 'scenario-start'),
    answer('v2', 'q-easy', true),
    answer('v2', 'q-hard', true),
    fact('v2', 'scenario-start', { scenarioId: 'garage' }),
    // A visit at no seat counts in the totals only.
    fact('v9', 'visit-start'),
  ];
  const report = classReport({ class: cls, seats, seatVisits: [{ visitId: 'V1', seat: 1 }, { visitId: 'v2', seat: 2 }], facts, utcOffsetMinutes: 480 });

  it('gives each seat its scenarios with the best completed play, and says who finished', () => {
    expect(report.students[0]).toMatchObject({ seat: 1, finished: true, scenarios: [{ scenario: 'fire/kitchen', completed: true, passed: true, score: 0.9 }] });
    expect(report.students[0]!.lastSeenAt).toBe(facts[6]!.at);
    expect(report.students[1]).toMatchObject({
      seat: 2,
      finished: false,
      scenarios: [
        { scenario: 'fire/garage', completed: false, passed: null, score: null },
        { scenario: 'fire/kitchen', completed: false, passed: null, score: null },
      ],
    });
    expect(report.students[2]).toMatchObject({ seat: 3, finished: false, scenarios: [], lastSeenAt: seats[2]!.lastSeenAt });
  });

  it('counts the class once, and lists its weakest questions first', () => {
    expect(report.totals).toMatchObject({ visits: 3, runs: 4, completed: 2, passed: 1 });
    expect(report.totals.averageScore).toBeCloseTo(0.7);
    expect(report.weakest.map((q) => [q.item, q.correctRate])).toEqual([
      ['q-hard', 0.5],
      ['q-easy', 1],
    ]);
  });

  it('writes one CSV row per seat, with a BOM, quoting what needs it', () => {
    const csv = studentsCsv(report);
    expect(csv.startsWith('\uFEFFseat,platform,')).toBe(true);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toBe('1,web,2026-06-01T01:05:00.000Z,2026-06-01T01:17:00.000Z,fire/kitchen,fire/kitchen,fire/kitchen,0.9,true');
    expect(lines[2]).toBe('2,web,2026-06-01T01:05:00.000Z,2026-06-01T01:22:00.000Z,fire/garage fire/kitchen,,,,false');
    const quoted = studentsCsv({ ...report, students: [{ ...report.students[0]!, scenarios: [{ scenario: 'a,"b"', completed: false, passed: null, score: null }] }] });
    expect(quoted).toContain('"a,""b"""');
  });
});
