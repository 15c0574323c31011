// Which visits on this device joined a class, and with which seat. A seat belongs to one visit: it is kept under that
// visit's id, so the next visitor (a new visit id) is in no class without anything having to be reset; the badge and
// the certificate button look only at the current visit's seat. What outlives the visit is only what its statements
// still need on their way to the server (the class code and the seat token; statements may wait on the device through
// an outage), and that goes once the class is over for the server too. No schema imports: the first screen reads it.
import { create } from 'zustand';
import { useVisit } from '../stores/visit.ts';

export interface ClassSeat {
  visitId: string;
  classId: string;
  /** The value of the statements' class-code extension (`<school>/<code>`). */
  classCode: string;
  seat: number;
  /** Sent as the seat header with the visit's statements and its certificate requests. */
  token: string;
  school: string;
  grade: number;
  label: string;
  closesAt: string;
}

/** What the join answered: a seat before it is tied to a visit. */
export type JoinedSeat = Omit<ClassSeat, 'visitId'>;

const KEY = 'ruyi.class-seats';
/** How long after a class closes its seats are kept for statements still on their way (the server's grace is shorter). */
export const KEEP_AFTER_CLOSE_MS = 3 * 24 * 3600_000;
const MAX_SEATS = 100;

/** The seats worth keeping at `now`: classes not long over, newest last, at most MAX_SEATS. */
export function keptSeats(seats: readonly ClassSeat[], now: number): ClassSeat[] {
  return seats.filter((s) => Date.parse(s.closesAt) + KEEP_AFTER_CLOSE_MS > now).slice(-MAX_SEATS);
}

function isSeat(value: unknown): value is ClassSeat {
  const s = value as Partial<ClassSeat> | null;
  return (
    !!s &&
    typeof s.visitId === 'string' &&
    typeof s.classId === 'string' &&
    typeof s.classCode === 'string' &&
    typeof s.token === 'string' &&
    typeof s.seat === 'number' &&
    typeof s.grade === 'number' &&
    typeof s.label === 'string' &&
    typeof s.school === 'string' &&
    typeof s.closesAt === 'string'
  );
}

/** The seats kept in `text` (unreadable or foreign entries left out). */
export function parseSeats(text: string | null): ClassSeat[] {
  if (!text) return [];
  try {
    const parsed = JSON.parse(text) as unknown;
    return Array.isArray(parsed) ? parsed.filter(isSeat) : [];
  } catch {
    return [];
  }
}

function storage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    // Storage off: seats last while the page is open.
    return null;
  }
}

export const useClassSeats = create<{ seats: ClassSeat[] }>(() => ({
  seats: keptSeats(parseSeats(storage()?.getItem(KEY) ?? null), Date.now()),
}));

useClassSeats.subscribe(({ seats }) => {
  try {
    if (seats.length) storage()?.setItem(KEY, JSON.stringify(seats));
    else storage()?.removeItem(KEY);
  } catch (error) {
    console.warn('Ruyi: the class seat could not be kept on the device:', error);
  }
});

/** Ties a seat to a visit (replacing any seat that visit had). */
export function keepSeat(visitId: string, seat: JoinedSeat): void {
  const others = useClassSeats.getState().seats.filter((s) => s.visitId !== visitId);
  useClassSeats.setState({ seats: keptSeats([...others, { ...seat, visitId }], Date.now()) });
}

/** The seat of a visit, if it joined a class. */
export const seatOf = (visitId: string | null | undefined): ClassSeat | undefined =>
  visitId ? useClassSeats.getState().seats.find((s) => s.visitId === visitId) : undefined;

/** The current visit's seat (re-rendering when the visit or its seat changes). */
export function useCurrentSeat(): ClassSeat | undefined {
  const visitId = useVisit((s) => s.visitId);
  return useClassSeats((s) => (visitId ? s.seats.find((seat) => seat.visitId === visitId) : undefined));
}
