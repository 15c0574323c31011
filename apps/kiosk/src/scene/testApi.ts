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
   * when no visible point of it can be hit (off-screen, behind the camera or hidden behind other props): of the spots
   * tried, the one with the most room around it.
   */
  propScreenPoint(propId: string): { x: number; y: number } | null;
  /** The prop a tap at this point of the page (CSS pixels) would hit, or null. */
  propAt(x: number, y: number): string | null;
  /**
   * The props with their names in the visitor's language and what each draws: `builtin` (no pack model), `loading`,
   * `loaded` (the pack's GLB) or `fallback` (the model failed; the built-in kind is drawn).
   */
  props(): { id: string; label: string; model: PropModelStatus }[];
  /**
   * Every prop as a touch target: whether a tap on it counts for anything (`tappable`), the point `propScreenPoint`
   * gives, and how far through that point, across and up, taps still hit it (CSS pixels; measured up to 121): the size
   * of its hit area as the finger meets it, other props in front included.
   */
  targets(): SceneTarget[];
  /** True once a frame has been rendered since this scene mounted. */
  readonly ready: boolean;
  /**
   * True when no frame is waiting to be drawn: every change asked for so far is on the canvas, and `info()` describes it.
   * A pause in `frame` does not mean this: a software GPU can hold a requested frame back for most of a second.
   */
  readonly idle: boolean;
}

export interface SceneTarget {
  id: string;
  tappable: boolean;
  point: { x: number; y: number } | null;
  width: number;
  height: number;
}

/** How far a hit area is measured from its point, each way (CSS pixels), and in what steps. */
const SPAN_LIMIT = 60;
const SPAN_STEP = 2;
/** Spots of a prop tried for the best touch point. */
const CANDIDATES = 10;

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
export function useSceneTestApi(scene: Scene, labelOf: (prop: Prop) => string, tappable = true): void {
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

    const propHitAt = (objects: Object3D[], rect: DOMRect, x: number, y: number): string | undefined => {
      ndc.set(((x - rect.left) / rect.width) * 2 - 1, -((y - rect.top) / rect.height) * 2 + 1);
      raycaster.setFromCamera(ndc, camera);
      const hit = raycaster.intersectObjects(objects, true)[0];
      return hit && propIdOf(hit.object);
    };

    /**
     * Where a tap hits the prop best: among up to CANDIDATES spots of its box that hit it (centre first), the one whose
     * hit area reaches farthest across and up (the smaller of the two); whole pixels, since browsers round a tap's
     * coordinates. Null when no visible point of the prop can be hit.
     */
    const touchPoint = (propId: string): { x: number; y: number; width: number; height: number } | null => {
      const objects = propObjects();
      const target = objects.find((o) => o.userData[PROP_ID_KEY] === propId);
      if (!target) return null;
      root.updateMatrixWorld();
      camera.updateMatrixWorld();
      box.setFromObject(target, true);
      const rect = gl.domElement.getBoundingClientRect();
      const inside = (x: number, y: number): boolean =>
        x >= Math.max(0, rect.left) && y >= Math.max(0, rect.top) && x < Math.min(window.innerWidth, rect.right) && y < Math.min(window.innerHeight, rect.bottom);
      const hitsProp = (x: number, y: number): boolean => inside(x, y) && propHitAt(objects, rect, x, y) === propId;
      const reach = (x: number, y: number, dx: number, dy: number): number => {
        let d = 0;
        while (d < SPAN_LIMIT && hitsProp(x + dx * (d + SPAN_STEP), y + dy * (d + SPAN_STEP))) d += SPAN_STEP;
        return d;
      };
      const measure = (x: number, y: number) => ({
        x,
        y,
        width: reach(x, y, -1, 0) + reach(x, y, 1, 0) + 1,
        height: reach(x, y, 0, -1) + reach(x, y, 0, 1) + 1,
      });
      let best: ReturnType<typeof measure> | null = null;
      let fallback: { x: number; y: number } | null = null;
      const tried: { x: number; y: number }[] = [];
      for (const [fx, fy, fz] of SAMPLES) {
        if (tried.length >= CANDIDATES) break;
        point.set(box.min.x + (box.max.x - box.min.x) * fx, box.min.y + (box.max.y - box.min.y) * fy, box.min.z + (box.max.z - box.min.z) * fz);
        projected.copy(point).project(camera);
        if (projected.z < -1 || projected.z > 1) continue;
        const x = Math.round(rect.left + ((projected.x + 1) / 2) * rect.width);
        const y = Math.round(rect.top + ((1 - projected.y) / 2) * rect.height);
        if (tried.some((t) => Math.abs(t.x - x) + Math.abs(t.y - y) < 6) || !hitsProp(x, y)) continue;
        // A spot whose neighbours (±2 px) miss is an edge or a thin rod: a poor target, kept only as a last resort.
        if (![[-2, 0], [2, 0], [0, -2], [0, 2]].every(([dx = 0, dy = 0]) => hitsProp(x + dx, y + dy))) {
          fallback ??= { x, y };
          continue;
        }
        tried.push({ x, y });
        const m = measure(x, y);
        if (!best || Math.min(m.width, m.height) > Math.min(best.width, best.height)) best = m;
        if (Math.min(m.width, m.height) >= 2 * SPAN_LIMIT + 1) break;
      }
      return best ?? (fallback && measure(fallback.x, fallback.y));
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
      propAt(x, y) {
        root.updateMatrixWorld();
        camera.updateMatrixWorld();
        return propHitAt(propObjects(), gl.domElement.getBoundingClientRect(), x, y) ?? null;
      },
      propScreenPoint(propId) {
        const best = touchPoint(propId);
        return best && { x: best.x, y: best.y };
      },
      targets() {
        return scene.props.map((p) => {
          const best = touchPoint(p.id);
          return best
            ? { id: p.id, tappable, point: { x: best.x, y: best.y }, width: best.width, height: best.height }
            : { id: p.id, tappable, point: null, width: 0, height: 0 };
        });
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
  }, [gl, camera, root, invalidate, getState, scene, tappable]);
}
