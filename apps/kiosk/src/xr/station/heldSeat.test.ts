import { afterEach, describe, expect, it } from 'vitest';
import type { JoinedSeat } from '../../classes/membership.ts';
import { dropHeldSeat, heldSeatExpiry, heldSeatLive, holdSeat, takeHeldSeat, touchHeldSeat, useHeldSeat } from './heldSeat.ts';

const T0 = Date.parse('2026-06-01T02:00:00.000Z');
const WAIT = 120_000;
const seat = (closesAt = '2026-06-01T03:00:00.000Z'): JoinedSeat => ({
  classId: '5b0c6a57-2f7e-4c1b-9d62-0c8f3b1a7e10',
  classCode: 'SCH-0042/7KQ2MX',
  seat: 3,
  token: 'seat-token',
  school: 'SCH-0042',
  grade: 4,
  label: '2班',
  closesAt,
});

afterEach(dropHeldSeat);

describe('a seat held at the VR station', () => {
  it('runs out after the wait without input, or at its class end if sooner', () => {
    expect(heldSeatExpiry({ seat: seat(), since: T0 }, WAIT)).toBe(T0 + WAIT);
    expect(heldSeatExpiry({ seat: seat('2026-06-01T02:01:00.000Z'), since: T0 }, WAIT)).toBe(T0 + 60_000);
    expect(heldSeatLive({ seat: seat(), since: T0 }, T0 + WAIT - 1, WAIT)).toBe(true);
    expect(heldSeatLive({ seat: seat(), since: T0 }, T0 + WAIT, WAIT)).toBe(false);
    expect(heldSeatLive({ seat: seat('2026-06-01T02:01:00.000Z'), since: T0 }, T0 + 60_000, WAIT)).toBe(false);
    expect(heldSeatLive(null, T0, WAIT)).toBe(false);
    // A closing time that cannot be read is never a live seat.
    expect(heldSeatLive({ seat: seat('soon'), since: T0 }, T0, WAIT)).toBe(false);
  });

  it('is taken once, by the visit that starts in the headset', () => {
    holdSeat(seat(), T0);
    expect(takeHeldSeat(T0 + 1000, WAIT)).toEqual(seat());
    expect(useHeldSeat.getState().held).toBeNull();
    expect(takeHeldSeat(T0 + 2000, WAIT)).toBeNull();
  });

  it('is not taken once run out, and is let go all the same', () => {
    holdSeat(seat(), T0);
    expect(takeHeldSeat(T0 + WAIT, WAIT)).toBeNull();
    expect(useHeldSeat.getState().held).toBeNull();
  });

  it('stays while staff use the page', () => {
    holdSeat(seat(), T0);
    touchHeldSeat(T0 + WAIT - 1);
    expect(takeHeldSeat(T0 + WAIT + 1000, WAIT)).toEqual(seat());
    // Input with no seat held holds none.
    touchHeldSeat(T0);
    expect(useHeldSeat.getState().held).toBeNull();
  });
});
