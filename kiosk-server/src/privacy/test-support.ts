// For tests of the statistics and deletion stores on both dialects: a migrated store (a SQLite file in a temporary
// folder, or a fresh database in the run's PostgreSQL cluster), and statements written into it row by row with Kysely,
// with the side rows the statement store writes (ids, agent and activity references), whatever the statement store's
// own implementation does meanwhile.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDatabase, type Dialect, type StorageDatabase } from '../storage/database.ts';
import { runMigrations } from '../storage/migrations.ts';
import { ensurePartitions } from '../storage/partitions.ts';
import { freshPostgresDatabase } from '../test-support/test-app.ts';
import type { Agent, Statement } from '../xapi/lib.ts';
import { activitiesOf, agentsOf } from '../xapi/store.ts';

export const DIALECTS: readonly Dialect[] = ['sqlite', 'postgres'];

export const PARK = 'https://ruyi.localhost/parks/test';
export const AUTHORITY: Agent = { objectType: 'Agent', account: { homePage: 'https://ruyi.localhost/xapi/clients', name: 'local-tool' } } as Agent;

export interface TestStore {
  storage: StorageDatabase;
  /** Where a separate process finds the same store: RUYI_DATA_DIR, and RUYI_DATABASE_URL on PostgreSQL. */
  env: { RUYI_DATA_DIR: string; RUYI_DATABASE_URL?: string };
  close(): Promise<void>;
}

/** A migrated, empty store of that dialect (PostgreSQL: with this month's partitions and those ahead). */
export async function openTestStore(dialect: Dialect): Promise<TestStore> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ruyi-stats-'));
  const databaseUrl = dialect === 'postgres' ? await freshPostgresDatabase() : null;
  const storage = createDatabase({ dataDir, databaseUrl });
  await runMigrations(storage);
  await ensurePartitions(storage);
  return {
    storage,
    env: { RUYI_DATA_DIR: dataDir, ...(databaseUrl ? { RUYI_DATABASE_URL: databaseUrl } : {}) },
    async close() {
      await storage.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface TestStatement {
  /** The xAPI statement; an id is made when it has none. */
  statement: Record<string, unknown>;
  /** ISO 8601; now by default. */
  stored?: string;
  /** Ruyi's statistics columns (the store reads them back from Ruyi's own statements). */
  facts?: { kind?: string; visit_id?: string; platform?: string; area?: string; score_scaled?: number | null; voided?: boolean };
}

/** A visitor's statement as the kiosk app shapes it: the visit id is the account name and the registration. */
export function visitStatement(visit: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    actor: { objectType: 'Agent', account: { homePage: PARK, name: visit } },
    verb: { id: 'http://adlnet.gov/expapi/verbs/experienced' },
    object: { objectType: 'Activity', id: `${PARK}/activities/${randomUUID()}` },
    context: { registration: visit },
    ...extra,
  };
}

/** Writes the statements in order, as the store would (with their side rows); answers each one's seq and id. */
export async function insertStatements(storage: StorageDatabase, items: readonly TestStatement[]): Promise<{ seq: number; id: string }[]> {
  const postgres = storage.dialect === 'postgres';
  const out: { seq: number; id: string }[] = [];
  for (const item of items) {
    const id = (item.statement.id as string | undefined) ?? randomUUID();
    const stored = item.stored ?? new Date().toISOString();
    const statement = { ...item.statement, id, stored, authority: AUTHORITY } as unknown as Statement;
    const object = item.statement.object as { objectType?: string; id?: string } | undefined;
    const context = item.statement.context as { registration?: string } | undefined;
    const f = item.facts ?? {};
    await storage.db.transaction().execute(async (trx) => {
      const { seq } = await trx
        .insertInto('statements')
        .values({
          id,
          body: JSON.stringify(statement),
          stored,
          authority: JSON.stringify(AUTHORITY),
          client_id: null,
          verb_id: (item.statement.verb as { id: string }).id,
          timestamp: stored,
          registration: context?.registration ?? null,
          object_statement_id: object?.objectType === 'StatementRef' ? object.id! : null,
          voiding: (item.statement.verb as { id: string }).id === 'http://adlnet.gov/expapi/verbs/voided' ? 1 : 0,
          voided: f.voided ? 1 : 0,
          kind: f.kind ?? null,
          visit_id: f.visit_id ?? null,
          platform: f.platform ?? null,
          area: f.area ?? null,
          score_scaled: f.score_scaled ?? null,
        })
        .returning('seq')
        .executeTakeFirstOrThrow();
      if (postgres) await trx.insertInto('statement_ids').values({ id, seq, stored }).execute();
      const agents = agentsOf(statement, AUTHORITY);
      for (const key of agents.related) {
        await trx.insertInto('statement_agent_keys').values({ key }).onConflict((oc) => oc.column('key').doNothing()).execute();
        const { id: agent } = await trx.selectFrom('statement_agent_keys').select('id').where('key', '=', key).executeTakeFirstOrThrow();
        await trx
          .insertInto('statement_agent_refs')
          .values({ agent, seq, direct: agents.direct.has(key) ? 1 : 0, ...(postgres ? { stored } : {}) })
          .execute();
      }
      const activities = activitiesOf(statement);
      for (const iri of activities.related) {
        await trx.insertInto('statement_activity_iris').values({ iri }).onConflict((oc) => oc.column('iri').doNothing()).execute();
        const { id: activity } = await trx.selectFrom('statement_activity_iris').select('id').where('iri', '=', iri).executeTakeFirstOrThrow();
        await trx
          .insertInto('statement_activity_refs')
          .values({ activity, seq, direct: activities.direct.has(iri) ? 1 : 0, ...(postgres ? { stored } : {}) })
          .execute();
      }
      out.push({ seq, id });
    });
  }
  return out;
}

/** The number of rows a query counts, as a number on both dialects. */
export async function countRows(storage: StorageDatabase, table: 'statements' | 'statement_ids' | 'statement_agent_refs' | 'statement_activity_refs' | 'statement_agent_keys' | 'statement_activity_iris' | 'attachments' | 'xapi_documents' | 'sync_quarantine'): Promise<number> {
  const row = await storage.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}
