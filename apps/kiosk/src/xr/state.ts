// Whether this device is showing a scenario in a headset. The XR session itself belongs to @react-three/xr's store
// (session/); this is what the rest of the app needs to know of it. The visitor's comfort choices there (posture) are
// theirs, not the device's: they live in the visit (stores/visit.ts) and end with it.
import { create } from 'zustand';

export type { Posture } from '../stores/visit.ts';

interface XrState {
  /** An immersive session is running: records say platform 'vr', the DOM steps are hidden behind the mirror view. */
  presenting: boolean;
  /**
   * A VR view is mounted and bound to its renderer, so "Enter VR" can start a session at once (inside the tap's user
   * activation, which requestSession needs).
   */
  canEnter: boolean;
  setPresenting(presenting: boolean): void;
  setCanEnter(canEnter: boolean): void;
}

export const useXr = create<XrState>((set) => ({
  presenting: false,
  canEnter: false,
  setPresenting: (presenting) => set({ presenting }),
  setCanEnter: (canEnter) => set({ canEnter }),
}));
