// What class visits keep about a visit (migrations 014_classes.sql, postgres/010_classes.sql): the seat it played at
// (`class_seat_visits`, by visit id) and its certificates (`certificates`, by the visit id's SHA-256). Erasing a visit
// takes both; retention takes a class closed before the cutoff with its seats, seat-visit rows and its visits'
// certificates, and any certificate issued before the cutoff, keeping the deleted classes' join codes (school and code
// only: `class_codes_used`), so that no new class of the school gets one again while old statements may carry it. Run
// inside the caller's transaction: the SQLite functions synchronously on the file's handle (erase.ts, store.ts), the
// PostgreSQL ones on the transaction (postgres.ts).
import type Database from 'better-sqlite3';
import type { Kysely, Transaction } from 'kysely';
import { sha256 } from '../classes/store.ts';
import { sqliteBuilder, sqliteGet, sqliteAll, sqliteRun } from '../admin/sqlite-sql.ts';
import type { RuyiDatabase } from '../storage/schema.ts';

/** A visit's class rows: the seat-visit rows naming it and the certificates issued to it. */
export interface ClassVisitRows {
  classVisits: number;
  certificates: number;
}

/** What retention took of class visits. */
export interface ClassesExpired extends ClassVisitRows {
  classes: number;
  seats: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The visit whose class rows an erasure takes: the registration, or for an agent a visitor's anonymous account, whose
 * name is the visit id (`account:<park>|<visit id>`). Any other agent names no visit.
 */
export function visitOfErasure(target: { registration: string } | { agentKey: string }): string | null {
  if ('registration' in target) return target.registration;
  if (!target.agentKey.startsWith('account:')) return null;
  const name = target.agentKey.slice(target.agentKey.lastIndexOf('|') + 1);
  return UUID.test(name) ? name : null;
}

/** Visit ids are kept in lower case (as statements.visit_id), and certificates hash the lower-case id. */
const visitKey = (visit: string) => visit.toLowerCase();
export const visitHash = (visit: string) => sha256(visitKey(visit));

function queries(qb: Kysely<RuyiDatabase>) {
  // "Closed before the cutoff": closes_at is the moment it closed, early or not (closing early moves it).
  const expired = (cutoff: string) => qb.selectFrom('class_sessions').select('id').where('closes_at', '<', cutoff);
  return {
    countSeatVisits: (visit: string) =>
      qb.selectFrom('class_seat_visits').select((eb) => eb.fn.countAll<number>().as('n')).where('visit_id', '=', visitKey(visit)),
    countCertificates: (hash: string) => qb.selectFrom('certificates').select((eb) => eb.fn.countAll<number>().as('n')).where('visit_hash', '=', hash),
    deleteSeatVisits: (visit: string) => qb.deleteFrom('class_seat_visits').where('visit_id', '=', visitKey(visit)),
    deleteCertificates: (hash: string) => qb.deleteFrom('certificates').where('visit_hash', '=', hash),
    visitsOfExpired: (cutoff: string) => qb.selectFrom('class_seat_visits').select('visit_id').where('class_id', 'in', expired(cutoff)),
    deleteCertificatesBefore: (cutoff: string) => qb.deleteFrom('certificates').where('created_at', '<', cutoff),
    deleteExpiredSeatVisits: (cutoff: string) => qb.deleteFrom('class_seat_visits').where('class_id', 'in', expired(cutoff)),
    deleteExpiredSeats: (cutoff: string) => qb.deleteFrom('class_seats').where('class_id', 'in', expired(cutoff)),
    // The class store keeps each code as it draws it (classes/store.ts); this also holds for a class made before that.
    keepExpiredCodes: (cutoff: string) =>
      qb
        .insertInto('class_codes_used')
        .columns(['school', 'code'])
        .expression(qb.selectFrom('class_sessions').select(['school', 'code']).where('closes_at', '<', cutoff))
        .onConflict((oc) => oc.columns(['school', 'code']).doNothing()),
    deleteExpiredClasses: (cutoff: string) => qb.deleteFrom('class_sessions').where('closes_at', '<', cutoff),
  };
}

const sq = queries(sqliteBuilder);

export function countSqliteClassVisit(db: Database.Database, visit: string): ClassVisitRows {
  return {
    classVisits: Number(sqliteGet(db, sq.countSeatVisits(visit))?.n ?? 0),
    certificates: Number(sqliteGet(db, sq.countCertificates(visitHash(visit)))?.n ?? 0),
  };
}

/** Deletes a visit's class rows; call inside the erasure's transaction. */
export function eraseSqliteClassVisit(db: Database.Database, visit: string): ClassVisitRows {
  return { classVisits: sqliteRun(db, sq.deleteSeatVisits(visit)), certificates: sqliteRun(db, sq.deleteCertificates(visitHash(visit))) };
}

/** Deletes the classes closed before `cutoff` and what they hold, and certificates issued before it; call inside a transaction. */
export function expireSqliteClasses(db: Database.Database, cutoff: string): ClassesExpired {
  let certificates = 0;
  for (const { visit_id } of sqliteAll(db, sq.visitsOfExpired(cutoff))) certificates += sqliteRun(db, sq.deleteCertificates(visitHash(visit_id)));
  certificates += sqliteRun(db, sq.deleteCertificatesBefore(cutoff));
  const classVisits = sqliteRun(db, sq.deleteExpiredSeatVisits(cutoff));
  const seats = sqliteRun(db, sq.deleteExpiredSeats(cutoff));
  sqliteRun(db, sq.keepExpiredCodes(cutoff));
  const classes = sqliteRun(db, sq.deleteExpiredClasses(cutoff));
  return { classes, seats, classVisits, certificates };
}

type Trx = Transaction<RuyiDatabase> | Kysely<RuyiDatabase>;
const changed = (r: { numDeletedRows: bigint }) => Number(r.numDeletedRows);

export async function countPostgresClassVisit(trx: Trx, visit: string): Promise<ClassVisitRows> {
  const q = queries(trx);
  return {
    classVisits: Number((await q.countSeatVisits(visit).executeTakeFirst())?.n ?? 0),
    certificates: Number((await q.countCertificates(visitHash(visit)).executeTakeFirst())?.n ?? 0),
  };
}

export async function erasePostgresClassVisit(trx: Trx, visit: string): Promise<ClassVisitRows> {
  const q = queries(trx);
  return {
    classVisits: changed(await q.deleteSeatVisits(visit).executeTakeFirst()),
    certificates: changed(await q.deleteCertificates(visitHash(visit)).executeTakeFirst()),
  };
}

export async function expirePostgresClasses(trx: Trx, cutoff: string): Promise<ClassesExpired> {
  const q = queries(trx);
  const hashes = [...new Set((await q.visitsOfExpired(cutoff).execute()).map((r) => visitHash(r.visit_id)))];
  let certificates = 0;
  if (hashes.length)
    certificates += changed(
      await trx
        .deleteFrom('certificates')
        .where('visit_hash', '=', (eb) => eb.fn.any(eb.val(hashes)))
        .executeTakeFirst(),
    );
  certificates += changed(await q.deleteCertificatesBefore(cutoff).executeTakeFirst());
  const classVisits = changed(await q.deleteExpiredSeatVisits(cutoff).executeTakeFirst());
  const seats = changed(await q.deleteExpiredSeats(cutoff).executeTakeFirst());
  await q.keepExpiredCodes(cutoff).execute();
  const classes = changed(await q.deleteExpiredClasses(cutoff).executeTakeFirst());
  return { classes, seats, classVisits, certificates };
}
