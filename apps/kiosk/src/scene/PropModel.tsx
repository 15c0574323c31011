// kind → model. The lookup must name every kind in PROP_KINDS: a missing one is a type error.
import type { JSX } from 'react';
import { Box3, Matrix4 } from 'three';
import type { Prop, PropKind } from '@ruyi/pack-schema';
import type { BuiltModel } from './modelBuilder.ts';
import type { PackModel } from './packModels.ts';
import type { SceneAssets } from './useSharedAssets.ts';
import type { PropModelComponent } from './props/definePropModel.tsx';
import { propMatrix } from './placement.ts';
import { AmmoniaTank } from './props/AmmoniaTank.tsx';
import { CardboardStack } from './props/CardboardStack.tsx';
import { Conveyor } from './props/Conveyor.tsx';
import { ElectricalPanel } from './props/ElectricalPanel.tsx';
import { ExitDoor } from './props/ExitDoor.tsx';
import { ExitDoorLocked } from './props/ExitDoorLocked.tsx';
import { ExitSign } from './props/ExitSign.tsx';
import { FireAlarm } from './props/FireAlarm.tsx';
import { FireExtinguisher } from './props/FireExtinguisher.tsx';
import { FoamPanelWall } from './props/FoamPanelWall.tsx';
import { Lockers } from './props/Lockers.tsx';
import { OverheadWiring } from './props/OverheadWiring.tsx';
import { Pallet } from './props/Pallet.tsx';
import { PipeRun } from './props/PipeRun.tsx';
import { Shelf } from './props/Shelf.tsx';
import { Workbench } from './props/Workbench.tsx';

export const PROP_MODELS = {
  'electrical-panel': ElectricalPanel,
  'overhead-wiring': OverheadWiring,
  'foam-panel-wall': FoamPanelWall,
  'ammonia-tank': AmmoniaTank,
  'pipe-run': PipeRun,
  'exit-door': ExitDoor,
  'exit-door-locked': ExitDoorLocked,
  'exit-sign': ExitSign,
  'cardboard-stack': CardboardStack,
  conveyor: Conveyor,
  workbench: Workbench,
  shelf: Shelf,
  pallet: Pallet,
  'fire-extinguisher': FireExtinguisher,
  'fire-alarm': FireAlarm,
  lockers: Lockers,
} as const satisfies { readonly [K in PropKind]: PropModelComponent };

/** Draws one prop kind at the origin in its natural size (the caller places it). */
export function PropModel({ kind }: { kind: PropKind }): JSX.Element {
  const Model = PROP_MODELS[kind];
  return <Model />;
}

/** The shared merged geometry of a kind. */
export function propModelOf(assets: SceneAssets, kind: PropKind): BuiltModel {
  return assets.propModel(kind, PROP_MODELS[kind].recipe);
}

/** The pack model a prop names (`model: <asset id>`), if any. */
export function propModelAssetId(prop: Prop): string | null {
  return prop.model ?? null;
}

const placement = new Matrix4();

/**
 * The prop's axis-aligned bounding box in world space, from what it draws: its loaded pack model if it has one, else
 * its kind's model (no scene graph needed).
 */
export function propWorldBox(assets: SceneAssets, prop: Prop, packModel: PackModel | null = null, target = new Box3()): Box3 {
  if (packModel) return target.copy(packModel.box).applyMatrix4(propMatrix(prop, placement));
  const model = propModelOf(assets, prop.kind);
  if (model.solid.boundingBox) target.copy(model.solid.boundingBox);
  else target.makeEmpty();
  if (model.glow?.boundingBox) target.union(model.glow.boundingBox);
  return target.applyMatrix4(propMatrix(prop, placement));
}
