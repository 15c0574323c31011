// The fleet's store: the latest heartbeat per device and, on a hub, per park server. An asynchronous interface, and its
// embedded-SQLite implementation (migrations/008_fleet.sql); postgres.ts holds the PostgreSQL one. A write is on disk
// (synchronous FULL, or PostgreSQL's commit) when its promise resolves.
import type Database from 'better-sqlite3';
import type { DeviceHeartbeat, FleetDevice, FleetServer, ServerHeartbeat } from '@ruyi/api-contract';
import type { FleetDevicesTable, FleetServersTable } from '../storage/schema.ts';

/** Whom a heartbeat speaks for: decided by the server from the request, never from the body. */
export type Binding = { kind: 'enrolled'; enrolledId: string; label: string } | { kind: 'address' };

export interface FleetStore {
  /**
   * Stores a device's latest heartbeat in the row its binding names. A device not yet known is refused (FleetFull)
   * once `maxDevices` rows exist, so devices that keep making up ids cannot fill the disk.
   */
  recordDevice(binding: Binding, heartbeat: DeviceHeartbeat, address: string, at: string): Promise<void>;
  /** Every device, the latest heard from first. */
  devices(): Promise<FleetDevice[]>;
  /** How many devices there are, and how many have not been heard from since `offlineBefore`. */
  deviceCounts(offlineBefore: string): Promise<{ devices: number; offline: number }>;
  recordServer(client: string, heartbeat: ServerHeartbeat, address: string, at: string): Promise<void>;
  /** Every park server, by client name. */
  servers(): Promise<FleetServer[]>;
}

/** A device's row with its enrollment's label and revocation (joined from devices), as both stores give it. */
export type DeviceRow = FleetDevicesTable & { label: string | null; revoked_at: string | null };
export type ServerRow = FleetServersTable;

/** An unenrolled device's row unheard-of for a week may be dropped when the table is full. */
export const STALE_AFTER_MS = 7 * 24 * 60 * 60_000;

export class FleetFull extends Error {
  override name = 'FleetFull';
}

export const fleetFull = (maxDevices: number) =>
  new FleetFull(`this server keeps at most ${maxDevices} devices (RUYI_FLEET_MAX_DEVICES); a new device is refused`);

/** Before this, an unenrolled device's row counts as stale (see STALE_AFTER_MS). */
export const staleBefore = (at: string) => new Date(Date.parse(at) - STALE_AFTER_MS).toISOString();

export const toFleetDevice = (r: DeviceRow): FleetDevice => ({
  deviceId: r.device_id,
  binding: r.binding,
  label: r.label,
  revokedAt: r.revoked_at,
  address: r.address,
  receivedAt: r.received_at,
  heartbeat: JSON.parse(r.heartbeat) as DeviceHeartbeat,
});

export const toFleetServer = (r: ServerRow): FleetServer => ({
  client: r.client,
  address: r.address,
  receivedAt: r.received_at,
  heartbeat: JSON.parse(r.heartbeat) as ServerHeartbeat,
});

/** A device's row of fleet_devices for a heartbeat, the same on both stores. */
export function deviceRowOf(binding: Binding, heartbeat: DeviceHeartbeat, address: string, at: string): FleetDevicesTable {
  return {
    key: deviceKey(binding, heartbeat.deviceId, address),
    binding: binding.kind,
    device_id: heartbeat.deviceId,
    enrolled_id: binding.kind === 'enrolled' ? binding.enrolledId : null,
    address,
    received_at: at,
    heartbeat: JSON.stringify(heartbeat),
  };
}

export function deviceKey(binding: Binding, deviceId: string, address: string): string {
  return binding.kind === 'enrolled' ? `enrolled:${binding.enrolledId}` : `address:${deviceId}@${address}`;
}

export function createSqliteFleetStore(db: Database.Database, maxDevices: number): FleetStore {
  const exists = db.prepare<[string], { one: 1 }>('SELECT 1 AS one FROM fleet_devices WHERE key = ?');
  const count = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM fleet_devices');
  // Unenrolled rows are bound to an address, which changes (DHCP): a row silent this long gives way to new devices.
  const pruneStale = db.prepare<[string]>("DELETE FROM fleet_devices WHERE binding = 'address' AND received_at < ?");
  const upsert = db.prepare(
    `INSERT INTO fleet_devices (key, binding, device_id, enrolled_id, address, received_at, heartbeat)
     VALUES (@key, @binding, @device_id, @enrolled_id, @address, @received_at, @heartbeat)
     ON CONFLICT (key) DO UPDATE SET device_id = excluded.device_id, address = excluded.address,
       received_at = excluded.received_at, heartbeat = excluded.heartbeat`,
  );
  // A device that enrolls leaves its unenrolled row behind: that row is its own (same id, same address), so it goes.
  const dropUnenrolled = db.prepare<[string]>('DELETE FROM fleet_devices WHERE key = ?');
  const list = db.prepare<[], DeviceRow>(
    `SELECT f.*, d.label AS label, d.revoked_at AS revoked_at FROM fleet_devices f LEFT JOIN devices d ON d.id = f.enrolled_id ORDER BY f.received_at DESC, f.key`,
  );
  const counts = db.prepare<[string], { devices: number; offline: number }>(
    'SELECT COUNT(*) AS devices, COALESCE(SUM(received_at < ?), 0) AS offline FROM fleet_devices',
  );
  const upsertServer = db.prepare(
    `INSERT INTO fleet_servers (client, address, received_at, heartbeat) VALUES (?, ?, ?, ?)
     ON CONFLICT (client) DO UPDATE SET address = excluded.address, received_at = excluded.received_at, heartbeat = excluded.heartbeat`,
  );
  const listServers = db.prepare<[], ServerRow>('SELECT * FROM fleet_servers ORDER BY client');

  const recordDevice = db.transaction((binding: Binding, heartbeat: DeviceHeartbeat, address: string, at: string) => {
    const key = deviceKey(binding, heartbeat.deviceId, address);
    if (binding.kind === 'enrolled') dropUnenrolled.run(deviceKey({ kind: 'address' }, heartbeat.deviceId, address));
    if (!exists.get(key) && count.get()!.n >= maxDevices) pruneStale.run(staleBefore(at));
    if (!exists.get(key) && count.get()!.n >= maxDevices) throw fleetFull(maxDevices);
    upsert.run(deviceRowOf(binding, heartbeat, address, at));
  });

  return {
    async recordDevice(binding, heartbeat, address, at) {
      recordDevice.immediate(binding, heartbeat, address, at);
    },
    async devices() {
      return list.all().map(toFleetDevice);
    },
    async deviceCounts(offlineBefore) {
      return counts.get(offlineBefore)!;
    },
    async recordServer(client, heartbeat, address, at) {
      upsertServer.run(client, address, at, JSON.stringify(heartbeat));
    },
    async servers() {
      return listServers.all().map(toFleetServer);
    },
  };
}
