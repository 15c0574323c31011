// The database's health while the server runs, in one place. Damage can surface anywhere: a request reading a broken
// page, the forwarder, a timer, or the periodic check. Whichever meets it first marks the server damaged; from then on
// /api/health answers 503 and says why, every write answers 503 with the restore steps (a write into a damaged file
// could make things worse, and a 2xx would tell a kiosk to drop statements it still holds), and the log says it once.
// Reads go on where the file still answers: staff can still see what is there.
import fp from 'fastify-plugin';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { DatabaseDamaged, damagedMessage, describeDamage, restoreSteps, watchForDamage } from '../database/damage.ts';
import { DB_FILE } from './db.ts';

export interface Damage {
  /** When it was found (ms). */
  at: number;
  /** What was found: a SQLite code and message, or quick_check's first problems. */
  problem: string;
  /** The plain explanation with the restore steps, as the 503 answers give it. */
  message: string;
}

export interface DatabaseHealth {
  /** Null while the database is sound. */
  readonly damage: Damage | null;
  /** Marks the server damaged (once; later reports are ignored). */
  report(problem: string): void;
  /** Runs `PRAGMA quick_check` on its own connection in a worker thread; reports what it finds. Resolves to the problems. */
  check(): Promise<string[]>;
}

declare module 'fastify' {
  interface FastifyInstance {
    dbHealth: DatabaseHealth;
  }
}

export interface DbHealthOptions {
  dataDir: string;
  /** Minutes between background checks; 0: none (damage is still caught when a query meets it). */
  checkMinutes: number;
}

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

export default fp<DbHealthOptions>(
  async (app, options) => {
    const file = join(options.dataDir, DB_FILE);
    let damage: Damage | null = null;

    const report = (problem: string) => {
      if (damage) return;
      damage = { at: Date.now(), problem, message: damagedMessage(file, problem) };
      app.log.error({ file, problem }, `the database is damaged: /api/health answers 503 and writes are refused until it is restored.\n${restoreSteps(file)}`);
    };
    // Registered right after the db plugin, before anything prepares a statement: every query is watched.
    watchForDamage(app.db, file, (error) => report(describeDamage(error)));

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
    app.addHook('preClose', async () => {
      closing = true;
      if (timer) clearInterval(timer);
      await running?.stop();
    });
  },
  { name: 'ruyi-db-health', fastify: '5.x', dependencies: ['ruyi-db'] },
);
