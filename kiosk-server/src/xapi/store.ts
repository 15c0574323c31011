// The xAPI statement store: its asynchronous interface (StatementStore), what both implementations share (agents and
// activities a statement names, the errors), and the SQLite implementation (store-postgres.ts is the other; plugin.ts
// picks one). A request's statements are stored all or none, and `insert` resolves only after the
// COMMIT that holds them, which with synchronous = FULL means on disk: a 2xx from the routes is a promise the
// statement survives. Group commit: the requests that arrive within one turn of the event loop share one transaction
// and so one fsync (the fsync, not SQLite, is what bounds a durable store); each request runs in its own savepoint
// inside it, so one that fails (a conflict, a forbidden voiding) is undone alone, exactly as if the requests had come
// one after another in the order they were queued. Seq order is that order, and so is the order of the answers.
import type Database from 'better-sqlite3';
import type { Dialect } from '../storage/database.ts';
import { agentKey, sameStatement, VOIDED_VERB, type Agent, type Group, type Statement, type StatementFacts } from './lib.ts';

export interface StatementItem {
  statement: Statement;
  /** The statement as received (with `id` filled in), serialized: stored and forwarded byte for byte. */
  body: string;
  /**
   * The statistics columns of a Ruyi statement, as admission (records/admission.ts) derived them from the loaded pack
   * and the run's evidence; absent or null: counted nowhere. Never read from the statement's own claims here.
   */
  facts?: StatementFacts | null;
}

export interface Writer {
  /** Becomes the statement's `authority` (the LRS overrides whatever the client sent). */
  authority: Agent | Group;
  /** The xAPI client; null for the kiosk app's own device route. */
  clientId: number | null;
  /** A `kiosk` client voids only statements it stored itself (VoidingForbidden otherwise). */
  voidsOnlyOwn?: boolean;
  /** ISO 8601; defaults to now. Tests pass it to pin time. */
  stored?: string;
}

export interface AttachmentBytes {
  sha2: string;
  contentType: string;
  content: Uint8Array;
}

export interface InsertOutcome {
  /** Ids newly stored, in request order. */
  stored: string[];
  /** Ids already stored with the same content (a resend): not stored twice. */
  duplicates: string[];
}

/** A request waiting for the next group commit (both stores): its outcome or error is settled after the COMMIT. */
export interface Pending {
  items: readonly StatementItem[];
  by: Writer;
  attachments: readonly AttachmentBytes[];
  resolve(outcome: InsertOutcome): void;
  reject(error: unknown): void;
  outcome?: InsertOutcome;
  error?: unknown;
}

export interface StoredStatement {
  seq: number;
  clientId: number | null;
  id: string;
  body: string;
  stored: string;
  authority: string;
  voided: boolean;
}

/** An id already stored (or earlier in the same batch) with different content. Maps to 409. */
export class StatementConflict extends Error {
  constructor(
    readonly index: number,
    readonly id: string,
  ) {
    super(`[${index}].id: statement '${id}' is already stored with different content; a statement id can be used only once`);
    this.name = 'StatementConflict';
  }
}

/** A voiding statement whose target is itself a voiding statement, which xAPI forbids. Maps to 400. */
export class VoidingRejected extends Error {
  constructor(
    readonly index: number,
    readonly id: string,
    readonly target: string,
  ) {
    super(`[${index}].object.id: statement '${target}' is itself a voiding statement, and a voiding statement cannot be voided`);
    this.name = 'VoidingRejected';
  }
}

/** A voiding statement whose target was stored by another client than the (own-only) writer. Maps to 403. */
export class VoidingForbidden extends Error {
  constructor(
    readonly index: number,
    readonly id: string,
    readonly target: string,
  ) {
    super(`[${index}].object.id: statement '${target}' was stored by another client, and this client may void only its own statements`);
    this.name = 'VoidingForbidden';
  }
}

