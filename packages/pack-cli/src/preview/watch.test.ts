// The preview must keep following a file however the editor saves it.
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { watchContent, type ContentWatcher } from './watch.ts';

let dir: string;
let watcher: ContentWatcher | undefined;
afterEach(() => {
  watcher?.close();
  rmSync(dir, { recursive: true, force: true });
});

function setUp() {
  dir = mkdtempSync(join(tmpdir(), 'ruyi-watch-'));
  const file = join(dir, 'packs', 'p', 'scenarios', 's.yaml');
  mkdirSync(join(dir, 'packs', 'p', 'scenarios'), { recursive: true });
  writeFileSync(file, 'a: 1\n');
  let calls = 0;
  watcher = watchContent(dir, () => calls++, { debounceMs: 250 });
  return { file, calls: () => calls };
}

describe('watchContent', () => {
  it('reports saves that write the file in place, once per burst', async () => {
    const { file, calls } = setUp();
    await watcher!.ready;
    writeFileSync(file, 'a: 2\n');
    writeFileSync(file, 'a: 3\n');
    await expect.poll(calls, { timeout: 10_000 }).toBe(1);
    writeFileSync(file, 'a: 4\n');
    await expect.poll(calls, { timeout: 10_000 }).toBe(2);
  });

  it('keeps reporting after saves that replace the file (vim, sed -i, atomic-save editors)', async () => {
    const { file, calls } = setUp();
    await watcher!.ready;
    for (let i = 1; i <= 3; i++) {
      const temp = `${file}.tmp${i}`;
      writeFileSync(temp, `a: ${10 + i}\n`);
      renameSync(temp, file);
      await expect.poll(calls, { timeout: 10_000 }).toBeGreaterThanOrEqual(i);
    }
  });
});
