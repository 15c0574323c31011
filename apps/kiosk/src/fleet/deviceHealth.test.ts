import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { notePending, PENDING_COUNT_EVERY_MS, resetPendingCount, startPendingCount, useDeviceHealth } from './deviceHealth.ts';

beforeEach(() => resetPendingCount());
afterEach(() => vi.useRealTimers());

describe('one count of the statements waiting, for the heartbeat and the staff badge', () => {
  it('the heartbeat gets the latest count; the badge only what was still there a count later', () => {
    notePending(3);
    expect(useDeviceHealth.getState()).toMatchObject({ pending: 3, waiting: null });
    // A statement on its way for a moment (0 → 1 → 0) never shows on the badge.
    notePending(0);
    notePending(1);
    expect(useDeviceHealth.getState()).toMatchObject({ pending: 1, waiting: 0 });
    notePending(0);
    expect(useDeviceHealth.getState()).toMatchObject({ pending: 0, waiting: 0 });
    // Statements that stay (the server is away) do.
    notePending(4);
    notePending(5);
    expect(useDeviceHealth.getState()).toMatchObject({ pending: 5, waiting: 4 });
  });

  it('counts the outbox at once and then every interval, into the store', async () => {
    vi.useFakeTimers();
    const counts = [2, 2, 0];
    const count = vi.fn(async () => counts.shift() ?? 0);
    const counting = startPendingCount(count);
    await counting.first;
    expect(useDeviceHealth.getState()).toMatchObject({ pending: 2, waiting: null });
    await vi.advanceTimersByTimeAsync(PENDING_COUNT_EVERY_MS);
    expect(useDeviceHealth.getState()).toMatchObject({ pending: 2, waiting: 2 });
    await vi.advanceTimersByTimeAsync(PENDING_COUNT_EVERY_MS);
    expect(useDeviceHealth.getState()).toMatchObject({ pending: 0, waiting: 0 });
    expect(count).toHaveBeenCalledTimes(3);
    counting.stop();
    await vi.advanceTimersByTimeAsync(PENDING_COUNT_EVERY_MS * 3);
    expect(count).toHaveBeenCalledTimes(3);
  });

  it('a failed count leaves the last one standing', async () => {
    notePending(7);
    const counting = startPendingCount(() => Promise.reject(new Error('IndexedDB gone')));
    await counting.first;
    counting.stop();
    expect(useDeviceHealth.getState().pending).toBe(7);
  });
});