export interface StatementQuery {
  /** Agent key (see agentKey) for `agent`. */
  agent?: string;
  verb?: string;
  activity?: string;
  registration?: string;
  relatedAgents?: boolean;
  relatedActivities?: boolean;
  /** ISO 8601, exclusive. */
  since?: string;
  /** ISO 8601, inclusive. */
  until?: string;
  ascending?: boolean;
  limit: number;
  /** Only statements this client sent (a kiosk client reads back its own). */
  clientId?: number;
  /** Paging: only statements after this seq in the query's order. */
  afterSeq?: number;
  /** Paging: the newest seq when the first page was read, so later inserts never shift later pages. */
  maxSeq?: number;
}

export interface QueryPage {
  statements: StoredStatement[];
  /** Set when more statements match: where the next page starts. */
  next: { afterSeq: number; maxSeq: number } | null;
}

/**
 * Where the server's statements are kept: SQLite (this file) or PostgreSQL (store-postgres.ts), both with group commit.
 * Routes, admission and the Activities/Agents resources see only this.
 */
export interface StatementStore {
  readonly dialect: Dialect;
  /**
   * Stores a request's statements, all or none, together with whatever other requests are queued at the same moment
   * (one transaction, one fsync); resolves after that COMMIT. Rejects with StatementConflict (409), VoidingRejected
   * (400) or VoidingForbidden (403) when this request alone is refused, storing nothing of it; with the database's
   * error when the commit itself failed (nothing of the group was stored). Attachments (bytes by sha2) are stored in
   * the same transaction. Seq order is the order of the calls.
   */
  insert(items: readonly StatementItem[], by: Writer, attachments?: readonly AttachmentBytes[]): Promise<InsertOutcome>;
  /** One statement by id (any case), voided or not. */
  get(id: string): Promise<StoredStatement | undefined>;
  /** Which of these ids (lower-case) are stored. */
  storedIds(ids: readonly string[]): Promise<Set<string>>;
  /**
   * Bodies of a run's statements (not voided) stored by this client (null: the device route), in seq order; with
   * `startOnly`, only its scenario-start. For admission, which checks a run's statements against it.
   */
  runBodies(runId: string, clientId: number | null, startOnly: boolean): Promise<string[]>;
  count(): Promise<number>;
  attachment(sha2: string): Promise<AttachmentBytes | undefined>;
  /**
   * Statements matching the filters (xAPI GET /statements), never voided ones, plus every statement that refers
   * (through StatementRef, recursively) to one matching the content filters — as the spec asks. Newest first unless
   * `ascending`. Paging is by seq, bounded by `maxSeq`, so inserts during paging neither shift nor repeat statements.
   */
  query(q: StatementQuery): Promise<QueryPage>;
  /**
   * Bodies of the statements (not voided) that name this Activity anywhere and may carry a definition, newest first,
   * read a page at a time: the Activities resource stops at the first that define it. With `clientId`, only that
   * client's statements (a kiosk client sees only its own).
   */
  activityDefinitionSources(activityId: string, clientId?: number): AsyncIterable<string>;
  /** Bodies of the newest statements (not voided) naming this agent key anywhere, for the Agents resource. */
  agentNameSources(key: string, limit: number, clientId?: number): Promise<string[]>;
  /** Group commits so far, and the requests they held: how much sharing one fsync saves. */
  commits(): { commits: number; requests: number };
  /** Waits for the inserts already queued to commit (before the database closes). */
  close(): Promise<void>;
}

/** Definition sources read per page (the Activities resource usually stops within the first). */
export const SOURCES_PAGE = 100;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const asList = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

function isAgentLike(o: unknown): o is Agent | Group {
  return isObject(o) && (o.objectType === 'Agent' || o.objectType === 'Group');
}

