// The dashboard's reports as sent (serialized JSON), kept per period, place and roll-up cursor. A report changes only
// when the follower rolls up more statements, and building and serializing one holds the event loop for tens of
// milliseconds at city scale: a dashboard loaded again, by the same analyst or another of the same place, costs a
// cursor read until the cursor moves. Requests for a report being built wait for that build instead of starting
// their own. The key is the place the route resolved and checked against the caller's scope; the cache never decides
// who may read what. Bounded: the least recently used reports go first, past a count or a size.

export interface ReportCacheLimits {
  /** Reports kept at most. */
  entries: number;
  /** Bytes of reports kept at most (a report larger than this is sent, not kept). */
  bytes: number;
}

export const REPORT_CACHE_LIMITS: ReportCacheLimits = { entries: 32, bytes: 16 * 1024 * 1024 };

interface Entry {
  /** The cursor the body is valid for: the snapshot's once built, the one asked with while building. */
  cursor: number;
  body: Promise<Buffer>;
  bytes: number;
}

export interface ReportCache {
  /**
   * The body for `key` at roll-up `cursor`: kept, being built, or built now by `build` (which reads its own snapshot
   * and says at which cursor).
   */
  get(key: string, cursor: number, build: () => Promise<{ cursor: number; body: Buffer }>): Promise<Buffer>;
  /** Reports kept (and being built), and their bytes. */
  size(): { entries: number; bytes: number };
}

export function createReportCache(limits: ReportCacheLimits = REPORT_CACHE_LIMITS): ReportCache {
  const entries = new Map<string, Entry>();
  let bytes = 0;

  const drop = (key: string, entry: Entry) => {
    if (entries.get(key) !== entry) return;
    entries.delete(key);
    bytes -= entry.bytes;
  };
  const trim = () => {
    // A Map iterates in insertion order, and a hit re-inserts: the first entries are the least recently used.
    for (const [key, entry] of entries) {
      if (entries.size <= limits.entries && bytes <= limits.bytes) break;
      drop(key, entry);
    }
  };

  return {
    get(key, cursor, build) {
      const kept = entries.get(key);
      if (kept && kept.cursor === cursor) {
        entries.delete(key);
        entries.set(key, kept);
        return kept.body;
      }
      if (kept) drop(key, kept);
      const entry: Entry = { cursor, body: Promise.resolve(Buffer.alloc(0)), bytes: 0 };
      entry.body = build().then(
        (built) => {
          if (entries.get(key) === entry) {
            entry.cursor = built.cursor;
            entry.bytes = built.body.length;
            bytes += entry.bytes;
            trim();
          }
          return built.body;
        },
        (error: unknown) => {
          drop(key, entry);
          throw error;
        },
      );
      entries.set(key, entry);
      trim();
      return entry.body;
    },
    size: () => ({ entries: entries.size, bytes }),
  };
}
