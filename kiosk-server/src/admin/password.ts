// Staff passwords: a scrypt hash with a random salt in the database (table staff_accounts, accounts.ts), never the
// password itself. There is no default password: `npm run admin -- set-password` sets the first admin's (src/admin-cli.ts).
import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';

export const MIN_PASSWORD_LENGTH = 12;
export const SET_PASSWORD_HINT = 'no staff account is set up: run `npm run admin -- set-password` on the server (with the same RUYI_DATA_DIR, or RUYI_DATABASE_URL on PostgreSQL)';

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
  keyLength: number;
}

/** ~50 ms on a small PC: cheap for one staff login, expensive for a guesser holding a copy of the database. */
export const DEFAULT_PARAMS: ScryptParams = { N: 2 ** 15, r: 8, p: 1, keyLength: 64 };

export interface StoredCredential {
  algorithm: 'scrypt';
  params: ScryptParams;
  salt: string;
  hash: string;
}

function scrypt(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  // 128·N·r bytes are needed; Node's default maxmem (32 MiB) is exactly too small for N = 2^15, r = 8.
  const options: ScryptOptions = { N: params.N, r: params.r, p: params.p, maxmem: 256 * params.N * params.r };
  return new Promise((resolve, reject) =>
    scryptCallback(password.normalize('NFC'), salt, params.keyLength, options, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

/** Why a password is refused, or null when it is acceptable. */
export function passwordProblem(password: string): string | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) return `the password must be at least ${MIN_PASSWORD_LENGTH} characters long`;
  if (password.trim() !== password) return 'the password must not start or end with spaces';
  return null;
}

export async function hashPassword(password: string, params = DEFAULT_PARAMS): Promise<StoredCredential> {
  const salt = randomBytes(16);
  const hash = await scrypt(password, salt, params);
  return { algorithm: 'scrypt', params, salt: salt.toString('base64'), hash: hash.toString('base64') };
}

export async function verifyPassword(password: string, stored: StoredCredential): Promise<boolean> {
  const expected = Buffer.from(stored.hash, 'base64');
  const actual = await scrypt(password, Buffer.from(stored.salt, 'base64'), stored.params);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
