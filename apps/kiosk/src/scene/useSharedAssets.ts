// The per-scene registry of GPU resources. Every prop of a kind shares one merged geometry; all props share a handful of
// materials. The registry is created when a scene mounts and everything in it is disposed when it unmounts, so a kiosk
// that mounts scenes all day returns to its baseline `renderer.info.memory`.
import { createContext, createElement, useContext, useEffect, useState, type ReactNode, type JSX } from 'react';
import {
  AdditiveBlending,
  Color,
  DoubleSide,
  type IUniform,
  type Material,
  MeshBasicMaterial,
  MeshStandardMaterial,
} from 'three';
import type { PropKind } from '@ruyi/pack-schema';
import { createFlameMaterial } from './flame.ts';
import { buildModel, type BuiltModel, type ModelBuilder } from './modelBuilder.ts';
import { PackModels } from './packModels.ts';

export const HINT_COLOR = '#ffb21f';
export const FOUND_COLOR = '#2fd36b';

/** The materials every scene uses. */
export interface SceneMaterials {
  /** Lit, vertex-coloured: props and room. */
  solid: MeshStandardMaterial;
  /** Unlit, vertex-coloured: signs, sparks, lamps. */
  glow: MeshBasicMaterial;
  /** Unlit, vertex-coloured, flickering (flame.ts): flames. */
  flame: MeshBasicMaterial;
  /** Additive overlay on a hovered prop. */
  hover: MeshBasicMaterial;
  /** Additive overlay on the hinted prop (its opacity pulses). */
  hintOverlay: MeshBasicMaterial;
  /** Vertex-coloured hint outline ring (its opacity pulses). */
  hintRing: MeshBasicMaterial;
  /** Vertex-coloured markers drawn on top: found ring and badge. */
  marker: MeshBasicMaterial;
}

interface Disposable {
  dispose(): void;
}

export class SceneAssets {
  readonly materials: SceneMaterials;
  /** Seconds of flicker the flames show (flame.ts); still under reduced motion. */
  readonly flameTime: IUniform<number>;
  /** GLB models from the pack, loaded on demand and released with the scene. */
  readonly packModels = new PackModels();
  private readonly models = new Map<string, BuiltModel>();
  private readonly extra = new Map<string, Disposable>();

  constructor() {
    const flame = createFlameMaterial();
    this.flameTime = flame.time;
    this.materials = {
      solid: new MeshStandardMaterial({ vertexColors: true, roughness: 0.78, metalness: 0.08 }),
      glow: new MeshBasicMaterial({ vertexColors: true }),
      flame: flame.material,
      hover: new MeshBasicMaterial({
        color: new Color('#ffffff'),
        transparent: true,
        opacity: 0.16,
        blending: AdditiveBlending,
        depthWrite: false,
        polygonOffset: true,
        polygonOffsetFactor: -1,
        polygonOffsetUnits: -1,
      }),
      hintOverlay: new MeshBasicMaterial({
        color: new Color(HINT_COLOR),
        transparent: true,
        opacity: 0.28,
        blending: AdditiveBlending,
        depthWrite: false,
        polygonOffset: true,
        polygonOffsetFactor: -1,
        polygonOffsetUnits: -1,
      }),
      hintRing: new MeshBasicMaterial({
        vertexColors: true,
        transparent: true,
        opacity: 0.95,
        depthTest: false,
        depthWrite: false,
        side: DoubleSide,
        // Transparent double-sided materials are otherwise drawn in two passes (two draw calls).
        forceSinglePass: true,
        toneMapped: false,
      }),
      marker: new MeshBasicMaterial({
        vertexColors: true,
        transparent: true,
        depthTest: false,
        depthWrite: false,
        side: DoubleSide,
        // Transparent double-sided materials are otherwise drawn in two passes (two draw calls).
        forceSinglePass: true,
        toneMapped: false,
      }),
    };
  }

  /**
   * The shared model of a prop kind, built on first use. `key` tells apart the models of a kind built for different
   * prop scales (a crowd's footprint: see placement.ts); it is the kind for every other kind.
   */
  propModel(key: PropKind | `${PropKind}@${number}`, recipe: (b: ModelBuilder) => void): BuiltModel {
    let model = this.models.get(key);
    if (!model) {
      model = buildModel(recipe);
      this.models.set(key, model);
    }
    return model;
  }

  /** Any other shared resource (e.g. the found badge), created on first use and disposed with the scene. */
  shared<T extends Disposable>(key: string, create: () => T): T {
    let value = this.extra.get(key);
    if (!value) {
      value = create();
      this.extra.set(key, value);
    }
    return value as T;
  }

  /**
   * Releases every GPU resource. Entries stay in the maps on purpose: under React StrictMode an effect is cleaned up and
   * run again without a re-render, so components may still hold them; three re-uploads a disposed resource if it is drawn
   * again, and the final unmount disposes it again. Pack models are the exception: their image bitmaps cannot be
   * uploaded again once closed, so `packModels` forgets them and `revive()` has them loaded afresh.
   */
  dispose(): void {
    for (const model of this.models.values()) {
      model.solid.dispose();
      model.glow?.dispose();
      model.flame?.dispose();
    }
    for (const value of this.extra.values()) value.dispose();
    for (const material of Object.values(this.materials) as Material[]) material.dispose();
    this.packModels.dispose();
  }

  /** The effect ran again after a cleanup (React StrictMode): pack models, which dispose() forgets, load again. */
  revive(): void {
    this.packModels.revive();
  }
}

const SceneAssetsContext = createContext<SceneAssets | null>(null);

/** Creates the registry for the scene below it and disposes it when the scene unmounts. */
export function SceneAssetsProvider({ children }: { children: ReactNode }): JSX.Element {
  const [assets] = useState(() => new SceneAssets());
  useEffect(() => {
    assets.revive();
    return () => assets.dispose();
  }, [assets]);
  return createElement(SceneAssetsContext.Provider, { value: assets }, children);
}

export function useSharedAssets(): SceneAssets {
  const assets = useContext(SceneAssetsContext);
  if (!assets) throw new Error('useSharedAssets must be used inside <SceneAssetsProvider>');
  return assets;
}
