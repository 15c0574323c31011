// The database's health while the server runs, in one place. Damage can surface anywhere: a request reading a broken
// page, the forwarder, a timer, or the periodic check. Whichever meets it first marks the server damaged; from then on
// /api/health answers 503 and says why, every write answers 503 with the restore steps (a write into a damaged file
// could make things worse, and a 2xx would tell a kiosk to drop statements it still holds), and the log says it once.
// Reads go on where the file still answers: staff can still see what is there.
//
// That is SQLite's file. On PostgreSQL the database server keeps its own pages (and its own checks); what can go wrong
// from here is that it does not answer. There the health is a `select 1` round trip, made when asked, and nothing
// watches `app.db` (there is none).
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { sql } from 'kysely';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { DatabaseDamaged, damagedMessage, describeDamage, restoreSteps, watchForDamage } from '../database/damage.ts';
import type { Dialect } from '../storage/database.ts';

export interface Damage {
  /** When it was found (ms). */
  at: number;
  /** What was found: a SQLite code and message, or quick_check's first problems. */
  problem: string;
  /** The plain explanation with the restore steps, as the 503 answers give it. */
  message: string;
}

/** The store in use and its state, as /api/health reports it. */
export interface StoreHealth {
  dialect: Dialect;
  /** The SQLite file, or the PostgreSQL URL without its password. */
  location: string;
  /** 'damaged': SQLite found damage (see `damage`); 'unavailable': PostgreSQL did not answer. */
  state: 'ok' | 'damaged' | 'unavailable';
  /** PostgreSQL: how long a `select 1` took to come back, in milliseconds. */
  roundTripMs?: number;
  /** PostgreSQL, when unavailable: why (the driver's message, or the wait that ran out). */
  problem?: string;
}

export interface DatabaseHealth {
  /** Null while the database is sound (always on PostgreSQL). */
  readonly damage: Damage | null;
  /** Marks the server damaged (once; later reports are ignored). SQLite only: ignored on PostgreSQL. */
  report(problem: string): void;
  /**
   * SQLite: runs `PRAGMA quick_check` on its own connection in a worker thread; reports what it finds. PostgreSQL: a
   * `select 1`. Resolves to the problems.
   */
  check(): Promise<string[]>;
  /** The store and its state now (on PostgreSQL one round trip). */
  probe(): Promise<StoreHealth>;
}

declare module 'fastify' {
  interface FastifyInstance {
    dbHealth: DatabaseHealth;
  }
}

export interface DbHealthOptions {
  /** Not needed any more (the file is `app.storage.location`); still accepted. */
  dataDir?: string;
  /** Minutes between background checks; 0: none (damage is still caught when a query meets it). SQLite only. */
  checkMinutes: number;
  /** PostgreSQL: how long the health round trip may take before the database counts as unavailable (default 3 s). */
  probeTimeoutMs?: number;
}

export const PROBE_TIMEOUT_MS = 3000;

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Writes that touch no database and that staff need while the server is damaged (logging in and out). */
const ALLOWED_WRITES = new Set(['/api/admin/session']);

const DRIVER = createRequire(import.meta.url).resolve('better-sqlite3');
// Plain JavaScript (a worker cannot load this TypeScript file without the loader): one read-only connection, one
// quick_check, the rows or the error's code back. The server's own connection and event loop are never held up.
const CHECK_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
let answer;
try {
  const Database = require(workerData.driver);
  const db = new Database(workerData.file, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    answer = { rows: db.pragma('quick_check(10)', { simple: false }) };
  } finally {
    db.close();
  }
} catch (error) {
  answer = { error: { code: String(error && error.code), message: String(error && error.message) } };
}
parentPort.postMessage(answer);
`;

type WorkerAnswer = { rows: Record<string, string>[] } | { error: { code: string; message: string } };

function quickCheckInWorker(file: string): { result: Promise<string[]>; stop(): Promise<void> } {
  const worker = new Worker(CHECK_WORKER, { eval: true, workerData: { driver: DRIVER, file } });
  const result = new Promise<string[]>((resolve, reject) => {
    worker.once('message', (answer: WorkerAnswer) => {
      if ('rows' in answer) {
        const lines = answer.rows.flatMap((row) => Object.values(row).flatMap((v) => String(v).split('\n')));
        resolve(lines.length === 1 && lines[0] === 'ok' ? [] : lines);
      } else if (/^SQLITE_(CORRUPT|NOTADB|IOERR)/.test(answer.error.code)) {
        resolve([`${answer.error.code}: ${answer.error.message}`]);
      } else reject(new Error(`the database check could not run: ${answer.error.code}: ${answer.error.message}`));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the database check stopped (exit ${code})`)));
  });
  return { result, stop: async () => void (await worker.terminate()) };
}

