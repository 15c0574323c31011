// POST /api/records against a real SQLite file, checked by opening that file separately.
import type { VisitRecord } from '@ruyi/records';
import { MAX_BATCH } from '@ruyi/records';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { App } from '../../app.ts';
import { HAZARD_ID, newVisit, oneOfEach, PACK_ID, records, SINGLE_QUESTION } from '../../test-support/fixture-content.ts';
import { createTestEnv, type TestEnv } from '../../test-support/test-app.ts';

let env: TestEnv;
let app: App;
beforeEach(async () => {
  env = createTestEnv();
  app = await env.start();
});
afterEach(() => env.cleanup());

const post = (payload: unknown) => app.inject({ method: 'POST', url: '/api/records', payload: payload as object });
const rowCount = () => env.openDb().prepare('SELECT COUNT(*) FROM records').pluck().get();

describe('POST /api/records: storing', () => {
  it('stores a batch with one record of each type, with the exact body and the derived columns', async () => {
    const batch = oneOfEach();
    const res = await post({ records: batch });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ stored: 7, duplicates: 0 });

    const db = env.openDb();
    const rows = db.prepare('SELECT * FROM records ORDER BY rowid').all() as Record<string, unknown>[];
    expect(rows.map((r) => r.type)).toEqual(['visit-start', 'scenario-start', 'hazard-found', 'decision', 'answer', 'scenario-end', 'visit-end']);
    rows.forEach((row, i) => {
      const record = batch[i]!;
      expect(row.id).toBe(record.id);
      expect(row.visit_id).toBe(record.visitId);
      expect(row.at).toBe(record.at);
      expect(row.platform).toBe('kiosk');
      expect(row.locale).toBe('zh-CN');
      expect(row.body).toBe(JSON.stringify(record));
      expect(Date.parse(row.received_at as string)).not.toBeNaN();
    });
    // Visit records carry no scenario columns; scenario records get the pack's area (not sent by the client).
    expect(rows[0]).toMatchObject({ pack_id: null, scenario_id: null, area: null, run_id: null, score_scaled: null, passed: null });
    expect(rows[2]).toMatchObject({ pack_id: PACK_ID, scenario_id: 'workshop', area: 'fire', run_id: (batch[2] as { runId: string }).runId });
    expect(rows[5]).toMatchObject({ area: 'fire', score_scaled: 0.75, passed: 1 });
  });

  it('keeps the body exactly as received, field order included', async () => {
    const { visitId } = newVisit();
    const body = `{"records":[{"type":"visit-start","locale":"en","platform":"web","at":"2026-06-01T09:30:00+08:00","visitId":"${visitId}","id":"6f1c1b7e-8d0e-4a43-9a55-1f4a8e3c2b10"}]}`;
    const res = await app.inject({ method: 'POST', url: '/api/records', payload: body, headers: { 'content-type': 'application/json' } });
    expect(res.statusCode).toBe(200);
    expect(env.openDb().prepare('SELECT body FROM records').pluck().get()).toBe(JSON.stringify(JSON.parse(body).records[0]));
  });

  it('counts a resent batch as duplicates and stores nothing twice', async () => {
    const batch = oneOfEach();
    expect((await post({ records: batch })).json()).toEqual({ stored: 7, duplicates: 0 });
    const again = await post({ records: batch });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual({ stored: 0, duplicates: 7 });
    // Partly new: the old ones are duplicates, the new one is stored.
    const extra = records.visitEnd(newVisit());
    expect((await post({ records: [...batch.slice(0, 2), extra] })).json()).toEqual({ stored: 1, duplicates: 2 });
    expect(rowCount()).toBe(8);
  });

  it('treats the same record with its fields in another order as a duplicate', async () => {
    const record = records.visitStart(newVisit());
    await post({ records: [record] });
    const reordered = Object.fromEntries(Object.entries(record).reverse());
    expect((await post({ records: [reordered] })).json()).toEqual({ stored: 0, duplicates: 1 });
  });

  it('answers 409 for a stored id with a different body, and stores nothing from that batch', async () => {
    const visit = newVisit();
    const first = records.visitStart(visit);
    await post({ records: [first] });
    const fresh = records.scenarioStart(visit);
    const res = await post({ records: [fresh, { ...first, locale: 'en' }] });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ error: 'Conflict', message: expect.stringContaining('records[1].id') });
    expect(rowCount()).toBe(1);
    expect(env.openDb().prepare('SELECT locale FROM records').pluck().get()).toBe('zh-CN');
  });

  it('answers 409 for the same id twice in one batch with different bodies', async () => {
    const record = records.visitStart(newVisit());
    const res = await post({ records: [record, { ...record, platform: 'vr' }] });
    expect(res.statusCode).toBe(409);
    expect(rowCount()).toBe(0);
  });

  it('keeps the data when the app is closed and reopened on the same data folder', async () => {
    await post({ records: oneOfEach() });
    await app.close();
    const reopened = await env.start();
    const summary = (await reopened.inject({ url: '/api/stats/summary' })).json();
    expect(summary).toMatchObject({ visits: 1, completedScenarios: 1 });
    expect(rowCount()).toBe(7);
  });

  it('accepts a full batch of the largest allowed size', async () => {
    const visit = newVisit();
    const batch = Array.from({ length: MAX_BATCH }, () => records.hazardFound(visit));
    const res = await post({ records: batch });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ stored: MAX_BATCH, duplicates: 0 });
  });
});

