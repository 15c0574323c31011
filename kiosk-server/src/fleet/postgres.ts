// The fleet on PostgreSQL (migrations/postgres/005_fleet.sql). A heartbeat of a known device replaces its row without
// any lock beyond the row's; a new device is added under an advisory lock, so the row cap holds when several hub
// processes (or concurrent requests) add devices at once.
import { sql, type Kysely } from 'kysely';
import type { RuyiDatabase } from '../storage/schema.ts';
import { deviceKey, deviceRowOf, fleetFull, staleBefore, toFleetDevice, toFleetServer, type FleetStore } from './store.ts';

// Any fixed number (a single 64-bit key): held by whoever is adding a device row, until its transaction ends.
const NEW_DEVICE_LOCK = 7_361_312;

export function createPostgresFleetStore(db: Kysely<RuyiDatabase>, maxDevices: number): FleetStore {
  const countDevices = async (q: Kysely<RuyiDatabase>) =>
    Number((await q.selectFrom('fleet_devices').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  return {
    async recordDevice(binding, heartbeat, address, at) {
      const row = deviceRowOf(binding, heartbeat, address, at);
      const key = row.key;
      await db.transaction().execute(async (trx) => {
        // A device that enrolls leaves its unenrolled row behind: that row is its own (same id, same address).
        if (binding.kind === 'enrolled')
          await trx.deleteFrom('fleet_devices').where('key', '=', deviceKey({ kind: 'address' }, heartbeat.deviceId, address)).execute();
        const replaced = await trx
          .updateTable('fleet_devices')
          .set({ device_id: row.device_id, address, received_at: at, heartbeat: row.heartbeat })
          .where('key', '=', key)
          .executeTakeFirst();
        if (Number(replaced.numUpdatedRows) > 0) return;

        await sql`SELECT pg_advisory_xact_lock(${NEW_DEVICE_LOCK}::int8)`.execute(trx);
        if ((await countDevices(trx)) >= maxDevices) {
          // Unenrolled rows are bound to an address, which changes (DHCP): a row silent this long gives way.
          await trx.deleteFrom('fleet_devices').where('binding', '=', 'address').where('received_at', '<', staleBefore(at)).execute();
          if ((await countDevices(trx)) >= maxDevices) throw fleetFull(maxDevices);
        }
        // Another request may have added this very key while this one waited for the lock: then it is replaced.
        await trx
          .insertInto('fleet_devices')
          .values(row)
          .onConflict((oc) =>
            oc.column('key').doUpdateSet((eb) => ({
              device_id: eb.ref('excluded.device_id'),
              address: eb.ref('excluded.address'),
              received_at: eb.ref('excluded.received_at'),
              heartbeat: eb.ref('excluded.heartbeat'),
            })),
          )
          .execute();
      });
    },

    async devices() {
      const rows = await db
        .selectFrom('fleet_devices as f')
        .leftJoin('devices as d', 'd.id', 'f.enrolled_id')
        .selectAll('f')
        .select(['d.label as label', 'd.revoked_at as revoked_at'])
        .orderBy('f.received_at', 'desc')
        .orderBy('f.key')
        .execute();
      return rows.map(toFleetDevice);
    },

    async deviceCounts(offlineBefore) {
      const row = await db
        .selectFrom('fleet_devices')
        .select((eb) => [eb.fn.countAll().as('devices'), sql<number>`count(*) FILTER (WHERE received_at < ${offlineBefore})`.as('offline')])
        .executeTakeFirstOrThrow();
      return { devices: Number(row.devices), offline: Number(row.offline) };
    },

    async recordServer(client, heartbeat, address, at) {
      await db
        .insertInto('fleet_servers')
        .values({ client, address, received_at: at, heartbeat: JSON.stringify(heartbeat) })
        .onConflict((oc) =>
          oc.column('client').doUpdateSet((eb) => ({
            address: eb.ref('excluded.address'),
            received_at: eb.ref('excluded.received_at'),
            heartbeat: eb.ref('excluded.heartbeat'),
          })),
        )
        .execute();
    },

    async servers() {
      return (await db.selectFrom('fleet_servers').selectAll().orderBy('client').execute()).map(toFleetServer);
    },
  };
}
