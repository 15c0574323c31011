// Queries written once with Kysely and run synchronously on a better-sqlite3 handle: the SQLite side of a store keeps
// its transactions synchronous (nothing else runs between its statements) while both dialects share one SQL source.
// The builder only compiles; it never opens a connection.
import type Database from 'better-sqlite3';
import { DummyDriver, Kysely, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler, type Compilable } from 'kysely';
import type { RuyiDatabase } from '../storage/schema.ts';

export const sqliteBuilder = new Kysely<RuyiDatabase>({
  dialect: {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new SqliteIntrospector(db),
    createQueryCompiler: () => new SqliteQueryCompiler(),
  },
});

type Row<Q> = Q extends Compilable<infer R> ? R : never;

// A statement is prepared once per connection and SQL text (the texts are few: values are parameters).
const prepared = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/** The prepared statement for `sql` on `db`, made once. */
export function sqlitePrepare(db: Database.Database, sql: string): Database.Statement {
  let statements = prepared.get(db);
  if (!statements) prepared.set(db, (statements = new Map()));
  let statement = statements.get(sql);
  if (!statement) statements.set(sql, (statement = db.prepare(sql)));
  return statement;
}

export function sqliteAll<Q extends Compilable<any>>(db: Database.Database, query: Q): Row<Q>[] {
  const { sql, parameters } = query.compile();
  return sqlitePrepare(db, sql).all(...(parameters as unknown[])) as Row<Q>[];
}

export function sqliteGet<Q extends Compilable<any>>(db: Database.Database, query: Q): Row<Q> | undefined {
  const { sql, parameters } = query.compile();
  return sqlitePrepare(db, sql).get(...(parameters as unknown[])) as Row<Q> | undefined;
}

/** Runs a write; returns the rows it changed. */
export function sqliteRun(db: Database.Database, query: Compilable<unknown>): number {
  const { sql, parameters } = query.compile();
  return sqlitePrepare(db, sql).run(...(parameters as unknown[])).changes;
}
