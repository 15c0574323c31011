// Statements per second over the last minute (or since the start, if that is sooner), for the operator's progress view.

export const RATE_WINDOW_MS = 60_000;

export class RateMeter {
  private readonly events: { at: number; count: number }[] = [];
  constructor(
    private readonly startedAt: number,
    private readonly windowMs = RATE_WINDOW_MS,
  ) {}

  record(count: number, at: number): void {
    this.events.push({ at, count });
    this.prune(at);
  }

  /** Statements per second delivered within the window ending at `now`. */
  perSecond(now: number): number {
    this.prune(now);
    const total = this.events.reduce((sum, e) => sum + e.count, 0);
    // At least a second, so the first batch does not read as an absurd rate.
    const span = Math.max(1000, Math.min(this.windowMs, now - this.startedAt));
    return total / (span / 1000);
  }

  private prune(now: number): void {
    while (this.events.length && this.events[0]!.at <= now - this.windowMs) this.events.shift();
  }
}
