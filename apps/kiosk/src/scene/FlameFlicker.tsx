// Moves the scene's flames (flame.ts) while the scene has any and motion is welcome: one uniform written per frame.
// Under reduced motion nothing runs and the flames stand still, as the hint's pulse does; with no flame in the scene
// nothing asks for frames, so a still scene stays idle (frameloop="demand").
import { useEffect, type JSX } from 'react';
import { useFrame, useThree } from '@react-three/fiber';
import { useSharedAssets } from './useSharedAssets.ts';

export function FlameFlicker({ reducedMotion }: { reducedMotion: boolean }): JSX.Element | null {
  const assets = useSharedAssets();
  const invalidate = useThree((s) => s.invalidate);
  useEffect(() => {
    // A still flame shows its resting shape, whenever motion was turned off.
    if (reducedMotion) assets.flameTime.value = 0;
    invalidate();
  }, [reducedMotion, assets, invalidate]);
  // Runs every frame while flames show: allocation-free (one number written).
  useFrame((state) => {
    if (reducedMotion) return;
    assets.flameTime.value = state.clock.elapsedTime;
    state.invalidate();
  });
  return null;
}
