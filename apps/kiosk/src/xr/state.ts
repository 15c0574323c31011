// Whether this device is showing a scenario in a headset, and the visitor's comfort choices there. The XR session
// itself belongs to @react-three/xr's store (session/); this is what the rest of the app needs to know of it.
import { create } from 'zustand';

export type Posture = 'seated' | 'standing';

interface XrState {
  /** An immersive session is running: records say platform 'vr', the DOM steps are hidden behind the mirror view. */
  presenting: boolean;
  /** Seated visitors get the world raised to their eyes and every panel within reach; standing is the default. */
  posture: Posture;
  /**
   * A VR view is mounted and bound to its renderer, so "Enter VR" can start a session at once (inside the tap's user
   * activation, which requestSession needs).
   */
  canEnter: boolean;
  setPresenting(presenting: boolean): void;
  setPosture(posture: Posture): void;
  setCanEnter(canEnter: boolean): void;
}

export const useXr = create<XrState>((set) => ({
  presenting: false,
  posture: 'standing',
  canEnter: false,
  setPresenting: (presenting) => set({ presenting }),
  setPosture: (posture) => set({ posture }),
  setCanEnter: (canEnter) => set({ canEnter }),
}));
