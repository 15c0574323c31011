// 平安校园 over a real app (SQLite, and PostgreSQL in the postgres project): teachers open, see and close classes within
// their role and scope; students' devices join with the code and post with their seat token from addresses that are
// not enrolled; a class code without that class's seat token (or after it closed) is refused and nothing is stored;
// the live report and the CSV come from the statements played; certificates only for a completed run.
import { CertificateView, Certificate, ClassReport, ClassSession, CLASS_SEAT_HEADER, JoinClassResponse } from '@ruyi/api-contract';
import type { VisitRecord } from '@ruyi/mechanics';
import { iris, statementsFromRecord, type Statement } from '@ruyi/xapi';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { App } from '../app.ts';
import { loginAs } from '../test-support/admin.ts';
import { newVisit, PACK_ID, played, records, SCENARIO_ID } from '../test-support/fixture-content.ts';
import { TEST_DEVICE } from '../test-support/statements.ts';
import { createTestEnv, type TestEnv } from '../test-support/test-app.ts';
import { SEAT_GRACE_MS } from './store.ts';

const SCHOOL = '2201020001';
const OTHER_SCHOOL = '2201020002';
/** Before the fixture's records (2026-06-01T09:30Z): the class opens at 09:00 for two hours. */
const OPENED = Date.parse('2026-06-01T09:00:00.000Z');
/** Not the server's own machine, and never enrolled: a school PC. */
const SCHOOL_PC = '10.20.30.40';

let env: TestEnv;
let app: App;
let clock: number;
beforeEach(async () => {
  clock = OPENED;
  env = createTestEnv({ config: { statistics: { district: '220102', utcOffsetMinutes: 480, intervalMs: 3_600_000 } } });
  app = await env.start({ classClock: () => clock });
});
afterEach(() => env.cleanup());

const classExtension = () => iris(env.config.xapi.base).extensions.classCode;

/** The statements the kiosk app makes of these records in a class visit (the real mapping, with the class code). */
function classStatements(list: readonly VisitRecord[], classCode: string | null): Statement[] {
  const packs = app.content.current().packs;
  return list.flatMap((record) =>
    statementsFromRecord(record, {
      base: env.config.xapi.base,
      parkIri: env.config.xapi.parkIri,
      deviceId: TEST_DEVICE,
      classCode,
      pack: (id) => packs.find((p) => p.id === id),
    }),
  );
}

async function teachers() {
  return {
    teacher: await loginAs(app, 'teacher', { kind: 'school', id: SCHOOL }, 'teacher-a'),
    colleague: await loginAs(app, 'teacher', { kind: 'school', id: SCHOOL }, 'teacher-b'),
    elsewhere: await loginAs(app, 'teacher', { kind: 'school', id: OTHER_SCHOOL }, 'teacher-c'),
  };
}

async function open(headers: { authorization: string }, body: Record<string, unknown> = { grade: 4, label: '3班' }) {
  const res = await app.inject({ method: 'POST', url: '/api/classes', headers, payload: body });
  expect(res.statusCode, res.body).toBe(201);
  return ClassSession.parse(res.json());
}

async function join(code: string, platform = 'web', remoteAddress = SCHOOL_PC) {
  return app.inject({ method: 'POST', url: '/api/classes/join', remoteAddress, payload: { code, platform } });
}

async function seated(code: string, platform = 'web') {
  const res = await join(code, platform);
  expect(res.statusCode, res.body).toBe(200);
  return JoinClassResponse.parse(res.json());
}

const post = (statements: Statement[], token?: string, remoteAddress = SCHOOL_PC) =>
  app.inject({ method: 'POST', url: '/api/statements', remoteAddress, headers: token ? { [CLASS_SEAT_HEADER]: token } : {}, payload: statements });

/** How many of these statements are stored. */
const storedOf = async (statements: Statement[]) => (await app.statements.storedIds(statements.map((st) => st.id!.toLowerCase()))).size;

