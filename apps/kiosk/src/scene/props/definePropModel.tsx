// The shape every prop file follows: a kind and a recipe of primitives. The component draws the kind's shared, merged
// geometry (one draw call, two if it has unlit parts); the recipe is also used to measure the prop (markers, test API).
import { memo, type JSX } from 'react';
import type { PropKind } from '@ruyi/pack-schema';
import type { BuiltModel, ModelBuilder } from '../modelBuilder.ts';
import { useSharedAssets } from '../useSharedAssets.ts';

export type PropRecipe = (b: ModelBuilder) => void;

export interface PropModelComponent {
  (): JSX.Element;
  readonly kind: PropKind;
  readonly recipe: PropRecipe;
  displayName?: string;
}

export function definePropModel(kind: PropKind, displayName: string, recipe: PropRecipe): PropModelComponent {
  function Model(): JSX.Element {
    const assets = useSharedAssets();
    return <PropMeshes model={assets.propModel(kind, recipe)} />;
  }
  Model.displayName = displayName;
  const component = memo(Model) as unknown as PropModelComponent;
  return Object.assign(component, { kind, recipe, displayName });
}

export function PropMeshes({ model }: { model: BuiltModel }): JSX.Element {
  const { materials } = useSharedAssets();
  return (
    <>
      <mesh geometry={model.solid} material={materials.solid} />
      {model.glow && <mesh geometry={model.glow} material={materials.glow} />}
    </>
  );
}

export const HALF_PI = Math.PI / 2;
