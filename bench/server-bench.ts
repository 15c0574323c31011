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

/**
 * Statement texts with a fresh id each, cheaply: a pool of real statements is serialized once without its id, and
 * each text is `{"id":"<new uuid>",` + the rest. Keeps the sender's CPU out of what is measured.
 */
export function statementTexts(settings: StatementSettings, poolSize = 3000): () => string {
  const source = ruyiStatements(settings);
  const pool = Array.from({ length: poolSize }, () => {
    const { id: _id, ...rest } = source.next().value as Statement;
    return JSON.stringify(rest).slice(1);
  });
  let i = 0;
  return () => `{"id":"${randomUUID()}",${pool[i++ % pool.length]}`;
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
