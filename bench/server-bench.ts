// What the statement benchmarks share: a kiosk-server as its own process (its own core, as in a park), Ruyi's real
// statements to send, and the figures they print.
import type { Statement } from '@ruyi/xapi';
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DB_FILE } from '../kiosk-server/src/plugins/db.ts';
import { newVisit, oneOfEach } from '../kiosk-server/src/test-support/fixture-content.ts';
import { statementSource, toStatements } from '../kiosk-server/src/test-support/statements.ts';

export { startServerProcess, type ServerProcess } from '../kiosk-server/src/test-support/server-process.ts';

export interface StatementSettings {
  contentDir: string;
  base: string;
  parkIri: string;
}

/** Real Ruyi statements, made by @ruyi/xapi from the records of whole visits to the fixture content, endlessly. */
export function* ruyiStatements({ contentDir, base, parkIri }: StatementSettings): Generator<Statement> {
  const source = statementSource({ contentDir, xapi: { base, parkIri } });
  for (;;) yield* toStatements(source, oneOfEach(newVisit()));
}

/** Every UUID in a statement text, split before its last 12 hex digits (rewritten per copy by visitTexts). */
const UUID_TAIL = /([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-)[0-9a-f]{12}/g;

/**
 * Whole visits to the fixture content as the app makes them, serialized once (each text starts `{"id":"<uuid>",`),
 * then copied endlessly with fresh ids: the last 12 hex digits of every UUID in a copy (visit, run, statements) are
 * rewritten to one new value, so ids stay distinct and a verdict's id, derived from its record's, still matches. A
 * server that checks each run's evidence accepts every copy as long as each stream is sent in order. Keeps the
 * sender's CPU out of what is measured.
 */
export function visitTexts(settings: StatementSettings): { perVisit: number; nextVisit(): string[] } {
  const source = statementSource({ contentDir: settings.contentDir, xapi: { base: settings.base, parkIri: settings.parkIri } });
  const visit = toStatements(source, oneOfEach(newVisit())).map((statement) => {
    const { id, ...rest } = statement as Statement;
    return `{"id":"${id}",${JSON.stringify(rest).slice(1)}`;
  });
  const prefix = randomUUID().slice(-12, -6);
  let copies = 0;
  return {
    perVisit: visit.length,
    nextVisit: () => {
      const suffix = prefix + (copies++ % 0x1000000).toString(16).padStart(6, '0');
      return visit.map((text) => text.replace(UUID_TAIL, `$1${suffix}`));
    },
  };
}

/** One endless stream of statement texts, visit after visit, in order. */
export function statementTexts(settings: StatementSettings): () => string {
  const visits = visitTexts(settings);
  let pending: string[] = [];
  return () => {
    if (pending.length === 0) pending = visits.nextVisit();
    return pending.shift()!;
  };
}

/** The value below which `p` of the sorted values fall. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

export const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
export const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
export const thousands = (n: number) => Math.round(n).toLocaleString('en');

export function folderBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    total += entry.isDirectory() ? folderBytes(path) : statSync(path).size;
  }
  return total;
}

/** "4096 MiB + WAL 0 MiB": the SQLite file and its write-ahead log. */
export function dbBytes(dir: string): string {
  const size = (name: string) => (existsSync(join(dir, name)) ? statSync(join(dir, name)).size : 0);
  return `${mib(size(DB_FILE))} + WAL ${mib(size(`${DB_FILE}-wal`))}`;
}