describe('opening, listing, seeing and closing a class visit', () => {
  it('lets a teacher open a class of their school and see it; refuses other roles, teachers and scopes', async () => {
    const { teacher, colleague, elsewhere } = await teachers();
    const admin = await loginAs(app, 'admin', { kind: 'city' }, 'city-admin');
    const analyst = await loginAs(app, 'analyst', { kind: 'school', id: SCHOOL }, 'school-analyst');
    const otherAnalyst = await loginAs(app, 'analyst', { kind: 'school', id: OTHER_SCHOOL }, 'other-analyst');
    const operator = await loginAs(app, 'operator', { kind: 'city' }, 'city-operator');

    expect((await app.inject({ method: 'POST', url: '/api/classes', payload: { grade: 4, label: '3班' } })).statusCode).toBe(401);
    const byAdmin = await app.inject({ method: 'POST', url: '/api/classes', headers: admin, payload: { grade: 4, label: '3班' } });
    expect(byAdmin.statusCode).toBe(403);
    expect(byAdmin.json().details[0]).toMatchObject({ code: 'staff.role' });

    const cls = await open(teacher);
    expect(cls).toMatchObject({ school: SCHOOL, grade: 4, label: '3班', open: true, joined: 0, joinPath: `/?join=${cls.code}`, classCode: `${SCHOOL}/${cls.code}` });
    expect(cls.code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}$/);
    expect(Date.parse(cls.closesAt) - Date.parse(cls.openedAt)).toBe(120 * 60_000);

    const list = async (headers?: { authorization: string }) => app.inject({ url: '/api/classes', headers });
    expect((await list()).statusCode).toBe(401);
    expect((await list(teacher)).json().classes.map((c: ClassSession) => c.id)).toEqual([cls.id]);
    expect((await list(colleague)).json().classes).toEqual([]);
    expect((await list(elsewhere)).json().classes).toEqual([]);
    expect((await list(admin)).json().classes.map((c: ClassSession) => c.id)).toEqual([cls.id]);
    expect((await list(analyst)).json().classes.map((c: ClassSession) => c.id)).toEqual([cls.id]);
    expect((await list(otherAnalyst)).json().classes).toEqual([]);
    expect((await list(operator)).statusCode).toBe(403);

    const see = (headers?: { authorization: string }, id = cls.id) => app.inject({ url: `/api/classes/${id}`, headers });
    expect((await see()).statusCode).toBe(401);
    expect((await see(teacher)).statusCode).toBe(200);
    expect((await see(admin)).statusCode).toBe(200);
    expect((await see(analyst)).statusCode).toBe(200);
    for (const who of [colleague, elsewhere, otherAnalyst, operator]) expect((await see(who)).statusCode).toBe(403);
    expect((await see(teacher, crypto.randomUUID())).statusCode).toBe(404);
    expect((await see(teacher, 'not-an-id')).statusCode).toBe(400);
    expect((await app.inject({ url: `/api/classes/${cls.id}/students.csv`, headers: colleague })).statusCode).toBe(403);

    const close = (headers?: { authorization: string }) => app.inject({ method: 'POST', url: `/api/classes/${cls.id}/close`, headers });
    expect((await close()).statusCode).toBe(401);
    for (const who of [colleague, elsewhere, admin]) expect((await close(who)).statusCode).toBe(403);
    clock += 30 * 60_000;
    const closed = await close(teacher);
    expect(closed.statusCode, closed.body).toBe(200);
    // Closed early: no new joins from now, while the planned end stays (seated visits count until then).
    expect(ClassSession.parse(closed.json())).toMatchObject({ open: false, closedAt: new Date(clock).toISOString(), closesAt: cls.closesAt });
    // Closing again changes nothing.
    expect((await close(teacher)).json()).toEqual(closed.json());
    // Seven staff logins hash a password each: slow on a loaded machine.
  }, 60_000);

  it('refuses a bad class, naming the field, and stores nothing', async () => {
    const { teacher } = await teachers();
    for (const [body, path] of [
      [{ grade: 13, label: '3班' }, 'grade'],
      [{ grade: 0, label: '3班' }, 'grade'],
      [{ grade: 4, label: '' }, 'label'],
      [{ grade: 4, label: '13912345678' }, 'label'],
      [{ grade: 4, label: 'x'.repeat(21) }, 'label'],
      [{ grade: 4, label: '3班', minutes: 5 }, 'minutes'],
      [{ grade: 4, label: '3班', studentName: '张三' }, ''],
    ] as const) {
      const res = await app.inject({ method: 'POST', url: '/api/classes', headers: teacher, payload: body });
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(JSON.stringify(res.json()), JSON.stringify(body)).toContain(path);
    }
    expect((await app.inject({ url: '/api/classes', headers: teacher })).json().classes).toEqual([]);
  });
});

