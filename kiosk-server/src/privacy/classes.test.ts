// Class visits leave nothing behind on both stores: erasing a visit takes its seat-visit rows and certificates (and
// nothing of another visit), and retention takes a class closed before the cutoff with its seats, seat-visit rows and
// certificates, and certificates issued before it, while open and recent classes stay.
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPostgresClassStore } from '../classes/postgres.ts';
import { createSqliteClassStore, sha256, type ClassRow, type ClassStore } from '../classes/store.ts';
import db from '../plugins/db.ts';
import dbHealth from '../plugins/db-health.ts';
import type { StorageDatabase } from '../storage/database.ts';
import storagePlugin from '../storage/plugin.ts';
import { runAdmin } from '../test-support/damage.ts';
import { TEST_STORE } from '../test-support/test-app.ts';
import retentionPlugin from './plugin.ts';
import { expiring } from './retention.ts';
import { createStatementDeletion, type StatementDeletionStore } from './store.ts';
import { countRows, insertStatements, openTestStore, PARK, visitStatement, type TestStore } from './test-support.ts';

const DAY = 86_400_000;
// The project's store: the sqlite project runs these on a SQLite file, the postgres project on PostgreSQL.
const DIALECTS = [TEST_STORE];
const TARGET = 'http://127.0.0.1:9/xapi/';

