// Enrolled devices and their one-time enrollment codes: an asynchronous interface and its embedded-SQLite
// implementation (migrations/006_devices.sql); postgres.ts holds the PostgreSQL one. A device token is 32 random bytes
// and a code is shown to staff once; only SHA-256 digests of either are stored, like xAPI client secrets.
import type Database from 'better-sqlite3';
import { createHash, randomBytes, randomInt, randomUUID } from 'node:crypto';
import { CODE_ALPHABET, CODE_LENGTH, CODE_REFUSED, normalizeCode, type CodeRefusal } from '@ruyi/api-contract';
import type { DevicesTable } from '../storage/schema.ts';

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

export interface DeviceRegistry {
  /** A one-time code for a device to be called `label` (already validated by the route's schema). */
  createCode(label: string): Promise<NewCode>;
  /** Exchanges a code for a new device and its token, once; rejects with CodeRefused. */
  enroll(typed: string): Promise<Enrolled>;
  /** The device holding this token, revoked or not, or null for a token never issued. */
  byToken(token: string): Promise<Device | null>;
  get(id: string): Promise<Device | null>;
  /** Every device, the newest enrolled first. */
  list(): Promise<Device[]>;
  /** The device after revoking it (a second revoke keeps the first time), or null when there is no such device. */
  revoke(id: string): Promise<Device | null>;
  /** Notes that the device was seen at `at` (default now). */
  touch(id: string, at?: number): Promise<void>;
}

export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const iso = (ms: number) => new Date(ms).toISOString();

/** A row of devices, as both stores give it. */
export type DeviceRow = DevicesTable;
export interface CodeRow {
  code_hash: string;
  label: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
  device_id: string | null;
}

export const toDevice = (r: DeviceRow): Device => ({ id: r.id, label: r.label, enrolledAt: r.created_at, lastSeenAt: r.last_seen_at, revokedAt: r.revoked_at });

/** A fresh code from the unambiguous alphabet (no 0/O, 1/I/L), uniformly drawn. */
export function newCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/** `ABCDEFGH` → `ABCD-EFGH`: easier to read out and type. */
export const displayCode = (code: string) => `${code.slice(0, 4)}-${code.slice(4)}`;

/** A new code's row (the code itself is shown once, never stored), and codes older than this may be pruned. */
export function codeRow(label: string, created: number): { code: NewCode; row: Omit<CodeRow, 'used_at' | 'device_id'>; pruneBefore: string } {
  const code = newCode();
  const expiresAt = iso(created + CODE_TTL_MS);
  return {
    code: { code: displayCode(code), label, expiresAt },
    row: { code_hash: sha256(code), label, created_at: iso(created), expires_at: expiresAt },
    pruneBefore: iso(created - CODE_KEEP_MS),
  };
}

/** What a typed code is looked up by. */
export const codeHashOf = (typed: string) => sha256(normalizeCode(typed));

/** Judges the row a typed code found at `at`: throws CodeRefused, or answers the device it enrolls and its token. */
export function enrollWith(row: CodeRow | undefined, at: number): { device: DeviceRow; token: string } {
  if (!row) throw new CodeRefused('unknown', 'check it, or create a new one on the admin page (Devices)');
  if (row.used_at) throw new CodeRefused('used', 'each code enrolls one device; create a new one on the admin page');
  if (Date.parse(row.expires_at) <= at)
    throw new CodeRefused('expired', `at ${row.expires_at} (codes are valid for ${CODE_TTL_MS / 60_000} minutes); create a new one on the admin page`);
  const token = randomBytes(32).toString('base64url');
  return { device: { id: randomUUID(), label: row.label, token_hash: sha256(token), created_at: iso(at), last_seen_at: iso(at), revoked_at: null }, token };
}

export function createSqliteDeviceRegistry(db: Database.Database, now: () => number = Date.now): DeviceRegistry {
  const byTokenHash = db.prepare<[string], DeviceRow>('SELECT * FROM devices WHERE token_hash = ?');
  const byId = db.prepare<[string], DeviceRow>('SELECT * FROM devices WHERE id = ?');
  const touch = db.prepare<[string, string]>('UPDATE devices SET last_seen_at = ? WHERE id = ?');
  const get = (id: string) => {
    const row = byId.get(id);
    return row ? toDevice(row) : null;
  };

  const enroll = db.transaction((hash: string): Enrolled => {
    const row = db.prepare<[string], CodeRow>('SELECT * FROM device_codes WHERE code_hash = ?').get(hash);
    const at = now();
    const { device, token } = enrollWith(row, at);
    db.prepare('INSERT INTO devices (id, label, token_hash, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?)').run(
      device.id,
      device.label,
      device.token_hash,
      device.created_at,
      device.last_seen_at,
    );
    db.prepare('UPDATE device_codes SET used_at = ?, device_id = ? WHERE code_hash = ?').run(iso(at), device.id, hash);
    return { device: toDevice(device), token };
  });

  return {
    async createCode(label) {
      const { code, row, pruneBefore } = codeRow(label, now());
      // Old rows go when new ones come: the table never holds more than a day of codes.
      db.prepare('DELETE FROM device_codes WHERE expires_at < ?').run(pruneBefore);
      db.prepare('INSERT INTO device_codes (code_hash, label, created_at, expires_at) VALUES (?, ?, ?, ?)').run(row.code_hash, row.label, row.created_at, row.expires_at);
      return code;
    },
    async enroll(typed) {
      return enroll(codeHashOf(typed));
    },
    async byToken(token) {
      const row = byTokenHash.get(sha256(token));
      return row ? toDevice(row) : null;
    },
    async get(id) {
      return get(id);
    },
    async list() {
      return (db.prepare('SELECT * FROM devices ORDER BY created_at DESC, id').all() as DeviceRow[]).map(toDevice);
    },
    async revoke(id) {
      db.prepare('UPDATE devices SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(iso(now()), id);
      return get(id);
    },
    async touch(id, at = now()) {
      touch.run(iso(at), id);
    },
  };
}