/** The agents a statement is "about" (actor, object) and those related to it (plus authority, instructor, team, members, sub-statement). */
export function agentsOf(statement: Statement, authority: Agent | Group): { direct: Set<string>; related: Set<string> } {
  const direct = new Set<string>();
  const related = new Set<string>();
  const add = (agent: unknown, set: Set<string>[]) => {
    if (!isObject(agent)) return;
    const key = agentKey(agent as Agent);
    if (key) set.forEach((s) => s.add(key));
    // Members count as related: "statements of my class" finds a group's statements through any member.
    for (const member of asList(agent.member as unknown[] | undefined)) {
      const memberKey = isObject(member) ? agentKey(member as Agent) : null;
      if (memberKey) related.add(memberKey);
    }
  };
  const addContext = (s: Record<string, unknown>) => {
    const context = isObject(s.context) ? s.context : {};
    add(context.instructor, [related]);
    add(context.team, [related]);
  };
  add(statement.actor, [direct, related]);
  if (isAgentLike(statement.object)) add(statement.object, [direct, related]);
  add(authority, [related]);
  addContext(statement);
  const sub = statement.object;
  if (isObject(sub) && sub.objectType === 'SubStatement') {
    add(sub.actor, [related]);
    if (isAgentLike(sub.object)) add(sub.object, [related]);
    addContext(sub);
  }
  return { direct, related };
}

function objectActivity(o: unknown): string | null {
  return isObject(o) && (o.objectType === undefined || o.objectType === 'Activity') && typeof o.id === 'string' ? o.id : null;
}

/** The statement's object activity, and every activity related to it (context activities, sub-statement). */
export function activitiesOf(statement: Statement): { direct: Set<string>; related: Set<string> } {
  const direct = new Set<string>();
  const related = new Set<string>();
  const addContext = (s: Record<string, unknown>) => {
    const ca = isObject(s.context) && isObject(s.context.contextActivities) ? s.context.contextActivities : {};
    for (const kind of ['parent', 'grouping', 'category', 'other'])
      for (const a of asList(ca[kind] as unknown[] | undefined)) if (isObject(a) && typeof a.id === 'string') related.add(a.id);
  };
  const main = objectActivity(statement.object);
  if (main) {
    direct.add(main);
    related.add(main);
  }
  addContext(statement);
  const sub = statement.object;
  if (isObject(sub) && sub.objectType === 'SubStatement') {
    const subActivity = objectActivity(sub.object);
    if (subActivity) related.add(subActivity);
    addContext(sub);
  }
  return { direct, related };
}

/** The SQLite store, with `insertNow` for tools that hold the file alone. */
export interface SqliteStatementStore extends StatementStore {
  /**
   * The same as `insert`, alone in its own transaction, at once: for the command-line tools, backfills and
   * benchmarks that hold the database by themselves. Throws what `insert` rejects with.
   */
  insertNow(items: readonly StatementItem[], by: Writer, attachments?: readonly AttachmentBytes[]): InsertOutcome;
}

/**
 * Statements in the SQLite file, with today's synchronous better-sqlite3 statements inside (prepared once, run in
 * one transaction per group): the promises only carry their results.
 */
