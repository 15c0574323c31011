import { SETTLE_MS } from '@ruyi/scenario-engine';
import { beforeEach, describe, expect, it } from 'vitest';
import { resetXrInputGate, xrControlsChanged, xrMsUntilSettled, xrTakesPress } from './inputGate.ts';

beforeEach(() => resetXrInputGate());

describe('in-world buttons and ghost presses', () => {
  it('take presses while nothing changed', () => {
    expect(xrTakesPress(Number.NEGATIVE_INFINITY, 10)).toBe(true);
    expect(xrMsUntilSettled(10)).toBe(0);
  });

  it('ignore a press for the settle time after buttons appear: the second pull of a double press', () => {
    // The first press's click moves the visit on at t = 1000; the next step's buttons appear.
    xrControlsChanged(1000);
    // The second pull of the double press, 120 ms later, lands on the new choice: ignored.
    expect(xrTakesPress(1100, 1120)).toBe(false);
    expect(xrMsUntilSettled(1120)).toBe(SETTLE_MS - 120);
    // A press that went down while the scene settled does not count when it comes up after.
    expect(xrTakesPress(1400, 1000 + SETTLE_MS + 50)).toBe(false);
    // A deliberate press once the scene is still counts.
    expect(xrTakesPress(1000 + SETTLE_MS, 1000 + SETTLE_MS + 80)).toBe(true);
    expect(xrMsUntilSettled(1000 + SETTLE_MS)).toBe(0);
  });

  it('a later change extends the wait', () => {
    xrControlsChanged(1000);
    xrControlsChanged(1300);
    expect(xrTakesPress(1000 + SETTLE_MS, 1000 + SETTLE_MS)).toBe(false);
    expect(xrTakesPress(1300 + SETTLE_MS, 1300 + SETTLE_MS)).toBe(true);
  });
});
