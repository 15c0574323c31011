// A real, throwaway PostgreSQL server for tests: its own cluster in a temporary folder, its own port, trust
// authentication, removed again on stop. No mock can tell whether SQL works on PostgreSQL; this can.
//
// PostgreSQL refuses to run as root, so under root (containers, CI) every server program runs as the `postgres` user
// (`runuser -u postgres --`) in a folder handed to that user; as any other user the programs run directly.
import { execFile, execFileSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, chmodSync, chownSync, statfsSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

export interface TestPostgres {
  /** `postgres://postgres@127.0.0.1:<port>/<database>`: the database created for the caller. */
  url: string;
  port: number;
  /** The cluster's folder (data directory, socket, log); removed by stop(). */
  dir: string;
  /** Creates another empty database in the same cluster and returns its URL (one per test, for isolation). */
  createDatabase(name: string): Promise<string>;
  /** Stops the server and removes its folder. Safe to call twice. */
  stop(): Promise<void>;
}

export interface StartOptions {
  /** The database to create; `ruyi_test` by default. */
  database?: string;
  /**
   * fsync on commit. Off by default: a test cluster is thrown away, and a crash of the machine is not what tests
   * simulate (a killed server process still loses nothing acknowledged). Benchmarks turn it on.
   */
  durable?: boolean;
}

/** The folder of PostgreSQL's server programs: RUYI_PG_BIN, else the newest /usr/lib/postgresql/<version>/bin. */
export function findPostgresBin(env: Record<string, string | undefined> = process.env): string {
  if (env.RUYI_PG_BIN) {
    if (!existsSync(join(env.RUYI_PG_BIN, 'initdb'))) throw new Error(`RUYI_PG_BIN=${env.RUYI_PG_BIN} holds no initdb`);
    return env.RUYI_PG_BIN;
  }
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => /^\d+$/.test(v) && existsSync(join(root, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (!versions[0])
    throw new Error(
      'PostgreSQL server programs not found (no /usr/lib/postgresql/<version>/bin/initdb): install Debian\'s postgresql package (.ci/run does) or set RUYI_PG_BIN to the folder holding initdb and pg_ctl',
    );
  return join(root, versions[0], 'bin');
}

interface RunAs {
  /** The command prefix: `runuser -u postgres --` under root, nothing otherwise. */
  prefix: string[];
  uid: number | null;
  gid: number | null;
}

function runAs(): RunAs {
  if (process.getuid?.() !== 0) return { prefix: [], uid: null, gid: null };
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
  if (!Number.isInteger(uid) || !Number.isInteger(gid)) throw new Error('running as root, but there is no postgres user to run PostgreSQL as');
  return { prefix: ['runuser', '-u', 'postgres', '--'], uid, gid };
}

function command(as: RunAs, program: string, args: string[]): [string, string[]] {
  const [file, ...rest] = [...as.prefix, program, ...args];
  return [file!, rest];
}

/** Programs under way (initdb, pg_ctl): ended if the test process exits before they do. */
const children = new Set<ChildProcess>();

async function exec(as: RunAs, program: string, args: string[]): Promise<string> {
  const [file, rest] = command(as, program, args);
  try {
    const running = run(file, rest, { encoding: 'utf8', timeout: 60_000 });
    children.add(running.child);
    const { stdout } = await running.finally(() => children.delete(running.child));
    return stdout;
  } catch (error) {
    const e = error as { stderr?: string; stdout?: string; message: string };
    throw new Error(`${program.split('/').pop()} failed: ${(e.stderr || e.stdout || e.message).trim()}`);
  }
}

/** A port nobody listens on right now (the server may still lose it to a race: start() then retries). */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

const DATABASE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

const GIB = 1024 ** 3;

/**
 * Where clusters go: RUYI_PG_TMP, else /dev/shm when it has room (memory: a throwaway cluster need not wait for a disk
 * that other jobs keep busy), else the system's temporary folder.
 */
export function clusterParent(env: Record<string, string | undefined> = process.env): string {
  if (env.RUYI_PG_TMP) return env.RUYI_PG_TMP;
  try {
    const shm = statfsSync('/dev/shm');
    if (shm.bavail * shm.bsize >= GIB) return '/dev/shm';
  } catch {
    // no /dev/shm here
  }
  return tmpdir();
}

/**
 * A freshly initialised data folder for this server version, made by initdb on first use and kept in the temporary
 * folder for later runs (about 40 MB). It is only ever copied, never started. Made under another name and renamed
 * into place, so a half-made one is never used and two processes may race to make it.
 */
async function clusterTemplate(bin: string, as: RunAs): Promise<string> {
  const version = (await exec(as, join(bin, 'postgres'), ['--version'])).trim();
  const key = createHash('sha256').update(`${bin}\n${version}`).digest('hex').slice(0, 12);
  const template = join(clusterParent(), `ruyi-pg-template-${process.getuid?.() ?? 'user'}-${key}`);
  if (existsSync(join(template, 'PG_VERSION'))) return template;
  const building = mkdtempSync(join(clusterParent(), 'ruyi-pg-initdb-'));
  try {
    if (as.uid !== null && as.gid !== null) chownSync(building, as.uid, as.gid);
    await exec(as, join(bin, 'initdb'), ['-D', join(building, 'data'), '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C', '--no-sync', '--no-instructions']);
    try {
      renameSync(join(building, 'data'), template);
    } catch (error) {
      // Another process made it first: theirs is as good.
      if (!existsSync(join(template, 'PG_VERSION'))) throw error;
    }
  } finally {
    rmSync(building, { recursive: true, force: true });
  }
  return template;
}

/** Starts a fresh cluster and creates a database in it. Call stop() when done (in afterAll). */
export async function startPostgres(options: StartOptions = {}): Promise<TestPostgres> {
  const database = options.database ?? 'ruyi_test';
  if (!DATABASE_NAME.test(database)) throw new Error(`database name '${database}' must match ${DATABASE_NAME}`);
  const bin = findPostgresBin();
  const as = runAs();
  const dir = mkdtempSync(join(clusterParent(), 'ruyi-pg-'));
  const data = join(dir, 'data');
  const log = join(dir, 'server.log');
  let port = 0;
  let running = false;

  const stopNow = () => {
    // Last resort when the test process exits without stop() (a timed-out test, an interrupted run): pg_ctl detaches
    // the server from this process, and initdb would go on writing into the folder removed below. runuser passes
    // SIGTERM on; initdb then removes what it wrote.
    for (const child of children) child.kill('SIGTERM');
    if (running) {
      try {
        execFileSync(...command(as, join(bin, 'pg_ctl'), ['stop', '-D', data, '-m', 'immediate', '-w']), { stdio: 'ignore' });
      } catch {
        // already gone
      }
      running = false;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', stopNow);

  try {
    if (as.uid !== null && as.gid !== null) chownSync(dir, as.uid, as.gid);
    chmodSync(dir, 0o700);
    // A copy of a fresh cluster made once per machine and server version: initdb takes seconds, a copy a fraction.
    await exec(as, 'cp', ['-a', await clusterTemplate(bin, as), data]);
    for (let attempt = 1; ; attempt++) {
      port = await freePort();
      const settings = [
        `-p ${port}`,
        `-k ${dir}`,
        '-c listen_addresses=127.0.0.1',
        '-c timezone=UTC',
        `-c fsync=${options.durable ? 'on' : 'off'}`,
        `-c synchronous_commit=${options.durable ? 'on' : 'off'}`,
        `-c full_page_writes=${options.durable ? 'on' : 'off'}`,
        '-c max_connections=100',
        '-c shared_buffers=64MB',
      ].join(' ');
      try {
        await exec(as, join(bin, 'pg_ctl'), ['start', '-D', data, '-l', log, '-w', '-t', '60', '-o', settings]);
        running = true;
        break;
      } catch (error) {
        const serverLog = existsSync(log) ? readFileSync(log, 'utf8') : '';
        if (attempt < 3 && /could not bind|address already in use/i.test(serverLog)) continue;
        throw new Error(`${(error as Error).message}\n--- server log ---\n${serverLog.slice(-2000)}`);
      }
    }
    const admin = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', database: 'postgres' });
    await admin.connect();
    const createDatabase = async (name: string): Promise<string> => {
      if (!DATABASE_NAME.test(name)) throw new Error(`database name '${name}' must match ${DATABASE_NAME}`);
      await admin.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'`);
      return `postgres://postgres@127.0.0.1:${port}/${name}`;
    };
    const url = await createDatabase(database);
    let stopped = false;
    return {
      url,
      port,
      dir,
      createDatabase,
      async stop() {
        if (stopped) return;
        stopped = true;
        await admin.end().catch(() => undefined);
        try {
          // fast: open connections are closed for the caller (a pool a failed test forgot would otherwise block it).
          await exec(as, join(bin, 'pg_ctl'), ['stop', '-D', data, '-m', 'fast', '-w', '-t', '60']);
          running = false;
        } finally {
          process.removeListener('exit', stopNow);
          stopNow();
        }
      },
    };
  } catch (error) {
    process.removeListener('exit', stopNow);
    stopNow();
    throw error;
  }
}

let databases = 0;

/**
 * A new empty database beside the one `baseUrl` names (same server and user, which must be allowed to create one, as
 * in a test cluster): for a test file that shares a cluster from the globalSetup but must not see other files' rows.
 * `template` names a database of the same cluster to copy instead (one already migrated: see migratedTemplate()); nobody
 * may be connected to it meanwhile.
 */
export async function createTestDatabase(baseUrl: string, prefix = 'ruyi_t', template?: string): Promise<string> {
  const name = `${prefix}_${process.pid}_${Date.now().toString(36)}_${++databases}`;
  if (!DATABASE_NAME.test(name)) throw new Error(`database name '${name}' must match ${DATABASE_NAME}`);
  if (template !== undefined && !DATABASE_NAME.test(template)) throw new Error(`template database '${template}' must match ${DATABASE_NAME}`);
  const client = new pg.Client(baseUrl);
  await client.connect();
  try {
    // A copy of a database made from template0 keeps its encoding and collation.
    await client.query(
      template === undefined
        ? `CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'`
        : `CREATE DATABASE ${name} TEMPLATE ${template}`,
    );
  } finally {
    await client.end();
  }
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * The database the vitest-postgres globalSetup migrated once for the run (RUYI_TEST_TEMPLATE_DATABASE), or undefined.
 * A test that wants a fresh, migrated database copies it (createTestDatabase's `template`): a copy takes about a tenth
 * of the time of running every migration again, which a test per database would otherwise pay.
 */
export function migratedTemplate(env: Record<string, string | undefined> = process.env): string | undefined {
  return env.RUYI_TEST_TEMPLATE_DATABASE?.trim() || undefined;
}
