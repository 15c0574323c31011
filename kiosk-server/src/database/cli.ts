// `npm run admin -- integrity-check` and `npm run admin -- backup <file>`: on RUYI_DATA_DIR/ruyi.sqlite, safe while the
// server runs (with RUYI_DATABASE_URL set they refuse and name PostgreSQL's own tools). `move-to-postgres <url>`
// (move.ts) copies it into PostgreSQL.
import { join, resolve } from 'node:path';
import type { Config } from '../config.ts';
import { DB_FILE } from '../plugins/db.ts';
import { backupDatabase, openExisting } from './backup.ts';
import { checkDatabase, describeDamage, restoreSteps } from './damage.ts';
import { MOVE_USAGE } from './move.ts';
import { redactDatabaseUrl } from '../storage/url.ts';

export { moveCommand } from './move.ts';

export const DATABASE_USAGE = `  integrity-check: runs SQLite's full PRAGMA integrity_check on RUYI_DATA_DIR/ruyi.sqlite; prints ok (exit 0) or
  the problems and what to do (exit 1). Safe while the server runs (it only reads).
  backup <file>: copies the database to <file>, a new file, while the server runs (SQLite's online backup: one
  consistent snapshot, WAL included), checks the copy and prints its size.
${MOVE_USAGE}`;

const MiB = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

/**
 * Both commands read the SQLite file; with RUYI_DATABASE_URL set the server's data is in PostgreSQL, whose own tools
 * check and back it up. Said plainly (exit 1) rather than "there is no database" or a check of a file not in use.
 */
function refusedOnPostgres(config: Config, command: string, instead: string): number | null {
  if (!config.databaseUrl) return null;
  console.error(
    `admin: ${command} works on the SQLite file (RUYI_DATA_DIR/${DB_FILE}); this server's database is PostgreSQL ` +
      `(RUYI_DATABASE_URL ${redactDatabaseUrl(config.databaseUrl)}). ${instead} (see kiosk-server/README.md, the hub's runbook).`,
  );
  return 1;
}

export function integrityCheckCommand(config: Config): number {
  const refused = refusedOnPostgres(config, 'integrity-check', 'PostgreSQL checks its own pages: use pg_amcheck');
  if (refused !== null) return refused;
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
  const refused = refusedOnPostgres(config, 'backup', 'Back it up with pg_dump or pg_basebackup');
  if (refused !== null) return refused;
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
