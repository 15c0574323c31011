// At most `concurrency` expensive jobs (password hashes) at once across the whole server, with a short queue; past
// it, callers are refused at once instead of piling up. scrypt runs in libuv's threadpool (4 threads by default),
// which also reads the app's files: keeping hashes to a couple of threads leaves the rest for visitors' pages.

export interface GateStats {
  running: number;
  queued: number;
  /** Jobs finished (resolved or failed) since start. */
  completed: number;
  /** Jobs refused because the queue was full. */
  refused: number;
  /** The most jobs that ever ran at once. */
  peak: number;
}

export class GateFull extends Error {
  constructor() {
    super('too many jobs waiting');
    this.name = 'GateFull';
  }
}

export class Gate {
  private running = 0;
  private completed = 0;
  private refused = 0;
  private peak = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    readonly concurrency: number,
    readonly queueLimit: number,
  ) {}

  stats(): GateStats {
    return { running: this.running, queued: this.waiting.length, completed: this.completed, refused: this.refused, peak: this.peak };
  }

  /** Runs `job` when a slot is free; throws GateFull (without running it) when `queueLimit` jobs already wait. */
  async run<T>(job: () => Promise<T>): Promise<T> {
    if (this.running >= this.concurrency) {
      if (this.waiting.length >= this.queueLimit) {
        this.refused += 1;
        throw new GateFull();
      }
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else this.running += 1;
    this.peak = Math.max(this.peak, this.running);
    try {
      return await job();
    } finally {
      this.completed += 1;
      // The slot passes straight to the next waiter, so `running` never exceeds `concurrency`.
      const next = this.waiting.shift();
      if (next) next();
      else this.running -= 1;
    }
  }
}
