// The disk floor's reading: cached for a moment (a flood of writes costs one statfs), low under the floor, and a probe
// that fails never stops writes but is reported once.
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { createDiskFloor, statfsProbe } from './disk.ts';

describe('disk floor', () => {
  it('reads free space once per cache period and says low under the floor', () => {
    let t = 0;
    let free = 5000;
    let calls = 0;
    const floor = createDiskFloor({ dir: '/data', floorBytes: 1000, now: () => t, cacheMs: 2000, probe: () => (calls++, free) });
    expect(floor.state()).toEqual({ freeBytes: 5000, floorBytes: 1000, low: false, checkedAt: 0 });
    free = 999;
    t = 1999;
    expect(floor.state().low).toBe(false);
    expect(calls).toBe(1);
    t = 2000;
    expect(floor.state()).toMatchObject({ freeBytes: 999, low: true });
    expect(calls).toBe(2);
  });

  it('does not stop writes when free space cannot be read, and reports the failure once', () => {
    let t = 0;
    const errors: unknown[] = [];
    const floor = createDiskFloor({ dir: '/gone', floorBytes: 1000, now: () => t, cacheMs: 0, probe: () => { throw new Error('ENOENT'); }, onProbeError: (e) => errors.push(e) });
    for (; t < 5; t++) expect(floor.state()).toMatchObject({ freeBytes: null, low: false });
    expect(errors).toHaveLength(1);
  });

  it('reads a real filesystem with statfs', () => {
    expect(statfsProbe(tmpdir())).toBeGreaterThan(0);
  });
});
