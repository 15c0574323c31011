// The preview command as an editor runs it: spawned on a copy of content/, driven through its files and its HTTP API.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from './build-app.ts';

const CLI = fileURLToPath(new URL('./cli.ts', import.meta.url));
const PACK = 'fire-dehui-2013';
const SCENARIO = 'dehui-poultry-plant';
const OLD_PROMPT = 'How did the fire at the Dehui poultry plant start?';

interface Running {
  child: ChildProcessWithoutNullStreams;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

function run(args: string[]): Running {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], { cwd: REPO_ROOT, env: { ...process.env, RUYI_LOG_LEVEL: '' } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return { child, stdout: () => stdout, stderr: () => stderr, exited };
}

const count = (text: string, needle: string) => text.split(needle).length - 1;

describe('pack preview (spawned)', () => {
  let root: string;
  let scenarioFile: string;
  let original: string;

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'ruyi-preview-test-'));
    cpSync(join(REPO_ROOT, 'content'), join(root, 'content'), { recursive: true });
    scenarioFile = join(root, 'content', 'packs', PACK, 'scenarios', `${SCENARIO}.yaml`);
    original = readFileSync(scenarioFile, 'utf8');
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('names the packs there are when the pack does not exist (exit 2)', async () => {
    const p = run(['no-such-pack', '--content', join(root, 'content'), '--port', '0', '--no-open']);
    expect(await p.exited).toBe(2);
    expect(p.stderr()).toContain("there is no pack 'no-such-pack'");
    expect(p.stderr()).toMatch(new RegExp(`Packs there: .*${PACK}`));
  }, 30_000);

  it('rejects a bad option with the usage (exit 2)', async () => {
    const p = run([PACK, '--port', 'eighty']);
    expect(await p.exited).toBe(2);
    expect(p.stderr()).toContain('--port must be a whole number');
  }, 30_000);

  // How long a save may take to show: the watcher, a fresh validation and a reload, on a loaded 2-core machine. The
  // latency an editor sees is measured end to end in the browser (test/preview.spec.ts), not here.
  const RELOAD_WAIT = 30_000;

  it('serves the pack, reloads on each save, reports an invalid save, and stops on SIGINT', async () => {
    const p = run([PACK, '--content', join(root, 'content'), '--port', '0', '--no-open']);
    try {
      // On a fresh checkout the preview builds the kiosk app first (a minute or more on a busy 2-core machine).
      await expect.poll(p.stdout, { timeout: 180_000 }).toMatch(/is valid/);
      const url = /http:\/\/\S+/.exec(p.stdout())![0];
      expect(url).toMatch(new RegExp(`/play/${PACK}/${SCENARIO}\\?preview=1$`));
      const origin = new URL(url).origin;

      const health = (await (await fetch(`${origin}/api/health`)).json()) as { status: string; packs: number };
      expect(health).toMatchObject({ status: 'ok' });
      expect(health.packs).toBeGreaterThan(1);

      // A valid edit: read again, reported valid, served.
      writeFileSync(scenarioFile, original.replace(OLD_PROMPT, 'How did the fire start?'));
      await expect.poll(() => count(p.stdout(), 'is valid'), { timeout: RELOAD_WAIT }).toBe(2);
      const served = await (await fetch(`${origin}/api/content`)).text();
      expect(served).toContain('How did the fire start?');
      expect(served).not.toContain(OLD_PROMPT);

      // An invalid edit: the error with file:line:column, path and reason; the server keeps running.
      writeFileSync(scenarioFile, original.replace(/(\n\s*answer:\s*)\[short-circuit\]/, '$1[short-circuit-999]'));
      await expect.poll(p.stderr, { timeout: RELOAD_WAIT }).toMatch(/✘ fire-dehui-2013 has 1 error/);
      expect(p.stderr()).toMatch(
        new RegExp(`packs/${PACK}/scenarios/${SCENARIO}\\.yaml:\\d+:\\d+ steps\\[3\\]\\.questions\\[0\\]\\.answer\\[0\\]: 'short-circuit-999' is not one of the choices`),
      );
      const health2 = (await (await fetch(`${origin}/api/health`)).json()) as { packs: number; packProblems: number };
      expect(health2).toMatchObject({ packs: health.packs - 1, packProblems: 1 });

      // Fixed again.
      writeFileSync(scenarioFile, original);
      await expect.poll(() => count(p.stdout(), 'is valid'), { timeout: RELOAD_WAIT }).toBe(3);

      // A browser's event stream stays open; Ctrl-C must still end everything promptly.
      const abort = new AbortController();
      const events = await fetch(`${origin}/api/content/events`, { signal: abort.signal });
      expect(events.headers.get('content-type')).toMatch(/^text\/event-stream/);
      const started = Date.now();
      p.child.kill('SIGINT');
      expect(await p.exited).toBe(0);
      expect(Date.now() - started).toBeLessThan(15_000);
      abort.abort();
      await expect(fetch(`${origin}/api/health`)).rejects.toThrow();
    } finally {
      p.child.kill('SIGKILL');
      writeFileSync(scenarioFile, original);
    }
  }, 240_000);
});
