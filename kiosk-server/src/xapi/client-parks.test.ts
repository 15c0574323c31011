// A statement stored through an xAPI client counts in the park staff registered for that client, never the park it
// claims, and in no park when the client has none; a hub knows from its clients which district each park lies in, so
// a district's analyst can open the reports of its parks, and sees the CLI's changes within the directory's refresh
// time, without a restart. Over a real hub (SQLite, and PostgreSQL in the postgres project).
import type { VisitRecord } from '@ruyi/mechanics';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLIENT_PLACES_MAX_AGE_MS } from '../admin/client-places.ts';
import type { App } from '../app.ts';
import { loginAs } from '../test-support/admin.ts';
import { runAdmin } from '../test-support/damage.ts';
import { newVisit, played, records } from '../test-support/fixture-content.ts';
import { toStatements } from '../test-support/statements.ts';
import { createTestEnv, type TestEnv } from '../test-support/test-app.ts';
import { ClientError, type NewClient } from './clients.ts';

const JUNE = 'from=2026-06-01&to=2026-06-30';
const CHAOYANG = '220104';
const NANGUAN = '220102';
const SEEN_WITHIN_MS = CLIENT_PLACES_MAX_AGE_MS + 10_000;

let env: TestEnv;
let hub: App;
beforeEach(async () => {
  env = createTestEnv({ config: { mode: 'hub', statistics: { district: null, utcOffsetMinutes: 480, intervalMs: 3_600_000 } } });
  hub = await env.start();
});
afterEach(() => env.cleanup());

/** A whole visit's records, and its id. */
function aVisit(): { id: string; records: VisitRecord[] } {
  const v = newVisit();
  return { id: v.visitId, records: [records.visitStart(v), ...played(v), records.visitEnd(v)] };
}

/** Forwards a visit as a park's kiosk-server does, its statements claiming `claimed` (their actors' homePage). */
async function forward(client: NewClient, claimed: string): Promise<string> {
  const visit = aVisit();
  const statements = toStatements({ packs: hub.content.current().packs, base: env.config.xapi.base, parkIri: `https://ruyi.localhost/parks/${claimed}` }, visit.records);
  const res = await hub.inject({
    method: 'POST',
    url: '/xapi/statements',
    headers: { authorization: `Basic ${Buffer.from(`${client.key}:${client.secret}`).toString('base64')}`, 'x-experience-api-version': '1.0.3' },
    payload: statements,
  });
  expect(res.statusCode, res.body).toBe(200);
  return visit.id;
}

/** The parks a visit's facts count in. */
async function parksOf(visitId: string): Promise<(string | null)[]> {
  const rows = await hub.storage.db.selectFrom('statement_facts').select('park').distinct().where('visit_id', '=', visitId).execute();
  return rows.map((r) => r.park);
}

const reportOf = (headers: { authorization: string }, park: string) => hub.inject({ url: `/api/stats/report?${JUNE}&park=${park}`, headers });

async function visitsIn(headers: { authorization: string }, park: string): Promise<number> {
  const res = await reportOf(headers, park);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { totals: { visits: number } }).totals.visits;
}

/**
 * Asks until `status` is the report's answer. Never a fixed sleep. The limit allows the refresh time and, on a loaded
 * machine, a few slow requests.
 */
