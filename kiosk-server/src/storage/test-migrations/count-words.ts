// A backfill only code can do (it parses each row's JSON), written once with Kysely for both dialects: the test
// fixture for TypeScript migrations.
import type { Transaction } from 'kysely';
import type { MigrationContext } from '../migrations.ts';

interface Notes {
  notes: { id: number; body: string; word_count: number | null };
}

export async function up(db: Transaction<Notes>, context: MigrationContext): Promise<void> {
  const rows = await db.selectFrom('notes').select(['id', 'body']).where('word_count', 'is', null).orderBy('id').execute();
  for (const row of rows) {
    const words = (JSON.parse(row.body) as { words: string[] }).words.length;
    await db.updateTable('notes').set({ word_count: words }).where('id', '=', row.id).execute();
  }
  // Proves the migration ran inside the runner's transaction on SQLite's own connection.
  if (context.dialect === 'sqlite' && !context.sqlite?.inTransaction) throw new Error('backfill ran outside a transaction');
}
