// Draws every prop, instanced: one batch per built-in kind and one per instancable pack model, each part of a batch one
// InstancedMesh (one draw call for all its props). The batches follow the pack models as they load: a prop whose model
// has loaded moves from its kind's batch to its model's. Each instanced mesh is disposed when its batch changes size or
// goes away; the geometries and materials it draws belong to the scene's registry.
import { useLayoutEffect, useMemo, type JSX } from 'react';
import { useThree } from '@react-three/fiber';
import type { Prop } from '@ruyi/pack-schema';
import { builtinParts, createInstances, packModelParts, placeInstances, planBatches, type InstancePart, type PropDraw } from './instancing.ts';
import { useLoadedPackModels } from './PackModelView.tsx';
import { propModelKey, propModelOf } from './PropModel.tsx';
import { useOwned } from './useOwned.ts';
import { useSharedAssets } from './useSharedAssets.ts';

export interface PropInstancesProps {
  props: readonly Prop[];
  /** Each prop's pack model URL (null: built-in), in the order of `props`. */
  modelUrls: readonly (string | null)[];
}

export function PropInstances({ props, modelUrls }: PropInstancesProps): JSX.Element {
  const assets = useSharedAssets();
  const models = useLoadedPackModels(modelUrls);
  const batches = useMemo(
    () =>
      planBatches(props, (prop, i): PropDraw => {
        const model = models[i];
        if (model) {
          const parts = packModelParts(model);
          // A model instancing cannot draw is drawn by its prop (PackModelView).
          return parts && { key: `model:${modelUrls[i]}`, parts };
        }
        return { key: `kind:${propModelKey(prop)}`, parts: builtinParts(propModelOf(assets, prop), assets.materials) };
      }),
    [props, modelUrls, models, assets],
  );
  return (
    <>
      {batches.map((batch) =>
        batch.parts.map((part, i) => <InstancedPart key={`${batch.key}#${i}`} part={part} props={batch.props} />),
      )}
    </>
  );
}

function InstancedPart({ part, props }: { part: InstancePart; props: readonly Prop[] }): JSX.Element {
  const invalidate = useThree((s) => s.invalidate);
  const mesh = useOwned(() => createInstances(part.geometry, part.material, props.length, part.renderOrder), [part, props.length]);
  useLayoutEffect(() => {
    placeInstances(mesh, part, props);
    invalidate();
  }, [mesh, part, props, invalidate]);
  return <primitive object={mesh} />;
}
