// What the staff indicator says, from the device's state. Pure: the indicator and its tests share it.

export interface DeviceState {
  /** Statements in the outbox, not yet on the server's disk; null until first counted. */
  pending: number | null;
  /** Whether the kiosk-server answered the last check; null until first checked. */
  reachable: boolean | null;
  /** Statements the server refused and the device keeps (reported by the fleet heartbeat); none if not known. */
  refused?: number | null;
}

export type AttentionItem = { kind: 'unreachable' } | { kind: 'pending'; count: number } | { kind: 'refused'; count: number };

/**
 * The things staff should know about, most urgent first; empty when all is well (the indicator is then not shown).
 * Unknown values say nothing: a kiosk that has not checked yet is not reported as offline.
 */
export function staffAttention({ pending, reachable, refused }: DeviceState): AttentionItem[] {
  const items: AttentionItem[] = [];
  if (reachable === false) items.push({ kind: 'unreachable' });
  if (pending) items.push({ kind: 'pending', count: pending });
  if (refused) items.push({ kind: 'refused', count: refused });
  return items;
}

/**
 * The statements that have been waiting, from two counts a few seconds apart: a statement is in the outbox for a
 * moment on its way even when all is well, and that must not flash the badge.
 */
export function waitingStatements(previous: number | null, current: number): number | null {
  return previous === null ? null : Math.min(previous, current);
}

/** How long to wait before asking the server again: soon while it is away, so the indicator clears quickly. */
export function probeDelayMs(reachable: boolean | null): number {
  return reachable === true ? 20_000 : 5_000;
}

/**
 * Whether a new version of the app, installed and waiting, may take over now: only between two visits, since taking
 * over reloads the page and a visitor must never lose their screen.
 */
export function mayActivateUpdate(waiting: boolean, visitId: string | null): boolean {
  return waiting && visitId === null;
}
