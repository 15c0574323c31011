// Mounts in-world step views in Node for unit tests: a real react-three-fiber root and three scene graph with a
// stand-in renderer (no WebGL here) and stand-in 2D canvases (no DOM), enough for the sheets to lay out their text,
// paint their surfaces and register their targets (xr/targets.ts).
//
// As with scene/testing/headlessScene.ts, '@react-three/fiber' must be its ES module build: the app's test set-up routes
// it for every file (test-support/reset.ts).
import { createRoot, extend } from '@react-three/fiber';
import { act, type ReactNode } from 'react';
import * as THREE from 'three';
import { PerspectiveCamera, type Object3D } from 'three';

extend(THREE as never);
const warn = console.warn.bind(console);
console.warn = (...args: unknown[]): void => {
  if (typeof args[0] === 'string' && args[0].startsWith('THREE.Clock')) return;
  warn(...args);
};

const WIDTH = 1280;
const HEIGHT = 720;

/** What the stand-in canvases were asked to draw as text, in order (cleared by each mount). */
export const drawnTexts: string[] = [];

/**
 * A 2D context that measures text as the kit's font roughly would (a CJK glyph one em wide, others about half) and
 * records what is written; every other drawing call does nothing.
 */
function stubContext(): CanvasRenderingContext2D {
  const state: Record<string | symbol, unknown> = {
    font: '10px sans-serif',
    measureText(text: string) {
      const px = Number(/(\d+(?:\.\d+)?)px/.exec(String(state.font))?.[1] ?? 10);
      let em = 0;
      for (const ch of text) em += /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/.test(ch) ? 1 : 0.55;
      return { width: em * px };
    },
    fillText(text: string) {
      drawnTexts.push(text);
    },
  };
  const noop = (): void => undefined;
  return new Proxy(state, {
    get: (target, key) => (key in target ? target[key] : noop),
    set: (target, key, value) => {
      target[key] = value;
      return true;
    },
  }) as unknown as CanvasRenderingContext2D;
}

function stubCanvas(): HTMLCanvasElement {
  const ctx = stubContext();
  return { width: 1, height: 1, style: {}, getContext: (kind: string) => (kind === '2d' ? ctx : null), addEventListener() {}, removeEventListener() {} } as unknown as HTMLCanvasElement;
}

/**
 * The page's document and window as far as the in-world UI uses them (canvases for text; timers), and React's act().
 * Set on import and again at each mount: modules are shared between test files, and the set-up before each file takes
 * these away (test-support/reset.ts). A file that needs the page before its first mount calls this itself.
 */
export function stubPage(): void {
  const g = globalThis as { window?: unknown; document?: unknown; IS_REACT_ACT_ENVIRONMENT?: boolean };
  g.IS_REACT_ACT_ENVIRONMENT = true;
  if (typeof g.window === 'undefined') g.window = globalThis;
  if (typeof g.document === 'undefined')
    g.document = {
      createElement: (tag: string) => (tag === 'canvas' ? stubCanvas() : { style: {}, setAttribute() {}, appendChild() {}, remove() {} }),
      documentElement: { setAttribute() {}, lang: '' },
      body: { appendChild() {}, append() {} },
    };
}
stubPage();

function stubRenderer(): unknown {
  const noop = (): void => undefined;
  return {
    render: noop,
    setPixelRatio: noop,
    setSize: noop,
    getPixelRatio: () => 1,
    dispose: noop,
    capabilities: { getMaxAnisotropy: () => 16 },
    info: { render: { calls: 0, triangles: 0, frame: 0 }, memory: { geometries: 0, textures: 0 }, programs: [] },
    shadowMap: { enabled: false, type: 0 },
    domElement: { style: {}, getBoundingClientRect: () => ({ left: 0, top: 0, width: WIDTH, height: HEIGHT, right: WIDTH, bottom: HEIGHT }) },
  };
}

export interface HeadlessVr {
  /** The three scene the views drew into. */
  scene: Object3D;
  render(element: ReactNode): Promise<void>;
  unmount(): Promise<void>;
}

export async function mountVr(element: ReactNode): Promise<HeadlessVr> {
  stubPage();
  drawnTexts.length = 0;
  const canvas = { style: {}, width: WIDTH, height: HEIGHT, addEventListener() {}, removeEventListener() {} } as unknown as HTMLCanvasElement;
  const root = createRoot(canvas);
  await root.configure({
    gl: stubRenderer() as never,
    camera: new PerspectiveCamera(55, WIDTH / HEIGHT, 0.05, 250),
    size: { width: WIDTH, height: HEIGHT, top: 0, left: 0 },
    frameloop: 'never',
    dpr: 1,
  });
  let store: { getState(): { scene: Object3D } } | undefined;
  await act(async () => {
    store = root.render(element) as never;
  });
  return {
    scene: store!.getState().scene,
    async render(next) {
      await act(async () => {
        root.render(next);
      });
    },
    async unmount() {
      await act(async () => root.unmount());
    },
  };
}

/** Delivers a click to an object as R3F would from a ray (the object's own onClick handler). */
export async function clickObject(object: Object3D): Promise<void> {
  const handlers = (object as unknown as { __r3f?: { handlers?: { onClick?: (e: unknown) => void } } }).__r3f?.handlers;
  if (!handlers?.onClick) throw new Error(`${object.name || object.type} has no click handler`);
  await act(async () => {
    handlers.onClick!({ object, eventObject: object, stopPropagation: () => undefined, nativeEvent: { pointerType: 'mouse' }, pointerId: 1 });
  });
}