type ClassTable = 'class_sessions' | 'class_seats' | 'class_seat_visits' | 'certificates';
const count = async (storage: StorageDatabase, table: ClassTable) =>
  Number((await storage.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

const classStoreOn = (storage: StorageDatabase, now: () => number): ClassStore =>
  storage.dialect === 'postgres' ? createPostgresClassStore(storage.db, now) : createSqliteClassStore(storage.sqlite!, now);

/** Everything of the class tables, to compare before and after. */
async function snapshot(storage: StorageDatabase) {
  return {
    classes: (await storage.db.selectFrom('class_sessions').select(['id', 'joined']).orderBy('id').execute()).map((r) => `${r.id}:${Number(r.joined)}`),
    seats: (await storage.db.selectFrom('class_seats').select(['class_id', 'seat']).orderBy('class_id').orderBy('seat').execute()).map((r) => `${r.class_id}#${Number(r.seat)}`),
    visits: (await storage.db.selectFrom('class_seat_visits').select(['class_id', 'visit_id', 'seat']).orderBy('visit_id').execute()).map((r) => `${r.class_id}#${Number(r.seat)}:${r.visit_id}`),
    certificates: (await storage.db.selectFrom('certificates').select(['id', 'visit_hash']).orderBy('id').execute()).map((r) => `${r.id}:${r.visit_hash}`),
  };
}

describe.each(DIALECTS)('class visits under erasure and retention on %s', (dialect) => {
  let store: TestStore;
  let storage: StorageDatabase;
  let deletion: StatementDeletionStore;
  let classes: ClassStore;
  let clock: number;
  beforeEach(async () => {
    store = await openTestStore(dialect);
    storage = store.storage;
    deletion = createStatementDeletion(storage);
    clock = Date.now();
    classes = classStoreOn(storage, () => clock);
  });
  afterEach(() => store.close());

  const certificate = (visit: string, cls: ClassRow | null, scenario = 'fire/kitchen') =>
    classes.issue(visit, {
      scenario,
      completedOn: new Date(clock).toISOString().slice(0, 10),
      park: PARK,
      school: cls?.school ?? null,
      grade: cls?.grade ?? null,
      label: cls?.label ?? null,
      passed: true,
      score: 0.9,
    });

  /** A class with `visits.length` seats, each playing its visit (statements stored now) and earning a certificate. */
  async function classWith(visits: string[], minutes = 60) {
    const cls = await classes.create({ school: 'S-1', grade: 4, label: '1班', teacherId: 7, minutes });
    const ids: string[] = [];
    for (const visit of visits) {
      const { seat } = await classes.join(cls.code, 'kiosk');
      await classes.noteVisits(cls.id, seat, [visit]);
      await insertStatements(storage, [{ statement: visitStatement(visit) }, { statement: visitStatement(visit) }]);
      ids.push((await certificate(visit, cls)).certificate.id);
    }
    return { cls, certificates: ids };
  }

  it('erasing a class visit takes its seat-visit row and certificates with its statements, and nothing of another visit', async () => {
    const gone = randomUUID();
    const kept = randomUUID();
    const { cls, certificates } = await classWith([gone, kept]);
    const second = await certificate(gone, cls, 'quake/classroom');
    const other = randomUUID(); // a visit outside any class, with a certificate of its own
    await insertStatements(storage, [{ statement: visitStatement(other) }]);
    const outside = await certificate(other, null);
    const before = await snapshot(storage);

    // The plan counts them and changes nothing.
    const plan = await deletion.planErase({ registration: gone }, null);
    expect(plan).toMatchObject({ classVisits: 1, certificates: 2 });
    expect(plan.seqs).toHaveLength(2);
    expect(await snapshot(storage)).toEqual(before);

    const result = await deletion.erase({ registration: gone }, null);
    expect(result).toMatchObject({ statements: 2, classVisits: 1, certificates: 2, documents: 0 });
    expect(await classes.certificate(certificates[0]!)).toBeNull();
    expect(await classes.certificate(second.certificate.id)).toBeNull();
    expect(await storage.db.selectFrom('certificates').select('id').where('visit_hash', '=', sha256(gone)).execute()).toEqual([]);
    expect(await classes.seatVisits(cls.id)).toEqual([{ visitId: kept, seat: 2 }]);
    // The other visits' rows, the class and its seats stay (a seat is a number, not a visitor).
    expect(await classes.certificate(certificates[1]!)).not.toBeNull();
    expect(await classes.certificate(outside.certificate.id)).not.toBeNull();
    expect(await snapshot(storage)).toEqual({
      classes: before.classes,
      seats: before.seats,
      visits: before.visits.filter((v) => !v.endsWith(gone)),
      certificates: before.certificates.filter((c) => !c.endsWith(sha256(gone))),
    });
    expect(await countRows(storage, 'statements')).toBe(3);

    // Erased again: nothing left of it.
    expect(await deletion.planErase({ registration: gone }, null)).toMatchObject({ seqs: [], documents: 0, classVisits: 0, certificates: 0 });
    // A visitor's anonymous account names the visit: erasing that agent takes its class rows too; another agent's none.
    expect(await deletion.erase({ agentKey: 'mbox:mailto:staff@example.com' }, null)).toMatchObject({ classVisits: 0, certificates: 0 });
    expect(await deletion.planErase({ agentKey: `account:${PARK}|${kept}` }, null)).toMatchObject({ classVisits: 1, certificates: 1 });
    expect(await deletion.erase({ agentKey: `account:${PARK}|${kept}` }, null)).toMatchObject({ statements: 2, classVisits: 1, certificates: 1 });
    expect(await classes.seatVisits(cls.id)).toEqual([]);
    expect(await classes.certificate(outside.certificate.id)).not.toBeNull();
    expect(await count(storage, 'class_seats')).toBe(2);
  });

  it('erases the class rows of a visit whose statements went before (retention took them)', async () => {
    const v = randomUUID();
    const { cls } = await classWith([v]);
    expect(await deletion.expire(new Date(Date.now() + DAY).toISOString(), { syncTarget: null, withoutSync: 'delete' }, 500)).toBe(2);
    expect(await deletion.planErase({ registration: v }, null)).toMatchObject({ seqs: [], classVisits: 1, certificates: 1 });
    expect(await deletion.erase({ registration: v }, null)).toMatchObject({ statements: 0, classVisits: 1, certificates: 1 });
    expect(await classes.seatVisits(cls.id)).toEqual([]);
    expect(await count(storage, 'certificates')).toBe(0);
    expect(await count(storage, 'class_seats')).toBe(1);
  });

  it('retention takes classes closed before the cutoff with their seats, visits and certificates; open and recent ones stay', async () => {
    const now = Date.now();
    // Closed 40 days ago, after its 60 minutes.
    clock = now - 40 * DAY;
    const old = await classWith([randomUUID(), randomUUID()]);
    // A certificate issued late (the outbox drained the next day) still goes with its class.
    clock = now - 29 * DAY;
    const oldVisit = (await classes.seatVisits(old.cls.id))[0]!.visitId;
    const late = await certificate(oldVisit, old.cls, 'quake/classroom');
    // Opened 2 days ago for 8 hours and closed early: closed recently, so it stays.
    clock = now - 2 * DAY;
    const recent = await classWith([randomUUID()], 480);
    clock += 30 * 60_000;
    await classes.close(recent.cls.id);
    // Open now.
    clock = now - 10 * 60_000;
    const open = await classWith([randomUUID()]);
    // Outside any class: one certificate issued 31 days ago goes, one from yesterday stays.
    clock = now - 31 * DAY;
    const oldSolo = await certificate(randomUUID(), null);
    clock = now - DAY;
    const newSolo = await certificate(randomUUID(), null);
    clock = now;
    const statementsBefore = await countRows(storage, 'statements');
    const before = await snapshot(storage);

    const policy = { days: 30, syncTarget: TARGET, withoutSync: 'keep' as const };
    // No sync target and told to keep: nothing goes, as with statements.
    expect(await expiring(deletion, { ...policy, syncTarget: null }).expireClasses(now)).toEqual({ classes: 0, seats: 0, classVisits: 0, certificates: 0 });
    expect(await snapshot(storage)).toEqual(before);

    const result = await expiring(deletion, policy).expireClasses(now);
    expect(result).toEqual({ classes: 1, seats: 2, classVisits: 2, certificates: 4 });
    expect(await classes.get(old.cls.id)).toBeNull();
    expect(await classes.byCode(old.cls.code)).toBeNull();
    expect(await classes.seats(old.cls.id)).toEqual([]);
    expect(await classes.seatVisits(old.cls.id)).toEqual([]);
    for (const id of [...old.certificates, late.certificate.id, oldSolo.certificate.id]) expect(await classes.certificate(id)).toBeNull();

    const keptIds = new Set([recent.cls.id, open.cls.id]);
    const goneHashes = new Set([...before.visits.filter((v) => v.startsWith(old.cls.id)).map((v) => sha256(v.split(':').pop()!))]);
    expect(await snapshot(storage)).toEqual({
      classes: before.classes.filter((c) => keptIds.has(c.split(':')[0]!)),
      seats: before.seats.filter((s) => keptIds.has(s.split('#')[0]!)),
      visits: before.visits.filter((v) => keptIds.has(v.split('#')[0]!)),
      certificates: before.certificates.filter((c) => !goneHashes.has(c.split(':')[1]!) && !c.startsWith(`${oldSolo.certificate.id}:`)),
    });
    expect(await classes.certificate(newSolo.certificate.id)).not.toBeNull();
    expect(await classes.certificate(recent.certificates[0]!)).not.toBeNull();
    expect(await classes.certificate(open.certificates[0]!)).not.toBeNull();
    // Statements are retention's other half: this changes none.
    expect(await countRows(storage, 'statements')).toBe(statementsBefore);
    // Run again: nothing more.
    expect(await expiring(deletion, policy).expireClasses(now)).toEqual({ classes: 0, seats: 0, classVisits: 0, certificates: 0 });
  });

  it('keeps a deleted class\'s join code, so the school never gets it again (another school may)', async () => {
    const now = Date.now();
    const draws: string[] = [];
    const drawn: string[] = [];
    const scripted = () => {
      const code = draws.shift();
      if (!code) throw new Error('the test ran out of codes');
      drawn.push(code);
      return code;
    };
    const scriptedStore =
      storage.dialect === 'postgres' ? createPostgresClassStore(storage.db, () => clock, scripted) : createSqliteClassStore(storage.sqlite!, () => clock, scripted);
    const used = async () =>
      (await storage.db.selectFrom('class_codes_used').selectAll().orderBy('school').orderBy('code').execute()).map((r) => `${r.school}/${r.code}`);
    const open = (school: string) => scriptedStore.create({ school, grade: 4, label: '1班', teacherId: 7, minutes: 60 });

    clock = now - 40 * DAY;
    draws.push('AAAAAA', 'CCCCCC');
    const old = await open('S-1');
    const made = await open('S-9');
    expect([old.code, made.code]).toEqual(['AAAAAA', 'CCCCCC']);
    // A class made before codes were kept as drawn: only retention can keep its code.
    await storage.db.deleteFrom('class_codes_used').where('code', '=', 'CCCCCC').execute();
    expect(await used()).toEqual(['S-1/AAAAAA']);

    const policy = { days: 30, syncTarget: TARGET, withoutSync: 'keep' as const };
    expect((await expiring(deletion, policy).expireClasses(now)).classes).toBe(2);
    expect(await scriptedStore.byCode('AAAAAA')).toBeNull();
    expect(await used()).toEqual(['S-1/AAAAAA', 'S-9/CCCCCC']);

    clock = now;
    // S-1 draws AAAAAA again: refused, and the next draw is taken. S-9 likewise with CCCCCC.
    draws.push('AAAAAA', 'BBBBBB', 'CCCCCC', 'DDDDDD');
    expect((await open('S-1')).code).toBe('BBBBBB');
    expect((await open('S-9')).code).toBe('DDDDDD');
    // Another school may have AAAAAA: its statements would carry S-2/AAAAAA, never S-1's class code.
    draws.push('AAAAAA');
    const other = await open('S-2');
    expect(other).toMatchObject({ code: 'AAAAAA', classCode: 'S-2/AAAAAA' });
    // A code another school's class holds now is drawn again too; that school never uses it afterwards.
    draws.push('AAAAAA', 'EEEEEE');
    expect((await open('S-3')).code).toBe('EEEEEE');
    expect(drawn).toEqual(['AAAAAA', 'CCCCCC', 'AAAAAA', 'BBBBBB', 'CCCCCC', 'DDDDDD', 'AAAAAA', 'AAAAAA', 'EEEEEE']);
    expect(await used()).toEqual(['S-1/AAAAAA', 'S-1/BBBBBB', 'S-2/AAAAAA', 'S-3/AAAAAA', 'S-3/EEEEEE', 'S-9/CCCCCC', 'S-9/DDDDDD']);
    expect(await scriptedStore.byCode('AAAAAA')).toMatchObject({ id: other.id, school: 'S-2' });
  });

  it('npm run admin -- erase counts the class rows it erases', { timeout: 150_000 }, async () => {
    const v = randomUUID();
    await classWith([v, randomUUID()]);
    const cli = { ...store.env };
    const declined = await runAdmin(['erase', '--registration', v], cli, 'n\n');
    expect(declined.stderr).toBe('');
    expect(declined.stdout).toContain(`Erase 2 statements, 1 class seat records, 1 certificates of visit ${v} from ${storage.location} for good?`);
    expect(await count(storage, 'certificates')).toBe(2);

    const done = await runAdmin(['erase', '--registration', v, '--yes'], cli);
    expect(done.stderr).toBe('');
    expect(done.code).toBe(0);
    expect(done.stdout).toContain(`Erased 2 statements of visit ${v}, 1 class seat records, 1 certificates from ${storage.location}`);
    expect(await count(storage, 'certificates')).toBe(1);
    expect(await count(storage, 'class_seat_visits')).toBe(1);
  });
});

describe.each(DIALECTS)('the retention plugin and class visits on %s', (dialect) => {
  let store: TestStore | undefined;
  let app: FastifyInstance | undefined;
  afterEach(async () => {
    await app?.close();
    await store?.close();
    app = store = undefined;
  });

  it('deletes classes closed more than the set days ago at start', async () => {
    store = await openTestStore(dialect);
    const storage = store.storage;
    const now = Date.now();
    let clock = now - 31 * DAY;
    const classes = classStoreOn(storage, () => clock);
    const old = await classes.create({ school: 'S-1', grade: 2, label: '3班', teacherId: 7, minutes: 60 });
    await classes.join(old.code, 'web');
    clock = now;
    const open = await classes.create({ school: 'S-1', grade: 2, label: '3班', teacherId: 7, minutes: 60 });
    await classes.join(open.code, 'web');
    app = Fastify({ logger: false });
    await app.register(storagePlugin, { dataDir: store.env.RUYI_DATA_DIR, databaseUrl: store.env.RUYI_DATABASE_URL ?? null });
    await app.register(db);
    await app.register(dbHealth, { checkMinutes: 0 });
    await app.register(retentionPlugin, { days: 30, syncTarget: null, withoutSync: 'delete' });
    await app.ready();
    await expect.poll(() => count(storage, 'class_sessions')).toBe(1);
    expect(await classes.get(open.id)).not.toBeNull();
    expect(await count(storage, 'class_seats')).toBe(1);
  });
});
