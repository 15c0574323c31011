// A pack's GLB model drawn in a prop's place, with the same hover and hint overlays as a built-in prop: the model's own
// meshes drawn again with the overlay material (they share its geometries, so the overlay hugs the silhouette).
import { useEffect, useMemo, useSyncExternalStore, type JSX } from 'react';
import type { Material, Mesh, Object3D } from 'three';
import { clone } from 'three/examples/jsm/utils/SkeletonUtils.js';
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
 * One placed copy of a model. Copies share the model's GPU resources, which belong to the scene's registry: nothing
 * here is disposed on unmount (R3F does not dispose `<primitive>` objects either).
 */
export function PackModelView({ model, hovered, hinted }: PackModelViewProps): JSX.Element {
  const { materials } = useSharedAssets();
  const instance = useMemo(() => clone(model.root), [model]);
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
