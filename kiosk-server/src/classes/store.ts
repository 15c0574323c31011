// Class visits, their seats and completion certificates: one asynchronous interface over either store. The queries
// are written once with Kysely; the SQLite side runs them synchronously on the file's handle (nothing else runs
// between the statements of its one transaction, the join), the PostgreSQL side through the pool (postgres.ts).
// Only SHA-256 digests of seat tokens and of certificates' visit ids are kept.
import { CLASS_CODE_ALPHABET, CLASS_CODE_LENGTH, CLASS_CODE_REFUSED, classCodeValue, type ClassCodeRefusal } from '@ruyi/api-contract';
import type { StatFact } from '@ruyi/statistics';
import type Database from 'better-sqlite3';
import type { Compilable, Kysely } from 'kysely';
import { createHash, randomBytes, randomInt, randomUUID } from 'node:crypto';
import { sqliteAll, sqliteBuilder, sqliteGet, sqliteRun } from '../admin/sqlite-sql.ts';
import { factOfRow } from '../statistics/facts.ts';
import type { CertificatesTable, ClassSessionsTable, RuyiDatabase } from '../storage/schema.ts';

export interface ClassRow {
  id: string;
  code: string;
  /** `<school>/<code>`: the class-code extension's value. */
  classCode: string;
  school: string;
  grade: number;
  label: string;
  teacherId: number;
  openedAt: string;
  closesAt: string;
  closedAt: string | null;
  joined: number;
}

export interface SeatRow {
  classId: string;
  seat: number;
  platform: 'kiosk' | 'vr' | 'web';
  joinedAt: string;
  lastSeenAt: string;
}

/** A seat token's seat and the class it is in. */
export interface SeatHolder extends SeatRow {
  class: ClassRow;
}

export interface CertificateRow {
  id: string;
  scenario: string;
  completedOn: string;
  park: string;
  school: string | null;
  grade: number | null;
  label: string | null;
  passed: boolean;
  score: number | null;
}

/** A completed play of a scenario as stored: the server's own verdict and the statement's body. */
export interface CompletedRun {
  body: string;
  timestamp: string | null;
  stored: string;
  passed: boolean;
  score: number | null;
}

export class ClassCodeRefused extends Error {
  override name = 'ClassCodeRefused';
  constructor(
    readonly reason: ClassCodeRefusal,
    explanation: string,
  ) {
    super(`${CLASS_CODE_REFUSED[reason]}: ${explanation}`);
  }
}

export interface NewClass {
  school: string;
  grade: number;
  label: string;
  teacherId: number;
  minutes: number;
}

export interface ClassStore {
  create(input: NewClass): Promise<ClassRow>;
  get(id: string): Promise<ClassRow | null>;
  /** The class a join code names (open or not), or null. */
  byCode(code: string): Promise<ClassRow | null>;
  /** A teacher's classes, or (no teacher) every class: the newest first, at most `limit`. */
  list(filter: { teacherId?: number; limit: number }): Promise<ClassRow[]>;
  /** Closes an open class now (a closed one stays as it was); null when there is no such class. */
  close(id: string): Promise<ClassRow | null>;
  /** A new seat in the open class with this code, and its token (shown once); rejects with ClassCodeRefused. */
  join(code: string, platform: SeatRow['platform']): Promise<{ class: ClassRow; seat: number; token: string }>;
  /** The seat holding this token, with its class, or null for a token never issued. */
  seatByToken(token: string): Promise<SeatHolder | null>;
  /** Notes that these visits play at this seat (once each) and that the seat was seen now. */
  noteVisits(classId: string, seat: number, visitIds: readonly string[]): Promise<void>;
  seats(classId: string): Promise<SeatRow[]>;
  seatVisits(classId: string): Promise<{ visitId: string; seat: number }[]>;
  /** The statistics facts of the statements that carried this class code (statement_facts.class_session), in store order. */
  facts(classCode: string): Promise<StatFact[]>;
  /** The best completed play of a scenario in a visit, from the stored statements (not voided), or null. */
  completedRun(visitId: string, packId: string, scenarioId: string): Promise<CompletedRun | null>;
  /** Issues the certificate, or finds the one issued before for the same visit and scenario. */
  issue(visitId: string, certificate: Omit<CertificateRow, 'id'>): Promise<{ certificate: CertificateRow; created: boolean }>;
  certificate(id: string): Promise<CertificateRow | null>;
}

