// The xAPI clients (other servers, tools, the hub's kiosk-servers) and their credentials. A secret is 32 random bytes,
// shown once when made; only its SHA-256 is kept, which is enough for a random secret and cheap on every request.
import type Database from 'better-sqlite3';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export const ROLES = ['kiosk', 'hub', 'reader'] as const;
export type Role = (typeof ROLES)[number];

export interface Client {
  id: number;
  name: string;
  role: Role;
  key: string;
  createdAt: string;
  revokedAt: string | null;
}

export interface NewClient extends Client {
  /** Shown once; never stored. */
  secret: string;
}

/** A name an operator can type and a log can show: letters, digits, dot, dash, underscore. */
export const CLIENT_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export class ClientError extends Error {
  override name = 'ClientError';
}

const sha256 = (s: string) => createHash('sha256').update(s).digest();

interface Row {
  id: number;
  name: string;
  role: Role;
  key: string;
  secret_hash: string;
  created_at: string;
  revoked_at: string | null;
}
const toClient = (r: Row): Client => ({ id: r.id, name: r.name, role: r.role, key: r.key, createdAt: r.created_at, revokedAt: r.revoked_at });

export function createClientRegistry(db: Database.Database) {
  const byKey = db.prepare<[string], Row>('SELECT * FROM xapi_clients WHERE key = ?');
  return {
    add(name: string, role: Role, now = new Date().toISOString()): NewClient {
      if (!CLIENT_NAME.test(name)) throw new ClientError(`name '${name}': must be 1–64 letters, digits, '.', '-' or '_', starting with a letter or digit`);
      if (!ROLES.includes(role)) throw new ClientError(`role '${role}': must be one of ${ROLES.join(', ')}`);
      if (db.prepare('SELECT 1 FROM xapi_clients WHERE name = ?').get(name))
        throw new ClientError(`a client named '${name}' already exists; choose another name, or revoke it and add a new one under another name`);
      // The key is an identifier (it may appear in logs); only the secret proves anything.
      const key = randomBytes(12).toString('base64url');
      const secret = randomBytes(32).toString('base64url');
      const { lastInsertRowid } = db
        .prepare('INSERT INTO xapi_clients (name, role, key, secret_hash, created_at) VALUES (?, ?, ?, ?, ?)')
        .run(name, role, key, sha256(secret).toString('hex'), now);
      return { id: Number(lastInsertRowid), name, role, key, secret, createdAt: now, revokedAt: null };
    },

    list(): Client[] {
      return (db.prepare('SELECT * FROM xapi_clients ORDER BY id').all() as Row[]).map(toClient);
    },

    /** Returns false when there is no such client or it was already revoked. */
    revoke(name: string, now = new Date().toISOString()): boolean {
      return db.prepare('UPDATE xapi_clients SET revoked_at = ? WHERE name = ? AND revoked_at IS NULL').run(now, name).changes === 1;
    },

    /** The active client with this key and secret, or null. */
    authenticate(key: string, secret: string): Client | null {
      const row = byKey.get(key);
      if (!row || row.revoked_at !== null) return null;
      const expected = Buffer.from(row.secret_hash, 'hex');
      return timingSafeEqual(expected, sha256(secret)) ? toClient(row) : null;
    },
  };
}

export type ClientRegistry = ReturnType<typeof createClientRegistry>;
