// kind → model. The lookup must name every kind in PROP_KINDS: a missing one is a type error.
import type { JSX } from 'react';
import { Box3, Matrix4 } from 'three';
import type { Prop, PropKind } from '@ruyi/pack-schema';
import type { BuiltModel } from './modelBuilder.ts';
import type { PackModel } from './packModels.ts';
import type { SceneAssets } from './useSharedAssets.ts';
import type { PropModelComponent } from './props/definePropModel.tsx';
import { FOOTPRINT_KINDS, propMatrix } from './placement.ts';
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
import { KitchenCounter } from './props/KitchenCounter.tsx';
import { GasStove } from './props/GasStove.tsx';
import { GasHose } from './props/GasHose.tsx';
import { GasMeter } from './props/GasMeter.tsx';
import { GasValve } from './props/GasValve.tsx';
import { CoalStove } from './props/CoalStove.tsx';
import { StoveFlue } from './props/StoveFlue.tsx';
import { CoAlarm } from './props/CoAlarm.tsx';
import { WindowProp } from './props/WindowProp.tsx';
import { Bed } from './props/Bed.tsx';
import { HeatedBed } from './props/HeatedBed.tsx';
import { Door } from './props/Door.tsx';
import { SchoolDesk } from './props/SchoolDesk.tsx';
import { Blackboard } from './props/Blackboard.tsx';
import { Stairwell } from './props/Stairwell.tsx';
import { RoadCrossing } from './props/RoadCrossing.tsx';
import { TrafficLight } from './props/TrafficLight.tsx';
import { Car } from './props/Car.tsx';
import { LightTruck } from './props/LightTruck.tsx';
import { SnowPatch } from './props/SnowPatch.tsx';
import { Crowd } from './props/Crowd.tsx';
import { SirenSpeaker } from './props/SirenSpeaker.tsx';
import { ShelterSign } from './props/ShelterSign.tsx';
import { Steps } from './props/Steps.tsx';
import { Manikin } from './props/Manikin.tsx';
import { Aed } from './props/Aed.tsx';
import { SmallFire } from './props/SmallFire.tsx';
import { Manhole } from './props/Manhole.tsx';
import { GasDetector } from './props/GasDetector.tsx';
import { FireExtinguisherCo2 } from './props/FireExtinguisherCo2.tsx';
import { FireBlanket } from './props/FireBlanket.tsx';

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
  'kitchen-counter': KitchenCounter,
  'gas-stove': GasStove,
  'gas-hose': GasHose,
  'gas-meter': GasMeter,
  'gas-valve': GasValve,
  'coal-stove': CoalStove,
  'stove-flue': StoveFlue,
  'co-alarm': CoAlarm,
  window: WindowProp,
  bed: Bed,
  'heated-bed': HeatedBed,
  door: Door,
  'school-desk': SchoolDesk,
  blackboard: Blackboard,
  stairwell: Stairwell,
  'road-crossing': RoadCrossing,
  'traffic-light': TrafficLight,
  car: Car,
  'light-truck': LightTruck,
  'snow-patch': SnowPatch,
  crowd: Crowd,
  'siren-speaker': SirenSpeaker,
  'shelter-sign': ShelterSign,
  steps: Steps,
  manikin: Manikin,
  aed: Aed,
  'small-fire': SmallFire,
  manhole: Manhole,
  'gas-detector': GasDetector,
  'fire-extinguisher-co2': FireExtinguisherCo2,
  'fire-blanket': FireBlanket,
} as const satisfies { readonly [K in PropKind]: PropModelComponent };

/** Draws one prop kind at the origin in its natural size (the caller places it). */
export function PropModel({ kind }: { kind: PropKind }): JSX.Element {
  const Model = PROP_MODELS[kind];
  return <Model />;
}

/**
 * The shared merged geometry a prop draws: its kind's, or for a footprint kind (placement.ts) the kind's at the prop's
 * scale. `propModelKey` tells the models apart.
 */
export function propModelOf(assets: SceneAssets, prop: Pick<Prop, 'kind' | 'scale'>): BuiltModel {
  const { recipe } = PROP_MODELS[prop.kind];
  if (!FOOTPRINT_KINDS.has(prop.kind)) return assets.propModel(prop.kind, (b) => recipe(b, 1));
  return assets.propModel(propModelKey(prop) as `${PropKind}@${number}`, (b) => recipe(b, prop.scale));
}

/** Props with the same key draw the same model (and so can be instanced together). */
export function propModelKey(prop: Pick<Prop, 'kind' | 'scale'>): string {
  return FOOTPRINT_KINDS.has(prop.kind) ? `${prop.kind}@${prop.scale}` : prop.kind;
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
  const model = propModelOf(assets, prop);
  if (model.solid.boundingBox) target.copy(model.solid.boundingBox);
  else target.makeEmpty();
  if (model.glow?.boundingBox) target.union(model.glow.boundingBox);
  if (model.flame?.boundingBox) target.union(model.flame.boundingBox);
  return target.applyMatrix4(propMatrix(prop, placement));
}
