// The follower on both stores: real statements through the app's own routes, rolled up in small batches, must give
// exactly the cubes the pure roll-up gives for the facts stored; each statement is counted once (a second follower on
// the same database loses the race and changes nothing), a voided statement's counts go back out, and facts are
// read from what admission checked, never from a statement that is not Ruyi's.
import { ALL_SCHOOLS, rollUp, type CubeName, CUBE_NAMES, CHINA_OFFSET_MINUTES, CUBES } from '@ruyi/statistics';
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DIALECTS } from '../test-support/dialect-storage.ts';
import { newVisit, played, records } from '../test-support/fixture-content.ts';
import { statementsOf } from '../test-support/statements.ts';
import { startLrs, statement, type Lrs } from '../xapi/test-lrs.ts';
import { createStatisticsReader } from './reader.ts';
import { createRollup, LEVELS, RollupRaced, type Rollup } from './rollup.ts';

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

describe.each(DIALECTS)('statistics roll-up on %s', { timeout: 60_000 }, (dialect) => {
  let lrs: Lrs | undefined;
  afterEach(async () => {
    await lrs?.env.cleanup();
    lrs = undefined;
  });

  async function start() {
    lrs = await startLrs({}, { postgres: dialect === 'postgres' });
    return lrs;
  }
  const rollupOf = (l: Lrs, batchSize = 7): Rollup =>
    createRollup(l.app.storage, { context: { base: l.env.config.xapi.base, districtOf: () => '220102' }, utcOffsetMinutes: CHINA_OFFSET_MINUTES, batchSize });

  async function post(l: Lrs, recs: Parameters<typeof statementsOf>[2]) {
    const res = await l.app.inject({ method: 'POST', url: '/api/statements', payload: statementsOf(l.app, l.env.config, recs) });
    expect(res.statusCode, res.body).toBe(200);
  }

  async function cubesInStore(l: Lrs, cube: CubeName) {
    const rows = (await l.app.storage.db.selectFrom(`stat_${cube}`).selectAll().execute()) as Record<string, unknown>[];
    const { dims, measures } = CUBES[cube];
    return rows
      .map((r) => Object.fromEntries([...dims.map((d) => [d, r[snake(d)]]), ...measures.map((m) => [m, Number(r[snake(m)])])]))
      .filter((r) => measures.some((m) => r[m] !== 0))
      .sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
  }
  async function factsInStore(l: Lrs) {
    const rows = await l.app.storage.db.selectFrom('statement_facts').selectAll().orderBy('seq').execute();
    return rows.map((r) => ({
      seq: Number(r.seq), at: new Date(r.at).toISOString(), kind: r.kind as never, visitId: r.visit_id, runId: r.run_id, park: r.park, district: r.district,
      school: r.school, classSession: r.class_session, device: r.device, platform: r.platform, locale: r.locale, packId: r.pack_id, packVersion: r.pack_version,
      scenarioId: r.scenario_id, area: r.area, stepId: r.step_id, itemType: r.item_type, item: r.item, choice: r.choice,
      correct: r.correct === null ? null : Boolean(r.correct), scoreScaled: r.score_scaled === null ? null : Number(r.score_scaled),
      passed: r.passed === null ? null : Boolean(r.passed), durationMs: r.duration_ms === null ? null : Number(r.duration_ms),
    }));
  }

  it('rolls up whole visits in small batches to exactly the pure roll-up of their facts', async () => {
    const l = await start();
    const replayer = newVisit();
    // Three visits; one plays the scenario twice (poorly, then well), one plays poorly and leaves.
    await post(l, [records.visitStart(replayer), ...played(replayer, { skill: 'poor' })]);
    await post(l, played({ ...replayer, runId: randomUUID() }, { skill: 'good' }));
    await post(l, [records.visitEnd(replayer)]);
    for (const skill of ['good', 'poor'] as const) {
      const v = newVisit();
      await post(l, [records.visitStart(v), ...played(v, { skill }), records.visitEnd(v)]);
    }
    // Another tool's statement: stored, counted nowhere.
    expect((await l.request({ method: 'POST', url: '/xapi/statements', payload: statement() })).statusCode).toBe(200);

    const rollup = rollupOf(l);
    const total = Number((await l.app.storage.db.selectFrom('statements').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    expect(await rollup.catchUp()).toBe(total);
    expect(await rollup.step()).toBe(0);

    const facts = await factsInStore(l);
    expect(facts.length).toBeGreaterThan(20);
    expect(facts.length).toBeLessThan(total); // the other tool's statement and the verdict twins have none
    expect(new Set(facts.map((f) => f.kind))).toEqual(new Set(['visit-start', 'visit-end', 'scenario-start', 'scenario-end', 'step-end', 'item']));
    expect(facts.every((f) => f.park === 'test' && f.district === '220102')).toBe(true);
    const answers = facts.filter((f) => f.itemType === 'answer');
    expect(answers.length).toBeGreaterThan(0);
    expect(answers.every((f) => f.item && f.choice && f.correct !== null)).toBe(true);
    const decisions = facts.filter((f) => f.itemType === 'decision');
    expect(decisions.some((f) => f.correct === false) && decisions.some((f) => f.correct === true)).toBe(true);

    // With the all-schools level the store's cubes keep.
    const expected = rollUp(facts, CHINA_OFFSET_MINUTES, undefined, LEVELS);
    expect(expected.of('items').some((r) => r.school === ALL_SCHOOLS)).toBe(true);
    for (const cube of CUBE_NAMES) {
      const want = expected
        .of(cube)
        .map((r) => ({ ...r }))
        .sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
      expect(await cubesInStore(l, cube), cube).toEqual(want);
    }
    const [replays] = await cubesInStore(l, 'replays');
    expect(replays).toMatchObject({ pairs: 1 });
    expect(Number(replays!.secondScoreSum)).toBeGreaterThan(Number(replays!.firstScoreSum));
    // The replayer's visit ended: nothing of it is remembered.
    expect(await l.app.storage.db.selectFrom('stat_replay_memory').selectAll().where('visit_id', '=', replayer.visitId).execute()).toEqual([]);
  });

  it('counts each statement under the device the server established and the version of the pack it was checked against', async () => {
    const l = await start();
    const { code } = await l.app.devices.registry.createCode('east gate');
    const { device, token } = await l.app.devices.registry.enroll(code);
    const enrolled = newVisit();
    const local = newVisit();
    const forwarded = newVisit();
    const visit = (v: typeof enrolled) => [records.visitStart(v), ...played(v), records.visitEnd(v)];
    // An enrolled kiosk (its credential), the server's own machine (exempt, no credential), and a park's server
    // forwarding through /xapi: each statement claims the same device id, which only the last may use.
    const bearer = await l.app.inject({ method: 'POST', url: '/api/statements', payload: statementsOf(l.app, l.env.config, visit(enrolled)), headers: { authorization: `Bearer ${token}` } });
    expect(bearer.statusCode, bearer.body).toBe(200);
    await post(l, visit(local));
    const sent = statementsOf(l.app, l.env.config, visit(forwarded));
    const claimed = (sent[0]!.context!.extensions as Record<string, string>)[`${l.env.config.xapi.base}extensions/device`];
    expect(claimed).toBeTruthy();
    expect(claimed).not.toBe(device.id);
    expect((await l.request({ method: 'POST', url: '/xapi/statements', payload: sent, as: 'kiosk' })).statusCode).toBe(200);
    await rollupOf(l).catchUp();

    const facts = await factsInStore(l);
    const devicesOf = (v: typeof enrolled) => new Set(facts.filter((f) => f.visitId === v.visitId).map((f) => f.device));
    expect(devicesOf(enrolled)).toEqual(new Set([device.id]));
    expect(devicesOf(local)).toEqual(new Set(['local']));
    expect(devicesOf(forwarded)).toEqual(new Set([`test/${claimed}`]));
    const index = l.app.content.index();
    const versions = new Map(index.packIds.map((id) => [id, index.pack(id)!.pack.version]));
    const inPacks = facts.filter((f) => f.packId !== null);
    expect(inPacks.length).toBeGreaterThan(10);
    for (const f of inPacks) expect(f.packVersion).toBe(versions.get(f.packId!));
    expect(facts.filter((f) => f.packId === null).every((f) => f.packVersion === null)).toBe(true);

    const report = await createStatisticsReader(l.app.storage).report({ from: '2000-01-01', to: '2100-12-31' }, { kind: 'city' });
    expect(new Map(report.byDevice.map((d) => [d.device, d.visits]))).toEqual(new Map([[device.id, 1], ['local', 1], [`test/${claimed}`, 1]]));
  });

  it('erasing a visit takes its facts and what is remembered of it, and leaves the counts', async () => {
    const l = await start();
    const gone = newVisit();
    const kept = newVisit();
    // The erased visit is still under way: its first play is remembered for a replay.
    await post(l, [records.visitStart(gone), ...played(gone)]);
    await post(l, [records.visitStart(kept), ...played(kept), records.visitEnd(kept)]);
    const rollup = rollupOf(l);
    await rollup.catchUp();
    const memory = () => l.app.storage.db.selectFrom('stat_replay_memory').select('visit_id').execute();
    expect(await memory()).toEqual([{ visit_id: gone.visitId }]);
    const days = await cubesInStore(l, 'days');
    await l.app.erasure.erase({ registration: gone.visitId }, null);
    const facts = await factsInStore(l);
    expect(facts.filter((f) => f.visitId === gone.visitId)).toEqual([]);
    expect(facts.filter((f) => f.visitId === kept.visitId).length).toBeGreaterThan(5);
    expect(await memory()).toEqual([]);
    expect(await cubesInStore(l, 'days')).toEqual(days);
  });

  it('a server with statistics settings rolls up on its own, with its district, and stops with the server', async () => {
    lrs = await startLrs({ statistics: { district: '220104', utcOffsetMinutes: 480, intervalMs: 50 } }, { postgres: dialect === 'postgres' });
    const l = lrs;
    const v = newVisit();
    await post(l, [records.visitStart(v), ...played(v), records.visitEnd(v)]);
    const last = Number((await l.app.storage.db.selectFrom('statements').select((eb) => eb.fn.max('seq').as('m')).executeTakeFirstOrThrow()).m);
    await vi.waitFor(async () => expect(await l.app.rollup.cursor()).toBe(last), { timeout: 30_000, interval: 50 });
    expect((await cubesInStore(l, 'days'))[0]).toMatchObject({ district: '220104', visits: 1, completed: 1 });
  });

  it('counts a batch once when two followers race on one database', async () => {
    const l = await start();
    const v = newVisit();
    await post(l, [records.visitStart(v), ...played(v), records.visitEnd(v)]);
    const a = rollupOf(l, 1000);
    const b = rollupOf(l, 1000);
    const outcomes = await Promise.allSettled([a.step(), b.step()]);
    const raced = outcomes.filter((o) => o.status === 'rejected');
    expect(raced.length).toBeLessThanOrEqual(1);
    for (const o of raced) expect((o as PromiseRejectedResult).reason).toBeInstanceOf(RollupRaced);
    await a.catchUp();
    const [day] = await cubesInStore(l, 'days');
    expect(day).toMatchObject({ visits: 1, runs: 1, completed: 1 });
  });

  it('takes a voided statement\'s counts back out, and never counts one voided before it was read', async () => {
    const l = await start();
    const v = newVisit();
    const visit = [records.visitStart(v), ...played(v), records.visitEnd(v)];
    const statements = statementsOf(l.app, l.env.config, visit);
    expect((await l.app.inject({ method: 'POST', url: '/api/statements', payload: statements })).statusCode).toBe(200);
    const rollup = rollupOf(l);
    await rollup.catchUp();
    expect((await cubesInStore(l, 'days'))[0]).toMatchObject({ visits: 1, completed: 1 });
    const launched = statements.find((s) => s.verb.id.endsWith('/launched'))!;
    const end = statements.find((s) => s.verb.id.endsWith('/completed') && !(s.object as { id: string }).id.includes('/steps/'))!;
    for (const target of [launched, end]) {
      const voiding = statement({ verb: { id: 'http://adlnet.gov/expapi/verbs/voided' }, object: { objectType: 'StatementRef', id: target.id } });
      expect((await l.request({ method: 'POST', url: '/xapi/statements', payload: voiding })).statusCode).toBe(200);
    }
    await rollup.catchUp();
    expect((await cubesInStore(l, 'days'))[0]).toMatchObject({ visits: 0, runs: 1, completed: 0, passed: 0, scored: 0 });
    const seqs = (await factsInStore(l)).map((f) => f.seq);
    const stored = await l.app.storage.db.selectFrom('statements').select(['seq', 'id']).where('id', 'in', [launched.id!, end.id!]).execute();
    for (const s of stored) expect(seqs).not.toContain(Number(s.seq));
  });
});
