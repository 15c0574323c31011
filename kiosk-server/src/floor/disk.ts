// The disk floor: below this much free space on the data folder's filesystem, statements are refused (507) rather than
// written. SQLite needs room for its write-ahead log and checkpoints, and a disk filled to the last byte turns every
// write, the admin page and the OS itself into errors; a floor keeps the server able to say why and recover by
// itself once space is freed. statfs is a system call: cached, so a flood of writes costs one call a few seconds.
import { statfsSync } from 'node:fs';

/** Bytes available to this (unprivileged) process on the filesystem holding `dir`. */
export type FreeSpaceProbe = (dir: string) => number;

export const statfsProbe: FreeSpaceProbe = (dir) => {
  const stats = statfsSync(dir);
  return stats.bavail * stats.bsize;
};

export interface DiskState {
  /** null when the probe failed (then writes are not stopped: a broken probe must not stop a park). */
  freeBytes: number | null;
  floorBytes: number;
  low: boolean;
  /** ms since the epoch. */
  checkedAt: number;
}

export interface DiskFloorOptions {
  dir: string;
  floorBytes: number;
  probe?: FreeSpaceProbe;
  now?: () => number;
  /** How long one reading is trusted. */
  cacheMs?: number;
  /** Told once when the probe fails (with its error) so the log says why the floor is not enforced. */
  onProbeError?: (error: unknown) => void;
}

export const DEFAULT_CACHE_MS = 2000;

export interface DiskFloor {
  state(): DiskState;
}

export function createDiskFloor(options: DiskFloorOptions): DiskFloor {
  const { dir, floorBytes, probe = statfsProbe, now = Date.now, cacheMs = DEFAULT_CACHE_MS, onProbeError } = options;
  let last: DiskState | null = null;
  let probeFailed = false;
  return {
    state() {
      const t = now();
      if (last && t - last.checkedAt < cacheMs) return last;
      let freeBytes: number | null;
      try {
        freeBytes = probe(dir);
        probeFailed = false;
      } catch (error) {
        freeBytes = null;
        if (!probeFailed) onProbeError?.(error);
        probeFailed = true;
      }
      last = { freeBytes, floorBytes, low: freeBytes !== null && freeBytes < floorBytes, checkedAt: t };
      return last;
    },
  };
}
