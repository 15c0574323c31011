// The hint's gentle pulse, as numbers: what the hint outline and the overlay on the hinted prop look like at a moment.
// It runs in the frame loop (72 Hz in a headset), so it writes into objects it is given and allocates nothing.
import type { Material, Object3D } from 'three';

export interface HintLook {
  ringOpacity: number;
  overlayOpacity: number;
  ringScale: number;
}

/** Reduced motion, and the first frame: full strength, no pulse. */
export const STILL_HINT: Readonly<HintLook> = { ringOpacity: 0.95, overlayOpacity: 0.28, ringScale: 1 };

/**
 * A look for the frame loop to write into. Build it here rather than by spreading STILL_HINT: V8 gives a spread copy's
 * fields a representation that boxes every number written to them, one allocation per field per frame.
 */
export function createHintLook(): HintLook {
  return { ringOpacity: STILL_HINT.ringOpacity, overlayOpacity: STILL_HINT.overlayOpacity, ringScale: STILL_HINT.ringScale };
}

/** Pulses per second × 2π: one slow breath every 2.6 s, far from the 3 Hz that can trigger seizures. */
const RATE = 2.4;

/** The pulsing look `elapsed` seconds into the scene, written into `out`. */
export function hintPulse(elapsed: number, out: HintLook): HintLook {
  const s = 0.5 + 0.5 * Math.sin(elapsed * RATE);
  out.ringOpacity = 0.55 + 0.4 * s;
  out.overlayOpacity = 0.1 + 0.24 * s;
  out.ringScale = 1 + 0.03 * s;
  return out;
}

/** Shows a look: the two shared hint materials and the outline mesh (null before it has mounted). */
export function applyHintLook(look: Readonly<HintLook>, ringMaterial: Material, overlayMaterial: Material, ring: Object3D | null): void {
  ringMaterial.opacity = look.ringOpacity;
  overlayMaterial.opacity = look.overlayOpacity;
  ring?.scale.setScalar(look.ringScale);
}
