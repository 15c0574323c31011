// The preview serves the built kiosk app, like a kiosk does. On the first run there may be none yet: build it once.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this file is packages/pack-cli/src/preview/build-app.ts). */
export const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
export const DEFAULT_APP_DIR = join(REPO_ROOT, 'apps', 'kiosk', 'dist');

/** Runs `vite build` at the repository root (writes apps/kiosk/dist); resolves with its exit code. */
export function buildKioskApp(): Promise<number> {
  const vite = join(createRequire(join(REPO_ROOT, 'package.json')).resolve('vite/package.json'), '..', 'bin', 'vite.js');
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: REPO_ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', () => resolve(1));
    child.on('close', (code) => resolve(code ?? 1));
  });
}
