// Found markers (a green outline PLUS a check-mark badge: not colour alone) and the hint outline (amber, gently pulsing
// unless reduced motion is asked for). They face the fixed camera and ignore pointer events.
import { useEffect, useMemo, useRef, type JSX } from 'react';
import { useFrame, useThree } from '@react-three/fiber';
import type { Mesh } from 'three';
import type { Prop, Scene } from '@ruyi/pack-schema';
import { foundBadgeGeometry, markerFrame, outlineRingGeometry, type MarkerFrame } from './markerGeometry.ts';
import { usePackModel } from './PackModelView.tsx';
import { propWorldBox } from './PropModel.tsx';
import { FOUND_COLOR, HINT_COLOR, useSharedAssets } from './useSharedAssets.ts';

export interface MarkersProps {
  scene: Scene;
  /** Where each prop's pack model is served (markers fit the model once it has loaded). */
  modelUrlOf: (propId: string) => string | null;
  found: readonly string[];
  hinted: string | null;
  reducedMotion: boolean;
}

const noRaycast = (): void => undefined;

export function Markers({ scene, modelUrlOf, found, hinted, reducedMotion }: MarkersProps): JSX.Element {
  const foundSet = new Set(found);
  const hintedProp = hinted === null ? undefined : scene.props.find((p) => p.id === hinted);
  return (
    <>
      {scene.props
        .filter((p) => foundSet.has(p.id))
        .map((p) => (
          <FoundMarker key={p.id} prop={p} modelUrl={modelUrlOf(p.id)} camera={scene.camera} />
        ))}
      {hintedProp && (
        <HintMarker key={hintedProp.id} prop={hintedProp} modelUrl={modelUrlOf(hintedProp.id)} camera={scene.camera} reducedMotion={reducedMotion} />
      )}
    </>
  );
}

function useMarkerFrame(prop: Prop, modelUrl: string | null, camera: Scene['camera']): MarkerFrame {
  const assets = useSharedAssets();
  const state = usePackModel(modelUrl, { load: false });
  const packModel = state.status === 'loaded' ? state.model : null;
  return useMemo(() => markerFrame(propWorldBox(assets, prop, packModel), camera), [assets, prop, packModel, camera]);
}

interface MarkerProps {
  prop: Prop;
  /** The prop's pack model, if it has one. */
  modelUrl?: string | null;
  camera: Scene['camera'];
}

function ringWidth(frame: MarkerFrame): number {
  return Math.max(0.03, frame.distance * 0.0065);
}

export function FoundMarker({ prop, modelUrl = null, camera }: MarkerProps): JSX.Element {
  const assets = useSharedAssets();
  const frame = useMarkerFrame(prop, modelUrl, camera);
  const width = ringWidth(frame);
  const ring = useMemo(
    () => outlineRingGeometry(frame.halfWidth * 1.19 + width, frame.halfHeight * 1.19 + width, width, FOUND_COLOR, '#083d1d'),
    [frame, width],
  );
  useEffect(() => () => ring.dispose(), [ring]);
  const badge = assets.shared('found-badge', foundBadgeGeometry);
  const badgeRadius = frame.distance * 0.032;
  const badgeAt = frame.anchor.clone().addScaledVector(frame.up, frame.halfHeight * 1.19 + width * 1.5 + badgeRadius * 0.6);
  return (
    <group name={`found:${prop.id}`}>
      <mesh geometry={ring} material={assets.materials.marker} position={frame.anchor} quaternion={frame.quaternion} renderOrder={10} raycast={noRaycast} />
      <mesh
        geometry={badge}
        material={assets.materials.marker}
        position={badgeAt}
        quaternion={frame.quaternion}
        scale={badgeRadius}
        renderOrder={11}
        raycast={noRaycast}
      />
    </group>
  );
}

export function HintMarker({ prop, modelUrl = null, camera, reducedMotion }: MarkerProps & { reducedMotion: boolean }): JSX.Element {
  const { materials } = useSharedAssets();
  const invalidate = useThree((s) => s.invalidate);
  const frame = useMarkerFrame(prop, modelUrl, camera);
  const width = ringWidth(frame) * 1.3;
  const ring = useMemo(
    () => outlineRingGeometry(frame.halfWidth * 1.19 + width * 1.6, frame.halfHeight * 1.19 + width * 1.6, width, HINT_COLOR, '#5a3500'),
    [frame, width],
  );
  useEffect(() => () => ring.dispose(), [ring]);
  const ringRef = useRef<Mesh>(null);

  useEffect(() => {
    // Still state: full strength, no pulse.
    materials.hintRing.opacity = 0.95;
    materials.hintOverlay.opacity = 0.28;
    ringRef.current?.scale.setScalar(1);
    invalidate();
  }, [reducedMotion, materials, invalidate]);

  useFrame((state) => {
    if (reducedMotion) return;
    const s = 0.5 + 0.5 * Math.sin(state.clock.elapsedTime * 2.4);
    materials.hintRing.opacity = 0.55 + 0.4 * s;
    materials.hintOverlay.opacity = 0.1 + 0.24 * s;
    ringRef.current?.scale.setScalar(1 + 0.03 * s);
    state.invalidate();
  });

  return (
    <mesh
      ref={ringRef}
      name={`hint:${prop.id}`}
      geometry={ring}
      material={materials.hintRing}
      position={frame.anchor}
      quaternion={frame.quaternion}
      renderOrder={12}
      raycast={noRaycast}
    />
  );
}
