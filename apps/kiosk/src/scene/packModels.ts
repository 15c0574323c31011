// GLB models from a pack's assets, loaded once per scene (two props naming the same asset share it) and released with
// the scene. The kiosk is offline: models that need a decoder from a CDN (Draco, KTX2/Basis, meshopt) are refused up
// front, and any failure leaves the prop drawn as its built-in kind, with one console.warn (never an error: a pack's
// model must not blank or break the scene).
//
// Loading goes through `fetch` + `GLTFLoader.parseAsync` rather than a cached loader (`useLoader`/`useGLTF`), so there is
// no global cache to clear: the only copy is this per-scene registry, and three's own `Cache` stays disabled.
// The validator's own limits (a model over them never passes validation; these guard a hand-placed file):
// size, and extensions whose decoders would come from a CDN, which an offline park cannot reach.
import { MIB, MODEL_MAX_BYTES, MODEL_UNSUPPORTED_EXTENSIONS } from '@ruyi/pack-schema';
import { Box3, Cache, type Object3D } from 'three';
import { GLTFLoader } from 'three/examples/jsm/loaders/GLTFLoader.js';
import { disposeObject } from './disposeObject.ts';

/** A loaded model, ready to clone into props (clones share its geometries, materials and textures). */
export interface PackModel {
  root: Object3D;
  /** Bounding box in the model's own frame (metres, as authored). */
  box: Box3;
  /** Meshes (one draw call each) and triangles. */
  meshes: number;
  triangles: number;
}

export type PackModelState =
  | { readonly status: 'idle' }
  | { readonly status: 'loading' }
  | { readonly status: 'loaded'; readonly model: PackModel }
  | { readonly status: 'failed'; readonly reason: string };


const GLB_MAGIC = 0x46546c67; // 'glTF'
const JSON_CHUNK = 0x4e4f534a; // 'JSON'

/** The glTF JSON of a .glb (or a .gltf) file, for checking its required extensions before parsing. */
export function gltfJsonOf(buffer: ArrayBuffer): { extensionsRequired?: string[] } {
  const view = new DataView(buffer);
  if (buffer.byteLength >= 20 && view.getUint32(0, true) === GLB_MAGIC) {
    const length = view.getUint32(12, true);
    if (view.getUint32(16, true) !== JSON_CHUNK || 20 + length > buffer.byteLength) throw new Error('not a valid GLB file');
    return JSON.parse(new TextDecoder().decode(new Uint8Array(buffer, 20, length))) as { extensionsRequired?: string[] };
  }
  return JSON.parse(new TextDecoder().decode(buffer)) as { extensionsRequired?: string[] };
}

function measure(root: Object3D): Omit<PackModel, 'root'> {
  let meshes = 0;
  let triangles = 0;
  root.updateMatrixWorld(true);
  root.traverse((o) => {
    const mesh = o as Object3D & { isMesh?: boolean; geometry?: { index: { count: number } | null; attributes: { position?: { count: number } } } };
    if (!mesh.isMesh || !mesh.geometry) return;
    meshes++;
    triangles += Math.floor((mesh.geometry.index?.count ?? mesh.geometry.attributes.position?.count ?? 0) / 3);
  });
  return { box: new Box3().setFromObject(root, true), meshes, triangles };
}

async function loadPackModel(url: string, signal: AbortSignal): Promise<PackModel> {
  const response = await fetch(url, { signal });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const buffer = await response.arrayBuffer();
  if (buffer.byteLength > MODEL_MAX_BYTES) throw new Error(`${buffer.byteLength} bytes is over the ${MODEL_MAX_BYTES / MIB} MiB limit`);
  const needs = (gltfJsonOf(buffer).extensionsRequired ?? []).filter((e) => MODEL_UNSUPPORTED_EXTENSIONS.includes(e));
  if (needs.length > 0) throw new Error(`it needs ${needs.join(', ')}, whose decoder the offline kiosk does not have`);
  const gltf = await new GLTFLoader().parseAsync(buffer, url.slice(0, url.lastIndexOf('/') + 1));
  const root = gltf.scene ?? gltf.scenes[0];
  if (!root) throw new Error('it has no scene');
  // A prop brings its shape, not lights or cameras: the room's lighting is the scene kit's.
  const strays: Object3D[] = [];
  root.traverse((o) => {
    if ((o as { isLight?: boolean }).isLight || (o as { isCamera?: boolean }).isCamera) strays.push(o);
  });
  for (const o of strays) o.removeFromParent();
  const measured = measure(root);
  if (measured.meshes === 0 || measured.box.isEmpty()) {
    disposeObject(root);
    throw new Error('it has no meshes');
  }
  if (signal.aborted) {
    disposeObject(root);
    throw signal.reason;
  }
  return { root, ...measured };
}

interface Entry {
  state: PackModelState;
  abort: AbortController | null;
}

/**
 * The per-scene registry of pack models, observable (`subscribe` + `state`, for `useSyncExternalStore`).
 * `dispose()` aborts pending loads and releases every loaded model's GPU resources; it also forgets them, so a
 * StrictMode remount (`revive()`) loads them again rather than drawing released textures.
 */
export class PackModels {
  private readonly entries = new Map<string, Entry>();
  private readonly listeners = new Set<() => void>();
  private readonly warned = new Set<string>();
  private idle: PackModelState = { status: 'idle' };
  private disposed = false;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  state(url: string): PackModelState {
    return this.entries.get(url)?.state ?? this.idle;
  }

  /** Starts loading a model unless it is loading, loaded or has failed already. */
  load(url: string): void {
    if (this.disposed || this.entries.has(url)) return;
    const abort = new AbortController();
    const entry: Entry = { state: { status: 'loading' }, abort };
    this.entries.set(url, entry);
    loadPackModel(url, abort.signal).then(
      (model) => {
        if (this.entries.get(url) !== entry) {
          disposeObject(model.root);
          return;
        }
        this.set(url, entry, { status: 'loaded', model });
      },
      (error: unknown) => {
        if (abort.signal.aborted || this.entries.get(url) !== entry) return;
        const reason = error instanceof Error ? error.message : String(error);
        this.warn(url, `Ruyi: the model ${url} could not be loaded (${reason}); the built-in prop is shown instead.`);
        this.set(url, entry, { status: 'failed', reason });
      },
    );
  }

  /** One console.warn per key for this scene (a warning, not an error: the scene still works). */
  warn(key: string, message: string): void {
    if (this.warned.has(key)) return;
    this.warned.add(key);
    console.warn(message);
  }

  /** Loaded models, for statistics. */
  loaded(): PackModel[] {
    const out: PackModel[] = [];
    for (const { state } of this.entries.values()) if (state.status === 'loaded') out.push(state.model);
    return out;
  }

  dispose(): void {
    this.disposed = true;
    for (const [url, entry] of this.entries) {
      entry.abort?.abort();
      if (entry.state.status === 'loaded') disposeObject(entry.state.model.root);
      Cache.remove(url);
    }
    const changed = this.entries.size > 0;
    this.entries.clear();
    if (changed) this.notify();
  }

  /** After a StrictMode effect cleanup: usable again (models load afresh). */
  revive(): void {
    if (!this.disposed) return;
    this.disposed = false;
    this.idle = { status: 'idle' };
    this.notify();
  }

  private set(url: string, entry: Entry, state: PackModelState): void {
    entry.state = state;
    entry.abort = null;
    this.entries.set(url, entry);
    this.notify();
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener();
  }
}