describe('POST /api/records: bad input is refused with 400 naming the field, and nothing is stored', () => {
  const visit = newVisit();
  type Case = [name: string, records: () => unknown[], path: string, message: RegExp];
  const cases: Case[] = [
    ['a wrong field type', () => [{ ...records.decision(visit), safe: 'yes' }], 'records[0].safe', /boolean/],
    ['an unknown record type', () => [{ ...records.visitStart(visit), type: 'visit-pause' }], 'records[0].type', /unknown record type/],
    ['a bad UUID', () => [{ ...records.visitStart(visit), id: 'not-a-uuid' }], 'records[0].id', /UUID/],
    ['an unknown field', () => [{ ...records.visitStart(visit), name: 'Li Lei' }], 'records[0]', /unknown field 'name'/],
    ['an unknown pack', () => [{ ...records.scenarioStart(visit), packId: 'flood-2020' }], 'records[0].packId', /unknown pack 'flood-2020'.*'fire-test'/],
    ['an unknown scenario', () => [{ ...records.scenarioStart(visit), scenarioId: 'warehouse' }], 'records[0].scenarioId', /unknown scenario 'warehouse'.*'workshop'/],
    ['an unknown hazard', () => [{ ...records.hazardFound(visit), hazardId: 'wet-floor' }], 'records[0].hazardId', new RegExp(`unknown hazard 'wet-floor'.*'${HAZARD_ID}'`)],
    ['an unknown decision', () => [{ ...records.decision(visit), nodeId: 'smoke' }], 'records[0].nodeId', /unknown decision 'smoke'/],
    ['an unknown choice', () => [{ ...records.decision(visit), choiceId: 'run-upstairs' }], 'records[0].choiceId', /unknown choice 'run-upstairs'.*'leave-now', 'grab-things'/],
    ['a wrong safe', () => [{ ...records.decision(visit, false), safe: true }], 'records[0].safe', /must be false/],
    ['an unknown question', () => [{ ...records.answer(visit), questionId: 'q9' }], 'records[0].questionId', /unknown question 'q9'/],
    ['an unknown answer choice', () => [{ ...records.answer(visit), choiceIds: ['keep-clear', 'jump'] }], 'records[0].choiceIds[1]', /unknown choice 'jump'/],
    ['a wrong correct (subset of the answer)', () => [{ ...records.answer(visit), choiceIds: ['keep-clear'], correct: true }], 'records[0].correct', /must be false/],
    [
      'a wrong correct (right answer claimed wrong)',
      () => [{ ...records.answer(visit), questionId: SINGLE_QUESTION, choiceIds: ['raise-alarm'], correct: false }],
      'records[0].correct',
      /must be true/,
    ],
    ['two choices for a single-choice question', () => [{ ...records.answer(visit), questionId: SINGLE_QUESTION, choiceIds: ['raise-alarm', 'hide'], correct: false }], 'records[0].choiceIds', /single-choice/],
    ['raw above max', () => [{ ...records.scenarioEnd(visit), score: { raw: 50, max: 40, scaled: 1 } }], 'records[0].score.raw', /more than score.max/],
    ['an inconsistent scaled score', () => [{ ...records.scenarioEnd(visit), score: { raw: 10, max: 40, scaled: 0.5 } }], 'records[0].score.scaled', /10\/40 = 0.25/],
    ['a non-zero scaled score when max is 0', () => [{ ...records.scenarioEnd(visit, 0, 0), score: { raw: 0, max: 0, scaled: 0.5 } }], 'records[0].score.scaled', /does not match/],
    ['a wrong passed', () => [{ ...records.scenarioEnd(visit, 20, 40), passed: true }], 'records[0].passed', /must be false.*0\.6/],
    ['an empty batch', () => [], 'records', /at least one record/],
    ['an oversized batch', () => Array.from({ length: MAX_BATCH + 1 }, () => records.hazardFound(visit)), 'records', /at most 200 records/],
    ['one bad record in an otherwise good batch', () => [...oneOfEach(visit), { ...records.hazardFound(visit), hazardId: 'wet-floor' }], 'records[7].hazardId', /unknown hazard/],
  ];

  it.each(cases)('%s', async (_name, batch, path, message) => {
    const res = await post({ records: batch() });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.error).toBe('Bad Request');
    expect(body.message).toContain(`${path}: `);
    expect(body.details).toContainEqual({ path, message: expect.stringMatching(message) });
    expect(rowCount()).toBe(0);
  });

  it('names every bad record of a batch', async () => {
    const res = await post({ records: [records.visitStart(visit), { ...records.decision(visit), safe: false }, { ...records.hazardFound(visit), hazardId: 'x' }] });
    expect(res.statusCode).toBe(400);
    expect(res.json().details.map((d: { path: string }) => d.path)).toEqual(['records[1].safe', 'records[2].hazardId']);
  });

  it('malformed JSON', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/records', payload: '{"records": [', headers: { 'content-type': 'application/json' } });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ error: 'Bad Request', message: expect.stringMatching(/not valid JSON/) });
    expect(rowCount()).toBe(0);
  });

  it('a body that is not an object', async () => {
    const res = await post([records.visitStart(visit)]);
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/^body: /);
  });

  it('a body that is not JSON answers 415', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/records', payload: 'records', headers: { 'content-type': 'text/plain' } });
    expect(res.statusCode).toBe(415);
    expect(res.json().error).toBe('Unsupported Media Type');
  });

  it('a body over the size limit answers 413', async () => {
    const padding: VisitRecord[] = Array.from({ length: 150 }, () => ({ ...records.answer(visit), choiceIds: Array(20).fill('keep-clear') }));
    const payload = JSON.stringify({ records: padding, pad: 'x'.repeat(200_000) });
    const res = await app.inject({ method: 'POST', url: '/api/records', payload, headers: { 'content-type': 'application/json' } });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toEqual({ error: 'Payload Too Large', message: expect.any(String) });
    expect(rowCount()).toBe(0);
  });
});
