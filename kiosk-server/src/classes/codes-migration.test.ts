// The migration that keeps join codes (SQLite 017, PostgreSQL 013) on a database that had classes before it: it keeps
// the codes of the classes still there and of those already deleted whose statements were rolled up, and no others.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDatabase, type StorageDatabase } from '../storage/database.ts';
import { listMigrations, migrationsDir, runMigrations } from '../storage/migrations.ts';
import { createTestDatabase } from '../storage/test-postgres.ts';
import { TEST_STORE } from '../test-support/test-app.ts';

const KEEPS_CODES = /^(017|013)_class_codes_used\.sql$/;

let storage: StorageDatabase | undefined;
const folders: string[] = [];
afterEach(async () => {
  await storage?.close();
  storage = undefined;
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

const folder = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  folders.push(dir);
  return dir;
};

describe(`keeping join codes, migrating a database that had classes (${TEST_STORE})`, () => {
  it('keeps the codes of the classes there and of deleted ones whose statements were rolled up', async () => {
    const dataDir = folder('ruyi-codes-');
    const base = process.env.RUYI_TEST_DATABASE_URL?.trim();
    if (TEST_STORE === 'postgres' && !base) throw new Error('RUYI_TEST_DATABASE_URL is not set');
    storage = createDatabase(TEST_STORE === 'postgres' ? { dataDir, databaseUrl: await createTestDatabase(base!, 'ruyi_codes') } : { dataDir });
    // Every migration but this one first.
    const before = folder('ruyi-codes-migrations-');
    for (const file of listMigrations(migrationsDir(storage.dialect))) if (!KEEPS_CODES.test(file.name)) copyFileSync(file.path, join(before, file.name));
    await runMigrations(storage, { dir: before });

    const at = '2026-06-01T09:00:00.000Z';
    await storage.db
      .insertInto('class_sessions')
      .values({ id: crypto.randomUUID(), code: 'HHHHHH', school: 'S-1', grade: 4, label: '1班', teacher_id: 7, opened_at: at, closes_at: at, closed_at: null, joined: 0 })
      .execute();
    const fact = (seq: number, classSession: string | null) => ({
      seq, at, kind: 'visit-start', visit_id: crypto.randomUUID(), run_id: null, park: 'p', district: null, school: classSession?.split('/')[0] ?? null,
      class_session: classSession, device: null, platform: 'kiosk', locale: 'zh-CN', pack_id: null, pack_version: null, scenario_id: null, area: null,
      step_id: null, item_type: null, item: null, choice: null, correct: null, score_scaled: null, passed: null, duration_ms: null,
    });
    // A deleted class of S-1 and one of S-2 whose statements were rolled up, one twice; the live class's own; none.
    await storage.db
      .insertInto('statement_facts')
      .values([fact(1, 'S-1/GGGGGG'), fact(2, 'S-2/GGGGGG'), fact(3, 'S-2/GGGGGG'), fact(4, 'S-1/HHHHHH'), fact(5, null)])
      .execute();

    expect(await runMigrations(storage)).toEqual([expect.stringMatching(KEEPS_CODES)]);
    const kept = await storage.db.selectFrom('class_codes_used').selectAll().orderBy('school').orderBy('code').execute();
    expect(kept.map((r) => `${r.school}/${r.code}`)).toEqual(['S-1/GGGGGG', 'S-1/HHHHHH', 'S-2/GGGGGG']);
  });
});
