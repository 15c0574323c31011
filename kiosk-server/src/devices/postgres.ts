// Enrolled devices and enrollment codes on PostgreSQL (migrations/postgres/006_devices.sql). Enrolling locks the code's
// row (SELECT … FOR UPDATE), so one code enrolls one device even when two hub processes are handed it at once.
import type { Kysely } from 'kysely';
import type { RuyiDatabase } from '../storage/schema.ts';
import { codeHashOf, codeRow, enrollWith, sha256, toDevice, type DeviceRegistry } from './registry.ts';

export function createPostgresDeviceRegistry(db: Kysely<RuyiDatabase>, now: () => number = Date.now): DeviceRegistry {
  const iso = (ms: number) => new Date(ms).toISOString();
  const get = async (id: string) => {
    const row = await db.selectFrom('devices').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toDevice(row) : null;
  };

  return {
    async createCode(label) {
      const { code, row, pruneBefore } = codeRow(label, now());
      // Old rows go when new ones come: the table never holds more than a day of codes.
      await db.deleteFrom('device_codes').where('expires_at', '<', pruneBefore).execute();
      await db.insertInto('device_codes').values(row).execute();
      return code;
    },

    async enroll(typed) {
      const hash = codeHashOf(typed);
      return db.transaction().execute(async (trx) => {
        const row = await trx.selectFrom('device_codes').selectAll().where('code_hash', '=', hash).forUpdate().executeTakeFirst();
        const at = now();
        const { device, token } = enrollWith(row, at);
        await trx.insertInto('devices').values(device).execute();
        await trx.updateTable('device_codes').set({ used_at: iso(at), device_id: device.id }).where('code_hash', '=', hash).execute();
        return { device: toDevice(device), token };
      });
    },

    async byToken(token) {
      const row = await db.selectFrom('devices').selectAll().where('token_hash', '=', sha256(token)).executeTakeFirst();
      return row ? toDevice(row) : null;
    },

    get,

    async list() {
      return (await db.selectFrom('devices').selectAll().orderBy('created_at', 'desc').orderBy('id').execute()).map(toDevice);
    },

    async revoke(id) {
      await db.updateTable('devices').set({ revoked_at: iso(now()) }).where('id', '=', id).where('revoked_at', 'is', null).execute();
      return get(id);
    },

    async touch(id, at = now()) {
      await db.updateTable('devices').set({ last_seen_at: iso(at) }).where('id', '=', id).execute();
    },
  };
}
