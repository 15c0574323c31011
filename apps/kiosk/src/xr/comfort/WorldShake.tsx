// <WorldShake active> shakes its children (the WORLD: room and props), never the camera or the visitor's origin, so
// the view keeps following the visitor's own head. Under prefers-reduced-motion it does nothing. No pack uses it yet;
// an earthquake pack's step would wrap the scene in it.
import { useFrame } from '@react-three/fiber';
import { useEffect, useRef, type JSX, type ReactNode } from 'react';
import type { Group } from 'three';
import { useReducedMotion } from '../../components/useReducedMotion.ts';
import { worldShakeOffset, type ShakeOffset, type ShakeOptions } from './worldShake.ts';

export interface WorldShakeProps {
  /** Shaking now; turning it off eases nothing (the shake's own duration does): it stops and resets at once. */
  active: boolean;
  /** 0..1, see worldShake.ts. */
  intensity?: number;
  /** Seconds; Infinity shakes until `active` turns false. */
  duration?: number;
  children?: ReactNode;
}

export function WorldShake({ active, intensity = 0.5, duration = Infinity, children }: WorldShakeProps): JSX.Element {
  const ref = useRef<Group>(null);
  const reducedMotion = useReducedMotion();
  const startedAt = useRef<number | null>(null);
  // Reused every frame: the frame loop allocates nothing.
  const offset = useRef<ShakeOffset>({ x: 0, y: 0, z: 0, roll: 0 });
  const options = useRef<ShakeOptions>({ intensity, duration });
  options.current.intensity = intensity;
  options.current.duration = duration;

  useEffect(() => {
    if (active) return;
    startedAt.current = null;
    ref.current?.position.set(0, 0, 0);
    ref.current?.rotation.set(0, 0, 0);
  }, [active]);

  useFrame((state) => {
    const group = ref.current;
    if (!group || !active) return;
    startedAt.current ??= state.clock.elapsedTime;
    const o = worldShakeOffset(state.clock.elapsedTime - startedAt.current, options.current, reducedMotion, offset.current);
    group.position.set(o.x, o.y, o.z);
    group.rotation.z = o.roll;
  });

  return <group ref={ref}>{children}</group>;
}
