// The fleet store on both databases (a real SQLite file, a real PostgreSQL server): heartbeats replace their row, an
// enrolled device takes over its unenrolled row, the row cap holds (also against concurrent new devices), stale
// unenrolled rows give way, and park servers are kept one row each.
import type { DeviceHeartbeat, ServerHeartbeat } from '@ruyi/api-contract';
import { sql } from 'kysely';
import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { StorageDatabase } from '../storage/database.ts';
import { DIALECTS, useTestStorage } from '../test-support/dialect-storage.ts';
import { createPostgresDeviceRegistry } from '../devices/postgres.ts';
import { createSqliteDeviceRegistry, type DeviceRegistry } from '../devices/registry.ts';
import { createPostgresFleetStore } from './postgres.ts';
import { createSqliteFleetStore, FleetFull, STALE_AFTER_MS, type Binding, type FleetStore } from './store.ts';

const fleetOn = (storage: StorageDatabase, max: number): FleetStore =>
  storage.dialect === 'postgres' ? createPostgresFleetStore(storage.db, max) : createSqliteFleetStore(storage.sqlite!, max);
const registryOn = (storage: StorageDatabase, now: () => number): DeviceRegistry =>
  storage.dialect === 'postgres' ? createPostgresDeviceRegistry(storage.db, now) : createSqliteDeviceRegistry(storage.sqlite!, now);

const T0 = Date.parse('2026-12-07T06:00:00.000Z');
const at = (ms: number) => new Date(T0 + ms).toISOString();
const ADDRESS: Binding = { kind: 'address' };

function heartbeat(extra: Partial<DeviceHeartbeat> = {}): DeviceHeartbeat {
  return {
    deviceId: randomUUID(),
    surface: 'kiosk',
    screen: { width: 1080, height: 1920 },
    view: 'play',
    playing: { packId: 'fire-test', scenarioId: 'kitchen' },
    appVersion: '0.1.0',
    content: ['fire-test@1.0.0'],
    pending: 3,
    refused: { count: 0, latest: null },
    lastError: null,
    sentAt: at(0),
    ...extra,
  };
}

const serverHeartbeat = (serverId: string, backlog: number): ServerHeartbeat => ({
  serverId,
  appVersion: '0.1.0',
  content: ['fire-test@1.0.0'],
  backlog,
  lastSyncAt: null,
  lastSyncError: null,
  devices: 2,
  devicesOffline: 1,
  sentAt: at(0),
});

