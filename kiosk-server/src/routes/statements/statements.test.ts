// POST /api/statements (the kiosk app's own statements) against the real store (a SQLite file, or PostgreSQL), checked
// over a connection of its own: stored once, all or nothing, only Ruyi's statements about the loaded content.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { iris, type Statement } from '@ruyi/xapi';
import type { App } from '../../app.ts';
import { HAZARD_ID, newVisit, oneOfEach, PACK_ID, records, SINGLE_QUESTION } from '../../test-support/fixture-content.ts';
import { statementsOf } from '../../test-support/statements.ts';
import { statementCount, storedStatements } from '../../test-support/stored-statements.ts';
import { createTestEnv, type TestEnv } from '../../test-support/test-app.ts';
import type { VisitRecord } from '@ruyi/mechanics';
import { MAX_DEVICE_BATCH } from './index.ts';
import { analystHeaders } from '../../test-support/admin.ts';

const SEED = iris('https://ruyi.localhost/xapi/').extensions.seed;
const STEP = iris('https://ruyi.localhost/xapi/').extensions.step;
const RUN = iris('https://ruyi.localhost/xapi/').extensions.run;

let env: TestEnv;
let app: App;
beforeEach(async () => {
  env = createTestEnv();
  app = await env.start();
});
afterEach(() => env.cleanup());

const post = (payload: unknown) => app.inject({ method: 'POST', url: '/api/statements', payload: payload as object });
const of = (...rs: VisitRecord[]) => statementsOf(app, env.config, rs);
const rowCount = () => statementCount(env.config);

describe('POST /api/statements: storing', () => {
  it('stores one statement per record (two for a scenario end) with the exact body and the statistics columns', async () => {
    const batch = oneOfEach();
    const statements = of(...batch);
    expect(statements).toHaveLength(batch.length + 1);
    const res = await post(statements);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ stored: 14, duplicates: 0 });

    const rows = await storedStatements(env.config);
    expect(rows.map((r) => r.kind)).toEqual([
      'visit-start',
      'scenario-start',
      'step-end',
      'prop-checked',
      'hazard-found',
      'step-end',
      'decision',
      'step-end',
      'answer',
      'answer',
      'step-end',
      'scenario-end',
      'scenario-verdict',
      'visit-end',
    ]);
    rows.forEach((row, i) => {
      expect(row.id).toBe(statements[i]!.id);
      expect(row.body).toBe(JSON.stringify(statements[i]));
      expect(row.visit_id).toBe(batch[0]!.visitId);
      expect(row.registration).toBe(batch[0]!.visitId);
      expect(row.platform).toBe('kiosk');
      expect(row.client_id).toBeNull();
    });
    expect(rows[0]).toMatchObject({ pack_id: null, area: null, run_id: null, score_scaled: null });
    expect(rows[3]).toMatchObject({ pack_id: PACK_ID, scenario_id: 'workshop', area: 'fire', run_id: (batch[3] as { runId: string }).runId });
    // A wrong tap and the hazard found, an unsafe decision, both answers right: 30 of 40.
    expect(rows[11]).toMatchObject({ area: 'fire', score_scaled: 0.75, passed: 1 });
    // The authority is the kiosk app, on the park's account.
    expect(JSON.parse(rows[0]!.authority as string)).toEqual({ objectType: 'Agent', account: { homePage: env.config.xapi.parkIri, name: 'kiosk-app' } });
  });

  it('counts a resent batch as duplicates and stores nothing twice', async () => {
    const statements = of(...oneOfEach());
    expect((await post(statements)).json()).toEqual({ stored: 14, duplicates: 0 });
    expect((await post(statements)).json()).toEqual({ stored: 0, duplicates: 14 });
    // A resent end alone (its run is on disk) is a duplicate too.
    expect((await post(statements.slice(-3, -1))).json()).toEqual({ stored: 0, duplicates: 2 });
    const extra = of(records.visitEnd(newVisit()));
    expect((await post([...statements.slice(0, 2), ...extra])).json()).toEqual({ stored: 1, duplicates: 2 });
    expect(await rowCount()).toBe(15);
  });

  it('treats the same statement with its fields in another order as a duplicate', async () => {
    const [statement] = of(records.visitStart(newVisit()));
    await post([statement]);
    const reordered = Object.fromEntries(Object.entries(statement!).reverse());
    expect((await post([reordered])).json()).toEqual({ stored: 0, duplicates: 1 });
  });

  it('answers 409 for a stored id with other content, and stores nothing from that batch', async () => {
    const visit = newVisit();
    const [first] = of(records.visitStart(visit));
    await post([first]);
    const fresh = of(records.scenarioStart(visit));
    const changed = { ...first!, context: { ...first!.context, language: 'en' } };
    const res = await post([...fresh, changed]);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ error: 'Conflict', details: [{ path: '[1].id' }] });
    expect(await rowCount()).toBe(1);
  });

  it('counts the statistics from the statements, once each', async () => {
    const statements = of(...oneOfEach(), ...oneOfEach());
    await post(statements);
    await post(statements);
    const summary = (await app.inject({ url: '/api/stats/summary', headers: await analystHeaders(app) })).json();
    expect(summary).toMatchObject({ visits: 2, completedScenarios: 2 });
    expect(summary.areas.find((a: { area: string }) => a.area === 'fire')).toEqual({ area: 'fire', completedScenarios: 2, averageScore: 0.75 });
  });

  it('keeps the data when the app is closed and reopened on the same data folder', async () => {
    await post(of(...oneOfEach()));
    await app.close();
    const reopened = await env.start();
    expect((await reopened.inject({ url: '/api/stats/summary', headers: await analystHeaders(reopened) })).json()).toMatchObject({ visits: 1, completedScenarios: 1 });
    expect(await rowCount()).toBe(14);
  });
});

