// Ghost input: a second tap of a double tap (or a tap that was already on its way) landing on a control that has just
// appeared where the finger was, e.g. the next situation's choice under the "continue" just pressed. A screen whose
// controls changed takes no press until it has been still for a moment; long enough for a double tap (two taps come
// 100–300 ms apart), short enough that a visitor who reads first never meets it.

/** How long after its controls changed a screen ignores presses. */
export const SETTLE_MS = 500;

/** When the screen takes presses again (a time on the caller's clock); -Infinity for a screen that never changed. */
export type InputGate = number;

export const OPEN_GATE: InputGate = Number.NEGATIVE_INFINITY;

/** The gate after the screen's controls changed at `now`: closed for `settleMs` from then (a later change extends it). */
export function screenChanged(gate: InputGate, now: number, settleMs: number = SETTLE_MS): InputGate {
  return Math.max(gate, now + settleMs);
}

/** Whether a press at `at` counts. */
export function acceptsInput(gate: InputGate, at: number): boolean {
  return at >= gate;
}

/** How long from `now` until the gate opens (0 when it is open). */
export function msUntilOpen(gate: InputGate, now: number): number {
  return Math.max(0, gate - now);
}
