// Mounts the scene kit in Node for unit tests: a real react-three-fiber root and a real three scene graph, with a stand-in
// renderer (there is no WebGL here). Enough to count draw calls (drawStats), raycast the props, fire their pointer
// handlers and watch GPU resources being disposed on unmount.
//
// It needs '@react-three/fiber' routed to its ES module build, which shares the one copy of three the kit imports (its
// CommonJS build would load a second copy): the app's test set-up does it for every file (test-support/reset.ts).
import { act, createElement } from 'react';
import { createRoot, extend, type RootState } from '@react-three/fiber';
import type { Prop, Scene } from '@ruyi/pack-schema';
import * as THREE from 'three';
import { PerspectiveCamera, type Object3D, Raycaster, Vector3 } from 'three';
import { SceneContent, type SceneContentProps } from '../index.ts';
import { PROP_ID_KEY } from '../SceneProp.tsx';

// <Canvas> registers three's classes for JSX (<mesh>, <color>…); a bare root needs it done.
extend(THREE as never);
// react-three-fiber 9.8 still makes a THREE.Clock, which three 0.187 warns about on every root: not the kit's concern.
const warn = console.warn.bind(console);
console.warn = (...args: unknown[]): void => {
  if (typeof args[0] === 'string' && args[0].startsWith('THREE.Clock')) return;
  warn(...args);
};
/**
 * The page as far as the kit uses it: React's act() and a `window` (the test API installs itself there). Set again at
 * each mount: modules are shared between test files, and the set-up before each file takes these away
 * (test-support/reset.ts).
 */
function stubPage(): void {
  const g = globalThis as { window?: unknown; IS_REACT_ACT_ENVIRONMENT?: boolean };
  g.IS_REACT_ACT_ENVIRONMENT = true;
  if (typeof g.window === 'undefined') g.window = globalThis;
}
stubPage();

const WIDTH = 1280;
const HEIGHT = 720;

/** The parts of WebGLRenderer that react-three-fiber and the kit touch outside of drawing. */
function stubRenderer(): unknown {
  const noop = (): void => undefined;
  return {
    render: noop,
    setPixelRatio: noop,
    setSize: noop,
    getPixelRatio: () => 1,
    dispose: noop,
    info: { render: { calls: 0, triangles: 0, frame: 0 }, memory: { geometries: 0, textures: 0 }, programs: [] },
    shadowMap: { enabled: false, type: 0 },
    domElement: { style: {}, getBoundingClientRect: () => ({ left: 0, top: 0, width: WIDTH, height: HEIGHT, right: WIDTH, bottom: HEIGHT }) },
  };
}

export interface HeadlessScene {
  /** The three scene the kit drew into. */
  root: Object3D;
  state(): RootState;
  rerender(props: Partial<SceneContentProps>): Promise<void>;
  unmount(): Promise<void>;
  /**
   * Shoots a ray through a world-space point (from the scene's camera, or from `from`) and clicks the first object
   * with a click handler it meets, as R3F does (it raycasts only objects with handlers). Returns the id of the prop hit
   * (from its `PROP_ID_KEY` ancestor) or null.
   */
  clickAt(point: Vector3, from?: Vector3): Promise<string | null>;
  /** The same ray, delivering onPointerOver from a mouse: the hover overlay. */
  hoverAt(point: Vector3, from?: Vector3): Promise<string | null>;
}

export const labelOf = (prop: Prop): string => prop.label.en;

export async function mountScene(props: Partial<SceneContentProps> & { scene: Scene }): Promise<HeadlessScene> {
  stubPage();
  const canvas = { style: {}, width: WIDTH, height: HEIGHT, addEventListener() {}, removeEventListener() {} } as unknown as HTMLCanvasElement;
  const camera = new PerspectiveCamera(55, WIDTH / HEIGHT, 0.1, 250);
  const root = createRoot(canvas);
  await root.configure({ gl: stubRenderer() as never, camera, size: { width: WIDTH, height: HEIGHT, top: 0, left: 0 }, frameloop: 'never', dpr: 1 });
  let current: SceneContentProps = { labelOf, found: [], hinted: null, reducedMotion: true, onInspect: () => undefined, ...props };
  let store: { getState(): RootState } | undefined;
  await act(async () => {
    store = root.render(createElement(SceneContent, current));
  });
  const state = (): RootState => store!.getState();
  return {
    root: state().scene,
    state,
    async rerender(next) {
      current = { ...current, ...next };
      await act(async () => {
        root.render(createElement(SceneContent, current));
      });
    },
    async unmount() {
      await act(async () => root.unmount());
    },
    clickAt: (point, from) => deliver('onClick', point, from),
    hoverAt: (point, from) => deliver('onPointerOver', point, from),
  };

  async function deliver(handler: 'onClick' | 'onPointerOver', point: Vector3, from?: Vector3): Promise<string | null> {
    const s = state();
    s.scene.updateMatrixWorld(true);
    const origin = from ?? new Vector3(...current.scene.camera.position);
    const raycaster = new Raycaster(origin, point.clone().sub(origin).normalize());
    const hit = raycaster.intersectObject(s.scene, true).find((h) => handlerOwner(h.object) !== null);
    if (!hit) return null;
    const owner = handlerOwner(hit.object)!;
    const event = { object: hit.object, eventObject: owner, instanceId: hit.instanceId, stopPropagation: () => undefined, nativeEvent: { pointerType: 'mouse' } };
    await act(async () => {
      (owner as unknown as { __r3f: { handlers: Record<string, (e: unknown) => void> } }).__r3f.handlers[handler]?.(event);
    });
    return propIdOf(hit.object);
  }
}

/** The nearest object, from `object` up, with an onClick handler: where R3F would deliver a click. */
function handlerOwner(object: Object3D): Object3D | null {
  for (let o: Object3D | null = object; o; o = o.parent) {
    const r3f = (o as unknown as { __r3f?: { handlers?: { onClick?: unknown } } }).__r3f;
    if (r3f?.handlers?.onClick) return o;
  }
  return null;
}

export function propIdOf(object: Object3D): string | null {
  for (let o: Object3D | null = object; o; o = o.parent) {
    const id = o.userData[PROP_ID_KEY];
    if (typeof id === 'string') return id;
  }
  return null;
}
