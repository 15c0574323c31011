// Where the xAPI documents live: an asynchronous interface and its embedded-SQLite implementation (postgres.ts holds
// the PostgreSQL one). A write is one transaction around a caller's pure decision, so the precondition a
// request carries (If-Match, If-None-Match, the merge rules) is judged against exactly the row it replaces.
import type Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import type { XapiDocumentsTable } from '../../storage/schema.ts';

export type DocumentKind = 'state' | 'activity-profile' | 'agent-profile';

/** Where a document sits. A part of the scope its resource does not use is ''. */
export interface DocumentScope {
  kind: DocumentKind;
  activityId: string;
  agent: string;
  registration: string;
}

export interface DocumentKey extends DocumentScope {
  id: string;
}

export interface StoredDocument {
  key: DocumentKey;
  /** The client that created it. */
  owner: number;
  content: Buffer;
  contentType: string;
  /** SHA-1 of the content, lower-case hex, unquoted. */
  etag: string;
  /** Milliseconds since the epoch. */
  updated: number;
}

/** What a write does with the document it found (undefined: none). */
export type Decision = { action: 'write'; content: Buffer; contentType: string } | { action: 'delete' } | { action: 'keep' };

export interface ListOptions {
  /** Only documents updated after this (exclusive), in milliseconds since the epoch. */
  since?: number;
  /** Only this client's documents. */
  owner?: number;
  /**
   * For State: undefined lists every registration of the Activity and Agent (and none); a string, only that one
   * ('' for the documents stored without a registration).
   */
  registration?: string;
}

export interface DocumentList {
  ids: string[];
  /** The newest `updated` among them; null when there are none. */
  updated: number | null;
}

/** Thrown by `change` when a new document would take its owner past `maxPerOwner`. */
export class DocumentLimitReached extends Error {
  constructor(readonly max: number) {
    super(`the client already keeps ${max} documents, the most allowed`);
    this.name = 'DocumentLimitReached';
  }
}

export type EraseDocumentsTarget = { agent: string } | { registration: string };

export interface DocumentStore {
  get(key: DocumentKey): Promise<StoredDocument | undefined>;
  /**
   * Reads the document at `key` and applies what `decide` answers, in one transaction; `decide` may throw to change
   * nothing. A new document belongs to `owner`; a replaced one keeps its owner. Answers the decision taken.
   */
  change(key: DocumentKey, owner: number, decide: (current: StoredDocument | undefined) => Decision): Promise<Decision['action']>;
  /** The ids in a scope (the scope's registration is ignored: see ListOptions.registration). */
  list(scope: DocumentScope, options?: ListOptions): Promise<DocumentList>;
  /** Deletes every document in a scope (same rules as list), only `owner`'s when given. Answers how many. */
  removeAll(scope: DocumentScope, options?: Omit<ListOptions, 'since'>): Promise<number>;
  /** How many documents a client keeps. */
  countOf(owner: number): Promise<number>;
  /** Erasure's plan: how many documents `eraseFor` would delete. */
  countFor(target: EraseDocumentsTarget): Promise<number>;
  /**
   * Erasure: deletes every document of an Agent (its agentKey: its State and Agent Profile documents) or of a
   * registration (State), of every client. Answers how many.
   */
  eraseFor(target: EraseDocumentsTarget): Promise<number>;
}

export interface DocumentStoreOptions {
  /** The most documents one client may keep (a new one beyond is refused); Infinity for no bound. */
  maxPerOwner?: number;
  now?: () => number;
}

export const etagOf = (content: Buffer): string => createHash('sha1').update(content).digest('hex');

/** A row of xapi_documents, as both stores give it. */
export type DocumentRow = XapiDocumentsTable;

export const toDocument = (row: DocumentRow): StoredDocument => ({
  key: { kind: row.kind, activityId: row.activity_id, agent: row.agent, registration: row.registration, id: row.doc_id },
  owner: row.owner,
  content: row.content,
  contentType: row.content_type,
  etag: row.etag,
  updated: row.updated,
});

function erasable(target: EraseDocumentsTarget): [string, string] {
  return 'agent' in target ? ["agent = ? AND agent <> ''", target.agent] : ["registration = ? AND registration <> ''", target.registration];
}

/**
 * How many documents name this agent (its identifier key, as statements are erased by) or visit (registration):
 * synchronous, so erasure can plan and delete them inside its own transaction with the statements.
 */
