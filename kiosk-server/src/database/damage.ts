// Telling a damaged database file apart from every other failure, and saying so in words an operator can act on.
// SQLite reports damage through a few result codes (extended codes such as SQLITE_CORRUPT_INDEX or
// SQLITE_IOERR_SHORT_READ share their primary code's prefix); anything else (a constraint, a busy lock, a full disk)
// is not damage and is left to the code that hit it.
import type Database from 'better-sqlite3';
import { join } from 'node:path';
import { ApiError } from '../errors.ts';

const DAMAGE_CODE = /^SQLITE_(CORRUPT|NOTADB|IOERR)(_|$)/;

export const README_SECTION = 'kiosk-server/README.md, section "Data and backup"';

/** The SQLite result code of an error (better-sqlite3's SqliteError carries it as `code`), or null. */
export function sqliteCode(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : null;
}

/** True for the errors that mean the file is damaged or cannot be read, not that one operation was refused. */
export function isDamage(error: unknown): boolean {
  const code = sqliteCode(error);
  return code !== null && DAMAGE_CODE.test(code);
}

/** What went wrong, in one line: `SQLITE_CORRUPT: database disk image is malformed`. */
export function describeDamage(error: unknown): string {
  const code = sqliteCode(error);
  const message = error instanceof Error ? error.message : String(error);
  return code ? `${code}: ${message}` : message;
}

/** What to do about it: the same steps in the start-up message, the 503 answers and the README. */
export function restoreSteps(file: string): string {
  const dataDir = join(file, '..');
  return [
    'To restore:',
    '  1. Stop the server.',
    `  2. Move the damaged file aside (keep it for inspection): ${file}, and ${file}-wal and ${file}-shm if present.`,
    `  3. Copy the latest backup (made with \`npm run admin -- backup <file>\`) to ${join(dataDir, 'ruyi.sqlite')}.`,
    '  4. Start the server again.',
    'Or start with no file there: the server creates an empty database (statements not yet forwarded are lost).',
    `See ${README_SECTION}.`,
  ].join('\n');
}

/** The database could not be opened or failed its check at start: the server must not run on it. */
export class DatabaseUnusable extends Error {
  override name = 'DatabaseUnusable';
  constructor(
    readonly file: string,
    readonly problem: string,
  ) {
    super(`The database ${file} cannot be used: ${problem}.\nThe server did not start.\n${restoreSteps(file)}`);
  }
}

/** Damage found while running: requests that meet it answer 503 with this text instead of a bare 500. */
export class DatabaseDamaged extends ApiError {
  constructor(
    readonly file: string,
    readonly problem: string,
  ) {
    super(503, damagedMessage(file, problem));
    this.name = 'DatabaseDamaged';
  }
}

export function damagedMessage(file: string, problem: string): string {
  return `the database ${file} is damaged (${problem}); the server stopped taking writes. ${restoreSteps(file).replace(/\n\s*/g, ' ')}`;
}

/**
 * Up to `limit` problems `PRAGMA quick_check` (or integrity_check) finds; empty when the file is sound. An error on the
 * way (a header SQLite does not recognise, a page it cannot read) counts as one problem, named by its code.
 */
export function checkDatabase(db: Database.Database, pragma: 'quick_check' | 'integrity_check', limit = 20): string[] {
  try {
    const rows = db.pragma(`${pragma}(${limit})`, { simple: false }) as Record<string, string>[];
    const lines = rows.flatMap((row) => Object.values(row).flatMap((v) => String(v).split('\n')));
    return lines.length === 1 && lines[0] === 'ok' ? [] : lines;
  } catch (error) {
    if (isDamage(error)) return [describeDamage(error)];
    throw error;
  }
}

/**
 * Calls `onDamage` whenever a database call on this connection fails with damage, whoever made it (a request, the
 * forwarder, a timer), and turns that error into DatabaseDamaged (503 through the error handler). Wraps the
 * connection's own methods and each statement it prepares from now on, so no route needs a check of its own.
 */
export function watchForDamage(db: Database.Database, file: string, onDamage: (error: unknown) => void): void {
  const guard = <T>(call: () => T): T => {
    try {
      return call();
    } catch (error) {
      // DatabaseDamaged from an inner call (a statement inside a transaction) has no SQLite code: passed on as is.
      if (!isDamage(error)) throw error;
      onDamage(error);
      throw Object.assign(new DatabaseDamaged(file, describeDamage(error)), { cause: error });
    }
  };
  const wrapIterator = <T>(iterator: IterableIterator<T>): IterableIterator<T> => {
    const wrapped: IterableIterator<T> = {
      next: () => guard(() => iterator.next()),
      return: (value?: unknown) => iterator.return?.(value) ?? { done: true, value: undefined },
      [Symbol.iterator]: () => wrapped,
    };
    return wrapped;
  };

  const prepare = db.prepare.bind(db);
  (db as { prepare: unknown }).prepare = (sql: string) => {
    const statement = guard(() => prepare(sql));
    const s = statement as unknown as Record<'run' | 'get' | 'all' | 'iterate', (...args: unknown[]) => unknown>;
    for (const method of ['run', 'get', 'all'] as const) {
      const original = s[method]!.bind(statement);
      s[method] = (...args) => guard(() => original(...args));
    }
    const iterate = s.iterate!.bind(statement);
    s.iterate = (...args) => wrapIterator(guard(() => iterate(...args)) as IterableIterator<unknown>);
    return statement;
  };
  const exec = db.exec.bind(db);
  (db as { exec: unknown }).exec = (sql: string) => guard(() => exec(sql));
  const pragma = db.pragma.bind(db);
  (db as { pragma: unknown }).pragma = (source: string, options?: Database.PragmaOptions) => guard(() => pragma(source, options));
  const transaction = db.transaction.bind(db);
  (db as { transaction: unknown }).transaction = (fn: (...args: never[]) => unknown) => {
    const tx = transaction(fn) as unknown as Record<string, (...args: unknown[]) => unknown> & ((...args: unknown[]) => unknown);
    const wrapped = Object.assign((...args: unknown[]) => guard(() => tx(...args)), {
      default: (...args: unknown[]) => guard(() => tx.default!(...args)),
      deferred: (...args: unknown[]) => guard(() => tx.deferred!(...args)),
      immediate: (...args: unknown[]) => guard(() => tx.immediate!(...args)),
      exclusive: (...args: unknown[]) => guard(() => tx.exclusive!(...args)),
    });
    return wrapped;
  };
}
