// What the last XR frame cost, for the test API and budgets: draw calls and triangles over ALL its views (both eyes),
// and the number of views. three.js renders an XR frame as one render() of an ArrayCamera, but anything else that
// renders (a shadow map, a render target) would reset renderer.info mid-frame when info.autoReset is on; so while a
// session runs autoReset is off and the frame loop resets info itself at the start of each XR frame.
import { useFrame, useThree } from '@react-three/fiber';
import { useXR } from '@react-three/xr';
import { useEffect } from 'react';

export interface XrFrameStats {
  /** XR frames rendered since the session started. */
  frames: number;
  /** Of the last complete XR frame, all views together. */
  calls: number;
  triangles: number;
  /** Views (eyes) of the last XR frame. */
  eyes: number;
}

export const frameStats: XrFrameStats = { frames: 0, calls: 0, triangles: 0, eyes: 0 };

let statsSession: XRSession | null = null;

export function XrFrameStatsProbe(): null {
  const gl = useThree((s) => s.gl);
  const session = useXR((s) => s.session);
  // Back to three's default once the session is over (the 2D canvas renders one frame at a time again).
  useEffect(() => {
    if (session) return;
    gl.info.autoReset = true;
  }, [gl, session]);
  // First of all frame callbacks: what info holds now is the whole previous XR frame.
  useFrame(
    (_state, _delta, frame) => {
      if (!frame) return;
      if (frame.session !== statsSession) {
        // The first frame of a session: start counting from here.
        statsSession = frame.session;
        frameStats.frames = 0;
        frameStats.calls = 0;
        frameStats.triangles = 0;
        frameStats.eyes = 0;
        gl.info.autoReset = false;
      } else {
        frameStats.calls = gl.info.render.calls;
        frameStats.triangles = gl.info.render.triangles;
        frameStats.eyes = (gl.xr.getCamera().cameras as readonly unknown[]).length;
      }
      gl.info.reset();
      frameStats.frames++;
    },
    -2000,
  );
  return null;
}
