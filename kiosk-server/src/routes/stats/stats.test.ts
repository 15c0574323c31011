import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { App } from '../../app.ts';
import type { VisitRecord } from '@ruyi/mechanics';
import { newVisit, played, records } from '../../test-support/fixture-content.ts';
import { statementsOf } from '../../test-support/statements.ts';
import { createTestEnv, type TestEnv } from '../../test-support/test-app.ts';
import { analystHeaders } from '../../test-support/admin.ts';

let env: TestEnv;
let app: App;
beforeEach(async () => {
  env = createTestEnv();
  app = await env.start();
});
afterEach(() => env.cleanup());

const of = (...rs: VisitRecord[]) => statementsOf(app, env.config, rs);

const summary = async () => {
  const res = await app.inject({ url: '/api/stats/summary', headers: await analystHeaders(app) });
  expect(res.statusCode).toBe(200);
  return res.json();
};

describe('GET /api/stats/summary', () => {
  it('lists every park area, in park order, with zeros when nothing is recorded', async () => {
    expect(await summary()).toEqual({
      visits: 0,
      completedScenarios: 0,
      areas: [
        { area: 'fire', completedScenarios: 0, averageScore: null },
        { area: 'traffic', completedScenarios: 0, averageScore: null },
        { area: 'home', completedScenarios: 0, averageScore: null },
      ],
      platforms: [
        { platform: 'kiosk', visits: 0, completedScenarios: 0, averageScore: null },
        { platform: 'vr', visits: 0, completedScenarios: 0, averageScore: null },
        { platform: 'web', visits: 0, completedScenarios: 0, averageScore: null },
      ],
    });
  });

  it('counts visits with a visit-start, completed scenarios, and the average scaled score per area', async () => {
    const a = newVisit();
    const b = newVisit();
    const c = newVisit(); // never sent a visit-start: not counted as a visit
    const res = await app.inject({
      method: 'POST',
      url: '/api/statements',
      // Runs played through the engine: 10 points a hazard, a safe decision and a right answer, of 40.
      payload: of(
          records.visitStart(a),
          records.visitStart(b),
          ...played(a, { skill: { decisions: 'poor' } }), // 0.75
          ...played({ ...a, runId: newVisit().runId }), // 1 (played again)
          ...played(b, { skill: 'poor' }), // 0.25
          records.scenarioStart(c),
          records.visitEnd(a),
      ),
    });
    expect(res.statusCode).toBe(200);
    expect(await summary()).toEqual({
      visits: 2,
      completedScenarios: 3,
      areas: [
        { area: 'fire', completedScenarios: 3, averageScore: 0.6667 }, // (0.75 + 1 + 0.25) / 3 = 0.6666…
        { area: 'traffic', completedScenarios: 0, averageScore: null },
        { area: 'home', completedScenarios: 0, averageScore: null },
      ],
      platforms: [
        { platform: 'kiosk', visits: 2, completedScenarios: 3, averageScore: 0.6667 },
        { platform: 'vr', visits: 0, completedScenarios: 0, averageScore: null },
        { platform: 'web', visits: 0, completedScenarios: 0, averageScore: null },
      ],
    });
  });

  it('keeps kiosk, VR and web apart, so the figures of VR stations can be read on their own', async () => {
    const kiosk = newVisit();
    const vr = newVisit();
    const asVr = <T extends object>(r: T) => ({ ...r, platform: 'vr' as const });
    const res = await app.inject({
      method: 'POST',
      url: '/api/statements',
      payload: of(
          records.visitStart(kiosk),
          ...played(kiosk, { skill: { 'hazard-hunt': 'poor', quiz: 'poor' } }), // 0.5
          asVr(records.visitStart(vr)),
          ...played(vr, { platform: 'vr' }), // 1
          ...played({ ...vr, runId: newVisit().runId }, { platform: 'vr', skill: { quiz: 'poor' } }), // 0.75 (not passed: the quiz is at 0.5)
      ),
    });
    expect(res.statusCode).toBe(200);
    const { platforms, visits, completedScenarios } = await summary();
    expect({ visits, completedScenarios }).toEqual({ visits: 2, completedScenarios: 3 });
    expect(platforms).toEqual([
      { platform: 'kiosk', visits: 1, completedScenarios: 1, averageScore: 0.5 },
      { platform: 'vr', visits: 1, completedScenarios: 2, averageScore: 0.875 },
      { platform: 'web', visits: 0, completedScenarios: 0, averageScore: null },
    ]);
  });

  it('counts a visit once however many visit-start statements it has, and ignores resent ones', async () => {
    const a = newVisit();
    const start = records.visitStart(a);
    const [startStatement, ...runStatements] = of(start, ...played(a));
    expect((await app.inject({ method: 'POST', url: '/api/statements', payload: [startStatement, ...of(records.visitStart(a)), ...runStatements] })).statusCode).toBe(200);
    expect((await app.inject({ method: 'POST', url: '/api/statements', payload: [startStatement, ...runStatements] })).json()).toEqual({ stored: 0, duplicates: 1 + runStatements.length });
    expect(await summary()).toMatchObject({ visits: 1, completedScenarios: 1 });
  });
});