export function createSqliteStatementStore(db: Database.Database): SqliteStatementStore {
  // Positional parameters: binding 21 named ones costs a name lookup each, on every statement stored.
  const insertRow = db.prepare(`
    INSERT INTO statements (id, body, stored, authority, client_id, verb_id, timestamp, registration,
      object_statement_id, voiding, voided, kind, visit_id, platform, locale, pack_id, scenario_id, area, run_id,
      score_scaled, passed, device, pack_version)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  // Agent keys and activity IRIs are stored once each (010_lean_statements.sql); a statement refers to them by number.
  const agentId = db.prepare<[string], number>('SELECT id FROM statement_agent_keys WHERE key = ?').pluck();
  const newAgent = db.prepare<[string]>('INSERT INTO statement_agent_keys (key) VALUES (?)');
  // One row per INSERT: a multi-row VALUES is several times slower here (SQLite runs it as a subquery).
  const insertAgent = db.prepare<[number, number, number]>('INSERT OR IGNORE INTO statement_agent_refs (agent, seq, direct) VALUES (?, ?, ?)');
  const activityId = db.prepare<[string], number>('SELECT id FROM statement_activity_iris WHERE iri = ?').pluck();
  const newActivity = db.prepare<[string]>('INSERT INTO statement_activity_iris (iri) VALUES (?)');
  const insertActivity = db.prepare<[number, number, number]>('INSERT OR IGNORE INTO statement_activity_refs (activity, seq, direct) VALUES (?, ?, ?)');
  const insertAttachment = db.prepare('INSERT OR IGNORE INTO attachments (sha2, content_type, content) VALUES (?, ?, ?)');
  const bodyById = db.prepare<[string], { body: string; voiding: number; clientId: number | null }>('SELECT body, voiding, client_id AS clientId FROM statements WHERE id = ?');
  const voidTarget = db.prepare('UPDATE statements SET voided = 1 WHERE id = ? AND voiding = 0');
  // A voiding statement that came first voids the newcomer only if its author could have voided it: the same client,
  // or a hub client (a kiosk client voids only its own statements).
  const voidedBefore = db
    .prepare<{ id: string; clientId: number | null }, number>(
      `SELECT 1 FROM statements v LEFT JOIN xapi_clients c ON c.id = v.client_id
       WHERE v.object_statement_id = @id AND v.voiding = 1 AND (v.client_id IS @clientId OR c.role = 'hub') LIMIT 1`,
    )
    .pluck();
  const byId = db.prepare<[string], Omit<StoredStatement, 'voided'> & { voided: number }>('SELECT seq, id, body, stored, authority, voided, client_id AS clientId FROM statements WHERE id = ?');
  const countAll = db.prepare<[], number>('SELECT COUNT(*) FROM statements').pluck();
  const maxSeq = db.prepare<[], number | null>('SELECT MAX(seq) FROM statements').pluck();
  // Resources other than statements: the LRS's view of an Activity or an Agent, read from the statements themselves.
  // `instr` skips, without parsing, bodies that cannot hold what is looked for (JSON.stringify writes keys quoted).
  const definitionSources = db.prepare<{ activityId: string; clientId: number | null; before: number; limit: number }, { seq: number; body: string }>(
    `SELECT s.seq, s.body FROM statement_activity_refs a JOIN statements s ON s.seq = a.seq
     WHERE a.activity = (SELECT id FROM statement_activity_iris WHERE iri = @activityId) AND a.seq < @before
       AND s.voided = 0 AND instr(s.body, '"definition"') > 0
       AND (@clientId IS NULL OR s.client_id = @clientId)
     ORDER BY a.seq DESC LIMIT @limit`,
  );
  const runStatements = db.prepare<[string, number | null], string>('SELECT body FROM statements WHERE run_id = ? AND client_id IS ? AND voided = 0 ORDER BY seq').pluck();
  const runStart = db
    .prepare<[string, number | null], string>("SELECT body FROM statements WHERE run_id = ? AND client_id IS ? AND voided = 0 AND kind = 'scenario-start' ORDER BY seq LIMIT 1")
    .pluck();
  const isStored = db.prepare<[string], number>('SELECT 1 FROM statements WHERE id = ?').pluck();
  const nameSources = db
    .prepare<{ key: string; limit: number; clientId: number | null }, string>(
      `SELECT s.body FROM statement_agent_refs a JOIN statements s ON s.seq = a.seq
       WHERE a.agent = (SELECT id FROM statement_agent_keys WHERE key = @key)
         AND s.voided = 0 AND instr(s.body, '"name"') > 0
         AND (@clientId IS NULL OR s.client_id = @clientId)
       ORDER BY a.seq DESC LIMIT @limit`,
    )
    .pluck();
  const attachmentBySha = db.prepare<[string], { sha2: string; content_type: string; content: Buffer }>(
    'SELECT sha2, content_type, content FROM attachments WHERE sha2 = ?',
  );

  // Dictionary ids looked up or made in the open transaction: a batch names the same authority, areas, scenarios and
  // visitors again and again. Kept for one transaction only, and forgotten when a savepoint rolls back: erasure and
  // retention delete keys no statement refers to any more, and an id made in an undone savepoint no longer exists.
  const agentIds = new Map<string, number>();
  const activityIds = new Map<string, number>();
  const forgetIds = () => {
    agentIds.clear();
    activityIds.clear();
  };
  const agentOf = (key: string): number => {
    let id = agentIds.get(key);
    if (id === undefined) agentIds.set(key, (id = agentId.get(key) ?? Number(newAgent.run(key).lastInsertRowid)));
    return id;
  };
  const activityOf = (iri: string): number => {
    let id = activityIds.get(iri);
    if (id === undefined) activityIds.set(iri, (id = activityId.get(iri) ?? Number(newActivity.run(iri).lastInsertRowid)));
    return id;
  };

  const insertAll = db.transaction((items: readonly StatementItem[], by: Writer, attachments: readonly AttachmentBytes[]): InsertOutcome => {
    const stored = by.stored ?? new Date().toISOString();
    const authority = JSON.stringify(by.authority);
    const outcome: InsertOutcome = { stored: [], duplicates: [] };
    const inBatch = new Map<string, Statement>();
    items.forEach(({ statement, body, facts }, index) => {
      const id = statement.id?.toLowerCase();
      if (!id) throw new Error(`[${index}]: the statement has no id; the route assigns one before storing`);
      const earlier = inBatch.get(id);
      if (earlier) {
        if (!sameStatement(earlier, statement)) throw new StatementConflict(index, id);
        outcome.duplicates.push(id);
        return;
      }
      inBatch.set(id, statement);
      const existing = bodyById.get(id);
      if (existing) {
        if (!sameStatement(JSON.parse(existing.body) as Statement, statement)) throw new StatementConflict(index, id);
        outcome.duplicates.push(id);
        return;
      }

      const object = statement.object as { objectType?: string; id?: string };
      const isVoiding = statement.verb.id === VOIDED_VERB && object.objectType === 'StatementRef';
      const refId = object.objectType === 'StatementRef' && typeof object.id === 'string' ? object.id.toLowerCase() : null;
      if (isVoiding && refId) {
        const target = bodyById.get(refId);
        if (target?.voiding) throw new VoidingRejected(index, id, refId);
        if (target && by.voidsOnlyOwn && target.clientId !== by.clientId) throw new VoidingForbidden(index, id, refId);
        voidTarget.run(refId);
      }
      // The voiding statement may have arrived first (kiosks sync out of order): the target is born voided.
      const voided = !isVoiding && voidedBefore.get({ id, clientId: by.clientId }) === 1;
      const registration = statement.context?.registration;
      const { lastInsertRowid } = insertRow.run(
        id,
        body,
        stored,
        authority,
        by.clientId,
        statement.verb.id,
        statement.timestamp ?? stored,
        typeof registration === 'string' ? registration.toLowerCase() : null,
        refId,
        isVoiding ? 1 : 0,
        voided ? 1 : 0,
        facts?.kind ?? null,
        facts?.visitId ?? null,
        facts?.platform ?? null,
        facts?.locale ?? null,
        facts?.packId ?? null,
        facts?.scenarioId ?? null,
        facts?.area ?? null,
        facts?.runId ?? null,
        facts?.scoreScaled ?? null,
        facts?.passed == null ? null : facts.passed ? 1 : 0,
        facts?.device ?? null,
        facts?.packVersion ?? null,
      );
      const seq = Number(lastInsertRowid);
      // Every direct agent or activity is also a related one: one row each, flagged.
      const agents = agentsOf(statement, by.authority);
      for (const key of agents.related) insertAgent.run(agentOf(key), seq, agents.direct.has(key) ? 1 : 0);
      const activities = activitiesOf(statement);
      for (const iri of activities.related) insertActivity.run(activityOf(iri), seq, activities.direct.has(iri) ? 1 : 0);
      outcome.stored.push(id);
    });
    for (const a of attachments) insertAttachment.run(a.sha2, a.contentType, a.content);
    return outcome;
  });

  let queue: Pending[] = [];
  let scheduled = false;
  const counts = { commits: 0, requests: 0 };

  // insertAll called inside this transaction runs in a savepoint (better-sqlite3 nests transaction functions so).
  const commitGroup = db.transaction((group: Pending[]) => {
    forgetIds();
    for (const job of group) {
      try {
        job.outcome = insertAll(job.items, job.by, job.attachments);
      } catch (error) {
        forgetIds();
        // SQLite rolled the whole transaction back (disk full, I/O error): nothing of the group can be kept, and the
        // jobs after this one must not run outside it, each committing alone.
        if (!db.inTransaction) throw error;
        job.error = error;
      }
    }
  });

  function flush(): void {
    scheduled = false;
    const group = queue;
    queue = [];
    if (group.length === 0) return;
    try {
      commitGroup(group);
    } catch (error) {
      for (const job of group) job.reject(error);
      return;
    } finally {
      forgetIds();
    }
    counts.commits++;
    counts.requests += group.length;
    for (const job of group) {
      if (job.error === undefined) job.resolve(job.outcome!);
      else job.reject(job.error);
    }
  }

  type Row = Omit<StoredStatement, 'voided'> & { voided: number };
  const toStored = (row: Row): StoredStatement => ({ ...row, voided: row.voided === 1 });

  function query(q: StatementQuery): QueryPage {
    return db.transaction((): QueryPage => {
      const max = q.maxSeq ?? maxSeq.get() ?? 0;
      const content: string[] = [];
      const params: Record<string, unknown> = { max, limit: q.limit + 1 };
      if (q.agent !== undefined) {
        content.push(
          's.seq IN (SELECT seq FROM statement_agent_refs WHERE agent = (SELECT id FROM statement_agent_keys WHERE key = @agent) AND direct >= @agentDirect)',
        );
        Object.assign(params, { agent: q.agent, agentDirect: q.relatedAgents ? 0 : 1 });
      }
      if (q.verb !== undefined) {
        content.push('s.verb_id = @verb');
        params.verb = q.verb;
      }
      if (q.activity !== undefined) {
        content.push(
          's.seq IN (SELECT seq FROM statement_activity_refs WHERE activity = (SELECT id FROM statement_activity_iris WHERE iri = @activity) AND direct >= @activityDirect)',
        );
        Object.assign(params, { activity: q.activity, activityDirect: q.relatedActivities ? 0 : 1 });
      }
      if (q.registration !== undefined) {
        content.push('s.registration = @registration');
        params.registration = q.registration.toLowerCase();
      }
      const where = ['t.voided = 0', 't.seq <= @max'];
      if (q.since !== undefined) {
        where.push('t.stored > @since');
        params.since = q.since;
      }
      if (q.until !== undefined) {
        where.push('t.stored <= @until');
        params.until = q.until;
      }
      if (q.clientId !== undefined) {
        where.push('t.client_id = @clientId');
        params.clientId = q.clientId;
      }
      if (q.afterSeq !== undefined) {
        where.push(q.ascending ? 't.seq > @after' : 't.seq < @after');
        params.after = q.afterSeq;
      }
      const matched = content.length
        ? `WITH RECURSIVE matched(id) AS (
             SELECT s.id FROM statements s WHERE ${content.join(' AND ')}
             UNION
             SELECT r.id FROM statements r JOIN matched m ON r.object_statement_id = m.id
           ) `
        : '';
      if (content.length) where.push('t.id IN (SELECT id FROM matched)');
      const sql = `${matched}SELECT t.seq, t.id, t.body, t.stored, t.authority, t.voided, t.client_id AS clientId FROM statements t
        WHERE ${where.join(' AND ')} ORDER BY t.seq ${q.ascending ? 'ASC' : 'DESC'} LIMIT @limit`;
      const rows = (db.prepare(sql).all(params) as Row[]).map(toStored);
      const more = rows.length > q.limit;
      const page = more ? rows.slice(0, q.limit) : rows;
      return { statements: page, next: more ? { afterSeq: page[page.length - 1]!.seq, maxSeq: max } : null };
    })();
  }

  /** A synchronous read as a promise: a failure rejects rather than throwing at the caller. */
  const later = <T>(read: () => T): Promise<T> => {
    try {
      return Promise.resolve(read());
    } catch (error) {
      return Promise.reject(error);
    }
  };

  return {
    dialect: 'sqlite',

    insert(items: readonly StatementItem[], by: Writer, attachments: readonly AttachmentBytes[] = []): Promise<InsertOutcome> {
      return new Promise<InsertOutcome>((resolve, reject) => {
        queue.push({ items, by, attachments, resolve, reject });
        if (!scheduled) {
          scheduled = true;
          // After the poll phase: every request whose body arrived in this turn has been queued by then.
          setImmediate(flush);
        }
      });
    },

    insertNow(items: readonly StatementItem[], by: Writer, attachments: readonly AttachmentBytes[] = []): InsertOutcome {
      forgetIds();
      try {
        return insertAll(items, by, attachments);
      } finally {
        forgetIds();
      }
    },

    commits(): { commits: number; requests: number } {
      return { ...counts };
    },

    get: (id) =>
      later(() => {
        const row = byId.get(id.toLowerCase());
        return row && toStored(row);
      }),

    storedIds: (ids) => later(() => new Set(ids.filter((id) => isStored.get(id.toLowerCase()) === 1).map((id) => id.toLowerCase()))),

    runBodies: (runId, clientId, startOnly) => later(() => (startOnly ? runStart.all(runId, clientId) : runStatements.all(runId, clientId))),

    count: () => later(() => countAll.get() ?? 0),

    attachment: (sha2) =>
      later(() => {
        const row = attachmentBySha.get(sha2.toLowerCase());
        return row && { sha2: row.sha2, contentType: row.content_type, content: row.content };
      }),

    query: (q) => later(() => query(q)),

    // A page at a time, each read whole: better-sqlite3 allows no other statement on the connection while an
    // iterator is open, and the caller awaits between bodies.
    async *activityDefinitionSources(activityId: string, clientId?: number): AsyncIterable<string> {
      let before = Number.MAX_SAFE_INTEGER;
      for (;;) {
        const page = definitionSources.all({ activityId, clientId: clientId ?? null, before, limit: SOURCES_PAGE });
        for (const row of page) yield row.body;
        if (page.length < SOURCES_PAGE) return;
        before = page[page.length - 1]!.seq;
      }
    },

    agentNameSources: (key, limit, clientId) => later(() => nameSources.all({ key, limit, clientId: clientId ?? null })),

    // Inserts commit within the turn they were queued in: nothing is left to wait for.
    close: () => Promise.resolve(),
  };
}

/** The SQLite store; the name the tools and benchmarks have always used. */
export const createStatementStore = createSqliteStatementStore;

const shared = new WeakMap<Database.Database, SqliteStatementStore>();

/**
 * The one store of this database that every route writes through: group commit needs all concurrent writers in one
 * queue (two stores would each commit, and fsync, on their own).
 */
export function statementStoreOf(db: Database.Database): SqliteStatementStore {
  let store = shared.get(db);
  if (!store) shared.set(db, (store = createStatementStore(db)));
  return store;
}
