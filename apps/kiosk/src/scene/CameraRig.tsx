// Places the default camera where the pack says (higher on a tall canvas) and frames the scene's props (cameraFit.ts): it turns to their middle
// and takes the field of view that just shows them at the canvas's aspect ratio, so the props fill a landscape
// kiosk's wide view and a portrait kiosk's taller one alike. Fixed: no orbit controls.
import { useThree } from '@react-three/fiber';
import { useLayoutEffect } from 'react';
import { PerspectiveCamera } from 'three';
import type { CameraFit } from './cameraFit.ts';

export function CameraRig({ fit }: { fit: CameraFit }): null {
  const camera = useThree((s) => s.camera);
  const invalidate = useThree((s) => s.invalidate);
  const [px, py, pz] = fit.eye;
  const [tx, ty, tz] = fit.target;
  const fov = fit.fov;
  useLayoutEffect(() => {
    camera.position.set(px, py, pz);
    camera.lookAt(tx, ty, tz);
    if (camera instanceof PerspectiveCamera) {
      camera.fov = fov;
      camera.updateProjectionMatrix();
    }
    camera.updateMatrixWorld();
    invalidate();
  }, [camera, invalidate, fov, px, py, pz, tx, ty, tz]);
  return null;
}
