import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CORE_RECORDS, ENVELOPE_FIELDS, RUN_FIELDS, stepRecord } from './schema.ts';

const base = {
  id: 'c56a4180-65aa-42ec-a945-5fd21dec0538',
  visitId: '1b4e28ba-2fa1-41d2-883f-0016d3cca427',
  at: '2026-06-01T09:30:00.000Z',
  platform: 'kiosk',
  locale: 'zh-CN',
};
const run = { packId: 'fire-dehui-2013', scenarioId: 'plant', runId: '3f0c7c9e-6a55-4c3e-9a41-3f8f1d1e2b7a' };

// The core records alone, as the full union (with every mechanic's records) is built from them in @ruyi/mechanics.
const CoreRecord = z.discriminatedUnion('type', CORE_RECORDS);
const issuesOf = (schema: z.ZodType, value: unknown) => schema.safeParse(value).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];
const issues = (value: unknown) => issuesOf(CoreRecord, value);

// A step record as a mechanic declares one: its own fields besides the run's and the step's.
const HazardFound = stepRecord('hazard-found', { hazardId: z.string(), atMs: z.number().int().min(0) });

describe('the core records', () => {
  it('accepts each type', () => {
    for (const r of [
      { ...base, type: 'visit-start' },
      { ...base, type: 'visit-end', reason: 'timeout' },
      { ...base, ...run, type: 'scenario-start', seed: 0 },
      { ...base, ...run, type: 'scenario-start', seed: 0xffffffff },
      { ...base, ...run, type: 'step-end', stepId: 'hazard-hunt', durationMs: 0 },
      { ...base, ...run, type: 'scenario-end', score: { raw: 5, max: 10, scaled: 0.5 }, passed: false, durationMs: 1000 },
    ])
      expect(issues(r)).toEqual([]);
    expect(CORE_RECORDS.map((s) => s.shape.type.value)).toEqual(['visit-start', 'visit-end', 'scenario-start', 'step-end', 'scenario-end']);
  });

  it('names what is wrong', () => {
    expect(issues({ ...base, type: 'visit-start', id: 'not-a-uuid' })).toEqual(['id: must be a UUID']);
    expect(issues({ ...base, type: 'visit-start', name: 'Xiao Ming' })[0]).toContain('Unrecognized key');
    expect(issues({ ...base, type: 'visit-end', reason: 'bored' })[0]).toMatch(/^reason:/);
    expect(issues({ ...base, type: 'visit-start', at: 'yesterday' })).toEqual(['at: must be an ISO 8601 date-time, e.g. 2026-06-01T09:30:00.000Z']);
  });

  it('takes a run start with its seed, a 32-bit unsigned integer (the server replays the run from it), or one from an older app without', () => {
    expect(issues({ ...base, ...run, type: 'scenario-start' })).toEqual([]);
    expect(issues({ ...base, ...run, type: 'scenario-start', seed: 0xffffffff })).toEqual([]);
    for (const seed of [-1, 0x100000000, 1.5]) expect(issues({ ...base, ...run, type: 'scenario-start', seed })[0]).toMatch(/^seed:/);
  });

  it('needs a step end to name its step by a kebab-case id', () => {
    expect(issues({ ...base, ...run, type: 'step-end', durationMs: 1 })).toEqual(['stepId: Invalid input: expected string, received undefined']);
    expect(issues({ ...base, ...run, type: 'step-end', stepId: 'Hazard Hunt', durationMs: 1 })).toEqual(['stepId: must be a kebab-case id']);
    // The old fixed step names are gone: any step id of the scenario is one.
    expect(issues({ ...base, ...run, type: 'step-end', step: 'case-card', stepId: 'case', durationMs: 1 })[0]).toContain('Unrecognized key');
  });
});

describe('stepRecord', () => {
  it("makes a step record's schema: the run's fields, its step, its type and the mechanic's own fields", () => {
    expect(issuesOf(HazardFound, { ...base, ...run, type: 'hazard-found', stepId: 'hunt', hazardId: 'wiring', atMs: 3000 })).toEqual([]);
    expect(Object.keys(HazardFound.shape).sort()).toEqual([...ENVELOPE_FIELDS, ...RUN_FIELDS, 'type', 'stepId', 'hazardId', 'atMs'].sort());
  });

  it('names what is missing or extra', () => {
    expect(issuesOf(HazardFound, { ...base, ...run, type: 'hazard-found', stepId: 'hunt', atMs: 3000 })).toEqual(['hazardId: Invalid input: expected string, received undefined']);
    expect(issuesOf(HazardFound, { ...base, ...run, type: 'hazard-found', hazardId: 'wiring', atMs: 3000 })).toEqual(['stepId: Invalid input: expected string, received undefined']);
    expect(issuesOf(HazardFound, { ...base, type: 'hazard-found', stepId: 'hunt', hazardId: 'wiring', atMs: 1 }).map((i) => i.split(':')[0]).sort()).toEqual(['packId', 'runId', 'scenarioId']);
    expect(issuesOf(HazardFound, { ...base, ...run, type: 'hazard-found', stepId: 'hunt', hazardId: 'wiring', atMs: 1, name: 'Xiao Ming' })[0]).toContain('Unrecognized key');
    expect(issuesOf(HazardFound, { ...base, ...run, type: 'decision', stepId: 'hunt', hazardId: 'wiring', atMs: 1 })[0]).toMatch(/^type:/);
  });
});
