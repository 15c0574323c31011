import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { App } from '../../app.ts';
import type { VisitRecord } from '@ruyi/records';
import { newVisit, records } from '../../test-support/fixture-content.ts';
import { statementsOf } from '../../test-support/statements.ts';
import { createTestEnv, type TestEnv } from '../../test-support/test-app.ts';

let env: TestEnv;
let app: App;
beforeEach(async () => {
  env = createTestEnv();
  app = await env.start();
});
afterEach(() => env.cleanup());

const of = (...rs: VisitRecord[]) => statementsOf(app, env.config, rs);

const summary = async () => {
  const res = await app.inject({ url: '/api/stats/summary' });
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
      payload: of(
          records.visitStart(a),
          records.visitStart(b),
          records.scenarioStart(a),
          records.scenarioEnd(a, 30, 40), // 0.75
          records.scenarioEnd({ ...a, runId: newVisit().runId }, 40, 40), // 1 (played again)
          records.scenarioEnd(b, 10, 30), // 0.3333
          records.scenarioStart(c),
          records.visitEnd(a),
      ),
    });
    expect(res.statusCode).toBe(200);
    expect(await summary()).toEqual({
      visits: 2,
      completedScenarios: 3,
      areas: [
        { area: 'fire', completedScenarios: 3, averageScore: 0.6944 }, // (0.75 + 1 + 0.3333) / 3 = 0.69443…
        { area: 'traffic', completedScenarios: 0, averageScore: null },
        { area: 'home', completedScenarios: 0, averageScore: null },
      ],
      platforms: [
        { platform: 'kiosk', visits: 2, completedScenarios: 3, averageScore: 0.6944 },
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
          records.scenarioEnd(kiosk, 20, 40), // 0.5
          asVr(records.visitStart(vr)),
          asVr(records.scenarioEnd(vr, 40, 40)), // 1
          asVr(records.scenarioEnd({ ...vr, runId: newVisit().runId }, 30, 40)), // 0.75
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
    const end = records.scenarioEnd(a);
    const [startStatement, ...endStatements] = of(start, end);
    expect((await app.inject({ method: 'POST', url: '/api/statements', payload: [startStatement, ...of(records.visitStart(a)), ...endStatements] })).statusCode).toBe(200);
    expect((await app.inject({ method: 'POST', url: '/api/statements', payload: [startStatement, ...endStatements] })).json()).toEqual({ stored: 0, duplicates: 3 });
    expect(await summary()).toMatchObject({ visits: 1, completedScenarios: 1 });
  });
});
