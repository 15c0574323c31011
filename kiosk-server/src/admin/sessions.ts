// Staff sessions and login throttling, in memory: a restart logs staff out, which is fine for a park server.
// Tokens are kept by their SHA-256, so the map lookup leaks nothing useful about a valid token's bytes.
import { createHash, randomBytes } from 'node:crypto';

export const SESSION_MS = 8 * 60 * 60 * 1000;
export const MAX_FAILURES = 5;
export const LOCKOUT_MS = 60 * 1000;

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

/** After MAX_FAILURES failed logins from one address, that address is refused for LOCKOUT_MS. */
export class LoginThrottle {
  private readonly failures = new Map<string, { count: number; lockedUntil: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Milliseconds the address must still wait, or 0 when it may try. */
  retryAfterMs(address: string): number {
    const entry = this.failures.get(address);
    if (!entry || entry.lockedUntil === 0) return 0;
    const wait = entry.lockedUntil - this.now();
    if (wait > 0) return wait;
    this.failures.delete(address);
    return 0;
  }

  fail(address: string): void {
    const entry = this.failures.get(address) ?? { count: 0, lockedUntil: 0 };
    entry.count += 1;
    if (entry.count >= MAX_FAILURES) entry.lockedUntil = this.now() + LOCKOUT_MS;
    this.failures.set(address, entry);
  }

  succeed(address: string): void {
    this.failures.delete(address);
  }
}
