// A hub adds parks up by district: the district of a statement is that of the park's client that forwarded it, set by
// staff, never the statement's claim; setting or changing a client's district counts the statements already stored
// again. Over a real hub (SQLite, and PostgreSQL in the postgres project) with two parks in different districts.
import type { VisitRecord } from '@ruyi/mechanics';
import type { KyselyPlugin } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { App } from '../app.ts';
import { createRollup, RollupRaced } from '../statistics/rollup.ts';
import { loginAs } from '../test-support/admin.ts';
import { newVisit, played, records } from '../test-support/fixture-content.ts';
import { toStatements } from '../test-support/statements.ts';
import { createTestEnv, type TestEnv } from '../test-support/test-app.ts';
import { ClientError, type NewClient } from './clients.ts';

const JUNE = 'from=2026-06-01&to=2026-06-30';
const CHAOYANG = '220104';
const NANGUAN = '220102';

let env: TestEnv;
let hub: App;
beforeEach(async () => {
  env = createTestEnv({ config: { mode: 'hub', statistics: { district: null, utcOffsetMinutes: 480, intervalMs: 3_600_000 } } });
  hub = await env.start();
});
afterEach(() => env.cleanup());

/** A whole visit's records (the park is the statements' IRI: see forward). */
const aVisit = (): VisitRecord[] => {
  const v = newVisit();
  return [records.visitStart(v), ...played(v), records.visitEnd(v)];
};

/** Forwards statements the way a park's kiosk-server does: POST /xapi/statements with its client's credentials. */
async function forward(client: NewClient, park: string, list: readonly VisitRecord[]) {
  const statements = toStatements({ packs: hub.content.current().packs, base: env.config.xapi.base, parkIri: `https://ruyi.localhost/parks/${park}` }, list);
  const res = await hub.inject({
    method: 'POST',
    url: '/xapi/statements',
    headers: { authorization: `Basic ${Buffer.from(`${client.key}:${client.secret}`).toString('base64')}`, 'x-experience-api-version': '1.0.3' },
    payload: statements,
  });
  expect(res.statusCode, res.body).toBe(200);
}

async function report(headers: { authorization: string }, place = '') {
  const res = await hub.inject({ url: `/api/stats/report?${JUNE}${place}`, headers });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { totals: { visits: number }; parks: { unit: string; participants?: number }[] };
}

const units = (r: Awaited<ReturnType<typeof report>>) => r.parks.map((p) => p.unit).sort();

