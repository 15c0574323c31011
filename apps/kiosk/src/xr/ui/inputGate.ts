// Ghost presses in the headset, by the same rule as the 2D screens (@ruyi/scenario-engine settle.ts): when in-world
// buttons appear or change their words, every button ignores presses until the scene has been still for SETTLE_MS. A
// second trigger pull of a double press must not land on the next step's choice drawn where the first button was.
// One gate for the whole scene, like InputGuard's for the page: a button cannot forget it.
import { OPEN_GATE, acceptsInput, msUntilOpen, screenChanged, type InputGate } from '@ruyi/scenario-engine';
import { inputNow } from '../../components/InputGuard.tsx';

let gate: InputGate = OPEN_GATE;

/** A button appeared, or its label changed: presses wait until the scene has settled. */
export function xrControlsChanged(now: number = inputNow()): void {
  gate = screenChanged(gate, now);
}

/** Whether a press that went down at `downAt` and clicked at `now` counts: both after the scene settled. */
export function xrTakesPress(downAt: number, now: number = inputNow()): boolean {
  return acceptsInput(gate, downAt) && acceptsInput(gate, now);
}

/** How long until presses count again (0 once settled): for the test API, which waits for it before pressing. */
export function xrMsUntilSettled(now: number = inputNow()): number {
  return msUntilOpen(gate, now);
}

/** Opens the gate (a new VR view, and tests). */
export function resetXrInputGate(): void {
  gate = OPEN_GATE;
}
