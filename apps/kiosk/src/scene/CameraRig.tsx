// Places the default camera where the pack says and points it at the target. Fixed: no orbit controls.
import { useLayoutEffect } from 'react';
import { useThree } from '@react-three/fiber';
import type { Scene } from '@ruyi/pack-schema';

export function CameraRig({ camera: view }: { camera: Scene['camera'] }): null {
  const camera = useThree((s) => s.camera);
  const invalidate = useThree((s) => s.invalidate);
  const [px, py, pz] = view.position;
  const [tx, ty, tz] = view.target;
  useLayoutEffect(() => {
    camera.position.set(px, py, pz);
    camera.lookAt(tx, ty, tz);
    camera.updateMatrixWorld();
    invalidate();
  }, [camera, invalidate, px, py, pz, tx, ty, tz]);
  return null;
}
