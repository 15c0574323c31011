// Refusals come in floods (a client retrying in a loop, thousands of sockets at once): one log line per key per window,
// carrying how many were refused since the last line, keeps the log readable and its disk use bounded while still
// saying who was refused and how often.

export interface LogThrottle {
  /**
   * Counts one event for `key`. Returns the number of events to report (this one and those held back since the last
   * report) when a line is due, or 0 when this event only adds to the count.
   */
  hit(key: string, now?: number): number;
}

/** At most one report per key per `windowMs`; keys not seen for a window are forgotten (at most `maxKeys` kept). */
export function createLogThrottle(windowMs = 60_000, maxKeys = 10_000): LogThrottle {
  const keys = new Map<string, { reportedAt: number; held: number }>();
  return {
    hit(key, now = Date.now()) {
      const entry = keys.get(key);
      if (entry && now - entry.reportedAt < windowMs) {
        entry.held++;
        return 0;
      }
      const count = (entry?.held ?? 0) + 1;
      keys.delete(key);
      if (keys.size >= maxKeys) {
        for (const [k, e] of keys) if (now - e.reportedAt >= windowMs) keys.delete(k);
        // Still full (a flood of distinct keys within one window): drop the oldest, so memory stays bounded.
        if (keys.size >= maxKeys) keys.delete(keys.keys().next().value!);
      }
      keys.set(key, { reportedAt: now, held: 0 });
      return count;
    },
  };
}