describe.each(DIALECTS)('%s fleet store', (dialect) => {
  const t = useTestStorage(dialect);
  const rows = async () => (await t.storage.db.selectFrom('fleet_devices').select(['key', 'device_id', 'address', 'received_at']).orderBy('key').execute());

  it('keeps one row per device: the latest heartbeat replaces the one before, and reads back as sent', async () => {
    const store = fleetOn(t.storage, 10);
    const first = heartbeat();
    await store.recordDevice(ADDRESS, first, '192.168.10.21', at(0));
    const second = { ...first, pending: 0, view: 'attract' as const, playing: null };
    await store.recordDevice(ADDRESS, second, '192.168.10.21', at(30_000));
    expect(await rows()).toEqual([{ key: `address:${first.deviceId}@192.168.10.21`, device_id: first.deviceId, address: '192.168.10.21', received_at: at(30_000) }]);
    expect(await store.devices()).toEqual([
      { deviceId: first.deviceId, binding: 'address', label: null, revokedAt: null, address: '192.168.10.21', receivedAt: at(30_000), heartbeat: second },
    ]);
    // The same id from another address is another row (an unenrolled device is known by its address too).
    await store.recordDevice(ADDRESS, first, '192.168.10.22', at(40_000));
    expect((await store.devices()).map((d) => d.address)).toEqual(['192.168.10.22', '192.168.10.21']);
  });

  it('an enrolled device takes over its unenrolled row and shows its label, and revocation', async () => {
    let clock = T0;
    const registry = registryOn(t.storage, () => clock);
    const { device } = await registry.enroll((await registry.createCode('东门 1 号机')).code);
    const store = fleetOn(t.storage, 10);
    const beat = heartbeat();
    await store.recordDevice(ADDRESS, beat, '192.168.10.21', at(0));
    const enrolled: Binding = { kind: 'enrolled', enrolledId: device.id, label: device.label };
    await store.recordDevice(enrolled, beat, '192.168.10.21', at(1_000));
    expect((await rows()).map((r) => r.key)).toEqual([`enrolled:${device.id}`]);
    // A new address (DHCP) still lands in the same row: the token binds it.
    await store.recordDevice(enrolled, beat, '192.168.10.99', at(2_000));
    clock = T0 + 3_000;
    await registry.revoke(device.id);
    expect(await store.devices()).toEqual([
      expect.objectContaining({ deviceId: beat.deviceId, binding: 'enrolled', label: '东门 1 号机', revokedAt: at(3_000), address: '192.168.10.99', receivedAt: at(2_000) }),
    ]);
  });

  it('refuses a new device past the cap, still takes known ones, and lets a week-silent unenrolled row give way', async () => {
    const store = fleetOn(t.storage, 2);
    const old = heartbeat();
    const recent = heartbeat();
    await store.recordDevice(ADDRESS, old, '10.0.0.1', at(0));
    await store.recordDevice(ADDRESS, recent, '10.0.0.2', at(STALE_AFTER_MS));
    const newcomer = heartbeat();
    // The old row is not yet a week older than this heartbeat: nothing gives way.
    await expect(store.recordDevice(ADDRESS, newcomer, '10.0.0.3', at(STALE_AFTER_MS - 1))).rejects.toBeInstanceOf(FleetFull);
    await expect(store.recordDevice(ADDRESS, newcomer, '10.0.0.3', at(STALE_AFTER_MS - 1))).rejects.toThrow(/at most 2 devices \(RUYI_FLEET_MAX_DEVICES\)/);
    expect(await rows()).toHaveLength(2);
    await store.recordDevice(ADDRESS, { ...recent, pending: 9 }, '10.0.0.2', at(STALE_AFTER_MS + 1));
    // A week and a moment later, the silent one gives way to the newcomer.
    await store.recordDevice(ADDRESS, newcomer, '10.0.0.3', at(STALE_AFTER_MS + 2));
    expect((await store.devices()).map((d) => d.deviceId)).toEqual([newcomer.deviceId, recent.deviceId]);
  });

  it('holds the cap against concurrent new devices', async () => {
    const store = fleetOn(t.storage, 3);
    if (dialect === 'postgres') await Promise.all(Array.from({ length: 8 }, () => sql`SELECT pg_sleep(0.05)`.execute(t.storage.db)));
    const results = await Promise.allSettled(Array.from({ length: 8 }, (_, i) => store.recordDevice(ADDRESS, heartbeat(), `10.0.1.${i}`, at(i))));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
    expect(results.filter((r) => r.status === 'rejected').every((r) => (r as PromiseRejectedResult).reason instanceof FleetFull)).toBe(true);
    expect(await rows()).toHaveLength(3);
  });

  it('counts devices and those offline since a time', async () => {
    const store = fleetOn(t.storage, 10);
    expect(await store.deviceCounts(at(0))).toEqual({ devices: 0, offline: 0 });
    await store.recordDevice(ADDRESS, heartbeat(), '10.0.0.1', at(0));
    await store.recordDevice(ADDRESS, heartbeat(), '10.0.0.2', at(60_000));
    await store.recordDevice(ADDRESS, heartbeat(), '10.0.0.3', at(120_000));
    expect(await store.deviceCounts(at(60_000))).toEqual({ devices: 3, offline: 1 });
    expect(await store.deviceCounts(at(200_000))).toEqual({ devices: 3, offline: 3 });
  });

  it('keeps each park server\'s latest heartbeat, by client name', async () => {
    const store = fleetOn(t.storage, 10);
    await store.recordServer('park-west', serverHeartbeat('w', 5), '10.1.0.1', at(0));
    await store.recordServer('park-east', serverHeartbeat('e', 1), '10.2.0.1', at(1_000));
    await store.recordServer('park-west', serverHeartbeat('w', 0), '10.1.0.9', at(2_000));
    expect(await store.servers()).toEqual([
      { client: 'park-east', address: '10.2.0.1', receivedAt: at(1_000), heartbeat: serverHeartbeat('e', 1) },
      { client: 'park-west', address: '10.1.0.9', receivedAt: at(2_000), heartbeat: serverHeartbeat('w', 0) },
    ]);
  });
});
