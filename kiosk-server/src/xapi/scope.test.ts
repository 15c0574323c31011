// What each role reaches: a `kiosk` client voids, reads and sees Activity definitions only of its own statements (one
// park never touches another's on a hub); `hub` and `reader` keep what src/xapi/README.md gives them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { basic, startLrs, statement, uuid, type Lrs } from './test-lrs.ts';

let lrs: Lrs;
/** A second kiosk client: another park's kiosk-server, as a hub sees it. */
let otherPark: string;
beforeAll(async () => {
  lrs = await startLrs();
  const c = await lrs.app.clients.add('park-b', 'kiosk');
  otherPark = basic(c.key, c.secret);
});
afterAll(() => lrs.env.cleanup());

type Who = 'kiosk' | 'hub' | 'reader' | 'park-b';
const headersOf = (who: Who) => (who === 'park-b' ? { as: null, headers: { authorization: otherPark } } : { as: who });
const post = (payload: unknown, who: Who) => lrs.request({ method: 'POST', url: '/xapi/statements', payload, ...headersOf(who) });
const get = (url: string, who: Who) => lrs.request({ url, ...headersOf(who) });
const storedBy = async (who: Who, s: Record<string, unknown> = statement()) => {
  const res = await post(s, who);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as string[])[0]!;
};
const voiding = (target: string, id = uuid()) =>
  statement({ id, verb: { id: 'http://adlnet.gov/expapi/verbs/voided', display: { 'en-US': 'voided' } }, object: { objectType: 'StatementRef', id: target } });
const count = () => lrs.app.statements.count();
const isVoided = async (id: string) => (await lrs.app.statements.get(id))?.voided === true;

describe('voiding', () => {
  it("a kiosk client voiding another client's statement: 403 naming [i].object.id, nothing from the request stored", async () => {
    const theirs = await storedBy('park-b');
    const before = await count();
    const single = await post(voiding(theirs), 'kiosk');
    expect(single.statusCode).toBe(403);
    expect(single.json().message).toMatch(/^object\.id: statement '.+' was stored by another client/);
    const batch = await post([statement(), voiding(theirs)], 'kiosk');
    expect(batch.statusCode).toBe(403);
    expect(batch.json().details).toEqual([{ path: '[1].object.id', message: 'targets a statement stored by another client' }]);
    // By PUT too.
    const id = uuid();
    expect((await lrs.request({ method: 'PUT', url: `/xapi/statements?statementId=${id}`, payload: voiding(theirs, id), as: 'kiosk' })).statusCode).toBe(403);
    expect(await count()).toBe(before);
    expect(await isVoided(theirs)).toBe(false);
    expect((await get(`/xapi/statements?statementId=${theirs}`, 'hub')).statusCode).toBe(200);
  });

  it('a kiosk client voids its own statements; a hub voids anyone’s', async () => {
    const mine = await storedBy('kiosk');
    expect((await post(voiding(mine), 'kiosk')).statusCode).toBe(200);
    expect(await isVoided(mine)).toBe(true);
    expect((await get(`/xapi/statements?voidedStatementId=${mine}`, 'kiosk')).statusCode).toBe(200);

    const theirs = await storedBy('park-b');
    expect((await post(voiding(theirs), 'hub')).statusCode).toBe(200);
    expect(await isVoided(theirs)).toBe(true);
  });

  it('a voiding statement that arrives before its target voids it only when its author could have', async () => {
    // park A voids an id before anyone stored it; park B then stores a statement with that id: not voided.
    const target = uuid();
    expect((await post(voiding(target), 'kiosk')).statusCode).toBe(200);
    await storedBy('park-b', statement({ id: target }));
    expect(await isVoided(target)).toBe(false);
    expect((await get(`/xapi/statements?statementId=${target}`, 'park-b')).statusCode).toBe(200);

    // Its own statement arriving later is born voided (kiosks sync out of order), as is anyone's after a hub's voiding.
    const own = uuid();
    expect((await post(voiding(own), 'kiosk')).statusCode).toBe(200);
    await storedBy('kiosk', statement({ id: own }));
    expect(await isVoided(own)).toBe(true);
    const byHub = uuid();
    expect((await post(voiding(byHub), 'hub')).statusCode).toBe(200);
    await storedBy('park-b', statement({ id: byHub }));
    expect(await isVoided(byHub)).toBe(true);
  });
});

describe('reading', () => {
  it("a kiosk client reads only its own statements, voided ones included; hub and reader read all", async () => {
    const theirs = await storedBy('park-b');
    const theirsVoided = await storedBy('park-b');
    expect((await post(voiding(theirsVoided), 'park-b')).statusCode).toBe(200);
    expect((await get(`/xapi/statements?statementId=${theirs}`, 'kiosk')).statusCode).toBe(404);
    expect((await get(`/xapi/statements?voidedStatementId=${theirsVoided}`, 'kiosk')).statusCode).toBe(404);
    const listed = (await get('/xapi/statements?limit=500', 'kiosk')).json().statements as { id: string }[];
    expect(listed.map((s) => s.id)).not.toContain(theirs);
    for (const who of ['hub', 'reader'] as const) {
      expect((await get(`/xapi/statements?statementId=${theirs}`, who)).statusCode, who).toBe(200);
      expect((await get(`/xapi/statements?voidedStatementId=${theirsVoided}`, who)).statusCode, who).toBe(200);
    }
  });

  it("a kiosk client sees Activity definitions only from its own statements; hub and reader see the newest of all", async () => {
    const id = `http://example.com/activities/${uuid()}`;
    const name = (text: string) => ({ name: { 'en-US': text } });
    await storedBy('kiosk', statement({ object: { id, definition: name('as park A calls it') } }));
    await storedBy('park-b', statement({ object: { id, definition: name('as park B calls it') } }));
    const seen = async (who: Who) => (await get(`/xapi/activities?activityId=${encodeURIComponent(id)}`, who)).json().definition;
    expect(await seen('kiosk')).toEqual(name('as park A calls it'));
    expect(await seen('park-b')).toEqual(name('as park B calls it'));
    expect(await seen('hub')).toEqual(name('as park B calls it'));
    expect(await seen('reader')).toEqual(name('as park B calls it'));
    // An Activity only another client defined: the kiosk gets just the id.
    const only = `http://example.com/activities/${uuid()}`;
    await storedBy('park-b', statement({ object: { id: only, definition: name('secret') } }));
    expect((await get(`/xapi/activities?activityId=${encodeURIComponent(only)}`, 'kiosk')).json()).toEqual({ objectType: 'Activity', id: only });
  });

  it('a kiosk client gets the names of an Agent only from its own statements', async () => {
    const mbox = `mailto:${uuid()}@example.com`;
    await storedBy('park-b', statement({ actor: { mbox, name: 'named by park B' } }));
    const names = async (who: Who) => (await get(`/xapi/agents?agent=${encodeURIComponent(JSON.stringify({ mbox }))}`, who)).json().name;
    expect(await names('kiosk')).toBeUndefined();
    expect(await names('reader')).toEqual(['named by park B']);
  });

  it('a reader may not write or void (403), whatever it targets', async () => {
    const theirs = await storedBy('park-b');
    const res = await post(voiding(theirs), 'reader');
    expect(res.statusCode).toBe(403);
    expect(await isVoided(theirs)).toBe(false);
  });
});
