import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { edit, FIXTURE_CONTENT_DIR } from '../test-fixtures/fixtures.ts';
import { EXIT_INVALID, EXIT_OK, EXIT_USAGE, runCli } from './cli.ts';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const CLI = fileURLToPath(new URL('./cli.ts', import.meta.url));

/** A copy of the fixture content with a second pack whose prop kind is misspelt. */
let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'ruyi-validate-'));
  cpSync(FIXTURE_CONTENT_DIR, tmp, { recursive: true });
  cpSync(join(tmp, 'packs/tiny-pack'), join(tmp, 'packs/broken-pack'), { recursive: true });
  const manifest = join(tmp, 'packs/broken-pack/pack.yaml');
  writeFileSync(manifest, edit(readFileSync(manifest, 'utf8'), 'id: tiny-pack', 'id: broken-pack'));
  const scenario = join(tmp, 'packs/broken-pack/scenarios/tiny.yaml');
  writeFileSync(scenario, edit(readFileSync(scenario, 'utf8'), 'kind: fire-extinguisher', 'kind: sprinkler'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = runCli(args, { out: (l) => out.push(l), err: (l) => err.push(l), cwd: tmp });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('runCli', () => {
  it('prints each problem as file:line:column path: message, a summary, and exits 1', () => {
    const { code, out, err } = run(['.']);
    expect(code).toBe(EXIT_INVALID);
    expect(out).toBe('');
    expect(err.split('\n')).toEqual([
      expect.stringMatching(/^packs\/broken-pack\/scenarios\/tiny\.yaml:\d+:\d+ scene\.props\[1\]\.kind: Invalid option: expected one of /),
      '1 pack valid, 1 with errors',
    ]);
  });

  it('exits 0 with a summary when everything is valid', () => {
    const { code, out, err } = run([FIXTURE_CONTENT_DIR]);
    expect({ code, out, err }).toEqual({ code: EXIT_OK, out: '1 pack valid, 0 with errors', err: '' });
  });

  it('validates the repository content folder by default', () => {
    const { code, out } = run([]);
    expect(code).toBe(EXIT_OK);
    expect(out).toMatch(/^\d+ packs? valid, 0 with errors$/);
  });

  it('says when park.yaml itself is broken', () => {
    const { code, err } = run(['packs']);
    expect(code).toBe(EXIT_INVALID);
    expect(err).toContain('park.yaml: the content folder has no park.yaml');
    expect(err).toMatch(/0 packs valid, 0 with errors; park\.yaml has errors$/);
  });

  it('rejects an unknown option, two folders or a missing folder with exit code 2', () => {
    expect(run(['--strict'])).toMatchObject({ code: EXIT_USAGE, err: expect.stringContaining("unknown option '--strict'") });
    expect(run(['a', 'b'])).toMatchObject({ code: EXIT_USAGE, err: expect.stringContaining('at most one content folder') });
    expect(run(['no-such-folder'])).toMatchObject({ code: EXIT_USAGE, err: expect.stringContaining(`there is no content folder at ${join(tmp, 'no-such-folder')}`) });
  });

  it('prints its usage for --help', () => {
    expect(run(['--help'])).toMatchObject({ code: EXIT_OK, out: expect.stringContaining('usage: validate-packs [contentDir]') });
  });
});

describe('validate-packs as a command', () => {
  const spawn = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', CLI, ...args], { cwd: REPO_ROOT, encoding: 'utf8' });

  it('exits 1 on a folder with a broken pack and prints the problem on stderr', () => {
    const result = spawn([tmp]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/broken-pack\/scenarios\/tiny\.yaml:\d+:\d+ scene\.props\[1\]\.kind: Invalid option/);
    expect(result.stderr).toContain('1 pack valid, 1 with errors');
  });

  it('exits 0 on the repository content', () => {
    const result = spawn([]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/packs? valid, 0 with errors/);
  });

  it('exits 2 on a usage error', () => {
    const result = spawn(['--nope']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("unknown option '--nope'");
  });
});
