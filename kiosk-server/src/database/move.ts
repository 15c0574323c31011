// Moves a server's data from its SQLite file to PostgreSQL: a park that outgrows one machine, or a hub moving to the
// city's database server. Statements keep their stored order (seq) and ids, so a forwarder's cursor, `more` tokens
// and the exactly-once promise of sync all stay true on the new store.
//
// All or nothing: everything is copied in ONE PostgreSQL transaction (in batches, so memory stays flat) and verified
// inside it before it commits. A failure or a failed check anywhere rolls it all back; the target is then as it was
// (its schema migrated, no rows), and the same command can simply run again. A resumable copy would need a way to tell
// a half-moved park from a hub already in use, and would leave a target that a started server would take as complete.
//
// The source is read in one SQLite read transaction on a read-only connection: one consistent snapshot, even while the
// park's server still runs (WAL: it is not blocked; what it writes after the snapshot is not moved).
import type Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { CompiledQuery, sql, type Kysely, type Transaction } from 'kysely';
import { createDatabase, redactDatabaseUrl, type StorageDatabase } from '../storage/database.ts';
import { listMigrations, runMigrations, SQLITE_MIGRATIONS_DIR } from '../storage/migrations.ts';
import { MONTHS_AHEAD } from '../storage/partitions.ts';
import { DB_FILE } from '../plugins/db.ts';
import { pgText } from '../xapi/store-postgres.ts';
import { CUBE_NAMES } from '@ruyi/statistics';
import { openExisting } from './backup.ts';

/** The lock every statement-inserting transaction takes on PostgreSQL (migrations/postgres/001_xapi.sql). */
const STATEMENT_INSERT_LOCK = 7361305;

/** Copied by the statement path below (with `stored` for the partitions, and the dictionaries' ids remapped). */
const STATEMENT_TABLES = new Set([
  'statements',
  'statement_ids',
  'statement_agent_keys',
  'statement_activity_iris',
  'statement_agent_refs',
  'statement_activity_refs',
]);

/** Bookkeeping each database keeps for itself: never copied, not reported (sqlite_sequence's seq is carried over). */
const OWN_BOOKKEEPING = new Set(['schema_migrations', 'sqlite_sequence', 'sqlite_stat1', 'sqlite_stat4']);

/** Tables never copied, with the reason given in the result. */
const ROLLED_UP = "derived from the statements: the server rolls the statistics up again from the first statement";
const NOT_MOVED: Record<string, string> = {
  statements_deleted: "the gaps SQLite's backlog count subtracts; PostgreSQL counts the backlog instead",
  statement_facts: ROLLED_UP,
  stat_cursor: ROLLED_UP,
  stat_replay_memory: ROLLED_UP,
  ...Object.fromEntries(CUBE_NAMES.map((cube) => [`stat_${cube}`, ROLLED_UP])),
};

export class MoveRefused extends Error {
  override name = 'MoveRefused';
}

export interface MoveProgress {
  table: string;
  done: number;
  total: number;
}

export interface MoveOptions {
  /** The SQLite file (ruyi.sqlite). */
  sqliteFile: string;
  /** postgres://… of the target database (it must exist; its schema is created by the migrations). */
  databaseUrl: string;
  /** Statements per batch (default 2000). */
  batchSize?: number;
  /** Called after each batch. */
  onProgress?: (progress: MoveProgress) => void;
  /** For tests: the month partitions are made from the oldest statement's month to this one plus MONTHS_AHEAD. */
  now?: Date;
}

export interface TableCopy {
  table: string;
  rows: number;
}

export interface NotCopied {
  /** `table` or `table.column`. */
  what: string;
  rows: number;
  reason: string;
}

export interface MoveResult {
  source: string;
  target: string;
  statements: number;
  firstSeq: number | null;
  lastSeq: number | null;
  /** SHA-256 over `seq id md5(body)` lines in seq order, the same on both sides (checked). */
  checksum: string;
  /** Every table copied, with its rows (statement tables included). */
  tables: TableCopy[];
  /** What the source holds that was not copied, and why. */
  notCopied: NotCopied[];
  /** Migrations applied to the target. */
  migrations: string[];
  seconds: number;
}

interface PgColumn {
  name: string;
  type: string;
  nullable: boolean;
  hasDefault: boolean;
  identity: boolean;
}

