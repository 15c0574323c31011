// Whether this device is showing a scenario in a headset, and the visitor's comfort choices there. The XR session
// itself belongs to @react-three/xr's store (session/); this is what the rest of the app needs to know of it.
import { create } from 'zustand';

export type Posture = 'seated' | 'standing';

interface XrState {
  /** An immersive session is running: records say platform 'vr', the DOM steps are hidden behind the mirror view. */
  presenting: boolean;
  /** Seated visitors get the world raised to their eyes and every panel within reach; standing is the default. */
  posture: Posture;
  setPresenting(presenting: boolean): void;
  setPosture(posture: Posture): void;
}

export const useXr = create<XrState>((set) => ({
  presenting: false,
  posture: 'standing',
  setPresenting: (presenting) => set({ presenting }),
  setPosture: (posture) => set({ posture }),
}));