describe('joining a class', () => {
  it('gives seats in join order; refuses unknown and closed codes, and an address guessing codes', async () => {
    const { teacher } = await teachers();
    const cls = await open(teacher);
    const first = await seated(cls.code.toLowerCase());
    expect(first).toMatchObject({ classId: cls.id, classCode: cls.classCode, seat: 1, school: SCHOOL, grade: 4, label: '3班', closesAt: cls.closesAt });
    expect(first.token.length).toBeGreaterThanOrEqual(40);
    expect((await seated(`${cls.code.slice(0, 3)}-${cls.code.slice(3)}`, 'kiosk')).seat).toBe(2);
    const seen = await app.inject({ url: '/api/classes', headers: teacher });
    expect(seen.json().classes[0].joined).toBe(2);

    const wrong = await join('ZZZZZZ', 'web', '10.0.0.7');
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().details[0]).toMatchObject({ path: 'code' });
    expect(wrong.json().details[0].message).toMatch(/^unknown class code/);
    const malformed = await join('ABC', 'web', '10.0.0.8');
    expect(malformed.statusCode).toBe(400);

    await app.inject({ method: 'POST', url: `/api/classes/${cls.id}/close`, headers: teacher });
    const late = await join(cls.code, 'web', '10.0.0.9');
    expect(late.statusCode).toBe(401);
    expect(late.json().details[0].message).toMatch(/^class closed/);

    // Five wrong codes from one address (class and enrollment codes alike), then a minute's wait, even for a right one.
    const guesser = '10.0.0.66';
    for (let i = 0; i < 4; i++) expect((await join('ZZZZZZ', 'web', guesser)).statusCode).toBe(401);
    expect((await app.inject({ method: 'POST', url: '/api/devices/enroll', remoteAddress: guesser, payload: { code: 'ZZZZ-ZZZZ' } })).statusCode).toBe(401);
    const other = await open(teacher, { grade: 5, label: '1班' });
    const locked = await join(other.code, 'web', guesser);
    expect(locked.statusCode).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    expect((await join(other.code, 'web', '10.0.0.67')).statusCode).toBe(200);
  });
});

