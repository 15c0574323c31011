// Group commit through HTTP: concurrent POSTs to /xapi/statements and /api/statements share transactions (one store
// for both routes), each is answered as if it had come alone, and every 2xx is on disk when it is sent.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { oneOfEach } from '../test-support/fixture-content.ts';
import { statementsOf } from '../test-support/statements.ts';
import { startLrs, statement, uuid, type Lrs } from './test-lrs.ts';
import { statementIds } from './test-lrs-rows.ts';

let lrs: Lrs;
beforeEach(async () => {
  lrs = await startLrs();
});
afterEach(() => lrs.env.cleanup());

const post = (payload: unknown) => lrs.request({ method: 'POST', url: '/xapi/statements', payload });
const storedIds = () => statementIds(lrs);

describe('group commit over HTTP', () => {
  it('answers concurrent requests of both routes each on its own, in fewer commits than requests, with every 2xx on disk', async () => {
    const store = lrs.app.statements;
    const before = store.commits();
    const existing = statement({ id: uuid() });
    expect((await post(existing)).statusCode).toBe(200);

    const batches = Array.from({ length: 8 }, () => [statement({ id: uuid() }), statement({ id: uuid() })]);
    const device = statementsOf(lrs.app, lrs.env.config, oneOfEach());
    const conflicting = [statement({ id: uuid() }), { ...existing, verb: { id: 'http://example.com/verbs/other' } }];
    const invalid = [statement({ id: uuid() }), { ...statement(), verb: { id: 'not an IRI' } }];
    const answers = await Promise.all([
      ...batches.slice(0, 4).map(post),
      post(conflicting),
      lrs.app.inject({ method: 'POST', url: '/api/statements', payload: device as object[] }),
      post(invalid),
      ...batches.slice(4).map(post),
    ]);
    const statuses = answers.map((a) => a.statusCode);
    expect(statuses).toEqual([200, 200, 200, 200, 409, 200, 400, 200, 200, 200, 200]);
    expect(answers[4]!.json().message).toContain('nothing from this request was stored');

    const ids = await storedIds();
    for (const s of [...batches.flat(), ...device]) expect(ids, `statement ${s.id as string}`).toContain(s.id);
    for (const s of [conflicting[0]!, invalid[0]!]) expect(ids).not.toContain(s.id);
    // Seq order is the order the requests were queued in, and a request's statements stay together.
    for (const batch of batches) expect(ids.indexOf(batch[1]!.id as string)).toBe(ids.indexOf(batch[0]!.id as string) + 1);
    const after = store.commits();
    // The single statement first, then 10 requests reaching the store (the invalid one never does).
    expect(after.requests - before.requests).toBe(1 + 10);
    expect(after.commits - before.commits).toBeLessThan(1 + 10);
  });
});