export function countDocumentsFor(db: Database.Database, target: EraseDocumentsTarget): number {
  const [where, value] = erasable(target);
  return db.prepare(`SELECT COUNT(*) FROM xapi_documents WHERE ${where}`).pluck().get(value) as number;
}

/** Deletes the documents `countDocumentsFor` counts; returns how many went. */
export function deleteDocumentsFor(db: Database.Database, target: EraseDocumentsTarget): number {
  const [where, value] = erasable(target);
  return db.prepare(`DELETE FROM xapi_documents WHERE ${where}`).run(value).changes;
}

export function createSqliteDocumentStore(db: Database.Database, options: DocumentStoreOptions = {}): DocumentStore {
  const maxPerOwner = options.maxPerOwner ?? Infinity;
  const now = options.now ?? Date.now;
  const KEY = 'kind = ? AND activity_id = ? AND agent = ? AND registration = ? AND doc_id = ?';
  const select = db.prepare(`SELECT * FROM xapi_documents WHERE ${KEY}`);
  const insert = db.prepare(
    `INSERT INTO xapi_documents (kind, activity_id, agent, registration, doc_id, owner, content, content_type, etag, updated)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const update = db.prepare(`UPDATE xapi_documents SET content = ?, content_type = ?, etag = ?, updated = ? WHERE ${KEY}`);
  const remove = db.prepare(`DELETE FROM xapi_documents WHERE ${KEY}`);
  const count = db.prepare('SELECT COUNT(*) FROM xapi_documents WHERE owner = ?').pluck();
  const keyArgs = (k: DocumentKey) => [k.kind, k.activityId, k.agent, k.registration, k.id] as const;

  /** WHERE clause and arguments for a scope's documents. */
  function scopeFilter(scope: DocumentScope, o: ListOptions): [string, unknown[]] {
    const parts = ['kind = ?', 'activity_id = ?', 'agent = ?'];
    const args: unknown[] = [scope.kind, scope.activityId, scope.agent];
    const registration = scope.kind === 'state' ? o.registration : '';
    if (registration !== undefined) {
      parts.push('registration = ?');
      args.push(registration);
    }
    if (o.since !== undefined) {
      parts.push('updated > ?');
      args.push(o.since);
    }
    if (o.owner !== undefined) {
      parts.push('owner = ?');
      args.push(o.owner);
    }
    return [parts.join(' AND '), args];
  }

  const change = db.transaction((key: DocumentKey, owner: number, decide: (current: StoredDocument | undefined) => Decision) => {
    const row = select.get(...keyArgs(key)) as DocumentRow | undefined;
    const current = row ? toDocument(row) : undefined;
    const decision = decide(current);
    if (decision.action === 'delete') {
      if (current) remove.run(...keyArgs(key));
    } else if (decision.action === 'write') {
      const etag = etagOf(decision.content);
      if (current) update.run(decision.content, decision.contentType, etag, now(), ...keyArgs(key));
      else {
        if (Number.isFinite(maxPerOwner) && (count.get(owner) as number) >= maxPerOwner) throw new DocumentLimitReached(maxPerOwner);
        insert.run(...keyArgs(key), owner, decision.content, decision.contentType, etag, now());
      }
    }
    return decision.action;
  });

  return {
    async get(key) {
      const row = select.get(...keyArgs(key)) as DocumentRow | undefined;
      return row ? toDocument(row) : undefined;
    },
    async change(key, owner, decide) {
      // `immediate`: the write lock is taken before the read, so no other writer slips in between the two.
      return change.immediate(key, owner, decide);
    },
    async list(scope, o = {}) {
      const [where, args] = scopeFilter(scope, o);
      const rows = db.prepare(`SELECT doc_id, MAX(updated) AS updated FROM xapi_documents WHERE ${where} GROUP BY doc_id ORDER BY doc_id`).all(...args) as {
        doc_id: string;
        updated: number;
      }[];
      return { ids: rows.map((r) => r.doc_id), updated: rows.reduce<number | null>((newest, r) => (newest === null || r.updated > newest ? r.updated : newest), null) };
    },
    async removeAll(scope, o = {}) {
      const [where, args] = scopeFilter(scope, o);
      return db.prepare(`DELETE FROM xapi_documents WHERE ${where}`).run(...args).changes;
    },
    async countOf(owner) {
      return count.get(owner) as number;
    },
    async countFor(target) {
      return countDocumentsFor(db, target);
    },
    async eraseFor(target) {
      return deleteDocumentsFor(db, target);
    },
  };
}
