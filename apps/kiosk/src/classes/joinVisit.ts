// A student's device joined a class: the seat belongs to the visit under way, or to the visit this starts. It is tied
// to the new visit as the visit's id appears, before the visit's first statement (its start) is made, so every
// statement of a class visit carries the class code.
import { beginVisit } from '../stores/lifecycle.ts';
import { useVisit } from '../stores/visit.ts';
import { keepSeat, type JoinedSeat } from './membership.ts';

let pending: JoinedSeat | null = null;

useVisit.subscribe((state, previous) => {
  // zustand calls this inside the visit's own update, before beginVisit goes on to record the visit's start.
  if (pending && state.visitId && state.visitId !== previous.visitId) keepSeat(state.visitId, pending);
});

export function joinVisit(seat: JoinedSeat): void {
  const { visitId } = useVisit.getState();
  if (visitId) return keepSeat(visitId, seat);
  pending = seat;
  try {
    beginVisit();
  } finally {
    pending = null;
  }
}
