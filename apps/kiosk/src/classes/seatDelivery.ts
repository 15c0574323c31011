// The outbox sends the device's statements in batches, and a batch may hold several visits' statements (one visit's
// end, the next one's start; a backlog after an outage). The server takes a class visit's statements only with that
// visit's seat token in a header, one per request: so a batch goes as runs of statements with the same seat, in order.
import type { Statement } from '@ruyi/xapi';
import { seatOf } from './membership.ts';

export interface SeatRun {
  /** The seat token of the run's visit; null for statements of visits in no class. */
  token: string | null;
  statements: Statement[];
}

/** The batch cut into runs of consecutive statements with the same seat token (order kept). */
export function seatRuns(batch: readonly Statement[], tokenOf: (visitId: string | undefined) => string | null): SeatRun[] {
  const runs: SeatRun[] = [];
  for (const statement of batch) {
    const token = tokenOf(statement.context?.registration);
    const last = runs.at(-1);
    if (last && last.token === token) last.statements.push(statement);
    else runs.push({ token, statements: [statement] });
  }
  return runs;
}

/** The seat token of a visit kept on this device, if it joined a class. */
export const seatTokenOf = (visitId: string | undefined): string | null => seatOf(visitId)?.token ?? null;

/**
 * The class code a record's statements carry: its visit's class, for what it did while the class was open (the server
 * refuses a class claim made after the class closed; the visit's later records count for the park, not the class).
 */
export function classCodeOf(visitId: string, at: string): string | null {
  const seat = seatOf(visitId);
  return seat && Date.parse(at) < Date.parse(seat.closesAt) ? seat.classCode : null;
}

/**
 * Posts a batch run by run, each with its seat token. Resolves once all are stored; a failure stops there and the outbox
 * sends the whole batch again later (the server takes the runs already stored as duplicates).
 */
export async function postBySeat(batch: Statement[], post: (statements: Statement[], seatToken: string | null) => Promise<void>): Promise<void> {
  for (const run of seatRuns(batch, seatTokenOf)) await post(run.statements, run.token);
}
