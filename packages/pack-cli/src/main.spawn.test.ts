// One run per command through the real entry point (node --import tsx packages/pack-cli/src/main.ts), on temp folders.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'ruyi-pack-spawn-'));
  cpSync(join(REPO_ROOT, 'content/park.yaml'), join(tmp, 'park.yaml'));
  cpSync(join(REPO_ROOT, 'content/packs/fire-dehui-2013'), join(tmp, 'packs/fire-dehui-2013'), { recursive: true });
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const pack = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', MAIN, ...args], { cwd: REPO_ROOT, encoding: 'utf8', env: { ...process.env, INIT_CWD: '' } });

describe('npm run pack -- <command>, as a process', { timeout: 30_000 }, () => {
  it('new: scaffolds a pack and exits 0; a usage error exits 2', () => {
    const made = pack('new', 'spawned-pack', '--area', 'fire', '--content', tmp);
    expect(made.stderr).toBe('');
    expect(made.status).toBe(0);
    expect(existsSync(join(tmp, 'packs/spawned-pack/scenarios/first-case.yaml'))).toBe(true);
    expect(pack('new', 'spawned-pack', '--content', tmp).status).toBe(2);
  });

  it('validate: exits 0 on valid packs, with the summary on stdout; 2 on a usage error', () => {
    const result = pack('validate', tmp);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^2 packs valid, 0 with errors, 2 warnings\n$/);
    const usage = pack('validate', '--nope');
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain("unknown option '--nope'");
  });

  it('list: prints the packs as JSON', () => {
    const result = pack('list', '--json', '--content', tmp);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).packs.map((p: { id: string }) => p.id)).toEqual(['fire-dehui-2013', 'spawned-pack']);
  });

  it('build: writes the archive; refuses the placeholder pack with exit 1', () => {
    const result = pack('build', 'fire-dehui-2013', '--content', tmp, '--out', join(tmp, 'dist'));
    expect(result.status).toBe(0);
    expect(existsSync(join(tmp, 'dist/fire-dehui-2013-1.1.0.ruyipack.tgz'))).toBe(true);
    expect(pack('build', 'spawned-pack', '--content', tmp, '--out', join(tmp, 'dist')).status).toBe(1);
  });
});
