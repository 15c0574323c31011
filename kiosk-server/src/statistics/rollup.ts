// The follower that keeps the statistics: it reads the statements stored after its cursor, in store order, and in one
// transaction writes their facts (statement_facts), adds their contributions to the cubes (stat_*), updates the replay
// memory and moves the cursor. The cursor moves only if no one else moved it meanwhile (several hub processes may run
// the follower on one database), so a batch counts exactly once; a crash between batches loses nothing. Reading
// follows the store's order: on PostgreSQL, seqs commit in the order handed out (the statement writers' advisory
// lock), so nothing can appear later below the cursor.
//
// A voiding statement takes its target's contributions back out (and its facts row); a statement already voided when
// read is not counted. A replay pair once counted stays counted (its second play is the one that counts).
import {
  contributionsOf,
  CUBES,
  CubeTotals,
  type Contribution,
  type CubeName,
  type Levels,
  type ReplayMemory,
  type StatFact,
} from '@ruyi/statistics';
import { CompiledQuery, type Compilable, type Kysely } from 'kysely';
import { sqliteBuilder } from '../admin/sqlite-sql.ts';
import type { StorageDatabase } from '../storage/database.ts';
import type { RuyiDatabase, StatementFactsTable } from '../storage/schema.ts';
import { factOfRow, statFactOf, type FactContext, type StoredForFacts } from './facts.ts';

export interface RollupOptions {
  context: FactContext;
  /** The park's offset from UTC in minutes: its calendar days. */
  utcOffsetMinutes: number;
  /** Statements read per transaction. */
  batchSize?: number;
}

export interface Rollup {
  /** Rolls up one batch; resolves to the statements read (0: caught up). */
  step(): Promise<number>;
  /** Rolls up until caught up; resolves to the statements read. */
  catchUp(): Promise<number>;
  /** The last statement rolled up. */
  cursor(): Promise<number>;
}

/** Another process moved the cursor while this one worked on the same batch: its work is discarded. */
export class RollupRaced extends Error {}

export const ROLLUP_BATCH = 2000;
/** The store's cubes keep the all-schools level (reader.ts reads it for every scope but a school). */
export const LEVELS: Levels = { allSchools: true };
/** Rows per multi-row INSERT: SQLite allows 32,766 parameters in one statement. */
const ROWS_PER_INSERT = 500;

type Row = StoredForFacts & { voided: unknown; voiding: unknown; object_statement_id: string | null };

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

function factRow(f: StatFact): StatementFactsTable {
  const flag = (b: boolean | null) => (b === null ? null : b ? 1 : 0);
  return {
    seq: f.seq, at: f.at, kind: f.kind, visit_id: f.visitId, run_id: f.runId, park: f.park, district: f.district, school: f.school,
    class_session: f.classSession, device: f.device, platform: f.platform, locale: f.locale, pack_id: f.packId, pack_version: f.packVersion,
    scenario_id: f.scenarioId, area: f.area, step_id: f.stepId, item_type: f.itemType, item: f.item, choice: f.choice, correct: flag(f.correct),
    score_scaled: f.scoreScaled, passed: flag(f.passed), duration_ms: f.durationMs,
  };
}

/** The replay memory of a batch: the stored rows of its visits, with what the batch changed. */
function batchMemory(rows: { visit_id: string; scenario: string; score_units: number; passed: unknown; paired: unknown }[]) {
  const plays = new Map<string, { visitId: string; scenario: string; scoreUnits: number; passed: boolean; paired: boolean }>();
  const key = (v: string, s: string) => `${v}\u0000${s}`;
  for (const r of rows) plays.set(key(r.visit_id, r.scenario), { visitId: r.visit_id, scenario: r.scenario, scoreUnits: Number(r.score_units), passed: Boolean(r.passed), paired: Boolean(r.paired) });
  const changed = new Set<string>();
  const forgotten = new Set<string>();
  const memory: ReplayMemory = {
    first: (v, s) => plays.get(key(v, s)),
    remember(v, s, play) {
      plays.set(key(v, s), { visitId: v, scenario: s, ...play });
      changed.add(key(v, s));
    },
    forgetVisit(v) {
      for (const [k, p] of plays) if (p.visitId === v) plays.delete(k), changed.delete(k);
      forgotten.add(v);
    },
  };
  return { memory, kept: () => [...changed].map((k) => plays.get(k)!), forgotten: () => [...forgotten] };
}

const noMemory: ReplayMemory = { first: () => ({ scoreUnits: 0, passed: false, paired: true }), remember() {}, forgetVisit() {} };

const negated = (c: Contribution): Contribution =>
  ({ ...c, add: Object.fromEntries(Object.entries(c.add).map(([m, v]) => [m, -(v as number)])) }) as Contribution;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The writes of one batch, built once for either dialect. */
