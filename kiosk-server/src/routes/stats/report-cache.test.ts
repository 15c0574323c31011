// The reports kept as sent: one build per place and roll-up cursor, shared by requests that come while it is built,
// rebuilt once the cursor moves, forgotten when the build fails, and bounded by count and bytes.
import { describe, expect, it } from 'vitest';
import { createReportCache } from './report-cache.ts';

const body = (text: string) => Buffer.from(text);

describe('the report cache', () => {
  it('builds a report once per key and cursor, and again once the cursor moved', async () => {
    const cache = createReportCache({ entries: 8, bytes: 1024 });
    let builds = 0;
    const build = (cursor: number, text: string) => async () => {
      builds++;
      return { cursor, body: body(text) };
    };
    expect((await cache.get('a', 5, build(5, 'first'))).toString()).toBe('first');
    expect((await cache.get('a', 5, build(5, 'not built'))).toString()).toBe('first');
    expect(builds).toBe(1);
    expect((await cache.get('a', 6, build(6, 'second'))).toString()).toBe('second');
    expect((await cache.get('b', 6, build(6, 'other key'))).toString()).toBe('other key');
    expect(builds).toBe(3);
    expect(cache.size()).toEqual({ entries: 2, bytes: 'second'.length + 'other key'.length });
  });

  it('keeps a report under the cursor of the snapshot it was read from', async () => {
    const cache = createReportCache({ entries: 8, bytes: 1024 });
    // Asked at cursor 5; the roll-up moved on before the report's snapshot: it holds for 7.
    await cache.get('a', 5, async () => ({ cursor: 7, body: body('at 7') }));
    expect((await cache.get('a', 7, async () => ({ cursor: 7, body: body('rebuilt') }))).toString()).toBe('at 7');
    expect((await cache.get('a', 5, async () => ({ cursor: 7, body: body('rebuilt') }))).toString()).toBe('rebuilt');
  });

  it('shares one build among the requests that come while it runs', async () => {
    const cache = createReportCache({ entries: 8, bytes: 1024 });
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let builds = 0;
    const build = async () => {
      builds++;
      await gate;
      return { cursor: 1, body: body('shared') };
    };
    const waiting = Array.from({ length: 5 }, () => cache.get('a', 1, build));
    release();
    expect((await Promise.all(waiting)).map(String)).toEqual(Array(5).fill('shared'));
    expect(builds).toBe(1);
  });

  it('forgets a failed build, so the next request builds again', async () => {
    const cache = createReportCache({ entries: 8, bytes: 1024 });
    await expect(cache.get('a', 1, async () => Promise.reject(new Error('the database is closed')))).rejects.toThrow('the database is closed');
    expect(cache.size()).toEqual({ entries: 0, bytes: 0 });
    expect((await cache.get('a', 1, async () => ({ cursor: 1, body: body('ok') }))).toString()).toBe('ok');
  });

  it('drops the least recently used reports past its count or its bytes, and keeps none larger than its bytes', async () => {
    const cache = createReportCache({ entries: 3, bytes: 30 });
    const built: string[] = [];
    const get = (key: string, text = `${key}`.padEnd(8, '.')) =>
      cache.get(key, 1, async () => {
        built.push(key);
        return { cursor: 1, body: body(text) };
      });
    for (const key of ['a', 'b', 'c']) await get(key);
    await get('a'); // used again: 'b' is now the least recently used
    await get('d');
    expect(cache.size()).toEqual({ entries: 3, bytes: 24 });
    await get('b');
    await get('a');
    expect(built).toEqual(['a', 'b', 'c', 'd', 'b']);
    // 'c' and 'd' make room for a report of 20 bytes; one of 31 is sent but not kept.
    await get('e', 'e'.repeat(20));
    expect(cache.size().bytes).toBeLessThanOrEqual(30);
    expect((await get('f', 'f'.repeat(31))).length).toBe(31);
    expect(cache.size().bytes).toBeLessThanOrEqual(30);
    await get('f', 'f'.repeat(31));
    expect(built.filter((k) => k === 'f')).toHaveLength(2);
  });
});
