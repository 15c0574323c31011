// One run per command through the real entry point (node --import tsx packages/pack-cli/src/main.ts), on temp folders.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
  // Outside the content folder the other commands use: a pack whose pack.yaml has the colon a Chinese keyboard types.
  broken = join(tmp, 'broken', 'packs', 'fire-dehui-2013');
  cpSync(join(REPO_ROOT, 'content/park.yaml'), join(tmp, 'broken', 'park.yaml'));
  cpSync(join(REPO_ROOT, 'content/packs/fire-dehui-2013'), broken, { recursive: true });
  const manifest = readFileSync(join(broken, 'pack.yaml'), 'utf8');
  writeFileSync(join(broken, 'pack.yaml'), manifest.replace('\narea: ', '\narea：'));
  areaLine = manifest.split('\n').findIndex((l) => l.startsWith('area: ')) + 1;
});
let broken: string;
let areaLine: number;
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const pack = (...args: string[]) => packIn({ LANG: 'C.UTF-8' }, ...args);
const packIn = (locale: Record<string, string>, ...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', MAIN, ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env: { ...process.env, LC_ALL: '', LC_MESSAGES: '', ...locale, INIT_CWD: '' },
  });

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

  it('validate in the language asked for: --lang en, --lang zh-CN, or the system locale (LANG=zh_CN.UTF-8)', { timeout: 120_000 }, () => {
    const where = `${broken}/pack.yaml:${areaLine}:5: `.replace(`${REPO_ROOT}`, '');
    const en = pack('validate', broken, '--lang', 'en');
    expect(en.status).toBe(1);
    expect(en.stderr).toContain(`${where}a full-width colon '：' after 'area': YAML needs the plain colon ':' followed by a space`);
    expect(en.stderr).toMatch(/\n0 packs valid, 1 with errors\n$/);
    const zh = pack('validate', broken, '--lang', 'zh-CN');
    expect(zh.status).toBe(1);
    expect(zh.stderr).toContain(`${where}“area”后面是全角冒号“：”：YAML 需要半角冒号“:”再加一个空格`);
    expect(zh.stderr).toMatch(/\n0 个内容包有效，1 个有错误\n$/);
    const system = packIn({ LANG: 'zh_CN.UTF-8' }, 'validate', broken);
    expect(system.stderr).toBe(zh.stderr);
    // --lang wins over the system locale; LC_ALL over LANG.
    expect(packIn({ LANG: 'zh_CN.UTF-8' }, 'validate', broken, '--lang', 'en').stderr).toBe(en.stderr);
    expect(packIn({ LANG: 'zh_CN.UTF-8', LC_ALL: 'en_US.UTF-8' }, 'validate', broken).stderr).toBe(en.stderr);
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