describe('a hub with parks in districts', () => {
  it('counts each park in its client\'s district, and counts again what was stored when a district is set', async () => {
    const parkA = await hub.clients.add('park-a', 'kiosk', undefined, CHAOYANG, 'park-a');
    const parkB = await hub.clients.add('park-b', 'kiosk', undefined, null, 'park-b');
    expect(parkA.district).toBe(CHAOYANG);
    expect(parkB.district).toBeUndefined();
    await forward(parkA, 'park-a', aVisit());
    await forward(parkB, 'park-b', aVisit());
    // Park B's server claims park A in its statements: the district and park are still those staff gave park B's
    // client.
    await forward(parkB, 'park-a', aVisit());
    await hub.rollup.catchUp();

    const chaoyang = await loginAs(hub, 'analyst', { kind: 'district', id: CHAOYANG }, 'chaoyang');
    const nanguan = await loginAs(hub, 'analyst', { kind: 'district', id: NANGUAN }, 'nanguan');
    const city = await loginAs(hub, 'analyst', { kind: 'city' }, 'city');
    expect((await report(chaoyang)).totals.visits).toBe(1);
    expect(units(await report(chaoyang))).toEqual(['park-a']);
    // Park B is in no district yet: a district analyst sees none of it, the city all three visits.
    expect((await report(nanguan)).totals.visits).toBe(0);
    expect((await report(city)).totals.visits).toBe(3);

    // Staff put park B in its district: the two visits stored before count there now, once re-counted.
    const set = await hub.clients.setDistrict('park-b', NANGUAN);
    expect(set).toMatchObject({ before: null, recount: true, client: { name: 'park-b', district: NANGUAN } });
    expect((await hub.rollup.cursor()) < 0).toBe(true);
    await hub.rollup.catchUp();
    const b = await report(nanguan);
    expect(b.totals.visits).toBe(2);
    expect(units(b)).toEqual(['park-b']);
    const a = await report(chaoyang);
    expect(a.totals.visits).toBe(1);
    expect(units(a)).toEqual(['park-a']);
    expect((await report(city)).totals.visits).toBe(3);
    // Each district's analyst is refused the other's.
    expect((await hub.inject({ url: `/api/stats/report?${JUNE}&district=${NANGUAN}`, headers: chaoyang })).statusCode).toBe(403);

    // New statements count in the district at once; setting the same district again changes nothing.
    await forward(parkB, 'park-b', aVisit());
    expect(await hub.clients.setDistrict('park-b', NANGUAN)).toMatchObject({ before: NANGUAN, recount: false });
    await hub.rollup.catchUp();
    expect((await report(nanguan)).totals.visits).toBe(3);

    // Taken out of its district, park B counts in none again.
    expect(await hub.clients.setDistrict('park-b', null)).toMatchObject({ before: NANGUAN, recount: true });
    await hub.rollup.catchUp();
    expect((await report(nanguan)).totals.visits).toBe(0);
    expect((await report(chaoyang)).totals.visits).toBe(1);
    expect((await report(city)).totals.visits).toBe(4);
    expect((await hub.clients.list()).map((c) => [c.name, c.district ?? null])).toEqual([
      ['park-a', CHAOYANG],
      ['park-b', null],
    ]);
  });

  it('discards a batch the follower read before the district changed, even one from the first statement', async () => {
    const parkA = await hub.clients.add('park-a', 'kiosk');
    await forward(parkA, 'park-a', aVisit());
    // The district changes just after a follower read its batch, before it writes it: the moment a race would hit.
    let changed = false;
    const interleave: KyselyPlugin = {
      transformQuery: (args) => args.node,
      async transformResult(args) {
        if (!changed && args.result.rows.length > 0 && 'client_district' in (args.result.rows[0] as object)) {
          changed = true;
          await hub.clients.setDistrict('park-a', CHAOYANG);
        }
        return args.result;
      },
    };
    const context = { base: env.config.xapi.base, districtOf: () => null };
    const racing = createRollup({ ...hub.storage, db: hub.storage.db.withPlugin(interleave) }, { context, utcOffsetMinutes: 480 });
    expect(await racing.cursor()).toBe(0);
    await expect(racing.step()).rejects.toThrow(RollupRaced);
    expect(changed).toBe(true);
    // Nothing of it was written; counted again, the visit is in the district.
    expect(await hub.storage.db.selectFrom('statement_facts').select('seq').execute()).toEqual([]);
    await hub.rollup.catchUp();
    const facts = await hub.storage.db.selectFrom('statement_facts').select('district').distinct().execute();
    expect(facts.map((f) => f.district)).toEqual([CHAOYANG]);
  });

  it('refuses a bad district code, a reader\'s district and an unknown client, changing nothing', async () => {
    await hub.clients.add('park-a', 'kiosk', undefined, CHAOYANG);
    await hub.clients.add('reader', 'reader');
    for (const bad of ['22010', '2201041', '22O104', '２２０１０４', ' 220104']) {
      await expect(hub.clients.setDistrict('park-a', bad)).rejects.toThrow(/district '.*': must be a 6-digit administrative division code/);
      await expect(hub.clients.add(`park-${bad.length}`, 'kiosk', undefined, bad)).rejects.toThrow(ClientError);
    }
    await expect(hub.clients.setDistrict('reader', CHAOYANG)).rejects.toThrow(/a reader writes no statements/);
    await expect(hub.clients.add('reader-2', 'reader', undefined, CHAOYANG)).rejects.toThrow(/a reader writes no statements/);
    await expect(hub.clients.setDistrict('nobody', CHAOYANG)).rejects.toThrow(/no client named 'nobody'/);
    expect((await hub.clients.list()).map((c) => [c.name, c.district ?? null])).toEqual([
      ['park-a', CHAOYANG],
      ['reader', null],
    ]);
    // The database itself holds no other shape of code either.
    await expect(hub.storage.db.updateTable('xapi_clients').set({ district: '22010x' }).where('name', '=', 'park-a').execute()).rejects.toThrow();
  });
});
