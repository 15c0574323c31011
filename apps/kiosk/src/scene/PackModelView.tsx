// A pack's GLB model in a prop's place, with the same hover and hint overlays as a built-in prop: the model's own
// meshes drawn again with the overlay material (they share its geometries, so the overlay hugs the silhouette). The
// model itself is drawn by PropInstances, instanced with every other prop showing it; the copy here is what rays hit
// and boxes measure. A model instancing cannot draw (skinned, morphing, lines) is drawn here instead.
import { useCallback, useEffect, useMemo, useRef, useSyncExternalStore, type JSX } from 'react';
import type { Material, Mesh, Object3D } from 'three';
import { clone } from 'three/examples/jsm/utils/SkeletonUtils.js';
import { packModelParts } from './instancing.ts';
import type { PackModel, PackModelState } from './packModels.ts';
import { useSharedAssets } from './useSharedAssets.ts';

const NONE: PackModelState = { status: 'idle' };
const noRaycast = (): void => undefined;

/**
 * The state of a pack model in this scene's registry (null url: no model). With `load`, starts loading it; the
 * component re-renders when it has loaded or failed.
 */
export function usePackModel(url: string | null, { load }: { load: boolean }): PackModelState {
  const { packModels } = useSharedAssets();
  const state = useSyncExternalStore(packModels.subscribe, () => (url === null ? NONE : packModels.state(url)));
  useEffect(() => {
    if (load && url !== null && state.status === 'idle') packModels.load(url);
  }, [load, url, state, packModels]);
  return state;
}

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/**
 * The loaded model of each URL (null: no URL, or not loaded), for components that draw several props; re-renders when
 * one loads or is released. It does not start loading (each SceneProp does).
 */
export function useLoadedPackModels(urls: readonly (string | null)[]): readonly (PackModel | null)[] {
  const { packModels } = useSharedAssets();
  const last = useRef<readonly (PackModel | null)[]>([]);
  // useSyncExternalStore needs the same array back while nothing changed.
  const snapshot = useCallback(() => {
    const models = urls.map((url) => {
      const state = url === null ? NONE : packModels.state(url);
      return state.status === 'loaded' ? state.model : null;
    });
    if (!sameItems(models, last.current)) last.current = models;
    return last.current;
  }, [urls, packModels]);
  return useSyncExternalStore(packModels.subscribe, snapshot);
}

/** A copy of the model's tree whose meshes draw with `material`, ignore the pointer and draw after the model. */
function overlayOf(model: PackModel, material: Material, renderOrder: number): Object3D {
  const copy = clone(model.root);
  copy.traverse((o) => {
    const mesh = o as Mesh;
    if (mesh.isMesh) {
      mesh.material = material;
      mesh.renderOrder = renderOrder;
      mesh.raycast = noRaycast;
    } else if ((o as { isLine?: boolean }).isLine || (o as { isPoints?: boolean }).isPoints) {
      o.visible = false;
    }
  });
  return copy;
}

export interface PackModelViewProps {
  model: PackModel;
  hovered: boolean;
  hinted: boolean;
}

/**
 * One placed copy of a model: undrawn (a hit proxy) when PropInstances draws the model. Copies share the model's GPU
 * resources, which belong to the scene's registry: nothing here is disposed on unmount (R3F does not dispose
 * `<primitive>` objects either).
 */
export function PackModelView({ model, hovered, hinted }: PackModelViewProps): JSX.Element {
  const { materials } = useSharedAssets();
  const instance = useMemo(() => {
    const copy = clone(model.root);
    copy.visible = packModelParts(model) === null;
    return copy;
  }, [model]);
  const hoverOverlay = useMemo(() => (hovered ? overlayOf(model, materials.hover, 1) : null), [hovered, model, materials]);
  const hintOverlay = useMemo(() => (hinted ? overlayOf(model, materials.hintOverlay, 2) : null), [hinted, model, materials]);
  return (
    <>
      <primitive object={instance} />
      {hoverOverlay && <primitive object={hoverOverlay} />}
      {hintOverlay && <primitive object={hintOverlay} />}
    </>
  );
}