/** How long a new seat's token (and any class's) keeps authenticating after the class closes: outboxes drain late. */
export const SEAT_GRACE_MS = 24 * 60 * 60 * 1000;

export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const iso = (ms: number) => new Date(ms).toISOString();

/** A fresh join code from the unambiguous alphabet, uniformly drawn. */
export function newClassCode(): string {
  let code = '';
  for (let i = 0; i < CLASS_CODE_LENGTH; i++) code += CLASS_CODE_ALPHABET[randomInt(CLASS_CODE_ALPHABET.length)];
  return code;
}

/** A random, URL-safe id of 16 characters (96 bits): a certificate's. */
export const newCertificateId = () => randomBytes(12).toString('base64url');
/** A seat token: 32 random bytes. */
export const newSeatToken = () => randomBytes(32).toString('base64url');

export const toClass = (r: ClassSessionsTable): ClassRow => ({
  id: r.id,
  code: r.code,
  classCode: classCodeValue(r.school, r.code),
  school: r.school,
  grade: Number(r.grade),
  label: r.label,
  teacherId: Number(r.teacher_id),
  openedAt: new Date(r.opened_at).toISOString(),
  closesAt: new Date(r.closes_at).toISOString(),
  closedAt: r.closed_at === null ? null : new Date(r.closed_at).toISOString(),
  joined: Number(r.joined),
});

const toSeat = (r: { class_id: string; seat: number; platform: string; joined_at: string; last_seen_at: string }): SeatRow => ({
  classId: r.class_id,
  seat: Number(r.seat),
  platform: r.platform as SeatRow['platform'],
  joinedAt: new Date(r.joined_at).toISOString(),
  lastSeenAt: new Date(r.last_seen_at).toISOString(),
});

const toCertificate = (r: CertificatesTable): CertificateRow => ({
  id: r.id,
  scenario: r.scenario,
  completedOn: r.completed_on,
  park: r.park,
  school: r.school,
  grade: r.grade === null ? null : Number(r.grade),
  label: r.label,
  passed: Boolean(r.passed),
  score: r.score === null ? null : Number(r.score),
});

/** The queries both stores run, built on a dialect's query builder. */
export function classQueries(qb: Kysely<RuyiDatabase>) {
  return {
    /** Claims a code for a school: one row, or none when the school's classes were ever given it. */
    claimCode: (school: string, code: string) => qb.insertInto('class_codes_used').values({ school, code }).onConflict((oc) => oc.columns(['school', 'code']).doNothing()),
    insertClass: (row: ClassSessionsTable) => qb.insertInto('class_sessions').values(row).onConflict((oc) => oc.column('code').doNothing()),
    classById: (id: string) => qb.selectFrom('class_sessions').selectAll().where('id', '=', id),
    list: (teacherId: number | undefined, limit: number) => {
      let q = qb.selectFrom('class_sessions').selectAll();
      if (teacherId !== undefined) q = q.where('teacher_id', '=', teacherId);
      return q.orderBy('opened_at', 'desc').orderBy('id').limit(limit);
    },
    close: (id: string, at: string) =>
      // Only new joins stop: closes_at stays the planned end, until which seated visits still count (see the contract).
      qb.updateTable('class_sessions').set({ closed_at: at }).where('id', '=', id).where('closed_at', 'is', null).where('closes_at', '>', at),
    /** Takes the next seat of the open class with this code (atomic: one statement). */
    takeSeat: (code: string, at: string) =>
      qb
        .updateTable('class_sessions')
        .set((eb) => ({ joined: eb('joined', '+', 1) }))
        .where('code', '=', code)
        .where('closed_at', 'is', null)
        .where('closes_at', '>', at)
        .returningAll(),
    classByCode: (code: string) => qb.selectFrom('class_sessions').selectAll().where('code', '=', code),
    insertSeat: (row: { class_id: string; seat: number; token_hash: string; platform: string; joined_at: string; last_seen_at: string }) =>
      qb.insertInto('class_seats').values(row),
    seatByHash: (hash: string) =>
      qb
        .selectFrom('class_seats as s')
        .innerJoin('class_sessions as c', 'c.id', 's.class_id')
        .select(['s.class_id', 's.seat', 's.platform', 's.joined_at', 's.last_seen_at'])
        .select(['c.id', 'c.code', 'c.school', 'c.grade', 'c.label', 'c.teacher_id', 'c.opened_at', 'c.closes_at', 'c.closed_at', 'c.joined'])
        .where('s.token_hash', '=', hash),
    insertSeatVisits: (rows: { class_id: string; visit_id: string; seat: number }[]) =>
      qb.insertInto('class_seat_visits').values(rows).onConflict((oc) => oc.columns(['class_id', 'visit_id']).doNothing()),
    touchSeat: (classId: string, seat: number, at: string) =>
      qb.updateTable('class_seats').set({ last_seen_at: at }).where('class_id', '=', classId).where('seat', '=', seat).where('last_seen_at', '<', at),
    seats: (classId: string) =>
      qb.selectFrom('class_seats').select(['class_id', 'seat', 'platform', 'joined_at', 'last_seen_at']).where('class_id', '=', classId).orderBy('seat'),
    seatVisits: (classId: string) => qb.selectFrom('class_seat_visits').select(['visit_id', 'seat']).where('class_id', '=', classId),
    facts: (classCode: string) => qb.selectFrom('statement_facts').selectAll().where('class_session', '=', classCode).orderBy('seq'),
    completedRuns: (visitId: string, packId: string, scenarioId: string) =>
      qb
        .selectFrom('statements')
        .select(['body', 'timestamp', 'stored', 'passed', 'score_scaled'])
        .where('registration', '=', visitId.toLowerCase())
        .where('kind', '=', 'scenario-end')
        .where('pack_id', '=', packId)
        .where('scenario_id', '=', scenarioId)
        .where('voided', '=', 0 as never)
        .orderBy('seq')
        .limit(100),
    insertCertificate: (row: CertificatesTable) => qb.insertInto('certificates').values(row).onConflict((oc) => oc.columns(['visit_hash', 'scenario']).doNothing()),
    certificateFor: (visitHash: string, scenario: string) =>
      qb.selectFrom('certificates').selectAll().where('visit_hash', '=', visitHash).where('scenario', '=', scenario),
    certificate: (id: string) => qb.selectFrom('certificates').selectAll().where('id', '=', id),
  };
}

