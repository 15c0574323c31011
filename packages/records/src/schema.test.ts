import { describe, expect, it } from 'vitest';
import { VisitRecord } from './schema.ts';

const base = {
  id: 'c56a4180-65aa-42ec-a945-5fd21dec0538',
  visitId: '1b4e28ba-2fa1-41d2-883f-0016d3cca427',
  at: '2026-06-01T09:30:00.000Z',
  platform: 'kiosk',
  locale: 'zh-CN',
};
const run = { packId: 'fire-dehui-2013', scenarioId: 'plant', runId: '3f0c7c9e-6a55-4c3e-9a41-3f8f1d1e2b7a' };

const issues = (value: unknown) => VisitRecord.safeParse(value).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];

describe('VisitRecord', () => {
  it('accepts each record type', () => {
    for (const r of [
      { ...base, type: 'visit-start' },
      { ...base, type: 'visit-end', reason: 'timeout' },
      { ...base, ...run, type: 'scenario-start' },
      { ...base, ...run, type: 'hazard-found', hazardId: 'wiring' },
      { ...base, ...run, type: 'decision', nodeId: 'lift', choiceId: 'stairs', safe: true },
      { ...base, ...run, type: 'answer', questionId: 'q1', choiceIds: ['a'], correct: false },
      { ...base, ...run, type: 'scenario-end', score: { raw: 5, max: 10, scaled: 0.5 }, passed: false, durationMs: 1000 },
    ])
      expect(issues(r)).toEqual([]);
  });

  it('names what is wrong', () => {
    expect(issues({ ...base, type: 'teleport' })).toEqual([
      'type: unknown record type: must be one of visit-start, visit-end, scenario-start, step-end, prop-checked, hazard-found, decision, answer, scenario-end',
    ]);
    expect(issues({ ...base, type: 'visit-start', id: 'not-a-uuid' })).toEqual(['id: must be a UUID']);
    expect(issues({ ...base, ...run, type: 'hazard-found' })).toEqual(['hazardId: Invalid input: expected string, received undefined']);
    expect(issues({ ...base, type: 'visit-start', name: 'Xiao Ming' })[0]).toContain('Unrecognized key');
    expect(issues({ ...base, type: 'visit-end', reason: 'bored' })[0]).toMatch(/^reason:/);
  });
});
