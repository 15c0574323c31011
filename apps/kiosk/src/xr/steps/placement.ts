// Where each step's in-world UI stands, in the visitor's origin space (metres; the floor under the visitor is y = 0,
// -Z is forward). The steps are mounted under the XROrigin, so these places travel with every teleport and snap turn.
// Each sheet is given by direction and distance from the eye, so the same comfort and legibility hold for a seated and
// a standing visitor; placement.test.ts proves them from these constants.
import type { Posture } from '../state.ts';
import type { SheetPlacement } from '../ui/sheet.ts';

/** Eye height above the floor of the origin space (the tracked floor: H1 raises the world, not this, for seated). */
export const EYE_HEIGHT: Record<Posture, number> = { seated: 1.2, standing: 1.6 };

// Reading sheets hang from just below the eye line (their top edge ~1° below it) where seated and standing people read
// without lifting the head, and span under ±25° so no turn is needed to reach any button.
// Both hang from -1°; the wide one reaches -39°, the split one -40° (room for five long quiz choices in English):
// a downward glance, the way one reads a tablet on the lap.
export const SHEETS = {
  /** One wide text panel with a row of buttons under it: case card, hunt review, result. */
  wide: { distance: 1.2, yaw: 0, pitch: -19.4, width: 1.0, height: 0.8 },
  /** Text on the left, a column of choices on the right: decisions and quiz. */
  split: { distance: 1.2, yaw: 0, pitch: -20.7, width: 1.06, height: 0.86 },
  /** During the hunt the room is the content: the panel sits low and to the right, clear of the view ahead. */
  hunt: { distance: 1.1, yaw: -13, pitch: -24.5, width: 0.48, height: 0.66 },
} as const satisfies Record<string, SheetPlacement>;

export type SheetName = keyof typeof SHEETS;