/** How a store runs one query: all rows, the first row, or the rows changed. */
export interface Exec {
  all<R>(query: Compilable<R>): Promise<R[]>;
  first<R>(query: Compilable<R>): Promise<R | undefined>;
  run(query: Compilable<unknown>): Promise<number>;
}

type SeatJoin = (code: string, platform: SeatRow['platform'], at: string, tokenHash: string) => Promise<ClassRow | ClassCodeRefused>;

/** The best of a visit's completed plays: passed before failed, then the higher score, then the first. */
export function bestRun(runs: readonly CompletedRun[]): CompletedRun | null {
  let best: CompletedRun | null = null;
  for (const run of runs) {
    if (!best || (run.passed && !best.passed) || (run.passed === best.passed && (run.score ?? -1) > (best.score ?? -1))) best = run;
  }
  return best;
}

/** Why a code found no open class: never issued, or its class closed. */
export const refusedCode = (row: ClassSessionsTable | undefined) =>
  row
    ? new ClassCodeRefused('closed', `class ${row.code} closed at ${new Date(row.closed_at ?? row.closes_at).toISOString()}; ask the teacher for the code of an open class`)
    : new ClassCodeRefused('unknown', 'no class has this code; check it with the teacher');

/** The store over `q` (a dialect's queries), `exec` (how it runs them) and `join` (its one transaction). */
export function classStoreWith(
  q: ReturnType<typeof classQueries>,
  exec: Exec,
  join: SeatJoin,
  now: () => number,
  drawCode: () => string = newClassCode,
): ClassStore {
  const get = async (id: string) => {
    const row = await exec.first(q.classById(id));
    return row ? toClass(row) : null;
  };
  return {
    async create(input) {
      const at = now();
      // A code the school's classes were ever given (kept after retention deletes a class: its statements may
      // outlive it), or one another school's open class holds, draws again; the claim and the check are one insert,
      // so no deletion in between can free a code. A claim whose class then clashes stays: that code is simply
      // never used by this school.
      for (let attempt = 0; attempt < 20; attempt++) {
        const code = drawCode();
        if ((await exec.run(q.claimCode(input.school, code))) !== 1) continue;
        const row: ClassSessionsTable = {
          id: randomUUID(),
          code,
          school: input.school,
          grade: input.grade,
          label: input.label,
          teacher_id: input.teacherId,
          opened_at: iso(at),
          closes_at: iso(at + input.minutes * 60_000),
          closed_at: null,
          joined: 0,
        };
        if ((await exec.run(q.insertClass(row))) === 1) return toClass(row);
      }
      throw new Error('could not draw an unused class code');
    },
    get,
    async byCode(code) {
      const row = await exec.first(q.classByCode(code));
      return row ? toClass(row) : null;
    },
    async list({ teacherId, limit }) {
      return (await exec.all(q.list(teacherId, limit))).map(toClass);
    },
    async close(id) {
      await exec.run(q.close(id, iso(now())));
      return get(id);
    },
    async join(code, platform) {
      const token = newSeatToken();
      const result = await join(code, platform, iso(now()), sha256(token));
      if (result instanceof ClassCodeRefused) throw result;
      return { class: result, seat: result.joined, token };
    },
    async seatByToken(token) {
      const r = await exec.first(q.seatByHash(sha256(token)));
      if (!r) return null;
      return { ...toSeat(r), class: toClass(r as unknown as ClassSessionsTable) };
    },
    async noteVisits(classId, seat, visitIds) {
      const unique = [...new Set(visitIds.map((v) => v.toLowerCase()))];
      if (unique.length) await exec.run(q.insertSeatVisits(unique.map((visit_id) => ({ class_id: classId, visit_id, seat }))));
      await exec.run(q.touchSeat(classId, seat, iso(now())));
    },
    async seats(classId) {
      return (await exec.all(q.seats(classId))).map(toSeat);
    },
    async seatVisits(classId) {
      return (await exec.all(q.seatVisits(classId))).map((r) => ({ visitId: r.visit_id, seat: Number(r.seat) }));
    },
    async facts(classCode) {
      return (await exec.all(q.facts(classCode))).map(factOfRow);
    },
    async completedRun(visitId, packId, scenarioId) {
      const rows = await exec.all(q.completedRuns(visitId, packId, scenarioId));
      return bestRun(
        rows.map((r) => ({
          body: r.body,
          timestamp: r.timestamp === null ? null : new Date(r.timestamp).toISOString(),
          stored: new Date(r.stored).toISOString(),
          passed: Boolean(r.passed),
          score: r.score_scaled === null ? null : Number(r.score_scaled),
        })),
      );
    },
    async issue(visitId, certificate) {
      const visitHash = sha256(visitId.toLowerCase());
      const id = newCertificateId();
      const created =
        (await exec.run(
          q.insertCertificate({
            id,
            visit_hash: visitHash,
            scenario: certificate.scenario,
            completed_on: certificate.completedOn,
            park: certificate.park,
            school: certificate.school,
            grade: certificate.grade,
            label: certificate.label,
            passed: certificate.passed ? 1 : 0,
            score: certificate.score,
            created_at: iso(now()),
          }),
        )) === 1;
      const row = await exec.first(q.certificateFor(visitHash, certificate.scenario));
      return { certificate: toCertificate(row!), created };
    },
    async certificate(id) {
      const row = await exec.first(q.certificate(id));
      return row ? toCertificate(row) : null;
    },
  };
}

/** The store on the SQLite file. */
export function createSqliteClassStore(sqlite: Database.Database, now: () => number = Date.now, drawCode?: () => string): ClassStore {
  const q = classQueries(sqliteBuilder);
  const exec: Exec = {
    all: async (query) => sqliteAll(sqlite, query as Compilable<any>),
    first: async (query) => sqliteGet(sqlite, query as Compilable<any>),
    run: async (query) => sqliteRun(sqlite, query),
  };
  const join = sqlite.transaction((code: string, platform: string, at: string, tokenHash: string): ClassRow | ClassCodeRefused => {
    const taken = sqliteGet(sqlite, q.takeSeat(code, at));
    if (!taken) return refusedCode(sqliteGet(sqlite, q.classByCode(code)));
    sqliteRun(sqlite, q.insertSeat({ class_id: taken.id, seat: Number(taken.joined), token_hash: tokenHash, platform, joined_at: at, last_seen_at: at }));
    return toClass(taken);
  });
  return classStoreWith(q, exec, async (...args) => join(...args), now, drawCode);
}