describe('posting a class visit with a seat token', () => {
  it('stores a seat\'s statements from a PC that is not enrolled; refuses it without a valid token', async () => {
    const { teacher } = await teachers();
    const cls = await open(teacher);
    const seat = await seated(cls.code);
    const v = newVisit();
    const visit = classStatements([records.visitStart(v), ...played(v), records.visitEnd(v)], seat.classCode);

    const anonymous = await post(visit);
    expect(anonymous.statusCode).toBe(401);
    const forged = await post(visit, 'x'.repeat(43));
    expect(forged.statusCode).toBe(401);
    expect(forged.json().details[0]).toMatchObject({ path: CLASS_SEAT_HEADER });
    expect(await storedOf(visit)).toBe(0);

    const res = await post(visit, seat.token);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ stored: visit.length, duplicates: 0 });
    expect(await storedOf(visit)).toBe(visit.length);

    // Past the class's end and the delivery grace, the token no longer authenticates.
    clock = Date.parse(cls.closesAt) + SEAT_GRACE_MS + 1000;
    const stale = await post(classStatements([records.visitStart(newVisit())], null), seat.token);
    expect(stale.statusCode).toBe(401);
    expect(stale.json().details[0].path).toBe(CLASS_SEAT_HEADER);
  });

  it('keeps the device that posted: the server\'s own machine stays itself with a seat, a school PC has none', async () => {
    const { teacher } = await teachers();
    const cls = await open(teacher);
    const here = newVisit();
    const there = newVisit();
    const fromHere = classStatements([records.visitStart(here)], cls.classCode);
    const fromPc = classStatements([records.visitStart(there)], cls.classCode);
    expect((await post(fromHere, (await seated(cls.code, 'kiosk')).token, '127.0.0.1')).statusCode).toBe(200);
    expect((await post(fromPc, (await seated(cls.code)).token)).statusCode).toBe(200);
    const devices = await app.storage.db
      .selectFrom('statements')
      .select(['registration', 'device'])
      .where('registration', 'in', [here.visitId, there.visitId])
      .execute();
    expect(Object.fromEntries(devices.map((d) => [d.registration, d.device]))).toEqual({ [here.visitId]: 'local', [there.visitId]: null });
  });

  it('refuses a class code without the seat token of that class, or made after it closed, and stores nothing of the batch', async () => {
    const { teacher } = await teachers();
    const cls = await open(teacher);
    const other = await open(teacher, { grade: 6, label: '2班' });
    const seat = await seated(cls.code);
    const path = `[0].context.extensions.${classExtension()}`;

    // From the server's own machine (no enrollment needed) but with no seat: the class code is a claim it cannot make.
    const v1 = newVisit();
    const b1 = classStatements([records.visitStart(v1), ...played(v1)], cls.classCode);
    const noSeat = await post(b1, undefined, '127.0.0.1');
    expect(noSeat.statusCode).toBe(400);
    expect(noSeat.json().details.map((d: { path: string }) => d.path)).toContain(path);
    expect(await storedOf(b1)).toBe(0);

    // A seat of one class claiming another.
    const v2 = newVisit();
    const b2 = classStatements([records.visitStart(v2), ...played(v2)], other.classCode);
    const wrongClass = await post(b2, seat.token);
    expect(wrongClass.statusCode).toBe(400);
    expect(wrongClass.json().details.find((d: { path: string }) => d.path === path).message).toContain(cls.classCode);
    expect(await storedOf(b2)).toBe(0);

    // Closed early by the teacher: a seated device cannot know, so what it records until the planned end still counts.
    clock = Date.parse('2026-06-01T09:10:00.000Z');
    await app.inject({ method: 'POST', url: `/api/classes/${cls.id}/close`, headers: teacher });
    clock = Date.parse('2026-06-01T09:20:00.000Z');
    const v4 = newVisit();
    const b4 = classStatements([records.visitStart(v4), ...played(v4)], cls.classCode);
    const seatedAfterEarlyClose = await post(b4, seat.token);
    expect(seatedAfterEarlyClose.statusCode, seatedAfterEarlyClose.body).toBe(200);
    expect(await storedOf(b4)).toBe(b4.length);

    // Made after the class's planned end (the token still authenticates, for the outbox; the claim does not count).
    clock = Date.parse(cls.closesAt) + 5 * 60_000;
    const v3 = newVisit();
    const late3 = (list: VisitRecord[]) => list.map((r) => ({ ...r, at: new Date(clock).toISOString() }));
    const b3 = classStatements(late3([records.visitStart(v3), ...played(v3)]), cls.classCode);
    const late = await post(b3, seat.token);
    expect(late.statusCode).toBe(400);
    expect(late.json().details[0]).toMatchObject({ path });
    expect(late.json().details[0].message).toMatch(/after class .* ended/);
    expect(await storedOf(b3)).toBe(0);
    // The same seat's statements without the class code are a visit like any other (the token authenticates the PC).
    const plain = await post(classStatements(late3([records.visitStart(v3), ...played(v3)]), null), seat.token);
    expect(plain.statusCode, plain.body).toBe(200);
  });
});

