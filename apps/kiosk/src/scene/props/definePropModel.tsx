// The shape every prop file follows: a kind and a recipe of primitives. The component draws the kind's shared, merged
// geometry (one draw call per part: solid, and glow and flame if it has them); the recipe is also used to measure the
// prop (markers, test API).
import { memo, type JSX } from 'react';
import type { PropKind } from '@ruyi/pack-schema';
import type { BuiltModel, ModelBuilder } from '../modelBuilder.ts';
import { useSharedAssets } from '../useSharedAssets.ts';

/** Draws the kind into the builder. `scale` is the prop's, given only to footprint kinds (placement.ts); else 1. */
export type PropRecipe = (b: ModelBuilder, scale: number) => void;

export interface PropModelComponent {
  (): JSX.Element;
  readonly kind: PropKind;
  readonly recipe: PropRecipe;
  displayName?: string;
}

export function definePropModel(kind: PropKind, displayName: string, recipe: PropRecipe): PropModelComponent {
  function Model(): JSX.Element {
    const assets = useSharedAssets();
    return <PropMeshes model={assets.propModel(kind, (b) => recipe(b, 1))} />;
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
      {model.flame && <mesh geometry={model.flame} material={materials.flame} />}
    </>
  );
}

export const HALF_PI = Math.PI / 2;
