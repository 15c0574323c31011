// Requests per minute per authenticated caller (an xAPI client): charged only once the caller has proved who it is,
// so requests with made-up keys or wrong secrets never use up a real client's budget. A fixed window per caller,
// pure (time injected) and bounded in memory like FailureLimit.

export interface RequestBudgetOptions {
  /** Requests allowed per window. */
  max: number;
  windowMs: number;
  /** Callers remembered at most (the oldest window is dropped first). */
  maxKeys: number;
  now?: () => number;
}

export class RequestBudget {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();
  private readonly now: () => number;

  constructor(readonly options: RequestBudgetOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Charges one request; 0 when it is within the budget, else the milliseconds until the window resets. */
  charge(key: string): number {
    const now = this.now();
    let window = this.windows.get(key);
    if (!window || window.resetAt <= now) {
      this.windows.delete(key);
      while (this.windows.size >= this.options.maxKeys) this.windows.delete(this.windows.keys().next().value!);
      window = { count: 0, resetAt: now + this.options.windowMs };
      this.windows.set(key, window);
    }
    if (window.count >= this.options.max) return window.resetAt - now;
    window.count += 1;
    return 0;
  }
}
