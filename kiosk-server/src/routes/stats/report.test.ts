// GET /api/stats/report over a real app: staff only, each within their scope, the figures those of the statements
// rolled up, the query checked.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { App } from '../../app.ts';
import { loginAs } from '../../test-support/admin.ts';
import { newVisit, played, records } from '../../test-support/fixture-content.ts';
import { statementsOf } from '../../test-support/statements.ts';
import { createTestEnv, type TestEnv } from '../../test-support/test-app.ts';

let env: TestEnv;
let app: App;
beforeEach(async () => {
  env = createTestEnv({ config: { statistics: { district: '220102', utcOffsetMinutes: 480, intervalMs: 3_600_000 } } });
  app = await env.start();
});
afterEach(() => env.cleanup());

const JUNE = 'from=2026-06-01&to=2026-06-30';

describe('GET /api/stats/report', () => {
  it('answers a city analyst with the period\'s figures, once rolled up', async () => {
    const v = newVisit();
    const res = await app.inject({ method: 'POST', url: '/api/statements', payload: statementsOf(app, env.config, [records.visitStart(v), ...played(v), records.visitEnd(v)]) });
    expect(res.statusCode, res.body).toBe(200);
    const headers = await loginAs(app, 'analyst', { kind: 'city' });
    const before = (await app.inject({ url: `/api/stats/report?${JUNE}`, headers })).json();
    expect(before.totals.visits).toBe(0);
    await app.rollup.catchUp();
    const report = await app.inject({ url: `/api/stats/report?${JUNE}`, headers });
    expect(report.statusCode, report.body).toBe(200);
    const body = report.json();
    expect(body.scope).toEqual({ kind: 'city', id: null });
    expect(body.totals).toMatchObject({ visits: 1, runs: 1, completed: 1 });
    expect(body.byDay.map((d: { key: string }) => d.key)).toEqual(['2026-06-01']);
    expect(body.questions.length).toBeGreaterThan(0);
    expect(body.parks).toEqual([expect.objectContaining({ rank: 1, unit: 'test' })]);
    // The district's own figures are the same visit; a park's too.
    const district = (await app.inject({ url: `/api/stats/report?${JUNE}&district=220102`, headers })).json();
    expect(district.totals.visits).toBe(1);
    expect((await app.inject({ url: `/api/stats/report?${JUNE}&district=220103`, headers })).json().totals.visits).toBe(0);
    expect((await app.inject({ url: `/api/stats/report?${JUNE}&park=test`, headers })).json().totals.visits).toBe(1);
  });

  it('refuses anonymous callers, teachers, and a place outside the account\'s scope', async () => {
    const teacher = await loginAs(app, 'teacher', { kind: 'school', id: 'school-1' });
    expect((await app.inject({ url: `/api/stats/report?${JUNE}` })).statusCode).toBe(401);
    const byTeacher = await app.inject({ url: `/api/stats/report?${JUNE}`, headers: teacher });
    expect(byTeacher.statusCode).toBe(403);
    expect(byTeacher.json().details[0]).toMatchObject({ code: 'staff.role' });
    const analyst = await loginAs(app, 'analyst', { kind: 'district', id: '220102' });
    const own = await app.inject({ url: `/api/stats/report?${JUNE}`, headers: analyst });
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json().scope).toEqual({ kind: 'district', id: '220102' });
    for (const other of ['district=220103', 'school=another-school']) {
      const res = await app.inject({ url: `/api/stats/report?${JUNE}&${other}`, headers: analyst });
      expect(res.statusCode, other).toBe(403);
      expect(res.json().details[0]).toMatchObject({ code: 'staff.scope' });
    }
  });

  it('keeps a report per place until more is rolled up, and checks every caller\'s scope before it', async () => {
    const post = async () => {
      const v = newVisit();
      const res = await app.inject({ method: 'POST', url: '/api/statements', payload: statementsOf(app, env.config, [records.visitStart(v), ...played(v), records.visitEnd(v)]) });
      expect(res.statusCode, res.body).toBe(200);
      await app.rollup.catchUp();
    };
    await post();
    const city = await loginAs(app, 'analyst', { kind: 'city' });
    const own = await loginAs(app, 'analyst', { kind: 'district', id: '220102' });
    const other = await loginAs(app, 'analyst', { kind: 'district', id: '220103' });
    const read = (headers: Record<string, string>, place = '') => app.inject({ url: `/api/stats/report?${JUNE}${place}`, headers });

    const first = await read(city, '&district=220102');
    expect(first.statusCode, first.body).toBe(200);
    expect(first.headers['content-type']).toBe('application/json; charset=utf-8');
    // What is sent is the report as the reader makes it, through the schema.
    expect(first.json()).toEqual(JSON.parse(JSON.stringify(await app.reports.report({ from: '2026-06-01', to: '2026-06-30' }, { kind: 'district', id: '220102' }))));
    expect(first.json().totals.visits).toBe(1);
    // The district kept for the city analyst is refused to another district's analyst, who gets their own.
    const refused = await read(other, '&district=220102');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().details[0]).toMatchObject({ code: 'staff.scope' });
    const theirs = (await read(other)).json();
    expect([theirs.scope, theirs.totals.visits]).toEqual([{ kind: 'district', id: '220103' }, 0]);
    // The district's own analyst gets the same report.
    expect((await read(own)).body).toBe(first.body);
    // Once more is rolled up, the report is made again.
    await post();
    expect((await read(own)).json().totals.visits).toBe(2);
    expect((await read(city, '&district=220102')).json().totals.visits).toBe(2);
    expect((await read(other)).json().totals.visits).toBe(0);
  });

  it('refuses a bad period or two places at once, naming the field', async () => {
    const headers = await loginAs(app, 'analyst', { kind: 'city' });
    for (const [query, path] of [
      ['from=2026-07-01&to=2026-06-01', 'to'],
      ['from=2026-6-1&to=2026-06-30', 'from'],
      [`${JUNE}&district=220102&park=test`, 'district'],
      ['to=2026-06-30', 'from'],
    ] as const) {
      const res = await app.inject({ url: `/api/stats/report?${query}`, headers });
      expect(res.statusCode, query).toBe(400);
      expect(JSON.stringify(res.json()), query).toContain(path);
    }
  });
});
