// Setting the admin password in tests: through the real CLI (spawned, password piped on stdin), or directly.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { App } from '../app.ts';
import { hashPassword } from '../admin/password.ts';

export const PASSWORD = 'correct horse battery staple';
const CLI = fileURLToPath(new URL('../admin-cli.ts', import.meta.url));

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `admin-cli.ts set-password` with `input` piped to it, RUYI_DATA_DIR = dataDir and RUYI_DATABASE_URL = databaseUrl. */
export function runSetPassword(dataDir: string, input: string, databaseUrl?: string): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, 'set-password'], {
      env: { ...process.env, RUYI_DATA_DIR: dataDir, ...(databaseUrl ? { RUYI_DATABASE_URL: databaseUrl } : {}) },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

/** Stores the password straight into the app's database, SQLite or PostgreSQL (for tests that are not about the CLI). */
export async function setPasswordDirectly(app: Pick<App, 'admin'>, password = PASSWORD): Promise<void> {
  await app.admin.credentials.write(await hashPassword(password, { N: 2 ** 14, r: 8, p: 1, keyLength: 64 }));
}

/** Logs in and returns the Authorization header. */
export async function login(app: Pick<App, 'inject'>, password = PASSWORD): Promise<{ authorization: string }> {
  const res = await app.inject({ method: 'POST', url: '/api/admin/session', payload: { password } });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
  return { authorization: `Bearer ${(res.json() as { token: string }).token}` };
}
