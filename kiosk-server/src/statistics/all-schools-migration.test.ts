// The migration that adds the all-schools level (SQLite 016, PostgreSQL 012) to cubes rolled up before it: run on a
// store holding the cubes as the follower kept them without that level, it leaves exactly the cubes the follower keeps
// now, and running it again over rows of both levels changes nothing.
import { rollUp } from '@ruyi/statistics';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { DIALECTS, useTestStorage } from '../test-support/dialect-storage.ts';
import { migrationsDir } from '../storage/migrations.ts';
import type { StorageDatabase } from '../storage/database.ts';
import { LEVELS } from './rollup.ts';
import { cubeRowsInStore, cubeRowsOf, generateFacts, writeCubes } from './test-facts.ts';

const MIGRATION = { sqlite: '016_all_schools.sql', postgres: '012_all_schools.sql' } as const;

/** The migration's text run as the migration runner runs it. */
async function runMigrationText(storage: StorageDatabase) {
  const text = readFileSync(join(migrationsDir(storage.dialect), MIGRATION[storage.dialect]), 'utf8');
  if (storage.sqlite) storage.sqlite.exec(text);
  else await storage.db.transaction().execute((trx) => sql.raw(text).execute(trx));
}

describe.each(DIALECTS)('the all-schools level migration on %s', { timeout: 60_000 }, (dialect) => {
  const store = useTestStorage(dialect);

  it('fills the level for cubes rolled up before it, exactly as the follower keeps it now', async () => {
    const { storage } = store;
    const facts = generateFacts(1500, 5);
    await writeCubes(storage, rollUp(facts, 480));
    expect(await storage.db.selectFrom('stat_items').select('school').where('school', '=', '*').execute()).toEqual([]);
    await runMigrationText(storage);
    const want = rollUp(facts, 480, undefined, LEVELS);
    expect(want.of('items').some((r) => r.school === '*')).toBe(true);
    for (const cube of ['items', 'steps', 'days'] as const) expect(await cubeRowsInStore(storage, cube), cube).toEqual(cubeRowsOf(want, cube));
    // Again, over both levels (as a follower already kept them): the sums are set, not added.
    await runMigrationText(storage);
    for (const cube of ['items', 'steps'] as const) expect(await cubeRowsInStore(storage, cube), `${cube} again`).toEqual(cubeRowsOf(want, cube));
  });
});
