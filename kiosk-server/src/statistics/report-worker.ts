// On SQLite, a report is made in a worker thread: its own read-only connection runs the report's queries in one read
// transaction, the thread builds the report, checks it against the response schema and turns it into JSON, and the
// server's thread only passes the bytes on. At city scale that is tens of milliseconds of work per report that would
// otherwise hold the event loop (health checks, kiosks' statements) while dashboards load. Reports take turns in the
// thread, as they did on one connection. The thread starts with the first report, ends after a while without one, and
// never keeps the process alive; if it dies, the report is made on the server's thread instead.
import { StatisticsReport } from '@ruyi/api-contract';
import type { Scope } from '@ruyi/statistics';
import Database from 'better-sqlite3';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { sqliteBuilder } from '../admin/sqlite-sql.ts';
import { buildReport, reportQueries, versionOf, versionQuery } from './reader.ts';

type Period = { from: string; to: string };
interface Job {
  id: number;
  period: Period;
  scope: Scope;
}
type Answer = { id: number; cursor: number; body: Uint8Array } | { id: number; error: string };

/** How long the thread stays after the last report. */
const IDLE_MS = 60_000;

/** The report's queries, read in one transaction, built, checked and serialized: the same in either thread. */
export function reportJsonOn(db: Database.Database, period: Period, scope: Scope): { cursor: number; body: Buffer } {
  const queries = { ...reportQueries(sqliteBuilder, period, scope), cursor: versionQuery(sqliteBuilder) };
  const rows: Record<string, Record<string, unknown>[]> = {};
  db.exec('BEGIN');
  try {
    for (const [name, q] of Object.entries(queries)) {
      const c = q.compile();
      rows[name] = db.prepare(c.sql).all(...(c.parameters as unknown[])) as Record<string, unknown>[];
    }
  } finally {
    db.exec('COMMIT');
  }
  const report = buildReport(period, scope, rows as never);
  return { cursor: versionOf(rows.cursor![0]), body: Buffer.from(JSON.stringify(StatisticsReport.parse(report))) };
}

/** The worker thread's side: answers each job on its own connection to `file`. */
function serve(file: string): void {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  parentPort!.on('message', (job: Job) => {
    let answer: Answer;
    try {
      const { cursor, body } = reportJsonOn(db, job.period, job.scope);
      answer = { id: job.id, cursor, body };
    } catch (error) {
      answer = { id: job.id, error: error instanceof Error ? error.message : String(error) };
    }
    parentPort!.postMessage(answer);
  });
}

if (!isMainThread && (workerData as { ruyiReports?: string } | null)?.ruyiReports) serve((workerData as { ruyiReports: string }).ruyiReports);

/** The worker died or could not start: the caller makes the report itself. */
export class ReportWorkerGone extends Error {}

export interface ReportWorker {
  reportJson(period: Period, scope: Scope): Promise<{ cursor: number; body: Buffer }>;
  close(): Promise<void>;
}

export function createReportWorker(file: string): ReportWorker {
  let worker: Worker | null = null;
  let idle: NodeJS.Timeout | null = null;
  let nextId = 0;
  // A thread that stopped before its first answer could not start (no TypeScript loader, say): not tried again.
  let answered = false;
  let broken = false;
  const pending = new Map<number, { resolve: (v: { cursor: number; body: Buffer }) => void; reject: (e: Error) => void }>();

  const gone = (w: Worker, error: Error) => {
    if (worker !== w) return;
    worker = null;
    if (!answered) broken = true;
    for (const p of pending.values()) p.reject(new ReportWorkerGone(`the statistics worker stopped: ${error.message}`));
    pending.clear();
  };
  const start = (): Worker => {
    // A worker does not inherit the TypeScript loader the server runs under (tsx): it registers it, then loads this module.
    const boot = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(import.meta.url)}); })`;
    const w = new Worker(boot, { eval: true, workerData: { ruyiReports: file } });
    w.unref();
    w.on('message', (answer: Answer) => {
      answered = true;
      const p = pending.get(answer.id);
      if (!p) return;
      pending.delete(answer.id);
      if ('error' in answer) p.reject(new Error(answer.error));
      else p.resolve({ cursor: answer.cursor, body: Buffer.from(answer.body.buffer, answer.body.byteOffset, answer.body.byteLength) });
      if (!pending.size) {
        idle = setTimeout(() => void close(), IDLE_MS);
        idle.unref();
      }
    });
    w.on('error', (error) => gone(w, error));
    w.on('exit', (code) => gone(w, new Error(`exit ${code}`)));
    return w;
  };
  const close = async () => {
    if (idle) clearTimeout(idle);
    idle = null;
    const w = worker;
    if (!w) return;
    // Closed on purpose (idle, or the server stopping): a later report may start a thread again.
    answered = true;
    gone(w, new Error('closed'));
    await w.terminate();
  };

  return {
    reportJson(period, scope) {
      if (broken) return Promise.reject(new ReportWorkerGone('the statistics worker could not start'));
      if (idle) clearTimeout(idle);
      idle = null;
      worker ??= start();
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker!.postMessage({ id, period, scope } satisfies Job);
      });
    },
    close,
  };
}
