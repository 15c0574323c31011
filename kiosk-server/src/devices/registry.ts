// Enrolled devices and their one-time enrollment codes, in SQLite (migrations/006_devices.sql). A device token is 32
// random bytes and a code is shown to staff once; only SHA-256 digests of either are stored, like xAPI client secrets.
import type Database from 'better-sqlite3';
import { createHash, randomBytes, randomInt, randomUUID } from 'node:crypto';
import { CODE_ALPHABET, CODE_LENGTH, CODE_REFUSED, normalizeCode, type CodeRefusal } from '@ruyi/api-contract';

/** How long a code may be used after staff create it. */
export const CODE_TTL_MS = 10 * 60 * 1000;
/** Used and expired codes are kept this long (so "already used" can be told apart from a typo), then pruned. */
const CODE_KEEP_MS = 24 * 60 * 60 * 1000;

export interface Device {
  id: string;
  label: string;
  enrolledAt: string;
  lastSeenAt: string | null;
  revokedAt: string | null;
}

export interface NewCode {
  /** Shown once, as `ABCD-EFGH`; never stored. */
  code: string;
  label: string;
  expiresAt: string;
}

export interface Enrolled {
  device: Device;
  /** Shown once, to the device; never stored. */
  token: string;
}

export class CodeRefused extends Error {
  override name = 'CodeRefused';
  /** Why: never issued (or mistyped), used already, or too old; the message starts with CODE_REFUSED[reason]. */
  constructor(
    readonly reason: CodeRefusal,
    explanation: string,
  ) {
    super(`${CODE_REFUSED[reason]}: ${explanation}`);
  }
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

interface DeviceRow {
  id: string;
  label: string;
  token_hash: string;
  created_at: string;
  last_seen_at: string | null;
  revoked_at: string | null;
}
interface CodeRow {
  code_hash: string;
  label: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
  device_id: string | null;
}

const toDevice = (r: DeviceRow): Device => ({ id: r.id, label: r.label, enrolledAt: r.created_at, lastSeenAt: r.last_seen_at, revokedAt: r.revoked_at });

/** A fresh code from the unambiguous alphabet (no 0/O, 1/I/L), uniformly drawn. */
export function newCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/** `ABCDEFGH` → `ABCD-EFGH`: easier to read out and type. */
export const displayCode = (code: string) => `${code.slice(0, 4)}-${code.slice(4)}`;

export function createDeviceRegistry(db: Database.Database, now: () => number = Date.now) {
  const iso = (ms = now()) => new Date(ms).toISOString();
  const byTokenHash = db.prepare<[string], DeviceRow>('SELECT * FROM devices WHERE token_hash = ?');
  const byId = db.prepare<[string], DeviceRow>('SELECT * FROM devices WHERE id = ?');
  const touch = db.prepare<[string, string]>('UPDATE devices SET last_seen_at = ? WHERE id = ?');

  return {
    /** A one-time code for a device to be called `label` (already validated by the route's schema). */
    createCode(label: string): NewCode {
      const created = now();
      // Old rows go when new ones come: the table never holds more than a day of codes.
      db.prepare('DELETE FROM device_codes WHERE expires_at < ?').run(iso(created - CODE_KEEP_MS));
      const code = newCode();
      const expiresAt = iso(created + CODE_TTL_MS);
      db.prepare('INSERT INTO device_codes (code_hash, label, created_at, expires_at) VALUES (?, ?, ?, ?)').run(sha256(code), label, iso(created), expiresAt);
      return { code: displayCode(code), label, expiresAt };
    },

    /** Exchanges a code for a new device and its token, once; throws CodeRefused. */
    enroll(typed: string): Enrolled {
      const hash = sha256(normalizeCode(typed));
      return db.transaction((): Enrolled => {
        const row = db.prepare<[string], CodeRow>('SELECT * FROM device_codes WHERE code_hash = ?').get(hash);
        const at = now();
        if (!row) throw new CodeRefused('unknown', 'check it, or create a new one on the admin page (Devices)');
        if (row.used_at) throw new CodeRefused('used', 'each code enrolls one device; create a new one on the admin page');
        if (Date.parse(row.expires_at) <= at)
          throw new CodeRefused('expired', `at ${row.expires_at} (codes are valid for ${CODE_TTL_MS / 60_000} minutes); create a new one on the admin page`);
        const token = randomBytes(32).toString('base64url');
        const device: DeviceRow = { id: randomUUID(), label: row.label, token_hash: sha256(token), created_at: iso(at), last_seen_at: iso(at), revoked_at: null };
        db.prepare('INSERT INTO devices (id, label, token_hash, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?)').run(
          device.id,
          device.label,
          device.token_hash,
          device.created_at,
          device.last_seen_at,
        );
        db.prepare('UPDATE device_codes SET used_at = ?, device_id = ? WHERE code_hash = ?').run(iso(at), device.id, hash);
        return { device: toDevice(device), token };
      })();
    },

    /** The device holding this token, revoked or not, or null for a token never issued. */
    byToken(token: string): Device | null {
      const row = byTokenHash.get(sha256(token));
      return row ? toDevice(row) : null;
    },

    get(id: string): Device | null {
      const row = byId.get(id);
      return row ? toDevice(row) : null;
    },

    /** Every device, the newest enrolled first. */
    list(): Device[] {
      return (db.prepare('SELECT * FROM devices ORDER BY created_at DESC, id').all() as DeviceRow[]).map(toDevice);
    },

    /** The device after revoking it (a second revoke keeps the first time), or null when there is no such device. */
    revoke(id: string): Device | null {
      db.prepare('UPDATE devices SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(iso(), id);
      return this.get(id);
    },

    touch(id: string, at = now()): void {
      touch.run(iso(at), id);
    },
  };
}

export type DeviceRegistry = ReturnType<typeof createDeviceRegistry>;
