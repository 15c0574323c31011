// The visit the headset's session starts: with the seat the station holds, if a student joined a class on the 2D page
// before, so its start and every later record carry the class (and the seat token goes with its statements).
import { joinVisit } from '../../classes/joinVisit.ts';
import { useContent } from '../../stores/content.ts';
import { beginVisit } from '../../stores/lifecycle.ts';
import { takeHeldSeat } from './heldSeat.ts';

/** How long a seat waits for the headset: the kiosk's idle time and its countdown (no DOM idle guard runs on /vr). */
export function heldSeatWaitMs(): number {
  const content = useContent.getState();
  const { idleSeconds, idleCountdownSeconds } = content.status === 'ready' ? content.config : { idleSeconds: 90, idleCountdownSeconds: 30 };
  return (idleSeconds + idleCountdownSeconds) * 1000;
}

export function beginStationVisit(): void {
  const seat = takeHeldSeat(Date.now(), heldSeatWaitMs());
  if (seat) joinVisit(seat);
  else beginVisit();
}
