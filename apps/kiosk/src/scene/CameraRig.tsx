// Places the default camera where the pack says and points it at the target. Fixed: no orbit controls.
// Packs are composed for a 16:9 view at a 55° vertical field of view. On a narrower view (the hunt's side panel takes
// part of the kiosk screen; a portrait school PC) the field of view widens so the same width of the room stays in view
// and no hazard is cut off at the sides.
import { useThree } from '@react-three/fiber';
import type { Scene } from '@ruyi/pack-schema';
import { useLayoutEffect } from 'react';
import { PerspectiveCamera } from 'three';
import { fovForAspect } from './cameraFit.ts';

export function CameraRig({ camera: view }: { camera: Scene['camera'] }): null {
  const camera = useThree((s) => s.camera);
  const aspect = useThree((s) => s.size.width / Math.max(1, s.size.height));
  const invalidate = useThree((s) => s.invalidate);
  const [px, py, pz] = view.position;
  const [tx, ty, tz] = view.target;
  useLayoutEffect(() => {
    camera.position.set(px, py, pz);
    camera.lookAt(tx, ty, tz);
    if (camera instanceof PerspectiveCamera) {
      camera.fov = fovForAspect(aspect);
      camera.updateProjectionMatrix();
    }
    camera.updateMatrixWorld();
    invalidate();
  }, [camera, invalidate, aspect, px, py, pz, tx, ty, tz]);
  return null;
}
