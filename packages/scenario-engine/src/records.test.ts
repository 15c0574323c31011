import { createRecord, VisitRecord } from '@ruyi/records';
import { describe, expect, it } from 'vitest';
import { recordBodyFor } from './records.ts';

const run = { packId: 'fire-dehui-2013', scenarioId: 'test-plant', runId: '3f0c7c9e-6a55-4c3e-9a41-3f8f1d1e2b7a' };
const ctx = {
  visitId: '1b4e28ba-2fa1-41d2-883f-0016d3cca427',
  platform: 'kiosk' as const,
  locale: 'zh-CN' as const,
  now: () => new Date('2026-06-01T09:30:00.000Z'),
  newId: () => 'c56a4180-65aa-42ec-a945-5fd21dec0538',
};

describe('recordBodyFor', () => {
  it('turns every outcome into a record the record schema accepts', () => {
    const outcomes = [
      { kind: 'hazard-found' as const, hazardId: 'wiring' },
      { kind: 'decision' as const, nodeId: 'alarm', choiceId: 'call-119', safe: true },
      { kind: 'answer' as const, questionId: 'q2', choiceIds: ['a', 'c'], correct: true },
      {
        kind: 'scenario-end' as const,
        passed: true,
        durationMs: 1234,
        score: {
          raw: 6, max: 6, scaled: 1, passed: true,
          hazards: { right: 1, total: 1, points: 2, maxPoints: 2 },
          decisions: { right: 1, total: 1, points: 2, maxPoints: 2 },
          quiz: { right: 1, total: 1, points: 2, maxPoints: 2 },
        },
      },
    ];
    for (const outcome of outcomes) {
      const record = createRecord(ctx, recordBodyFor(outcome, run));
      const parsed = VisitRecord.safeParse(record);
      expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
      expect(record).toMatchObject({ ...run, visitId: ctx.visitId, at: '2026-06-01T09:30:00.000Z' });
    }
  });
});