async function untilStatus(headers: { authorization: string }, park: string, status: number, limitMs: number): Promise<void> {
  const started = performance.now();
  for (;;) {
    const res = await reportOf(headers, park);
    if (res.statusCode === status) return;
    if (performance.now() - started > limitMs) throw new Error(`park ${park}: still ${res.statusCode} after ${limitMs} ms (${res.body})`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** `npm run admin -- client …` on the hub's database, as staff would run it beside the running server. */
function cli(...args: string[]) {
  return runAdmin(['client', ...args], { RUYI_DATA_DIR: env.config.dataDir, ...(env.config.databaseUrl ? { RUYI_DATABASE_URL: env.config.databaseUrl } : {}) });
}

describe("a statement's park on a hub", () => {
  it("is its client's registered park, whatever it claims; none when the client has none; set-park counts again", { timeout: 60_000 }, async () => {
    const a = await hub.clients.add('srv-a', 'kiosk', undefined, CHAOYANG, 'park-a');
    const none = await hub.clients.add('srv-none', 'kiosk');
    expect(a).toMatchObject({ district: CHAOYANG, park: 'park-a' });
    expect(none.park).toBeUndefined();
    // Park A's server claims park B; the other claims park A.
    const fromA = await forward(a, 'park-b');
    const fromNone = await forward(none, 'park-a');
    await hub.rollup.catchUp();
    expect(await parksOf(fromA)).toEqual(['park-a']);
    expect(await parksOf(fromNone)).toEqual([null]);

    const city = await loginAs(hub, 'analyst', { kind: 'city' }, 'city');
    expect(await visitsIn(city, 'park-a')).toBe(1);
    expect(await visitsIn(city, 'park-b')).toBe(0);

    // Staff give the second client its park: what it stored before counts there once counted again.
    const set = await hub.clients.setPark('srv-none', 'park-n');
    expect(set).toMatchObject({ before: null, recount: true, client: { name: 'srv-none', park: 'park-n' } });
    expect((await hub.rollup.cursor()) < 0).toBe(true);
    await hub.rollup.catchUp();
    expect(await parksOf(fromNone)).toEqual(['park-n']);
    expect(await parksOf(fromA)).toEqual(['park-a']);
    expect(await visitsIn(city, 'park-n')).toBe(1);

    // The same park again changes nothing; taking it away puts the client's statements in no park.
    expect(await hub.clients.setPark('srv-none', 'park-n')).toMatchObject({ before: 'park-n', recount: false });
    expect((await hub.rollup.cursor()) > 0).toBe(true);
    expect(await hub.clients.setPark('srv-none', null)).toMatchObject({ before: 'park-n', recount: true });
    await hub.rollup.catchUp();
    expect(await parksOf(fromNone)).toEqual([null]);
    expect(await visitsIn(city, 'park-n')).toBe(0);
    expect((await hub.clients.list()).map((c) => [c.name, c.park ?? null])).toEqual([
      ['srv-a', 'park-a'],
      ['srv-none', null],
    ]);
  });

  it("refuses a bad park id, a reader's park and an unknown client, changing nothing", async () => {
    await hub.clients.add('srv-a', 'kiosk', undefined, null, 'park-a');
    await hub.clients.add('reader', 'reader');
    const cursor = await hub.rollup.cursor();
    for (const bad of ['Park-A', '-park', 'park_a', 'a'.repeat(64), '', ' park-a', 'park-a\n', 'ｐark-a', 'park/a']) {
      await expect(hub.clients.setPark('srv-a', bad)).rejects.toThrow(/park '[\s\S]*': must be a park id/);
      await expect(hub.clients.add('srv-b', 'kiosk', undefined, null, bad)).rejects.toThrow(ClientError);
    }
    await expect(hub.clients.setPark('reader', 'park-a')).rejects.toThrow(/a reader writes no statements, so it has no park/);
    await expect(hub.clients.add('reader-2', 'reader', undefined, null, 'park-a')).rejects.toThrow(/a reader writes no statements/);
    await expect(hub.clients.setPark('nobody', 'park-a')).rejects.toThrow(/no client named 'nobody'/);
    expect((await hub.clients.list()).map((c) => [c.name, c.park ?? null])).toEqual([
      ['srv-a', 'park-a'],
      ['reader', null],
    ]);
    expect(await hub.rollup.cursor()).toBe(cursor);
    // The database itself holds no other shape of id either.
    for (const bad of ['Park-A', '-park', 'park_a', 'a'.repeat(64), ''])
      await expect(hub.storage.db.updateTable('xapi_clients').set({ park: bad }).where('name', '=', 'srv-a').execute(), bad).rejects.toThrow();
    await hub.storage.db.updateTable('xapi_clients').set({ park: `a${'-'.repeat(62)}` }).where('name', '=', 'srv-a').execute();
  });
});

describe("a hub's places", () => {
  it("let a district's analyst open the parks its clients put in the district, and follow the CLI's changes", { timeout: 120_000 }, async () => {
    const a = await hub.clients.add('srv-a', 'kiosk', undefined, CHAOYANG, 'park-a');
    const b = await hub.clients.add('srv-b', 'kiosk', undefined, NANGUAN, 'park-b');
    await forward(a, 'park-a');
    await forward(b, 'park-b');
    // A revoked client's statements stay counted, and its park stays in its district.
    expect(await hub.clients.revoke('srv-a')).toBe(true);
    await hub.rollup.catchUp();

    const chaoyang = await loginAs(hub, 'analyst', { kind: 'district', id: CHAOYANG }, 'chaoyang');
    expect(await visitsIn(chaoyang, 'park-a')).toBe(1);
    expect((await reportOf(chaoyang, 'park-b')).statusCode).toBe(403);
    // A park no client has is in no district: refused, not guessed.
    const unknown = await reportOf(chaoyang, 'park-x');
    expect(unknown.statusCode).toBe(403);
    expect(unknown.json().details[0]).toMatchObject({ code: 'staff.scope' });

    // Staff move park B's client into Chaoyang from the CLI, beside the running server: the analyst may open it
    // within the directory's refresh time.
    const moved = await cli('set-district', 'srv-b', CHAOYANG);
    expect(moved.code, moved.stderr).toBe(0);
    await untilStatus(chaoyang, 'park-b', 200, SEEN_WITHIN_MS);
    await hub.rollup.catchUp();
    expect(await visitsIn(chaoyang, 'park-b')).toBe(1);

    // And the revoked client's park is renamed: the old name is in no district any more, the new one is in Chaoyang,
    // and its statements count there once counted again.
    const renamed = await cli('set-park', 'srv-a', 'park-c');
    expect(renamed.code, renamed.stderr).toBe(0);
    expect(renamed.stdout).toContain("Client 'srv-a' is now in park park-c (was park park-a)");
    expect(renamed.stdout).toMatch(/count every stored statement again/);
    await untilStatus(chaoyang, 'park-a', 403, SEEN_WITHIN_MS);
    await untilStatus(chaoyang, 'park-c', 200, SEEN_WITHIN_MS);
    await hub.rollup.catchUp();
    expect(await visitsIn(chaoyang, 'park-c')).toBe(1);
    const nanguan = await loginAs(hub, 'analyst', { kind: 'district', id: NANGUAN }, 'nanguan');
    expect((await reportOf(nanguan, 'park-b')).statusCode).toBe(403);
  });
});
