import { describe, expect, it } from 'vitest';
import { acceptsInput, msUntilOpen, OPEN_GATE, screenChanged, SETTLE_MS } from './settle.ts';

describe('the input gate after a screen change', () => {
  it('is open on a screen that never changed', () => {
    expect(acceptsInput(OPEN_GATE, 0)).toBe(true);
    expect(msUntilOpen(OPEN_GATE, 1_000)).toBe(0);
  });

  it('ignores both taps of a double tap that land on the new screen (0 ms and 120 ms after the change)', () => {
    const gate = screenChanged(OPEN_GATE, 10_000);
    expect(acceptsInput(gate, 10_000)).toBe(false);
    expect(acceptsInput(gate, 10_120)).toBe(false);
    expect(acceptsInput(gate, 10_000 + SETTLE_MS - 1)).toBe(false);
  });

  it('takes the press of a visitor who looked at the new screen first', () => {
    const gate = screenChanged(OPEN_GATE, 10_000);
    expect(acceptsInput(gate, 10_000 + SETTLE_MS)).toBe(true);
    expect(acceptsInput(gate, 12_000)).toBe(true);
    expect(msUntilOpen(gate, 10_100)).toBe(SETTLE_MS - 100);
  });

  it('is a short interval, long enough for a double tap', () => {
    expect(SETTLE_MS).toBeGreaterThanOrEqual(400);
    expect(SETTLE_MS).toBeLessThanOrEqual(600);
  });

  it('is extended by a later change, never shortened by an earlier one', () => {
    const first = screenChanged(OPEN_GATE, 10_000);
    const later = screenChanged(first, 10_300);
    expect(acceptsInput(later, 10_000 + SETTLE_MS)).toBe(false);
    expect(acceptsInput(later, 10_300 + SETTLE_MS)).toBe(true);
    expect(screenChanged(later, 9_000)).toBe(later);
  });

  it('takes another interval when asked', () => {
    expect(acceptsInput(screenChanged(OPEN_GATE, 0, 100), 100)).toBe(true);
  });
});
