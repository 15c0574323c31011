import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTestEnv, type TestEnv } from '../test-support/test-app.ts';
import { connectionLimits, defaultMaxConnections, FD_HEADROOM, fileDescriptorLimit, MIN_NON_STREAM_CONNECTIONS } from './connections.ts';
import { createLogThrottle } from './log-throttle.ts';

const LIMITS = `Limit                     Soft Limit           Hard Limit           Units
Max cpu time              unlimited            unlimited            seconds
Max open files            1024                 524288               files
Max locked memory         8388608              8388608              bytes
`;

describe('the connection ceiling', () => {
  it('reads the soft limit on open files', () => {
    expect(fileDescriptorLimit(LIMITS)).toBe(1024);
    expect(fileDescriptorLimit('Max open files  unlimited  unlimited  files\n')).toBe(Number.MAX_SAFE_INTEGER);
    expect(fileDescriptorLimit('nothing here')).toBeNull();
    // This process's own, where /proc exists.
    const own = fileDescriptorLimit();
    if (own !== null) expect(own).toBeGreaterThan(0);
  });

  it('keeps headroom for files, and a descriptor for a file being sent beside each socket', () => {
    expect(defaultMaxConnections(20_000)).toBe((20_000 - FD_HEADROOM) / 2);
    expect(defaultMaxConnections(1024)).toBe(384);
    expect(defaultMaxConnections(null)).toBe(defaultMaxConnections(1024));
    expect(defaultMaxConnections(100)).toBe(MIN_NON_STREAM_CONNECTIONS * 2);
    expect(2 * defaultMaxConnections(20_000) + FD_HEADROOM).toBeLessThanOrEqual(20_000);
  });

  it('takes the settings as given when they fit', () => {
    const limits = connectionLimits({ maxConnections: null, streamsPerAddress: 8, streamsTotal: 1000 }, 20_000);
    expect(limits).toMatchObject({ maxConnections: 9872, streamsPerAddress: 8, streamsTotal: 1000, warnings: [] });
  });

  it('lowers a ceiling above what the descriptors allow, and a stream total that would crowd out pages, saying so', () => {
    const limits = connectionLimits({ maxConnections: 5000, streamsPerAddress: 2000, streamsTotal: 1000 }, 1024);
    expect(limits.maxConnections).toBe(384);
    expect(limits.streamsTotal).toBe(384 - MIN_NON_STREAM_CONNECTIONS);
    expect(limits.streamsPerAddress).toBe(limits.streamsTotal);
    expect(limits.warnings).toEqual([expect.stringMatching(/^RUYI_MAX_CONNECTIONS=5000 .* using 384/), expect.stringMatching(/^RUYI_EVENT_STREAMS_TOTAL=1000 .* using 320/)]);
  });
});

describe('log throttle', () => {
  it('reports the first event, then holds the rest back for a window and reports them with the next line', () => {
    const throttle = createLogThrottle(60_000);
    expect(throttle.hit('a', 0)).toBe(1);
    expect(throttle.hit('a', 1000)).toBe(0);
    expect(throttle.hit('a', 59_999)).toBe(0);
    expect(throttle.hit('b', 2000)).toBe(1);
    expect(throttle.hit('a', 60_000)).toBe(3);
    expect(throttle.hit('a', 60_001)).toBe(0);
  });

  it('keeps at most maxKeys keys', () => {
    const throttle = createLogThrottle(60_000, 3);
    for (const key of ['a', 'b', 'c', 'd']) expect(throttle.hit(key, 0)).toBe(1);
    // 'a' was dropped to make room: it reports again at once.
    expect(throttle.hit('a', 1)).toBe(1);
    expect(throttle.hit('d', 1)).toBe(0);
  });
});

describe('refused connections', () => {
  let env: TestEnv | undefined;
  const sockets: Socket[] = [];
  afterEach(async () => {
    for (const s of sockets.splice(0)) s.destroy();
    await env?.cleanup();
    env = undefined;
  });

  it('refuses connections past maxConnections, logs them once a minute with the count, and serves again once they close', { timeout: 20_000 }, async () => {
    const max = 128;
    env = createTestEnv({ builtApp: true, config: { connections: { maxConnections: max, streamsPerAddress: 8, streamsTotal: 10, requestTimeoutMs: 120_000 } } });
    const app = await env.start();
    const warn = vi.spyOn(app.log, 'warn');
    await app.listen({ port: 0, host: '127.0.0.1' });
    const port = (app.server.address() as { port: number }).port;
    const open = () =>
      new Promise<Socket>((resolve, reject) => {
        const s = connect(port, '127.0.0.1', () => resolve(s));
        s.on('error', reject);
        sockets.push(s);
      });
    for (let i = 0; i < max; i++) await open();
    await expect.poll(() => new Promise((resolve) => app.server.getConnections((_e, n) => resolve(n)))).toBe(max);

    // Past the ceiling the server closes each new connection at once.
    const closed = async () => {
      const s = await open();
      await new Promise<void>((resolve) => s.on('close', () => resolve()));
    };
    for (let i = 0; i < 5; i++) await closed();
    const drops = () => warn.mock.calls.filter(([, msg]) => typeof msg === 'string' && msg.includes('the server already holds its maximum'));
    expect(drops()).toHaveLength(1);
    expect(drops()[0]![1]).toMatch(/refused 1 connection\(s\) from 127\.0\.0\.1 .* maximum of 128 connections/);

    for (const s of sockets.splice(0)) s.destroy();
    // Served again once the sockets are gone (a fetch that raced a refusal times out and is tried again).
    await expect.poll(() => new Promise((resolve) => app.server.getConnections((_e, n) => resolve(n)))).toBe(0);
    await expect.poll(async () => (await fetch(`http://127.0.0.1:${port}/api/health`, { signal: AbortSignal.timeout(2000) })).status).toBe(200);

  });
});
