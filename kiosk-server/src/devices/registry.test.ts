// The device registry on both databases (a real SQLite file, a real PostgreSQL server): one-time codes (kept only as
// digests, valid for minutes, pruned a day after), enrollment (once per code, also against concurrent tries), tokens,
// listing and revocation.
import { sql } from 'kysely';
import { beforeEach, describe, expect, it } from 'vitest';
import type { StorageDatabase } from '../storage/database.ts';
import { DIALECTS, useTestStorage } from '../test-support/dialect-storage.ts';
import { createPostgresDeviceRegistry } from './postgres.ts';
import { CODE_TTL_MS, CodeRefused, createSqliteDeviceRegistry, type DeviceRegistry } from './registry.ts';

const registryOn = (storage: StorageDatabase, now: () => number): DeviceRegistry =>
  storage.dialect === 'postgres' ? createPostgresDeviceRegistry(storage.db, now) : createSqliteDeviceRegistry(storage.sqlite!, now);

const T0 = Date.parse('2026-12-07T06:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();

async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CodeRefused);
  return (error as CodeRefused).reason;
}

describe.each(DIALECTS)('%s device registry', (dialect) => {
  const t = useTestStorage(dialect);
  let clock: number;
  let registry: DeviceRegistry;
  beforeEach(() => {
    clock = T0;
    registry = registryOn(t.storage, () => clock);
  });

  it('makes a one-time code, kept only as its digest', async () => {
    const created = await registry.createCode('东门 1 号机');
    expect(created).toEqual({ code: expect.stringMatching(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/), label: '东门 1 号机', expiresAt: iso(T0 + CODE_TTL_MS) });
    const rows = await t.storage.db.selectFrom('device_codes').selectAll().execute();
    expect(rows).toEqual([{ code_hash: expect.stringMatching(/^[0-9a-f]{64}$/), label: '东门 1 号机', created_at: iso(T0), expires_at: iso(T0 + CODE_TTL_MS), used_at: null, device_id: null }]);
    expect(JSON.stringify(rows)).not.toContain(created.code.replace('-', ''));
  });

  it('enrolls a device once per code (typed loosely), and knows it by its token', async () => {
    const { code } = await registry.createCode('VR 2');
    clock = T0 + 5_000;
    const { device, token } = await registry.enroll(` ${code.toLowerCase().replace('-', ' ')} `);
    expect(device).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), label: 'VR 2', enrolledAt: iso(T0 + 5_000), lastSeenAt: iso(T0 + 5_000), revokedAt: null });
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await registry.byToken(token)).toEqual(device);
    expect(await registry.byToken(`${token}x`)).toBeNull();
    expect(await registry.get(device.id)).toEqual(device);
    expect(await registry.get('no-such-device')).toBeNull();
    const stored = await t.storage.db.selectFrom('devices').selectAll().executeTakeFirstOrThrow();
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(await refusal(registry.enroll(code))).toBe('used');
    expect(await t.storage.db.selectFrom('device_codes').select(['used_at', 'device_id']).executeTakeFirst()).toEqual({ used_at: iso(T0 + 5_000), device_id: device.id });
  });

  it('refuses a code never issued, and one past its ten minutes', async () => {
    expect(await refusal(registry.enroll('ABCD-EFGH'))).toBe('unknown');
    const { code } = await registry.createCode('kiosk');
    clock = T0 + CODE_TTL_MS;
    expect(await refusal(registry.enroll(code))).toBe('expired');
    expect(await registry.list()).toEqual([]);
  });

  it('one code, many concurrent tries: exactly one device', async () => {
    const { code } = await registry.createCode('race');
    if (dialect === 'postgres') await Promise.all(Array.from({ length: 6 }, () => sql`SELECT pg_sleep(0.05)`.execute(t.storage.db)));
    const results = await Promise.allSettled(Array.from({ length: 6 }, () => registry.enroll(code)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected').map((r) => ((r as PromiseRejectedResult).reason as CodeRefused).reason)).toEqual(Array(5).fill('used'));
    expect(await registry.list()).toHaveLength(1);
  });

  it('prunes codes a day past their expiry when a new one is made', async () => {
    await registry.createCode('old');
    clock = T0 + CODE_TTL_MS + 24 * 60 * 60_000 + 1;
    await registry.createCode('new');
    expect((await t.storage.db.selectFrom('device_codes').select('label').execute()).map((r) => r.label)).toEqual(['new']);
  });

  it('lists the newest first, revokes once (keeping the first time), and notes when a device was seen', async () => {
    const first = (await registry.enroll((await registry.createCode('one')).code)).device;
    clock = T0 + 1_000;
    const second = (await registry.enroll((await registry.createCode('two')).code)).device;
    expect((await registry.list()).map((d) => d.label)).toEqual(['two', 'one']);

    clock = T0 + 2_000;
    expect(await registry.revoke(first.id)).toEqual({ ...first, revokedAt: iso(T0 + 2_000) });
    clock = T0 + 3_000;
    expect((await registry.revoke(first.id))?.revokedAt).toBe(iso(T0 + 2_000));
    expect(await registry.revoke('00000000-0000-4000-8000-000000000000')).toBeNull();

    await registry.touch(second.id, T0 + 60_000);
    expect((await registry.get(second.id))?.lastSeenAt).toBe(iso(T0 + 60_000));
    await registry.touch(second.id);
    expect((await registry.get(second.id))?.lastSeenAt).toBe(iso(T0 + 3_000));
    expect((await registry.get(second.id))?.revokedAt).toBeNull();
  });
});
