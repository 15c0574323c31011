// /xapi/statements asks the same admission as the device route: a Ruyi statement about a loaded pack is checked
// against its run (a forged end is 400), one about a pack not loaded here is stored as any xAPI statement and counts
// nowhere, and a park's played visits forwarded to a hub in stored order are all taken there.
import type { VisitRecord } from '@ruyi/mechanics';
import { iris } from '@ruyi/xapi';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createClient, listen, startHub, startKiosk, waitFor, type Party } from '../sync/test-support.ts';
import { newVisit, oneOfEach, played, records } from '../test-support/fixture-content.ts';
import { statementsOf } from '../test-support/statements.ts';
import { storedStatements } from '../test-support/stored-statements.ts';
import { TEST_STORE } from '../test-support/test-app.ts';
import { startLrs, type Lrs } from '../xapi/test-lrs.ts';
import { analystHeaders } from '../test-support/admin.ts';

const RUN = iris('https://ruyi.localhost/xapi/').extensions.run;

describe('POST /xapi/statements with Ruyi statements', () => {
  let lrs: Lrs;
  beforeEach(async () => {
    lrs = await startLrs();
  });
  afterEach(() => lrs.env.cleanup());

  const of = (...rs: VisitRecord[]) => statementsOf(lrs.app, lrs.env.config, rs);
  const post = (payload: unknown, as: 'kiosk' | 'hub' = 'kiosk') => lrs.request({ method: 'POST', url: '/xapi/statements', payload, as });
  const rows = () => storedStatements(lrs.env.config, ['kind', 'area', 'run_id', 'score_scaled', 'passed']);

  it('takes a played visit, with its facts from the pack and the evidence', async () => {
    const visit = newVisit();
    const res = await post(of(...oneOfEach(visit)));
    expect(res.statusCode, res.body).toBe(200);
    expect((await rows()).find((r) => r.kind === 'scenario-end')).toEqual({ kind: 'scenario-end', area: 'fire', run_id: visit.runId, score_scaled: 0.75, passed: 1 });
  });

  it('refuses a forged end with 400 naming the field, in a batch and alone (PUT)', async () => {
    const visit = newVisit();
    const forged = of(records.visitStart(visit), records.scenarioStart(visit), records.scenarioEnd(visit, 40, 40));
    const res = await post(forged);
    expect(res.statusCode).toBe(400);
    expect(res.json().details).toContainEqual({ path: '[2].result.score.raw', message: "the run's steps scored nothing (no step was finished): its score is 0, not 40" });
    expect(await rows()).toEqual([]);

    expect((await post(forged.slice(0, 2))).statusCode).toBe(200);
    const put = await lrs.request({ method: 'PUT', url: `/xapi/statements?statementId=${forged[2]!.id}`, payload: forged[2], as: 'kiosk' });
    expect(put.statusCode).toBe(400);
    expect(put.json().details).toContainEqual({ path: 'result.score.raw', message: expect.stringMatching(/its score is 0, not 40$/) });
    expect(put.json().details).toContainEqual({ path: `context.extensions.${RUN}`, message: expect.stringMatching(/is not finished/) });
  });

  it("judges a run by the statements its own client sent: another client cannot end it", async () => {
    const visit = newVisit();
    const run = of(...played(visit));
    expect((await post(run.slice(0, -2), 'kiosk')).statusCode).toBe(200);
    const res = await post(run.slice(-2), 'hub');
    expect(res.statusCode).toBe(400);
    expect(res.json().details).toContainEqual({ path: `[0].context.extensions.${RUN}`, message: expect.stringMatching(/has no scenario-start/) });
    expect((await post(run.slice(-2), 'kiosk')).statusCode).toBe(200);
  });

  it('stores a Ruyi statement about a pack not loaded here as any statement: no check, counted nowhere', async () => {
    const visit = newVisit();
    const elsewhere = (r: VisitRecord) => ({ ...r, packId: 'flood-2020' }) as VisitRecord;
    const res = await post(of(records.visitStart(visit), elsewhere(records.scenarioStart(visit)), elsewhere(records.scenarioEnd(visit, 40, 40))));
    expect(res.statusCode, res.body).toBe(200);
    expect(await rows()).toEqual([
      { kind: 'visit-start', area: null, run_id: null, score_scaled: null, passed: null },
      ...Array.from({ length: 3 }, () => ({ kind: null, area: null, run_id: null, score_scaled: null, passed: null })),
    ]);
    const summary = (await lrs.app.inject({ url: '/api/stats/summary', headers: await analystHeaders(lrs.app) })).json();
    expect(summary).toMatchObject({ visits: 1, completedScenarios: 0 });
  });

  it('leaves extensions to other tools: /xapi takes a Ruyi statement with one more', async () => {
    const [start] = of(records.visitStart(newVisit()));
    const res = await post([{ ...start!, context: { ...start!.context, extensions: { ...start!.context!.extensions, 'https://lms.example/x': 1 } } }]);
    expect(res.statusCode).toBe(200);
  });
});

describe('a park forwarding played visits to its hub', () => {
  let hub: Party;
  let kiosk: Awaited<ReturnType<typeof startKiosk>>;
  afterEach(async () => {
    await kiosk?.env.cleanup();
    await hub?.env.cleanup();
  });

  it('delivers every visit in stored order; the hub checks each end against the run it already has and counts it', async () => {
    // The hub on the store under test (a city's hub may run on PostgreSQL); the park's server on its SQLite file.
    hub = await startHub({ postgres: TEST_STORE === 'postgres' });
    const url = await listen(hub.app);
    const park = await createClient(hub.app, 'kiosk');
    // A small forwarding batch, so runs are cut across requests: evidence arrives before its end, never after.
    kiosk = await startKiosk(`${url}/xapi/`, park, { sync: { url: `${url}/xapi/`, key: park.key, secret: park.secret, batchSize: 7 } });
    const statements = Array.from({ length: 5 }, () => oneOfEach(newVisit())).flatMap((visit) => statementsOf(kiosk.app, kiosk.env.config, visit));
    for (let i = 0; i < statements.length; i += 20) {
      const res = await kiosk.app.inject({ method: 'POST', url: '/api/statements', payload: statements.slice(i, i + 20) });
      expect(res.statusCode, res.body).toBe(200);
    }
    const count = async (party: Party, table: 'statements' | 'sync_quarantine') =>
      Number((await party.app.storage.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    await waitFor(async () => (await count(hub, 'statements')) === statements.length, 'the hub to hold every statement');
    expect((await hub.app.inject({ url: '/api/stats/summary', headers: await analystHeaders(hub.app) })).json()).toMatchObject({ visits: 5, completedScenarios: 5 });
    // The hub refused nothing: the park's forwarder set no statement aside.
    expect(await count(kiosk, 'sync_quarantine')).toBe(0);
  });
});
