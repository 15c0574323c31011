// A spec's own kiosk-server: a real process on its own port and data folder, its admin password set through the real
// CLI, so a spec that changes settings or data never touches the shared e2e server.
import { expect } from '@playwright/test';
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';

export interface ServerOptions {
  port: number;
  dataDir: string;
  /** Set with `admin-cli set-password` before the server starts; none leaves /admin without a password. */
  password?: string;
  /** More environment, or values that replace the defaults (RUYI_LOG_LEVEL is 'warn'). */
  env?: Record<string, string>;
}

export interface ServerHandle {
  port: number;
  /** http://127.0.0.1:<port>, without a trailing slash. */
  base: string;
  dataDir: string;
  /** The server's SQLite file. */
  dbPath: string;
  /** Ends the server and waits until it has exited, so its data folder can be removed. */
  stop(): Promise<void>;
}

/** Runs the admin CLI on a data folder; fails the test unless it exits with 0. Returns what it printed. */
export function adminCli(dataDir: string, args: string[], input?: string): string {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'kiosk-server/src/admin-cli.ts', ...args], {
    env: { ...process.env, RUYI_DATA_DIR: dataDir },
    input,
    encoding: 'utf8',
  });
  expect(run.status, `admin ${args.join(' ')}: ${run.stderr}`).toBe(0);
  return run.stdout;
}

/** Starts a kiosk-server and resolves once its health check answers 200. */
export async function startServer({ port, dataDir, password, env = {} }: ServerOptions): Promise<ServerHandle> {
  if (password !== undefined) adminCli(dataDir, ['set-password'], `${password}\n`);
  const child = spawn(process.execPath, ['--import', 'tsx', 'kiosk-server/src/server.ts'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', RUYI_DATA_DIR: dataDir, RUYI_LOG_LEVEL: 'warn', ...env },
    stdio: 'inherit',
  });
  const base = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('close', resolve));
    child.kill();
    await exited;
  };
  try {
    await expect.poll(async () => fetch(`${base}/api/health`).then((r) => r.status).catch(() => 0), { timeout: 45_000 }).toBe(200);
  } catch (error) {
    // Nobody holds a handle yet to stop it.
    await stop();
    throw error;
  }
  return { port, base, dataDir, dbPath: join(dataDir, 'ruyi.sqlite'), stop };
}

/**
 * Starts several servers at once. If one does not come up, the others are stopped before the error is thrown, since
 * the spec never gets their handles.
 */
export async function startServers(options: ServerOptions[]): Promise<ServerHandle[]> {
  const results = await Promise.allSettled(options.map(startServer));
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) {
    await Promise.all(results.map((r) => (r.status === 'fulfilled' ? r.value.stop() : undefined)));
    throw failed.reason;
  }
  return results.map((r) => (r as PromiseFulfilledResult<ServerHandle>).value);
}
