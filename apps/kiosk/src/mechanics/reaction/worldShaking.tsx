// A step's request that the VR world shake, and the wrapper that answers it. A step's VR view lives in the visitor's
// origin space, but the world (room and props) is drawn apart from it, so the step cannot wrap the world itself: it
// raises this flag, and the VR shell wraps its world in <ShakingWorld>. WorldShake keeps the world still under reduced
// motion and never moves the camera.
import { type JSX, type ReactNode, useEffect } from 'react';
import { create } from 'zustand';
import { WorldShake } from '../../xr/comfort/WorldShake.tsx';

export const useWorldShaking = create<{ shaking: boolean }>(() => ({ shaking: false }));

/** While mounted and `active`, the world shakes; it stops when the caller unmounts (a step left mid-shake). */
export function useShakeWorld(active: boolean): void {
  useEffect(() => {
    if (!active) return;
    useWorldShaking.setState({ shaking: true });
    return () => useWorldShaking.setState({ shaking: false });
  }, [active]);
}

/** The VR world, shaking while a step asks it to. */
export function ShakingWorld({ children }: { children?: ReactNode }): JSX.Element {
  const shaking = useWorldShaking((s) => s.shaking);
  return (
    <WorldShake active={shaking} intensity={0.6}>
      {children}
    </WorldShake>
  );
}
