// Staff sessions, in memory: a restart logs staff out, which is fine for a park server. Login attempts are counted
// per address by a FailureLimit (src/auth/failures.ts) in plugins/admin.ts, with the limits below.
// Tokens are kept by their SHA-256, so the map lookup leaks nothing useful about a valid token's bytes.
import { createHash, randomBytes } from 'node:crypto';

export const SESSION_MS = 8 * 60 * 60 * 1000;
/** Wrong passwords from one address (counted as each attempt starts) before it is refused for LOCKOUT_MS. */
export const MAX_FAILURES = 5;
export const LOCKOUT_MS = 60 * 1000;
/** Failures are forgotten this long after the first of a series (a typo a day never locks anyone out). */
export const FAILURE_WINDOW_MS = 15 * 60 * 1000;
/** Password hashes at once, server-wide, and how many more may wait; past that a login is refused at once (503). */
export const HASH_CONCURRENCY = 2;
export const HASH_QUEUE = 8;

const digest = (token: string) => createHash('sha256').update(token).digest('base64url');

export class SessionStore {
  private readonly sessions = new Map<string, number>();

  constructor(private readonly now: () => number = Date.now) {}

  /** A new random 32-byte token and when it expires. */
  create(): { token: string; expiresAt: Date } {
    this.prune();
    const token = randomBytes(32).toString('base64url');
    const expiresAt = this.now() + SESSION_MS;
    this.sessions.set(digest(token), expiresAt);
    return { token, expiresAt: new Date(expiresAt) };
  }

  isValid(token: string): boolean {
    const key = digest(token);
    const expiresAt = this.sessions.get(key);
    if (expiresAt === undefined) return false;
    if (expiresAt <= this.now()) {
      this.sessions.delete(key);
      return false;
    }
    return true;
  }

  revoke(token: string): void {
    this.sessions.delete(digest(token));
  }

  private prune(): void {
    const now = this.now();
    for (const [key, expiresAt] of this.sessions) if (expiresAt <= now) this.sessions.delete(key);
  }
}
