// A student at the VR station joins a class on the station's 2D page, but the visit starts only once the headset's
// session is up (so every record of it, its start included, is the headset's). Until then the station holds the seat;
// the session's visit takes it (classes/joinVisit.ts ties it to that visit's id, as a kiosk's join does) and from then
// on it lives and dies with that visit. A seat nobody took into the headset is let go after the kiosk's idle time
// without input on the page, or when its class ends, so it never falls to the next visitor.
import { create } from 'zustand';
import type { JoinedSeat } from '../../classes/membership.ts';

export interface HeldSeat {
  seat: JoinedSeat;
  /** When the page last had input with the seat held (ms since the epoch). */
  since: number;
}

/** When a held seat is let go: `waitMs` after the page's last input, or at its class's end if that is sooner. */
export function heldSeatExpiry(held: HeldSeat, waitMs: number): number {
  const closes = Date.parse(held.seat.closesAt);
  return Math.min(held.since + waitMs, Number.isNaN(closes) ? -Infinity : closes);
}

/** Whether a held seat may still be taken into the headset at `now`. */
export const heldSeatLive = (held: HeldSeat | null, now: number, waitMs: number): held is HeldSeat =>
  held !== null && now < heldSeatExpiry(held, waitMs);

export const useHeldSeat = create<{ held: HeldSeat | null }>(() => ({ held: null }));

export const holdSeat = (seat: JoinedSeat, now = Date.now()): void => useHeldSeat.setState({ held: { seat, since: now } });

/** Input on the page: staff are still fitting the headset, the seat stays. */
export function touchHeldSeat(now = Date.now()): void {
  const { held } = useHeldSeat.getState();
  if (held) useHeldSeat.setState({ held: { ...held, since: now } });
}

export const dropHeldSeat = (): void => useHeldSeat.setState({ held: null });

/** The held seat, handed to the visit starting now (once): null when none is held or it has run out. */
export function takeHeldSeat(now: number, waitMs: number): JoinedSeat | null {
  const { held } = useHeldSeat.getState();
  dropHeldSeat();
  return heldSeatLive(held, now, waitMs) ? held.seat : null;
}
