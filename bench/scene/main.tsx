// The benchmark page: the scene kit's SceneContent in a canvas set up like SceneView's, driven by bench/run.ts through
// window.__bench. It measures real WebGL frames (renderer.info) and the headless count (drawStats) of the same graph.
import { StrictMode, useEffect, useState, type JSX } from 'react';
import { createRoot } from 'react-dom/client';
import { Canvas, useThree, type RootState } from '@react-three/fiber';
import type { Object3D, Scene as ThreeScene } from 'three';
import type { Prop, Scene } from '@ruyi/pack-schema';
import { SceneContent } from '../../apps/kiosk/src/scene/index.ts';
import { drawStats } from '../../apps/kiosk/src/scene/drawStats.ts';
import type { BenchApi, BenchCase, Frame, Measurement } from './api.ts';
import './globals.ts';

const labelOf = (prop: Prop): string => prop.label.en;
const noop = (): void => undefined;

let root: RootState | null = null;
let setCase: (c: BenchCase | null) => void = noop;

function Probe(): null {
  const state = useThree();
  useEffect(() => {
    root = state;
  }, [state]);
  return null;
}

const nextFrame = (): Promise<void> => new Promise((resolve) => requestAnimationFrame(() => resolve()));

function draw(scene: ThreeScene, state: RootState): Frame {
  state.gl.render(scene, state.camera);
  return { calls: state.gl.info.render.calls, triangles: state.gl.info.render.triangles };
}

/** A frame with frustum culling off: everything in view, as when a visitor in a headset looks around. */
function drawAll(scene: ThreeScene, state: RootState): Frame {
  const culled: Object3D[] = [];
  scene.traverse((o) => {
    if (o.frustumCulled) {
      o.frustumCulled = false;
      culled.push(o);
    }
  });
  const frame = draw(scene, state);
  for (const o of culled) o.frustumCulled = true;
  return frame;
}

const api: BenchApi = {
  async show(c) {
    setCase(c);
    await nextFrame();
    if (c) await new Promise<void>((resolve) => {
      const wait = (): void => (window.__ruyiScene?.ready ? resolve() : void requestAnimationFrame(wait));
      wait();
    });
    // Let effects settle (markers, instance updates) and a frame or two draw.
    for (let i = 0; i < 3; i++) await nextFrame();
  },
  measure(): Measurement {
    const state = root!;
    state.scene.updateMatrixWorld(true);
    return { view: draw(state.scene, state), all: drawAll(state.scene, state), headless: drawStats(state.scene) };
  },
  memory() {
    const { gl } = root!;
    return { geometries: gl.info.memory.geometries, textures: gl.info.memory.textures };
  },
};
window.__bench = api;

function Bench(): JSX.Element {
  const [c, set] = useState<BenchCase | null>(null);
  setCase = set;
  return (
    <Canvas frameloop="demand" dpr={1} gl={{ antialias: true }} camera={{ fov: 55, near: 0.1, far: 250, position: c?.scene.camera.position ?? [0, 2, 8] }}>
      <Probe />
      {c && (
        <SceneContent
          key={c.name}
          scene={c.scene as Scene}
          labelOf={labelOf}
          found={c.found}
          hinted={c.hinted}
          reducedMotion
          onInspect={noop}
        />
      )}
    </Canvas>
  );
}

// As in the app (apps/kiosk/src/main.tsx): in development, effects run, clean up and run again, which the kit's disposal
// must survive.
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Bench />
  </StrictMode>,
);