function batchWrites(
  qb: Kysely<RuyiDatabase>,
  batch: { facts: StatFact[]; unfacted: number[]; totals: CubeTotals; kept: ReturnType<ReturnType<typeof batchMemory>['kept']>; forgotten: string[] },
): Compilable<unknown>[] {
  const writes: Compilable<unknown>[] = [];
  for (const part of chunks(batch.facts.map(factRow), ROWS_PER_INSERT)) writes.push(qb.insertInto('statement_facts').values(part));
  for (const part of chunks(batch.unfacted, ROWS_PER_INSERT)) writes.push(qb.deleteFrom('statement_facts').where('seq', 'in', part));
  for (const cube of Object.keys(CUBES) as CubeName[]) {
    const { dims, measures } = CUBES[cube];
    const rows = batch.totals.of(cube).map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [snake(k), v])));
    const table = `stat_${cube}` as const;
    for (const part of chunks(rows, ROWS_PER_INSERT))
      writes.push(
        qb
          .insertInto(table)
          .values(part as never)
          .onConflict((oc) =>
            oc.columns(dims.map(snake) as never).doUpdateSet((eb) =>
              Object.fromEntries(measures.map((m) => [snake(m), eb(`${table}.${snake(m)}` as never, '+', eb.ref(`excluded.${snake(m)}` as never))])) as never,
            ),
          ),
      );
  }
  for (const part of chunks(batch.forgotten, ROWS_PER_INSERT)) writes.push(qb.deleteFrom('stat_replay_memory').where('visit_id', 'in', part));
  for (const part of chunks(batch.kept, ROWS_PER_INSERT))
    writes.push(
      qb
        .insertInto('stat_replay_memory')
        .values(part.map((p) => ({ visit_id: p.visitId, scenario: p.scenario, score_units: p.scoreUnits, passed: p.passed ? 1 : 0, paired: p.paired ? 1 : 0 })))
        .onConflict((oc) => oc.columns(['visit_id', 'scenario']).doUpdateSet((eb) => ({ score_units: eb.ref('excluded.score_units'), passed: eb.ref('excluded.passed'), paired: eb.ref('excluded.paired') }))),
    );
  return writes;
}

export function createRollup(storage: StorageDatabase, options: RollupOptions): Rollup {
  const size = options.batchSize ?? ROLLUP_BATCH;
  const postgres = storage.dialect === 'postgres';
  const db = storage.db;
  const qb = postgres ? db : sqliteBuilder;

  const readCursor = async () => Number((await db.selectFrom('stat_cursor').select('seq').where('id', '=', 1).executeTakeFirstOrThrow()).seq);

  async function step(): Promise<number> {
    const from = await readCursor();
    const rows = (await db
      .selectFrom('statements')
      .select(['seq', 'body', 'stored', 'kind', 'visit_id', 'platform', 'locale', 'pack_id', 'scenario_id', 'area', 'run_id', 'score_scaled', 'passed', 'device', 'pack_version', 'voided', 'voiding', 'object_statement_id', 'client_id'])
      // The district and park staff registered for the client that sent it (a park's, on a hub), read with the row:
      // a statement stored through a client counts there, whatever it claims (see facts.ts).
      .select((eb) => eb.selectFrom('xapi_clients').select('xapi_clients.district').whereRef('xapi_clients.id', '=', 'statements.client_id').as('client_district'))
      .select((eb) => eb.selectFrom('xapi_clients').select('xapi_clients.park').whereRef('xapi_clients.id', '=', 'statements.client_id').as('client_park'))
      .where('seq', '>', from)
      .orderBy('seq')
      .limit(size)
      .execute()) as Row[];
    if (!rows.length) return 0;
    const to = Number(rows[rows.length - 1]!.seq);

    const facts = rows.flatMap((r) => {
      if (Boolean(r.voided)) return [];
      const fact = statFactOf({ ...r, seq: Number(r.seq), stored: new Date(r.stored).toISOString() }, options.context);
      return fact ? [fact] : [];
    });
    // Targets of the batch's voiding statements that were counted before: their contributions go back out.
    const targets = rows.flatMap((r) => (Boolean(r.voiding) && r.object_statement_id ? [r.object_statement_id.toLowerCase()] : []));
    const targetSeqs = targets.length
      ? (postgres
          ? await db.selectFrom('statement_ids').select('seq').where('id', 'in', targets).execute()
          : await db.selectFrom('statements').select('seq').where('id', 'in', targets).execute()
        ).map((r) => Number(r.seq))
      : [];
    const voidedFacts = targetSeqs.length ? (await db.selectFrom('statement_facts').selectAll().where('seq', 'in', targetSeqs).execute()).map(factOfRow) : [];

    const visits = [...new Set(facts.filter((f) => f.kind === 'scenario-end').map((f) => f.visitId))];
    const stored = visits.length ? await db.selectFrom('stat_replay_memory').selectAll().where('visit_id', 'in', visits).execute() : [];
    const replay = batchMemory(stored);
    const totals = new CubeTotals();
    for (const fact of facts) totals.add(contributionsOf(fact, replay.memory, options.utcOffsetMinutes, LEVELS));
    for (const fact of voidedFacts) totals.add(contributionsOf(fact, noMemory, options.utcOffsetMinutes, LEVELS).map(negated));

    const writes = batchWrites(qb, { facts, unfacted: voidedFacts.map((f) => f.seq), totals, kept: replay.kept(), forgotten: replay.forgotten() });
    const cursor = qb.updateTable('stat_cursor').set({ seq: to }).where('id', '=', 1).where('seq', '=', from);
    if (postgres) {
      await db.transaction().execute(async (trx) => {
        const moved = await trx.executeQuery(cursor.compile());
        if (Number(moved.numAffectedRows ?? 0) !== 1) throw new RollupRaced(`the statistics cursor moved from ${from} meanwhile`);
        for (const w of writes) await trx.executeQuery(w.compile() as CompiledQuery);
      });
    } else {
      const sqlite = storage.sqlite!;
      sqlite.transaction(() => {
        const c = cursor.compile();
        if (sqlite.prepare(c.sql).run(...(c.parameters as unknown[])).changes !== 1) throw new RollupRaced(`the statistics cursor moved from ${from} meanwhile`);
        for (const w of writes) {
          const q = w.compile();
          sqlite.prepare(q.sql).run(...(q.parameters as unknown[]));
        }
      }).immediate();
    }
    return rows.length;
  }

  return {
    step,
    async catchUp() {
      let total = 0;
      for (let n = await step(); n > 0; n = await step()) total += n;
      return total;
    },
    cursor: readCursor,
  };
}