describe('the live report, the CSV and certificates', () => {
  it('shows each seat\'s scenarios, who finished and the weakest questions, from the statements played', async () => {
    const { teacher } = await teachers();
    const cls = await open(teacher);
    const good = await seated(cls.code, 'web');
    const poor = await seated(cls.code, 'kiosk');
    const idle = await seated(cls.code, 'vr');
    const g = newVisit();
    const p = newVisit();
    expect((await post(classStatements([records.visitStart(g), ...played(g), records.visitEnd(g)], good.classCode), good.token)).statusCode).toBe(200);
    // The second student starts, plays poorly and finishes; a third play is started and left.
    const poorRun = played(p, { skill: 'poor' });
    expect((await post(classStatements([records.visitStart(p), ...poorRun], poor.classCode), poor.token)).statusCode).toBe(200);
    const left = { visitId: p.visitId, runId: crypto.randomUUID() };
    expect((await post(classStatements([records.scenarioStart(left)], poor.classCode), poor.token)).statusCode).toBe(200);
    // A public visitor's play does not count for the class.
    const stranger = newVisit();
    expect((await post(classStatements([records.visitStart(stranger), ...played(stranger)], null), undefined, '127.0.0.1')).statusCode).toBe(200);

    await app.rollup.catchUp();
    const res = await app.inject({ url: `/api/classes/${cls.id}`, headers: teacher });
    expect(res.statusCode, res.body).toBe(200);
    const report = ClassReport.parse(res.json());
    expect(report.class).toMatchObject({ id: cls.id, joined: 3 });
    expect(report.totals).toMatchObject({ visits: 2, runs: 3, completed: 2 });
    const scenario = `${PACK_ID}/${SCENARIO_ID}`;
    expect(report.students).toHaveLength(3);
    const [s1, s2, s3] = report.students;
    expect(s1).toMatchObject({ seat: 1, platform: 'web', finished: true, scenarios: [{ scenario, completed: true, passed: true }] });
    expect(s1!.scenarios[0]!.score).toBe(1);
    // Seat 2 completed the scenario once and left a second play: its best completed play counts, not finished.
    expect(s2).toMatchObject({ seat: 2, platform: 'kiosk', scenarios: [{ scenario, completed: true }] });
    expect(s2!.scenarios[0]!.score!).toBeLessThan(1);
    expect(s3).toMatchObject({ seat: 3, platform: 'vr', finished: false, scenarios: [] });
    expect(report.weakest.length).toBeGreaterThan(0);
    expect(report.weakest[0]!.correctRate).toBeLessThan(1);
    for (let i = 1; i < report.weakest.length; i++) expect(report.weakest[i]!.correctRate ?? 2).toBeGreaterThanOrEqual(report.weakest[i - 1]!.correctRate ?? 2);

    const csv = await app.inject({ url: `/api/classes/${cls.id}/students.csv`, headers: teacher });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = csv.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('seat,platform,joined_at,last_seen_at,scenarios_started,scenarios_completed,scenarios_passed,average_score,finished');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toMatch(new RegExp(`^1,web,.*,${scenario},${scenario},${scenario},1,true$`));
    expect(lines[3]).toMatch(/^3,vr,.*,,,,,false$/);
  });

  it('issues a certificate only for a completed run, once per visit and scenario, and verifies it with no visitor data', async () => {
    const { teacher } = await teachers();
    const cls = await open(teacher);
    const seat = await seated(cls.code);
    const v = newVisit();
    const run = played(v);
    const ask = (token?: string, visitId = v.visitId, remoteAddress = SCHOOL_PC) =>
      app.inject({
        method: 'POST',
        url: '/api/certificates',
        remoteAddress,
        headers: token ? { [CLASS_SEAT_HEADER]: token } : {},
        payload: { visitId, scenario: `${PACK_ID}/${SCENARIO_ID}` },
      });
    expect((await ask()).statusCode).toBe(401);
    // Started, not completed.
    expect((await post(classStatements([records.visitStart(v), ...run.slice(0, -1)], seat.classCode), seat.token)).statusCode).toBe(200);
    const early = await ask(seat.token);
    expect(early.statusCode).toBe(409);
    expect(early.json().details[0].path).toBe('scenario');
    expect((await post(classStatements(run.slice(-1), seat.classCode), seat.token)).statusCode).toBe(200);

    const issued = await ask(seat.token);
    expect(issued.statusCode, issued.body).toBe(201);
    const certificate = Certificate.parse(issued.json());
    expect(certificate).toMatchObject({ valid: true, scenario: `${PACK_ID}/${SCENARIO_ID}`, completedOn: '2026-06-01', park: 'test', school: SCHOOL, grade: 4, label: '3班', passed: true, score: 1 });
    expect(certificate.id.length).toBeGreaterThanOrEqual(10);
    expect(certificate.path).toBe(`/certificate/${certificate.id}`);
    // Asked again (from the server's own machine this time): the same certificate.
    const again = await ask(undefined, v.visitId, '127.0.0.1');
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(certificate.id);

    const checked = await app.inject({ url: `/api/certificates/${certificate.id}`, remoteAddress: '10.9.9.9' });
    expect(checked.statusCode).toBe(200);
    expect(CertificateView.parse(checked.json())).toEqual({ valid: true, scenario: `${PACK_ID}/${SCENARIO_ID}`, completedOn: '2026-06-01', park: 'test', school: SCHOOL, grade: 4, label: '3班', passed: true, score: 1 });
    expect(checked.body).not.toContain(v.visitId);
    expect((await app.inject({ url: '/api/certificates/AAAAAAAAAAAAAAAA' })).statusCode).toBe(404);
    expect((await app.inject({ url: '/api/certificates/short' })).statusCode).toBe(400);
    // Another visit that never played: nothing to certify.
    expect((await ask(seat.token, crypto.randomUUID())).statusCode).toBe(409);
  });

  it('limits certificate checks per address', async () => {
    let last = 0;
    for (let i = 0; i < 61; i++) last = (await app.inject({ url: '/api/certificates/AAAAAAAAAAAAAAAA', remoteAddress: '10.8.8.8' })).statusCode;
    expect(last).toBe(429);
    expect((await app.inject({ url: '/api/certificates/AAAAAAAAAAAAAAAA', remoteAddress: '10.8.8.9' })).statusCode).toBe(404);
  });
});

