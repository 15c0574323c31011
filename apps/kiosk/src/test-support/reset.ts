// Set up before each of the app's test files. They share their modules within a worker (the `apps` project runs with
// `isolate: false`), so what one file leaves on the process or in a module is undone here for the next, and the
// stand-ins every file needs are routed here once: a `vi.mock` in one file would reach only the modules that file
// imports first, and would stay for the files after it.
import type { StateCreator } from 'zustand';
import { vi } from 'vitest';
import { motion } from './reducedMotion.ts';

// react-three-fiber's ES module build in place of its CommonJS main, which would load a second copy of three beside
// the one the scene kit imports (and a second renderer that the kit's hooks do not share).
vi.mock('@react-three/fiber', async () => await import('@react-three/fiber/dist/react-three-fiber.esm.js'));
// Outside a session, as before the visitor enters VR (and as the station's preview draws the steps): the real
// @react-three/xr would load react-three-fiber's CommonJS build.
vi.mock('@react-three/xr', () => ({ useXR: (select: (s: object) => unknown = (s) => s) => select({ session: undefined, originReferenceSpace: undefined }) }));
// Server rendering has no media queries (useSyncExternalStore needs a server snapshot): the setting is the test's.
vi.mock('../components/useReducedMotion.ts', async () => {
  const setting = (await import('./reducedMotion.ts')).motion;
  return { useReducedMotion: () => setting.reduced };
});

/** Every store the app made, to put each back to its initial state before a file. */
const STORES = Symbol.for('ruyi.test.stores');
type AnyStore = { getInitialState(): unknown; setState(state: unknown, replace: true): void };
const g = globalThis as { [STORES]?: Set<AnyStore> } & Record<string, unknown>;
const stores = (g[STORES] ??= new Set());

// zustand as the app uses it, with two differences for tests: each store is remembered (above), and server rendering
// (react-dom/server, the tests' renderer without a DOM) reads a store's current state as the kiosk's client rendering
// does, where zustand would read the state the store was created with, whatever a test set since.
vi.mock('zustand', async (importOriginal) => {
  const real = await importOriginal<typeof import('zustand')>();
  const { useCallback, useSyncExternalStore } = await import('react');
  const made = (globalThis as { [STORES]?: Set<AnyStore> })[STORES]!;
  const identity = (s: unknown) => s;
  const bind = (createState: StateCreator<unknown>) => {
    const store = real.create(createState);
    made.add(store as unknown as AnyStore);
    const useBound = (selector: (s: unknown) => unknown = identity) => {
      const read = useCallback(() => selector(store.getState()), [selector]);
      return useSyncExternalStore(store.subscribe, read, read);
    };
    return Object.assign(useBound, store);
  };
  return { ...real, create: (createState?: StateCreator<unknown>) => (createState ? bind(createState) : bind) };
});

// What a file before this one may have left set.
vi.useRealTimers();
vi.unstubAllGlobals();
vi.unstubAllEnvs();
motion.reduced = false;
for (const store of stores) store.setState(store.getInitialState(), true);
// The page stand-ins of the headless renderers (scene/testing/headlessScene.ts, mechanics/testing/headlessVr.ts) and
// the 3D view's ResizeObserver: Node has none of them, and the app reads `window` when there is one.
for (const key of ['window', 'document', 'ResizeObserver', 'IS_REACT_ACT_ENVIRONMENT']) delete g[key];
