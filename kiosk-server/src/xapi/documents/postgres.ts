// The xAPI documents on PostgreSQL (migrations/postgres/004_documents.sql), for a hub whose processes share one
// database. A write is one transaction that first takes an advisory lock on the document's key, so a precondition
// (If-Match, If-None-Match, the merge) is judged against exactly the row it replaces, even when the row does not exist
// yet (a row lock alone cannot lock a row that is not there: two first writes would both pass If-None-Match: *).
import { sql, type ExpressionBuilder, type Kysely } from 'kysely';
import type { RuyiDatabase } from '../../storage/schema.ts';
import {
  DocumentLimitReached,
  etagOf,
  toDocument,
  type DocumentKey,
  type DocumentScope,
  type DocumentStore,
  type DocumentStoreOptions,
  type EraseDocumentsTarget,
  type ListOptions,
} from './store.ts';

// Advisory lock spaces (two 32-bit keys; the statement store's single 64-bit key is a space of its own): one for a
// document's key, one for a client's document count.
const DOCUMENT_LOCK = 7_361_310;
const OWNER_LOCK = 7_361_311;

type Where = ExpressionBuilder<RuyiDatabase, 'xapi_documents'>;

const byKey = (k: DocumentKey) => (eb: Where) =>
  eb.and({ kind: k.kind, activity_id: k.activityId, agent: k.agent, registration: k.registration, doc_id: k.id });

/** A scope's documents, as the SQLite store filters them. */
const inScope = (scope: DocumentScope, o: ListOptions) => (eb: Where) => {
  const parts = [eb('kind', '=', scope.kind), eb('activity_id', '=', scope.activityId), eb('agent', '=', scope.agent)];
  const registration = scope.kind === 'state' ? o.registration : '';
  if (registration !== undefined) parts.push(eb('registration', '=', registration));
  if (o.since !== undefined) parts.push(eb('updated', '>', o.since));
  if (o.owner !== undefined) parts.push(eb('owner', '=', o.owner));
  return eb.and(parts);
};

const erasable = (target: EraseDocumentsTarget) => (eb: Where) =>
  'agent' in target
    ? eb.and([eb('agent', '=', target.agent), eb('agent', '<>', '')])
    : eb.and([eb('registration', '=', target.registration), eb('registration', '<>', '')]);

/**
 * How many documents name this agent (its identifier key) or visit (registration): takes a transaction, so erasure
 * can plan and delete them with the statements (the SQLite counterpart is store.ts's countDocumentsFor).
 */
export async function countPostgresDocumentsFor(db: Kysely<RuyiDatabase>, target: EraseDocumentsTarget): Promise<number> {
  return Number((await db.selectFrom('xapi_documents').select((eb) => eb.fn.countAll().as('n')).where(erasable(target)).executeTakeFirstOrThrow()).n);
}

/** Deletes the documents `countPostgresDocumentsFor` counts; answers how many went. */
export async function deletePostgresDocumentsFor(db: Kysely<RuyiDatabase>, target: EraseDocumentsTarget): Promise<number> {
  return Number((await db.deleteFrom('xapi_documents').where(erasable(target)).executeTakeFirst()).numDeletedRows);
}

export function createPostgresDocumentStore(db: Kysely<RuyiDatabase>, options: DocumentStoreOptions = {}): DocumentStore {
  const maxPerOwner = options.maxPerOwner ?? Infinity;
  const now = options.now ?? Date.now;

  const countOf = async (q: Kysely<RuyiDatabase>, owner: number) =>
    Number((await q.selectFrom('xapi_documents').select((eb) => eb.fn.countAll().as('n')).where('owner', '=', owner).executeTakeFirstOrThrow()).n);

  return {
    async get(key) {
      const row = await db.selectFrom('xapi_documents').selectAll().where(byKey(key)).executeTakeFirst();
      return row ? toDocument(row) : undefined;
    },

    async change(key, owner, decide) {
      return db.transaction().execute(async (trx) => {
        const lockKey = JSON.stringify([key.kind, key.activityId, key.agent, key.registration, key.id]);
        await sql`SELECT pg_advisory_xact_lock(${DOCUMENT_LOCK}::int4, hashtext(${lockKey}))`.execute(trx);
        const row = await trx.selectFrom('xapi_documents').selectAll().where(byKey(key)).forUpdate().executeTakeFirst();
        const current = row ? toDocument(row) : undefined;
        const decision = decide(current);
        if (decision.action === 'delete') {
          if (current) await trx.deleteFrom('xapi_documents').where(byKey(key)).execute();
        } else if (decision.action === 'write') {
          const etag = etagOf(decision.content);
          if (current)
            await trx
              .updateTable('xapi_documents')
              .set({ content: decision.content, content_type: decision.contentType, etag, updated: now() })
              .where(byKey(key))
              .execute();
          else {
            if (Number.isFinite(maxPerOwner)) {
              // Taken last (after the key's lock), so two writers can never wait on each other in a circle.
              await sql`SELECT pg_advisory_xact_lock(${OWNER_LOCK}::int4, ${owner}::int4)`.execute(trx);
              if ((await countOf(trx, owner)) >= maxPerOwner) throw new DocumentLimitReached(maxPerOwner);
            }
            await trx
              .insertInto('xapi_documents')
              .values({
                kind: key.kind,
                activity_id: key.activityId,
                agent: key.agent,
                registration: key.registration,
                doc_id: key.id,
                owner,
                content: decision.content,
                content_type: decision.contentType,
                etag,
                updated: now(),
              })
              .execute();
          }
        }
        return decision.action;
      });
    },

    async list(scope, o = {}) {
      const rows = await db
        .selectFrom('xapi_documents')
        .select((eb) => ['doc_id', eb.fn.max('updated').as('updated')])
        .where(inScope(scope, o))
        .groupBy('doc_id')
        .orderBy('doc_id')
        .execute();
      return {
        ids: rows.map((r) => r.doc_id),
        updated: rows.reduce<number | null>((newest, r) => (newest === null || Number(r.updated) > newest ? Number(r.updated) : newest), null),
      };
    },

    async removeAll(scope, o = {}) {
      const result = await db.deleteFrom('xapi_documents').where(inScope(scope, o)).executeTakeFirst();
      return Number(result.numDeletedRows);
    },

    countOf: (owner) => countOf(db, owner),

    countFor: (target) => countPostgresDocumentsFor(db, target),
    eraseFor: (target) => deletePostgresDocumentsFor(db, target),
  };
}