interface GenericTable {
  name: string;
  /** The columns both sides have, in PostgreSQL's order. */
  columns: PgColumn[];
  sourceRows: number;
}

type Row = Record<string, unknown>;

const md5 = (text: string) => createHash('md5').update(text, 'utf8').digest('hex');

const monthStart = (iso: string) => `${iso.slice(0, 7)}-01`;
const monthIndex = (iso: string) => Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1;
const monthOf = (index: number) => `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`;

/** A source value as the PostgreSQL column takes it. */
function toPg(value: unknown, type: string): unknown {
  if (value === null || value === undefined) return null;
  switch (type) {
    case 'boolean':
      return Boolean(value);
    case 'bytea':
      return Buffer.isBuffer(value) ? value : Buffer.from(String(value), 'utf8');
    case 'timestamp with time zone':
    case 'timestamp without time zone':
      // SQLite keeps times as ISO 8601 text, a few (documents' `updated`) as milliseconds since the epoch.
      return typeof value === 'number' ? new Date(value).toISOString() : value;
    case 'json':
    case 'jsonb':
      return Buffer.isBuffer(value) ? value.toString('utf8') : value;
    default:
      return Buffer.isBuffer(value) && (type === 'text' || type === 'character varying') ? value.toString('utf8') : value;
  }
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * `INSERT INTO t (cols) OVERRIDING SYSTEM VALUE VALUES ($1, …), (…)`: ids are kept, identity columns included. The text
 * is written here rather than by Kysely's sql template, which takes about half a second to compile 30,000 parameters
 * (as long as PostgreSQL takes to store them); the names come from the catalogs, the values go as parameters.
 */
function insertRows(table: string, columns: readonly string[], rows: readonly unknown[][], override: boolean): CompiledQuery {
  const parameters: unknown[] = [];
  const tuples: string[] = [];
  for (const row of rows) {
    const marks: string[] = [];
    for (const value of row) {
      parameters.push(value);
      marks.push(`$${parameters.length}`);
    }
    tuples.push(`(${marks.join(',')})`);
  }
  const text = `INSERT INTO ${quote(table)} (${columns.map(quote).join(', ')}) ${override ? 'OVERRIDING SYSTEM VALUE ' : ''}VALUES ${tuples.join(',')}`;
  return CompiledQuery.raw(text, parameters);
}

/** PostgreSQL allows 65535 parameters per query; stay below, and below a few MiB of values. */
const MAX_PARAMETERS = 60_000;
const MAX_BATCH_BYTES = 8 * 1024 * 1024;

function approximateBytes(row: unknown[]): number {
  let n = 0;
  for (const v of row) n += typeof v === 'string' ? v.length : Buffer.isBuffer(v) ? v.length : 8;
  return n;
}

/** Rows as INSERT queries that respect the parameter and size limits. */
function batchedRows(table: string, columns: readonly string[], rows: Iterable<unknown[]>, override = false): CompiledQuery[] {
  const maxRows = Math.max(1, Math.floor(MAX_PARAMETERS / Math.max(1, columns.length)));
  const queries: CompiledQuery[] = [];
  let batch: unknown[][] = [];
  let bytes = 0;
  for (const row of rows) {
    batch.push(row);
    bytes += approximateBytes(row);
    if (batch.length >= maxRows || bytes >= MAX_BATCH_BYTES) {
      queries.push(insertRows(table, columns, batch, override));
      batch = [];
      bytes = 0;
    }
  }
  if (batch.length) queries.push(insertRows(table, columns, batch, override));
  return queries;
}

/** Inserts rows as they come (an iterator over a table), in batches within the limits; returns how many. */
async function insertBatched(trx: Transaction<unknown>, table: string, columns: readonly string[], rows: Iterable<unknown[]>, override: boolean): Promise<number> {
  const maxRows = Math.max(1, Math.floor(MAX_PARAMETERS / Math.max(1, columns.length)));
  let batch: unknown[][] = [];
  let bytes = 0;
  let count = 0;
  const flush = async () => {
    if (batch.length) await trx.executeQuery(insertRows(table, columns, batch, override));
    count += batch.length;
    batch = [];
    bytes = 0;
  };
  for (const row of rows) {
    batch.push(row);
    bytes += approximateBytes(row);
    if (batch.length >= maxRows || bytes >= MAX_BATCH_BYTES) await flush();
  }
  await flush();
  return count;
}

/** The source's schema must be exactly what this server's migrations make: older or newer files do not match. */
function checkSourceSchema(src: Database.Database, file: string): void {
  const known = listMigrations(SQLITE_MIGRATIONS_DIR).map((m) => m.version);
  const hasLedger = src.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get();
  if (!hasLedger) throw new MoveRefused(`${file} is not a Ruyi database (it has no schema_migrations table)`);
  const applied = new Set((src.prepare('SELECT version FROM schema_migrations').pluck().all() as number[]).map(Number));
  const missing = known.filter((v) => !applied.has(v));
  const unknown = [...applied].filter((v) => !known.includes(v));
  if (unknown.length)
    throw new MoveRefused(`${file} was migrated by a newer server (migrations ${unknown.join(', ')} are unknown here): run the move with that version`);
  if (missing.length)
    throw new MoveRefused(
      `${file} lacks migrations ${missing.join(', ')}: start this version of the server on it once (it upgrades the schema at start), stop it, then move`,
    );
}

async function pgTables(db: Kysely<unknown>): Promise<Set<string>> {
  // Partitions are rows of their parent: only the parents count.
  const { rows } = await sql<{ name: string }>`
    SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT c.relispartition`.execute(db);
  return new Set(rows.map((r) => r.name));
}

async function pgColumns(db: Kysely<unknown>): Promise<Map<string, PgColumn[]>> {
  const { rows } = await sql<{ table_name: string; column_name: string; data_type: string; is_nullable: string; column_default: string | null; is_identity: string }>`
    SELECT table_name, column_name, data_type, is_nullable, column_default, is_identity
    FROM information_schema.columns WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position`.execute(db);
  const byTable = new Map<string, PgColumn[]>();
  for (const r of rows) {
    const list = byTable.get(r.table_name) ?? [];
    list.push({
      name: r.column_name,
      type: r.data_type,
      nullable: r.is_nullable === 'YES',
      hasDefault: r.column_default !== null || r.is_identity === 'YES',
      identity: r.is_identity === 'YES' || /^nextval\(/.test(r.column_default ?? ''),
    });
    byTable.set(r.table_name, list);
  }
  return byTable;
}

/** child → the tables it refers to (foreign keys), within the schema. */
async function pgForeignKeys(db: Kysely<unknown>): Promise<Map<string, Set<string>>> {
  const { rows } = await sql<{ child: string; parent: string }>`
    SELECT cc.relname AS child, pc.relname AS parent
    FROM pg_constraint k JOIN pg_class cc ON cc.oid = k.conrelid JOIN pg_class pc ON pc.oid = k.confrelid
    JOIN pg_namespace n ON n.oid = cc.relnamespace
    WHERE k.contype = 'f' AND n.nspname = current_schema() AND NOT cc.relispartition`.execute(db);
  const map = new Map<string, Set<string>>();
  for (const r of rows) {
    if (r.child === r.parent) continue;
    map.set(r.child, (map.get(r.child) ?? new Set()).add(r.parent));
  }
  return map;
}

/** Parents before children; the statement tables count as one step between the tables before and after them. */
function orderTables(tables: GenericTable[], fks: Map<string, Set<string>>): { before: GenericTable[]; after: GenericTable[] } {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const afterStatements = new Set<string>();
  const refersToStatements = (name: string, seen = new Set<string>()): boolean => {
    if (seen.has(name)) return false;
    seen.add(name);
    for (const parent of fks.get(name) ?? []) if (STATEMENT_TABLES.has(parent) || refersToStatements(parent, seen)) return true;
    return false;
  };
  for (const t of tables) if (refersToStatements(t.name)) afterStatements.add(t.name);
  const ordered: GenericTable[] = [];
  const visiting = new Set<string>();
  const done = new Set<string>();
  const visit = (name: string) => {
    if (done.has(name) || visiting.has(name) || !byName.has(name)) return;
    visiting.add(name);
    for (const parent of fks.get(name) ?? []) visit(parent);
    visiting.delete(name);
    done.add(name);
    ordered.push(byName.get(name)!);
  };
  for (const t of [...tables].sort((a, b) => a.name.localeCompare(b.name))) visit(t.name);
  return { before: ordered.filter((t) => !afterStatements.has(t.name)), after: ordered.filter((t) => afterStatements.has(t.name)) };
}

const countSource = (src: Database.Database, table: string) => src.prepare(`SELECT count(*) FROM "${table}"`).pluck().get() as number;

async function countTarget(db: Kysely<unknown>, table: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`SELECT count(*)::bigint AS n FROM ${sql.table(table)}`.execute(db);
  return Number(rows[0]!.n);
}

/** Is there a statements table with rows? Asked before migrating, so a refused target is not touched at all. */
async function targetHoldsStatements(db: Kysely<unknown>): Promise<boolean> {
  const { rows } = await sql<{ t: string | null }>`SELECT to_regclass('statements')::text AS t`.execute(db);
  if (!rows[0]?.t) return false;
  const { rows: any } = await sql<{ e: boolean }>`SELECT EXISTS (SELECT 1 FROM statements) AS e`.execute(db);
  return Boolean(any[0]?.e);
}

/** Keys into the target's dictionary (those already there are reused); returns source id → target id. */
async function copyDictionary(
  trx: Transaction<unknown>,
  src: Database.Database,
  table: 'statement_agent_keys' | 'statement_activity_iris',
  column: 'key' | 'iri',
): Promise<Map<number, number>> {
  const map = new Map<number, number>();
  const read = src.prepare(`SELECT id, ${column} AS value FROM ${table} WHERE id > ? ORDER BY id LIMIT 5000`);
  let last = 0;
  for (;;) {
    const rows = read.all(last) as { id: number; value: string }[];
    if (!rows.length) break;
    last = rows[rows.length - 1]!.id;
    // As the PostgreSQL store keeps them (a key with U+0000 as its JSON string).
    const values = rows.map((r) => pgText(r.value));
    await sql`INSERT INTO ${sql.table(table)} (${sql.ref(column)}) SELECT unnest(${values}::text[]) ON CONFLICT (${sql.ref(column)}) DO NOTHING`.execute(trx);
    const { rows: ids } = await sql<{ id: number; value: string }>`
      SELECT id, ${sql.ref(column)} AS value FROM ${sql.table(table)} WHERE ${sql.ref(column)} = ANY(${values}::text[])`.execute(trx);
    const target = new Map(ids.map((r) => [r.value, Number(r.id)]));
    for (const r of rows) map.set(r.id, target.get(pgText(r.value))!);
  }
  return map;
}

const STATEMENT_COLUMNS = [
  'seq', 'id', 'body', 'stored', 'authority', 'client_id', 'verb_id', 'timestamp', 'registration', 'object_statement_id',
  'voiding', 'voided', 'kind', 'visit_id', 'platform', 'locale', 'pack_id', 'scenario_id', 'area', 'run_id',
  'score_scaled', 'passed', 'device', 'pack_version',
] as const;
const BOOLEAN_COLUMNS = new Set(['voiding', 'voided', 'passed']);

/** A SQLite column's value as the PostgreSQL store writes it, so the hub's `verb=` queries find a moved statement. */
function columnValue(column: (typeof STATEMENT_COLUMNS)[number], value: unknown): unknown {
  if (BOOLEAN_COLUMNS.has(column)) return value === null ? null : Boolean(value);
  if (column === 'verb_id') return pgText(value as string);
  return value;
}
/** PostgreSQL's types of the columns (001_xapi.sql), for unnest's arrays. */
const STATEMENT_ID_TYPES: [string, string][] = [['id', 'uuid'], ['seq', 'int8'], ['stored', 'timestamptz']];
const AGENT_REF_TYPES: [string, string][] = [['agent', 'int4'], ['seq', 'int8'], ['stored', 'timestamptz'], ['direct', 'bool']];
const ACTIVITY_REF_TYPES: [string, string][] = [['activity', 'int4'], ['seq', 'int8'], ['stored', 'timestamptz'], ['direct', 'bool']];

/**
 * `INSERT INTO t (a, b) SELECT * FROM unnest($1::int8[], $2::text[])`: one parameter per column whatever the rows, so
 * a batch of thousands of statements is one short query (pg sends each array as one value).
 */
function insertColumns(table: string, types: readonly [string, string][], columns: unknown[][]): CompiledQuery {
  const text = `INSERT INTO ${quote(table)} (${types.map(([c]) => quote(c)).join(', ')}) SELECT * FROM unnest(${types.map(([, t], i) => `$${i + 1}::${t}[]`).join(', ')})`;
  return CompiledQuery.raw(text, columns);
}

/** A batch of SQLite references as PostgreSQL's columns, the dictionary ids remapped. */
function refColumns(rows: [number, number, string, number][], ids: Map<number, number>): unknown[][] {
  return [rows.map((r) => ids.get(r[0])), rows.map((r) => r[1]), rows.map((r) => r[2]), rows.map((r) => Boolean(r[3]))];
}

interface StatementRow {
  seq: number;
  id: string;
  body: string;
  stored: string;
  [column: string]: unknown;
}

/**
 * Moves the SQLite file's data into the PostgreSQL database: migrates the target, refuses one that already holds
 * statements (or rows in a table the source would fill), copies everything in one transaction, verifies, commits.
 */
export async function moveToPostgres(options: MoveOptions): Promise<MoveResult> {
  const started = performance.now();
  const batchSize = options.batchSize ?? 2000;
  const src = openExisting(options.sqliteFile, { readonly: true });
  let target: StorageDatabase | null = null;
  try {
    checkSourceSchema(src, options.sqliteFile);
    target = createDatabase({ dataDir: '', databaseUrl: options.databaseUrl, poolSize: 2 });
    const db = target.db as Kysely<unknown>;
    const where = redactDatabaseUrl(options.databaseUrl);
    if (await targetHoldsStatements(db))
      throw new MoveRefused(`${where} already holds statements: moving needs an empty database (nothing was changed). To join a park to a hub in use, let the park forward to it (RUYI_SYNC_URL).`);
    const migrations = await runMigrations(target);

    // The snapshot: every read below sees the file as of the first one.
    src.exec('BEGIN');
    try {
      const sourceTables = (src.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[]);
      const pgNames = await pgTables(db);
      const columns = await pgColumns(db);
      const notCopied: NotCopied[] = [];
      const generic: GenericTable[] = [];
      for (const name of sourceTables) {
        if (STATEMENT_TABLES.has(name)) continue;
        if (OWN_BOOKKEEPING.has(name)) continue;
        const rows = countSource(src, name);
        if (name in NOT_MOVED) {
          if (rows) notCopied.push({ what: name, rows, reason: NOT_MOVED[name]! });
          continue;
        }
        if (!pgNames.has(name)) {
          if (rows) notCopied.push({ what: name, rows, reason: 'no PostgreSQL table of that name (yet)' });
          continue;
        }
        const sourceColumns = new Set(src.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(name) as string[]);
        const pgCols = columns.get(name) ?? [];
        const shared = pgCols.filter((c) => sourceColumns.has(c.name));
        const unfillable = pgCols.filter((c) => !sourceColumns.has(c.name) && !c.nullable && !c.hasDefault);
        if (rows && unfillable.length)
          throw new MoveRefused(
            `${name}: the PostgreSQL table needs ${unfillable.map((c) => c.name).join(', ')}, which the SQLite table does not have; nothing was copied`,
          );
        for (const column of sourceColumns) {
          if (pgCols.some((c) => c.name === column)) continue;
          const filled = src.prepare(`SELECT count(*) FROM "${name}" WHERE "${column}" IS NOT NULL`).pluck().get() as number;
          if (filled) notCopied.push({ what: `${name}.${column}`, rows: filled, reason: 'no such column in the PostgreSQL table' });
        }
        generic.push({ name, columns: shared, sourceRows: rows });
      }
      const { before, after } = orderTables(generic, await pgForeignKeys(db));

      const result = await db.transaction().execute(async (trx) => {
        // Hub processes started on the target early wait here instead of writing statements between ours.
        await sql`SELECT pg_advisory_xact_lock(${STATEMENT_INSERT_LOCK})`.execute(trx);
        if (await countTarget(trx, 'statements'))
          throw new MoveRefused(`${where} already holds statements: moving needs an empty database (nothing was changed)`);
        const occupied: string[] = [];
        for (const t of generic) if (t.sourceRows && (await countTarget(trx, t.name))) occupied.push(t.name);
        if (occupied.length)
          throw new MoveRefused(`${where} already has rows in ${occupied.join(', ')}: moving needs an empty database (nothing was changed)`);

        const tables: TableCopy[] = [];
        const copyGeneric = async (t: GenericTable) => {
          const names = t.columns.map((c) => c.name);
          const read = src.prepare(`SELECT ${names.map((n) => `"${n}"`).join(', ')} FROM "${t.name}"`).raw(true);
          // Row by row off SQLite's cursor (nothing else reads the file meanwhile), a batch at a time into PostgreSQL.
          const rows = (function* () {
            for (const r of read.iterate() as IterableIterator<unknown[]>) yield r.map((v, i) => toPg(v, t.columns[i]!.type));
          })();
          const copied = await insertBatched(trx, t.name, names, rows, t.columns.some((c) => c.identity));
          options.onProgress?.({ table: t.name, done: copied, total: t.sourceRows });
          tables.push({ table: t.name, rows: copied });
        };
        for (const t of before) await copyGeneric(t);

        const copied = await copyStatements(trx, src, { batchSize, now: options.now ?? new Date(), onProgress: options.onProgress });
        tables.push(...copied.tables);

        for (const t of after) await copyGeneric(t);

        await verify(trx, src, generic, copied);

        // Sequences last: setval is not undone by a rollback, and nothing above may fail after it.
        if (copied.nextSeq > 0) await sql`SELECT setval('statements_seq', ${copied.nextSeq})`.execute(trx);
        for (const t of generic)
          for (const c of t.columns.filter((c) => c.identity))
            await sql`SELECT setval(pg_get_serial_sequence(${t.name}, ${c.name}), GREATEST(max(${sql.ref(c.name)}), 1), max(${sql.ref(c.name)}) IS NOT NULL) FROM ${sql.table(t.name)}`.execute(trx);
        return { tables, copied };
      });
      src.exec('COMMIT');
      return {
        source: options.sqliteFile,
        target: where,
        statements: result.copied.count,
        firstSeq: result.copied.firstSeq,
        lastSeq: result.copied.lastSeq,
        checksum: result.copied.checksum,
        tables: result.tables,
        notCopied,
        migrations,
        seconds: (performance.now() - started) / 1000,
      };
    } finally {
      if (src.inTransaction) src.exec('ROLLBACK');
    }
  } finally {
    src.close();
    await target?.close();
  }
}

interface StatementCopy {
  count: number;
  firstSeq: number | null;
  lastSeq: number | null;
  /** The highest seq SQLite ever handed out (deleted ones included): the PostgreSQL sequence goes on from there. */
  nextSeq: number;
  checksum: string;
  tables: TableCopy[];
}

async function copyStatements(
  trx: Transaction<unknown>,
  src: Database.Database,
  options: { batchSize: number; now: Date; onProgress?: (progress: MoveProgress) => void },
): Promise<StatementCopy> {
  const total = countSource(src, 'statements');
  const span = src.prepare('SELECT min(seq) AS first, max(seq) AS last, min(stored) AS oldest, max(stored) AS newest FROM statements').get() as {
    first: number | null;
    last: number | null;
    oldest: string | null;
    newest: string | null;
  };
  const handedOut = (src.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'statements'").pluck().get() as number | undefined) ?? 0;

  // A month partition for every month the statements span (else they would all land in the default partition, which
  // retention cannot drop by month), and the months ahead that a server makes at start.
  if (span.oldest && span.newest) {
    const nowIso = options.now.toISOString();
    const from = monthIndex(span.oldest);
    const to = Math.max(monthIndex(span.newest), monthIndex(nowIso) + MONTHS_AHEAD);
    for (let m = from; m <= to; m += 120) {
      const months = Math.min(120, to - m + 1);
      await sql`SELECT ruyi_ensure_partitions(${monthOf(m)}::date, ${months})`.execute(trx);
    }
  } else {
    await sql`SELECT ruyi_ensure_partitions(${monthStart(options.now.toISOString())}::date, ${1 + MONTHS_AHEAD})`.execute(trx);
  }

  const agents = await copyDictionary(trx, src, 'statement_agent_keys', 'key');
  const activities = await copyDictionary(trx, src, 'statement_activity_iris', 'iri');

  const readStatements = src.prepare(`SELECT ${STATEMENT_COLUMNS.join(', ')} FROM statements WHERE seq > ? ORDER BY seq LIMIT ?`);
  const readAgentRefs = src.prepare(
    'SELECT r.agent, r.seq, s.stored, r.direct FROM statement_agent_refs r JOIN statements s ON s.seq = r.seq WHERE r.seq > ? AND r.seq <= ?',
  ).raw(true);
  const readActivityRefs = src.prepare(
    'SELECT r.activity, r.seq, s.stored, r.direct FROM statement_activity_refs r JOIN statements s ON s.seq = r.seq WHERE r.seq > ? AND r.seq <= ?',
  ).raw(true);

  const hash = createHash('sha256');
  let count = 0;
  let agentRefs = 0;
  let activityRefs = 0;
  let last = 0;
  // One batch in flight: PostgreSQL stores it while this process reads and prepares the next from SQLite.
  let inFlight: Promise<unknown> | null = null;
  try {
    for (;;) {
      const rows = readStatements.all(last, options.batchSize) as StatementRow[];
      if (!rows.length) break;
      const from = last;
      last = rows[rows.length - 1]!.seq;
      for (const r of rows) hash.update(`${r.seq} ${r.id} ${md5(r.body)}\n`);
      const statementRows = rows.map((r) => STATEMENT_COLUMNS.map((c) => columnValue(c, r[c])));
      const agentRows = readAgentRefs.all(from, last) as [number, number, string, number][];
      const activityRows = readActivityRefs.all(from, last) as [number, number, string, number][];
      const queries = [
        // statement_ids first, as the store does: a duplicate id fails here.
        insertColumns('statement_ids', STATEMENT_ID_TYPES, [rows.map((r) => r.id), rows.map((r) => r.seq), rows.map((r) => r.stored)]),
        // Bodies as separate parameters: PostgreSQL takes them faster than as one text[] (no array literal to parse).
        ...batchedRows('statements', STATEMENT_COLUMNS, statementRows),
        insertColumns('statement_agent_refs', AGENT_REF_TYPES, refColumns(agentRows, agents)),
        insertColumns('statement_activity_refs', ACTIVITY_REF_TYPES, refColumns(activityRows, activities)),
      ];
      await inFlight;
      // In order, one at a time: pg's client takes one query at a time (and statement_ids must go first).
      inFlight = (async () => {
        for (const q of queries) await trx.executeQuery(q);
      })();
      // Not awaited until the next turn: a failure must not go unhandled meanwhile (it is thrown by the await).
      inFlight.catch(() => undefined);
      count += rows.length;
      agentRefs += agentRows.length;
      activityRefs += activityRows.length;
      options.onProgress?.({ table: 'statements', done: count, total });
    }
    await inFlight;
  } catch (error) {
    // The connection must be idle before the transaction rolls back.
    await inFlight?.catch(() => undefined);
    throw error;
  }
  return {
    count,
    firstSeq: span.first,
    lastSeq: span.last,
    nextSeq: Math.max(handedOut, span.last ?? 0),
    checksum: hash.digest('hex'),
    tables: [
      { table: 'statements', rows: count },
      { table: 'statement_ids', rows: count },
      { table: 'statement_agent_keys', rows: agents.size },
      { table: 'statement_activity_iris', rows: activities.size },
      { table: 'statement_agent_refs', rows: agentRefs },
      { table: 'statement_activity_refs', rows: activityRefs },
    ],
  };
}

/** Reads the copy back inside the transaction; any difference throws, and the transaction rolls back. */
async function verify(trx: Transaction<unknown>, src: Database.Database, generic: GenericTable[], copied: StatementCopy): Promise<void> {
  const problems: string[] = [];
  const expectCount = async (table: string, expected: number) => {
    const got = await countTarget(trx, table);
    if (got !== expected) problems.push(`${table}: ${got} rows, the source has ${expected}`);
  };
  await expectCount('statements', countSource(src, 'statements'));
  await expectCount('statement_ids', countSource(src, 'statements'));
  await expectCount('statement_agent_refs', countSource(src, 'statement_agent_refs'));
  await expectCount('statement_activity_refs', countSource(src, 'statement_activity_refs'));
  // Tables the source left empty were not checked for rows at the start either (the target may hold its own).
  for (const t of generic) if (t.sourceRows) await expectCount(t.name, t.sourceRows);

  const { rows: span } = await sql<{ first: number | null; last: number | null }>`SELECT min(seq) AS first, max(seq) AS last FROM statements`.execute(trx);
  if ((span[0]?.first ?? null) !== copied.firstSeq || (span[0]?.last ?? null) !== copied.lastSeq)
    problems.push(`statements: seq ${span[0]?.first}…${span[0]?.last}, the source has ${copied.firstSeq}…${copied.lastSeq}`);

  const hash = createHash('sha256');
  let last = 0;
  for (;;) {
    const { rows } = await sql<{ seq: number; id: string; md5: string }>`
      SELECT seq, id::text AS id, md5(body) AS md5 FROM statements WHERE seq > ${last} ORDER BY seq LIMIT 20000`.execute(trx);
    if (!rows.length) break;
    for (const r of rows) hash.update(`${r.seq} ${r.id} ${r.md5}\n`);
    last = rows[rows.length - 1]!.seq;
  }
  const checksum = hash.digest('hex');
  if (checksum !== copied.checksum) problems.push(`statements: the checksum of seq, id and body in order differs (${checksum} ≠ ${copied.checksum})`);
  if (problems.length) throw new Error(`the copy does not match the source, so nothing was kept: ${problems.join('; ')}`);
}

export const MOVE_USAGE = `  move-to-postgres <postgres://user@host:5432/database>: copies RUYI_DATA_DIR/ruyi.sqlite (statements with their
  seq and ids, attachments, clients, the sync ledger and every other table PostgreSQL has) into an EMPTY PostgreSQL
  database, creating its schema first. All or nothing: one transaction, verified (counts, first and last seq, a
  checksum of ids and bodies in order) before it commits; on any error nothing is kept and it can simply run again.
  A target that already holds statements is refused. Give the password in PGPASSWORD (or ~/.pgpass), not in the URL.
  Stop the park's server first: statements stored after the copy's snapshot are not moved.`;

const thousands = (n: number) => n.toLocaleString('en-US');

/** `npm run admin -- move-to-postgres <url>`; returns the exit code. */
export async function moveCommand(args: string[], config: { dataDir: string }, usage: string): Promise<number> {
  if (args.length !== 1 || args[0]!.startsWith('-')) {
    console.error(`move-to-postgres needs exactly one argument: the PostgreSQL database's URL.\n\n${usage}`);
    return 2;
  }
  const sqliteFile = join(config.dataDir, DB_FILE);
  console.log(`Moving ${sqliteFile} to ${redactDatabaseUrl(args[0]!)} …`);
  let lastPrint = 0;
  let statementsFrom = 0;
  try {
    const result = await moveToPostgres({
      sqliteFile,
      databaseUrl: args[0]!,
      onProgress: ({ table, done, total }) => {
        // Big files: a line every few seconds for the statements, so the operator sees it move.
        if (table !== 'statements') return;
        const now = performance.now();
        statementsFrom ||= now;
        if (done < total && now - lastPrint < 3000) return;
        lastPrint = now;
        const rate = done / Math.max(0.001, (now - statementsFrom) / 1000);
        console.log(`  statements: ${thousands(done)} of ${thousands(total)} (${Math.floor((done / Math.max(1, total)) * 100)} %)${done < total ? `, ${thousands(Math.round(rate))}/s` : ''}`);
      },
    });
    for (const t of result.tables) if (t.rows) console.log(`  ${t.table}: ${thousands(t.rows)} rows`);
    const empty = result.tables.filter((t) => !t.rows).map((t) => t.table);
    if (empty.length) console.log(`  empty: ${empty.join(', ')}`);
    for (const n of result.notCopied) console.log(`  not copied: ${n.what} (${thousands(n.rows)} rows): ${n.reason}`);
    const span = result.firstSeq === null ? 'none' : `seq ${result.firstSeq} to ${result.lastSeq}`;
    console.log(
      `Moved ${result.statements} statements (${span}) in ${result.seconds.toFixed(1)} s (${thousands(Math.round(result.statements / result.seconds))}/s), verified (counts, seq range, checksum ${result.checksum.slice(0, 16)}…).` +
        ` Start the server with RUYI_DATABASE_URL set to this database.`,
    );
    return 0;
  } catch (error) {
    if (error instanceof MoveRefused) {
      console.error(`admin: ${error.message}`);
      return 1;
    }
    throw error;
  }
}
