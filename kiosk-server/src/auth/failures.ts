// Failed authentications counted per client address, so a guesser is refused before any credential is looked at.
// Pure (time is injected) and bounded: it remembers at most `maxAddresses` addresses, dropping the oldest, so a flood
// from many addresses costs a fixed amount of memory. Each auth path (xAPI Basic, the admin login, device tokens)
// keeps its own instance with its own thresholds.

export interface FailureLimitOptions {
  /** Failures within `windowMs` after which the address is refused. */
  maxFailures: number;
  /** How long failures are remembered, counted from the first of a series. */
  windowMs: number;
  /** How long an address is refused once it reached `maxFailures`. */
  lockoutMs: number;
  /** Addresses remembered at most. */
  maxAddresses: number;
  now?: () => number;
}

interface Entry {
  count: number;
  /** When the first failure of the current series happened. */
  since: number;
  /** 0 while not locked. */
  lockedUntil: number;
}

export class FailureLimit {
  private readonly entries = new Map<string, Entry>();
  private readonly now: () => number;

  constructor(private readonly options: FailureLimitOptions) {
    this.now = options.now ?? Date.now;
  }

  get maxFailures(): number {
    return this.options.maxFailures;
  }

  /** Addresses remembered right now (for tests and status). */
  get size(): number {
    return this.entries.size;
  }

  /** Milliseconds this address must still wait before its credentials are checked again; 0 when it may try. */
  retryAfterMs(address: string): number {
    const entry = this.live(address);
    if (!entry || entry.lockedUntil === 0) return 0;
    return entry.lockedUntil - this.now();
  }

  /**
   * Counts one failure. Returns how long the address is now refused (0 while it still has tries left), so the caller
   * can answer the failing request itself with 401 and the next ones with 429.
   */
  fail(address: string): number {
    const now = this.now();
    let entry = this.live(address);
    if (!entry) {
      this.makeRoom();
      entry = { count: 0, since: now, lockedUntil: 0 };
      this.entries.set(address, entry);
    }
    entry.count += 1;
    if (entry.count >= this.options.maxFailures && entry.lockedUntil === 0) entry.lockedUntil = now + this.options.lockoutMs;
    return entry.lockedUntil === 0 ? 0 : entry.lockedUntil - now;
  }

  /**
   * For checks that cost something (a password hash): counts the attempt as a failure BEFORE checking, so attempts
   * made in parallel are counted as they start, not as they finish. Returns 0 when the attempt may go ahead, else how
   * long the address must wait (nothing counted). Call `clear` when the attempt succeeds.
   */
  reserve(address: string): number {
    const wait = this.retryAfterMs(address);
    if (wait > 0) return wait;
    this.fail(address);
    return 0;
  }

  /** Forgets the address (a successful staff login). */
  clear(address: string): void {
    this.entries.delete(address);
  }

  /** The entry if it still counts; drops it once its window and lockout are over. */
  private live(address: string): Entry | undefined {
    const entry = this.entries.get(address);
    if (entry && this.expired(entry, this.now())) {
      this.entries.delete(address);
      return undefined;
    }
    return entry;
  }

  private expired(entry: Entry, now: number): boolean {
    return entry.lockedUntil !== 0 ? entry.lockedUntil <= now : entry.since + this.options.windowMs <= now;
  }

  private makeRoom(): void {
    // The oldest series goes first (a Map keeps insertion order): O(1) per new address, and memory stays bounded
    // whatever the traffic. Series that ended are dropped when their address is next seen.
    while (this.entries.size >= this.options.maxAddresses) this.entries.delete(this.entries.keys().next().value!);
  }
}
