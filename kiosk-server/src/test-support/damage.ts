// Damaging a real SQLite file the way a failing disk or a bad copy does, for the tests of plugins/db-health.ts, and
// running the real server or admin CLI as a process to read what it prints.
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { closeSync, openSync, writeSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { migrate, openDatabase } from '../plugins/db.ts';
import { createStatementStore } from '../xapi/store.ts';

const SERVER = fileURLToPath(new URL('../server.ts', import.meta.url));
const ADMIN = fileURLToPath(new URL('../admin-cli.ts', import.meta.url));

/** Fills the data folder's database with `n` statements of about 1 KiB (several MiB: pages beyond any cache). */
export function fillDatabase(dataDir: string, n: number, stored?: string): string[] {
  const db = openDatabase(dataDir);
  try {
    migrate(db);
    const store = createStatementStore(db);
    const ids: string[] = [];
    for (let b = 0; b < n; b += 500) {
      const items = Array.from({ length: Math.min(500, n - b) }, () => {
        const statement = {
          id: randomUUID(),
          actor: { objectType: 'Agent' as const, account: { homePage: 'https://ruyi.localhost/parks/test', name: randomUUID() } },
          verb: { id: 'http://adlnet.gov/expapi/verbs/experienced' },
          object: { objectType: 'Activity' as const, id: 'https://ruyi.localhost/xapi/activities/filler', definition: { description: { en: 'x'.repeat(900) } } },
        };
        ids.push(statement.id);
        return { statement, body: JSON.stringify(statement) };
      });
      store.insertNow(items as never, { authority: { objectType: 'Agent', account: { homePage: 'https://ruyi.localhost/parks/test', name: 'filler' } }, clientId: null, ...(stored ? { stored } : {}) } as never);
    }
    db.pragma('wal_checkpoint(TRUNCATE)');
    return ids;
  } finally {
    db.close();
  }
}

/**
 * Overwrites `count` leaf pages of a table in the middle of its B-tree with junk (found with the dbstat table, so the
 * damage is where rows are, not in free space). The file must have been checkpointed (no -wal content).
 */
export function damageTablePages(file: string, table: string, count = 4): number[] {
  const db = new Database(file, { readonly: true });
  let pages: number[];
  let pageSize: number;
  try {
    pages = db.prepare<[string], number>(`SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno`).pluck().all(table);
    pageSize = db.pragma('page_size', { simple: true }) as number;
  } finally {
    db.close();
  }
  const middle = Math.floor(pages.length / 2);
  const chosen = pages.slice(middle, middle + count);
  const fd = openSync(file, 'r+');
  try {
    for (const page of chosen) writeSync(fd, Buffer.alloc(pageSize, 0x5a), 0, pageSize, (page - 1) * pageSize);
  } finally {
    closeSync(fd);
  }
  return chosen;
}

/** Overwrites the file's header ("SQLite format 3"): SQLite no longer recognises it as a database. */
export function damageHeader(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    writeSync(fd, Buffer.from('not a database!!'), 0, 16, 0);
  } finally {
    closeSync(fd);
  }
}

export interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(script: string, args: string[], env: Record<string, string>, input?: string): Promise<Finished> {
  const proc = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', RUYI_LOG_LEVEL: 'silent', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  proc.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  proc.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  proc.stdin.end(input ?? '');
  return new Promise((resolve) => proc.once('close', (code) => resolve({ code, stdout, stderr })));
}

/** Starts the server and waits for it to exit on its own (the tests here expect it to refuse to start). */
export const runServerToExit = (env: Record<string, string>) => run(SERVER, [], env);

/** `npm run admin -- <args>` as a process. */
export const runAdmin = (args: string[], env: Record<string, string>, input?: string) => run(ADMIN, args, env, input);
