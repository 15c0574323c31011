// `npm run admin -- integrity-check` and `npm run admin -- backup <file>`: on RUYI_DATA_DIR/ruyi.sqlite, safe while the
// server runs. `move-to-postgres <url>` (move.ts) copies it into PostgreSQL.
import { join, resolve } from 'node:path';
import type { Config } from '../config.ts';
import { DB_FILE } from '../plugins/db.ts';
import { backupDatabase, openExisting } from './backup.ts';
import { checkDatabase, describeDamage, restoreSteps } from './damage.ts';
import { MOVE_USAGE } from './move.ts';

export { moveCommand } from './move.ts';

export const DATABASE_USAGE = `  integrity-check: runs SQLite's full PRAGMA integrity_check on RUYI_DATA_DIR/ruyi.sqlite; prints ok (exit 0) or
  the problems and what to do (exit 1). Safe while the server runs (it only reads).
  backup <file>: copies the database to <file>, a new file, while the server runs (SQLite's online backup: one
  consistent snapshot, WAL included), checks the copy and prints its size.
${MOVE_USAGE}`;

const MiB = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

export function integrityCheckCommand(config: Config): number {
  const file = join(config.dataDir, DB_FILE);
  let problems: string[];
  try {
    const db = openExisting(file, { readonly: true });
    try {
      problems = checkDatabase(db, 'integrity_check', 100);
    } finally {
      db.close();
    }
  } catch (error) {
    if (error instanceof Error && !('code' in error)) throw error;
    problems = [describeDamage(error)];
  }
  if (problems.length === 0) {
    console.log(`ok: ${file} passed PRAGMA integrity_check`);
    return 0;
  }
  console.log(`${file} is damaged: PRAGMA integrity_check found\n${problems.map((p) => `  ${p}`).join('\n')}\n${restoreSteps(file)}`);
  return 1;
}

export async function backupCommand(args: string[], config: Config, usage: string): Promise<number> {
  if (args.length !== 1 || args[0]!.startsWith('-')) {
    console.error(`backup needs exactly one argument: the new file to write.\n\n${usage}`);
    return 2;
  }
  const source = join(config.dataDir, DB_FILE);
  const target = resolve(args[0]!);
  const result = await backupDatabase(source, target);
  if (result.problems.length) {
    console.error(`The copy ${target} failed its check (${result.problems.slice(0, 3).join('; ')}): the database itself may be damaged; run integrity-check.`);
    return 1;
  }
  console.log(`Backed up ${source} to ${target}: ${MiB(result.bytes)}, ${result.statements} statements, checked (quick_check ok).`);
  return 0;
}