describe('POST /api/statements: bad input is refused with 400 naming the statement and field, and nothing is stored', () => {
  const visit = newVisit();
  type Case = [name: string, statements: () => unknown[], path: string, message: RegExp];
  const edit = (record: VisitRecord, change: (s: Statement) => object) => () => of(record).map((s) => change(structuredClone(s)));
  const cases: Case[] = [
    ['not an xAPI statement', () => [{ hello: 'world' }], '[0].hello', /not/],
    [
      'an xAPI statement that is not Ruyi’s',
      edit(records.visitStart(visit), (s) => ({ ...s, context: { ...s.context, contextActivities: { category: [{ id: 'https://lms.example.org/profile' }] } } })),
      '[0]',
      /not a Ruyi statement/,
    ],
    ['another park’s visitor', edit(records.visitStart(visit), (s) => ({ ...s, actor: { objectType: 'Agent', account: { homePage: 'https://other.example/park', name: visit.visitId } } })), '[0].actor.account.homePage', /this park's IRI/],
    ['an unknown pack', () => of({ ...records.scenarioStart(visit), packId: 'flood-2020' }), '[0].object.id', /unknown pack 'flood-2020'.*'fire-test'/],
    ['an unknown hazard', () => of({ ...records.hazardFound(visit), hazardId: 'wet-floor' }), '[0].object.id', new RegExp(`unknown hazard 'wet-floor'.*'${HAZARD_ID}'`)],
    ['a hazard reported as a wrong guess', () => of({ ...records.propChecked(visit), propId: 'exit' }), '[0].object.id', /is hazard 'locked-exit'/],
    ['an unknown choice', () => of({ ...records.decision(visit), choiceId: 'run-upstairs' }), '[0].result.response', /unknown choice 'run-upstairs'/],
    ['a wrong safe', () => of({ ...records.decision(visit, false), safe: true }), '[0].result.success', /must be false/],
    ['a wrong correct', () => of({ ...records.answer(visit), questionId: SINGLE_QUESTION, choiceIds: ['raise-alarm'], correct: false }), '[0].result.success', /must be true/],
    ['a step record of a step the scenario does not have', () => of({ ...records.hazardFound(visit), stepId: 'hunt-two' }), `[0].context.extensions.${STEP}`, /unknown step 'hunt-two' in scenario 'workshop'.*'hazard-hunt'/],
    ['a step record of a step of another mechanic', () => of({ ...records.hazardFound(visit), stepId: 'quiz' }), `[0].context.extensions.${STEP}`, /step 'quiz' is a quiz step: it makes no hazard-found records/],
    ['the end of a step the scenario does not have', () => of(records.stepEnd(visit, 'hunt-review')), '[0].object.id', /unknown step 'hunt-review'/],
    ['a run start whose seed is not a 32-bit integer', () => of(records.scenarioStart(visit)).map((s) => ({ ...s, context: { ...s.context, extensions: { ...s.context!.extensions, [SEED]: -1 } } })), '[0]', /not a Ruyi statement/],
    ['an empty batch', () => [], 'body', /at least one statement/],
    ['an oversized batch', () => Array.from({ length: MAX_DEVICE_BATCH + 1 }, () => of(records.hazardFound(visit))[0]), 'body', /at most 200 statements/],
    ['one bad statement in an otherwise good batch', () => [...of(...oneOfEach(visit)), ...of({ ...records.hazardFound(visit), hazardId: 'wet-floor' })], '[14].object.id', /unknown hazard/],
  ];

  it.each(cases)('%s', async (_name, batch, path, message) => {
    const res = await post(batch());
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.error).toBe('Bad Request');
    expect(body.details).toContainEqual({ path, message: expect.stringMatching(message) });
    expect(await rowCount()).toBe(0);
  });

  it('malformed JSON', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/statements', payload: '[{"id": ', headers: { 'content-type': 'application/json' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/not valid JSON/);
    expect(await rowCount()).toBe(0);
  });

  it('a body that is not JSON answers 415', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/statements', payload: 'statements', headers: { 'content-type': 'text/plain' } });
    expect(res.statusCode).toBe(415);
  });

  it('a body over the size limit answers 413', async () => {
    const payload = JSON.stringify([{ pad: 'x'.repeat(2 * 1024 * 1024) }]);
    const res = await app.inject({ method: 'POST', url: '/api/statements', payload, headers: { 'content-type': 'application/json' } });
    expect(res.statusCode).toBe(413);
    expect(await rowCount()).toBe(0);
  });
});

describe('POST /api/statements in hub mode', () => {
  it('is not there: a hub takes statements only from clients with credentials, at /xapi/statements', async () => {
    const hub = createTestEnv({ config: { mode: 'hub' } });
    try {
      const hubApp = await hub.start();
      const res = await hubApp.inject({ method: 'POST', url: '/api/statements', payload: [] });
      expect(res.statusCode).toBe(404);
    } finally {
      await hub.cleanup();
    }
  });
});