describe('a hub, adding schools up by district', () => {
  it('takes the class a park forwarded (school and class in the facts) without knowing the class itself', async () => {
    const { teacher } = await teachers();
    const cls = await open(teacher);
    const seat = await seated(cls.code);
    const v = newVisit();
    const visit = classStatements([records.visitStart(v), ...played(v), records.visitEnd(v)], seat.classCode);
    expect((await post(visit, seat.token)).statusCode).toBe(200);

    const hubEnv = createTestEnv({ config: { mode: 'hub', statistics: { district: null, utcOffsetMinutes: 480, intervalMs: 3_600_000 } } });
    try {
      const hub = await hubEnv.start();
      const park = await hub.clients.add('park-test', 'kiosk');
      const basic = `Basic ${Buffer.from(`${park.key}:${park.secret}`).toString('base64')}`;
      const forwarded = await hub.inject({
        method: 'POST',
        url: '/xapi/statements',
        headers: { authorization: basic, 'x-experience-api-version': '1.0.3' },
        payload: visit,
      });
      expect(forwarded.statusCode, forwarded.body).toBe(200);
      await hub.rollup.catchUp();
      const analyst = await loginAs(hub, 'analyst', { kind: 'city' }, 'hub-analyst');
      const report = await hub.inject({ url: `/api/stats/report?from=2026-06-01&to=2026-06-30&school=${SCHOOL}`, headers: analyst });
      expect(report.statusCode, report.body).toBe(200);
      expect(report.json().totals).toMatchObject({ visits: 1, completed: 1 });
      expect(report.json().schools.map((s: { unit: string }) => s.unit)).toContain(SCHOOL);
      // The hub serves no class routes: its classes are the parks'.
      expect((await hub.inject({ url: '/api/classes', headers: analyst })).statusCode).toBe(404);
    } finally {
      await hubEnv.cleanup();
    }
  });
});