/** PostgreSQL's health: no damage to watch, one `select 1` per question, bounded in time. */
function postgresHealth(app: FastifyInstance, timeoutMs: number): DatabaseHealth {
  const { db, location } = app.storage;
  const probe = async (): Promise<StoreHealth> => {
    const started = performance.now();
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        sql`select 1`.execute(db),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
        }),
      ]);
      return { dialect: 'postgres', location, state: 'ok', roundTripMs: Math.round((performance.now() - started) * 100) / 100 };
    } catch (error) {
      return { dialect: 'postgres', location, state: 'unavailable', problem: error instanceof Error ? error.message || String(error) : String(error) };
    } finally {
      clearTimeout(timer);
    }
  };
  return {
    damage: null,
    report() {},
    async check() {
      const health = await probe();
      return health.problem ? [health.problem] : [];
    },
    probe,
  };
}

export default fp<DbHealthOptions>(
  async (app, options) => {
    if (app.storage.dialect === 'postgres') {
      app.decorate('dbHealth', postgresHealth(app, options.probeTimeoutMs ?? PROBE_TIMEOUT_MS));
      return;
    }
    const sqlite = app.storage.sqlite!;
    const file = app.storage.location;
    let damage: Damage | null = null;

    const report = (problem: string) => {
      if (damage) return;
      damage = { at: Date.now(), problem, message: damagedMessage(file, problem) };
      app.log.error({ file, problem }, `the database is damaged: /api/health answers 503 and writes are refused until it is restored.\n${restoreSteps(file)}`);
    };
    // Registered right after the db plugin, before anything prepares a statement: every query is watched.
    watchForDamage(sqlite, file, (error) => report(describeDamage(error)));

    let running: { result: Promise<string[]>; stop(): Promise<void> } | null = null;
    const check = async (): Promise<string[]> => {
      running ??= quickCheckInWorker(file);
      try {
        const problems = await running.result;
        if (problems.length) report(`PRAGMA quick_check: ${problems.slice(0, 3).join('; ')}`);
        return problems;
      } finally {
        running = null;
      }
    };

    app.decorate('dbHealth', {
      get damage() {
        return damage;
      },
      report,
      check,
      async probe() {
        return { dialect: 'sqlite', location: file, state: damage ? 'damaged' : 'ok' };
      },
    } satisfies DatabaseHealth);

    app.addHook('onRequest', async (request) => {
      if (!damage || READS.has(request.method)) return;
      if (ALLOWED_WRITES.has(request.url.split('?')[0]!)) return;
      throw new DatabaseDamaged(file, damage.problem);
    });

    let closing = false;
    const timer =
      options.checkMinutes > 0
        ? setInterval(() => {
            if (damage || running) return;
            check().catch((error: unknown) => {
              if (!closing) app.log.warn({ err: error }, 'the periodic database check failed to run');
            });
          }, options.checkMinutes * 60_000)
        : null;
    timer?.unref();
    // A file too big to check before listening (storage/plugin.ts) is checked now, while the server already answers.
    if (app.checkDeferred)
      app.addHook('onReady', async () => {
        app.log.info({ file }, 'the database is checked in the background (PRAGMA quick_check): it is too big to check before start');
        check()
          .then((problems) => {
            if (!problems.length) app.log.info({ file }, 'the database passed its check');
          })
          .catch((error: unknown) => {
            if (!closing) app.log.warn({ err: error }, 'the database check after start failed to run');
          });
      });
    app.addHook('preClose', async () => {
      closing = true;
      if (timer) clearInterval(timer);
      await running?.stop();
    });
  },
  { name: 'ruyi-db-health', fastify: '5.x', dependencies: ['ruyi-storage'] },
);
