// The test/operator API on `window.__ruyiScene`: what a canvas cannot show a Playwright test or an operator screen.
import { useEffect, useRef } from 'react';
import { useThree } from '@react-three/fiber';
import { Box3, type Object3D, Raycaster, Vector2, Vector3 } from 'three';
import type { Prop, Scene } from '@ruyi/pack-schema';
import { PROP_ID_KEY, PROP_MODEL_KEY, type PropModelStatus } from './SceneProp.tsx';

export interface SceneRenderInfo {
  /** Draw calls of the LAST rendered frame (`renderer.info.autoReset` is true, so each render starts from zero). */
  calls: number;
  /** Triangles of the last rendered frame. */
  triangles: number;
  /**
   * Geometries and textures alive on the GPU now. The baseline for textures is 1 once a lit material has been drawn:
   * three's own DFG lookup table, shared by the renderer, not the scene.
   */
  geometries: number;
  textures: number;
  /** Compiled shader programs. */
  programs: number;
  /** Frames rendered by this renderer so far (grows only while something is drawn: `frameloop="demand"`). */
  frame: number;
}

export interface RuyiSceneApi {
  /** Renderer statistics; `calls` and `triangles` are for the last frame: call after a frame has rendered. */
  info(): SceneRenderInfo;
  /**
   * A point in CSS pixels relative to the viewport (what `page.mouse.click` takes) where a click hits the prop, or null
   * when no visible point of it can be hit (off-screen, behind the camera or hidden behind other props).
   */
  propScreenPoint(propId: string): { x: number; y: number } | null;
  /**
   * The props with their names in the visitor's language and what each draws: `builtin` (no pack model), `loading`,
   * `loaded` (the pack's GLB) or `fallback` (the model failed; the built-in kind is drawn).
   */
  props(): { id: string; label: string; model: PropModelStatus }[];
  /** True once a frame has been rendered since this scene mounted. */
  readonly ready: boolean;
  /**
   * True when no frame is waiting to be drawn: every change asked for so far is on the canvas, and `info()` describes it.
   * A pause in `frame` does not mean this: a software GPU can hold a requested frame back for most of a second.
   */
  readonly idle: boolean;
}

declare global {
  interface Window {
    __ruyiScene?: RuyiSceneApi;
  }
}

/** Fractions of a box to try, centre first, then spreading out. */
const SAMPLES: readonly (readonly [number, number, number])[] = (() => {
  const steps = [0.5, 0.35, 0.65, 0.2, 0.8, 0.08, 0.92];
  const out: [number, number, number][] = [];
  for (const x of steps) for (const y of steps) for (const z of steps) out.push([x, y, z]);
  return out.sort((a, b) => spread(a) - spread(b));
})();

function spread(p: readonly [number, number, number]): number {
  return Math.abs(p[0] - 0.5) + Math.abs(p[1] - 0.5) + Math.abs(p[2] - 0.5);
}

function propIdOf(object: Object3D | null): string | undefined {
  for (let o = object; o; o = o.parent) {
    const id = o.userData[PROP_ID_KEY];
    if (typeof id === 'string') return id;
  }
  return undefined;
}

/** Installs `window.__ruyiScene` while the scene is mounted. */
export function useSceneTestApi(scene: Scene, labelOf: (prop: Prop) => string): void {
  const gl = useThree((s) => s.gl);
  const camera = useThree((s) => s.camera);
  const root = useThree((s) => s.scene);
  const invalidate = useThree((s) => s.invalidate);
  const getState = useThree((s) => s.get);
  const labelOfRef = useRef(labelOf);
  useEffect(() => {
    labelOfRef.current = labelOf;
  }, [labelOf]);

  useEffect(() => {
    const startFrame = gl.info.render.frame;
    const raycaster = new Raycaster();
    const ndc = new Vector2();
    const box = new Box3();
    const point = new Vector3();
    const projected = new Vector3();

    const propObjects = (): Object3D[] => {
      const out: Object3D[] = [];
      root.traverse((o) => {
        if (typeof o.userData[PROP_ID_KEY] === 'string') out.push(o);
      });
      return out;
    };

    const api: RuyiSceneApi = {
      info: () => ({
        calls: gl.info.render.calls,
        triangles: gl.info.render.triangles,
        geometries: gl.info.memory.geometries,
        textures: gl.info.memory.textures,
        programs: gl.info.programs?.length ?? 0,
        frame: gl.info.render.frame,
      }),
      propScreenPoint(propId) {
        const objects = propObjects();
        const target = objects.find((o) => o.userData[PROP_ID_KEY] === propId);
        if (!target) return null;
        root.updateMatrixWorld();
        camera.updateMatrixWorld();
        box.setFromObject(target, true);
        const rect = gl.domElement.getBoundingClientRect();
        const inside = (x: number, y: number): boolean =>
          x >= Math.max(0, rect.left) && y >= Math.max(0, rect.top) && x < Math.min(window.innerWidth, rect.right) && y < Math.min(window.innerHeight, rect.bottom);
        const hitsProp = (x: number, y: number): boolean => {
          ndc.set(((x - rect.left) / rect.width) * 2 - 1, -((y - rect.top) / rect.height) * 2 + 1);
          raycaster.setFromCamera(ndc, camera);
          const hit = raycaster.intersectObjects(objects, true)[0];
          return hit !== undefined && propIdOf(hit.object) === propId;
        };
        // Browsers round a click's coordinates, so return whole pixels, and prefer a spot whose neighbours (±2 px) hit
        // the prop too: a thin rod or an edge is a poor target.
        let fallback: { x: number; y: number } | null = null;
        for (const [fx, fy, fz] of SAMPLES) {
          point.set(
            box.min.x + (box.max.x - box.min.x) * fx,
            box.min.y + (box.max.y - box.min.y) * fy,
            box.min.z + (box.max.z - box.min.z) * fz,
          );
          projected.copy(point).project(camera);
          if (projected.z < -1 || projected.z > 1) continue;
          const x = Math.round(rect.left + ((projected.x + 1) / 2) * rect.width);
          const y = Math.round(rect.top + ((1 - projected.y) / 2) * rect.height);
          if (!inside(x, y) || !hitsProp(x, y)) continue;
          const solid = [[-2, 0], [2, 0], [0, -2], [0, 2]].every(([dx = 0, dy = 0]) => inside(x + dx, y + dy) && hitsProp(x + dx, y + dy));
          if (solid) return { x, y };
          fallback ??= { x, y };
        }
        return fallback;
      },
      props: () => {
        const status = new Map<string, PropModelStatus>();
        for (const o of propObjects()) status.set(o.userData[PROP_ID_KEY] as string, o.userData[PROP_MODEL_KEY] as PropModelStatus);
        return scene.props.map((p) => ({ id: p.id, label: labelOfRef.current(p), model: status.get(p.id) ?? 'builtin' }));
      },
      get ready() {
        return gl.info.render.frame > startFrame;
      },
      // frameloop="demand": invalidate() sets `frames`, and each drawn frame counts it down.
      get idle() {
        return getState().internal.frames === 0;
      },
    };
    window.__ruyiScene = api;
    invalidate();
    return () => {
      if (window.__ruyiScene === api) delete window.__ruyiScene;
    };
  }, [gl, camera, root, invalidate, getState, scene]);
}
