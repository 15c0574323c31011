// An online, consistent copy of the database while the server runs (SQLite's backup API through better-sqlite3), and
// the checks an operator runs by hand.
import Database from 'better-sqlite3';
import { closeSync, existsSync, openSync, rmSync, statSync } from 'node:fs';
import { checkDatabase } from './damage.ts';

export interface BackupResult {
  file: string;
  bytes: number;
  statements: number;
  /** quick_check's problems with the copy; empty when sound. */
  problems: string[];
}

/** Opens an existing database file as the server does (no migration, nothing created). */
export function openExisting(file: string, options: { readonly?: boolean } = {}): Database.Database {
  if (!existsSync(file)) throw new Error(`there is no database at ${file} (is RUYI_DATA_DIR right?)`);
  const db = new Database(file, { fileMustExist: true, readonly: options.readonly ?? false });
  db.pragma('busy_timeout = 5000');
  return db;
}

/**
 * Copies `source` to `target` (a new file: an existing one is never overwritten) and checks the copy. The copy is one
 * snapshot: after the first step the rest goes in a single step, so writers that commit meanwhile (WAL: they are not
 * blocked) cannot make the backup start over again and again.
 */
export async function backupDatabase(source: string, target: string): Promise<BackupResult> {
  // 'wx' fails if the file exists: no race between a check and the copy.
  try {
    closeSync(openSync(target, 'wx'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new Error(`${target} already exists; choose a new file name (a backup never overwrites one)`);
    throw error;
  }
  const db = openExisting(source);
  try {
    await db.backup(target, { progress: () => 1_000_000_000 });
  } catch (error) {
    rmSync(target, { force: true });
    throw error;
  } finally {
    db.close();
  }
  const copy = new Database(target, { fileMustExist: true });
  let problems: string[];
  let statements = 0;
  try {
    problems = checkDatabase(copy, 'quick_check');
    if (problems.length === 0) statements = copy.prepare('SELECT count(*) FROM statements').pluck().get() as number;
    // A copy meant to be carried away: one file, no -wal or -shm beside it.
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
  return { file: target, bytes: statSync(target).size, statements, problems };
}
