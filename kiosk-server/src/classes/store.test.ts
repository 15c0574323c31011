// The class store on the project's store (SQLite here, PostgreSQL in the postgres project): codes, seats taken at
// once, tokens kept only as hashes, closing, visits per seat, and certificates once per visit and scenario.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { App } from '../app.ts';
import { createTestEnv, type TestEnv } from '../test-support/test-app.ts';
import { ClassCodeRefused, sha256 } from './store.ts';

let env: TestEnv;
let app: App;
let clock: number;
beforeEach(async () => {
  clock = Date.parse('2026-06-01T09:00:00.000Z');
  env = createTestEnv();
  app = await env.start({ classClock: () => clock });
});
afterEach(() => env.cleanup());

const newClass = (over: Partial<{ school: string; teacherId: number; minutes: number }> = {}) =>
  app.classes.store.create({ school: 'S-1', grade: 3, label: '2班', teacherId: 7, minutes: 60, ...over });

describe('class store', () => {
  it('opens classes with distinct codes, lists a teacher\'s own newest first, and closes one once', async () => {
    const { store } = app.classes;
    const a = await newClass();
    clock += 1000;
    const b = await newClass({ teacherId: 8 });
    clock += 1000;
    const c = await newClass();
    expect(new Set([a.code, b.code, c.code]).size).toBe(3);
    expect(a).toMatchObject({ school: 'S-1', grade: 3, label: '2班', teacherId: 7, joined: 0, closedAt: null, classCode: `S-1/${a.code}` });
    expect(a.closesAt).toBe('2026-06-01T10:00:00.000Z');
    expect((await store.list({ teacherId: 7, limit: 10 })).map((r) => r.id)).toEqual([c.id, a.id]);
    expect((await store.list({ limit: 2 })).map((r) => r.id)).toEqual([c.id, b.id]);
    expect(await store.get(a.id)).toEqual(a);
    expect(await store.byCode(a.code)).toEqual(a);
    expect(await store.get(crypto.randomUUID())).toBeNull();

    clock += 60_000;
    const closed = await store.close(a.id);
    expect(closed).toMatchObject({ closesAt: a.closesAt, closedAt: new Date(clock).toISOString() });
    clock += 60_000;
    expect(await store.close(a.id)).toEqual(closed);
    expect(await store.close(crypto.randomUUID())).toBeNull();
  });

  it('gives every joining device its own seat, even all at once, and keeps only its token\'s hash', async () => {
    const { store } = app.classes;
    const cls = await newClass();
    const joined = await Promise.all(Array.from({ length: 12 }, (_, i) => store.join(cls.code, i % 2 ? 'kiosk' : 'web')));
    expect(joined.map((j) => j.seat).sort((x, y) => x - y)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(new Set(joined.map((j) => j.token)).size).toBe(12);
    expect((await store.get(cls.id))!.joined).toBe(12);
    const seats = await store.seats(cls.id);
    expect(seats.map((s) => s.seat)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));

    const holder = await store.seatByToken(joined[3]!.token);
    expect(holder).toMatchObject({ classId: cls.id, seat: joined[3]!.seat, class: { id: cls.id, code: cls.code } });
    expect(await store.seatByToken('x'.repeat(43))).toBeNull();
    if (env.dialect === 'sqlite') {
      const hashes = app.db.prepare('SELECT token_hash FROM class_seats').pluck().all() as string[];
      expect(hashes).toContain(sha256(joined[3]!.token));
      expect(hashes).not.toContain(joined[3]!.token);
    }
  });

  it('refuses an unknown code and a closed class, saying which', async () => {
    const { store } = app.classes;
    const cls = await newClass();
    await expect(store.join('ZZZZZZ', 'web')).rejects.toMatchObject({ reason: 'unknown' });
    clock += 61 * 60_000;
    const refused = await store.join(cls.code, 'web').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ClassCodeRefused);
    expect(refused).toMatchObject({ reason: 'closed' });
    expect((await store.get(cls.id))!.joined).toBe(0);
  });

  it('notes each visit at its seat once, and the seat as seen', async () => {
    const { store } = app.classes;
    const cls = await newClass();
    const { seat } = await store.join(cls.code, 'vr');
    const visit = crypto.randomUUID();
    clock += 5000;
    await store.noteVisits(cls.id, seat, [visit.toUpperCase(), visit]);
    await store.noteVisits(cls.id, seat, [visit]);
    expect(await store.seatVisits(cls.id)).toEqual([{ visitId: visit, seat }]);
    expect((await store.seats(cls.id))[0]!.lastSeenAt).toBe(new Date(clock).toISOString());
  });

  it('issues one certificate per visit and scenario, keeping the visit only as a hash', async () => {
    const { store } = app.classes;
    const visit = crypto.randomUUID();
    const shown = { scenario: 'fire-test/workshop', completedOn: '2026-06-01', park: 'test', school: 'S-1', grade: 3, label: '2班', passed: true, score: 0.75 };
    const first = await store.issue(visit, shown);
    expect(first.created).toBe(true);
    expect(first.certificate).toMatchObject(shown);
    expect(first.certificate.id).toMatch(/^[A-Za-z0-9_-]{16}$/);
    const again = await store.issue(visit.toUpperCase(), { ...shown, score: 0.5 });
    expect(again).toEqual({ certificate: first.certificate, created: false });
    const other = await store.issue(visit, { ...shown, scenario: 'fire-test/other', school: null, grade: null, label: null, score: null });
    expect(other.certificate.id).not.toBe(first.certificate.id);
    expect(await store.certificate(other.certificate.id)).toMatchObject({ school: null, grade: null, label: null, score: null });
    expect(await store.certificate(first.certificate.id)).toEqual(first.certificate);
    expect(await store.certificate('AAAAAAAAAAAAAAAA')).toBeNull();
    if (env.dialect === 'sqlite') {
      const rows = JSON.stringify(app.db.prepare('SELECT * FROM certificates').all());
      expect(rows).not.toContain(visit);
      expect(rows).toContain(sha256(visit));
    }
  });
});
