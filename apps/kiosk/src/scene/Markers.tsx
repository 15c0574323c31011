// Found markers (a green outline PLUS a check-mark badge: not colour alone) and the hint outline (amber, gently pulsing
// unless reduced motion is asked for). They face the fixed camera and ignore pointer events. All found markers together
// are two draw calls: their outlines merged into one geometry, their badges one InstancedMesh.
import { useEffect, useLayoutEffect, useMemo, useRef, type JSX } from 'react';
import { useFrame, useThree } from '@react-three/fiber';
import type { Mesh } from 'three';
import type { Prop, Scene } from '@ruyi/pack-schema';
import { applyHintLook, createHintLook, hintPulse, STILL_HINT } from './hintPulse.ts';
import { createInstances, setInstances } from './instancing.ts';
import { foundBadgeGeometry, foundBadgeMatrix, foundRingsGeometry, hintRingGeometry, markerFrame, type MarkerFrame } from './markerGeometry.ts';
import { useLoadedPackModels } from './PackModelView.tsx';
import { propWorldBox } from './PropModel.tsx';
import { useOwned } from './useOwned.ts';
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
  // Callers may pass a new array with the same ids on every render: rebuild the markers only when the ids change.
  const foundKey = found.join('\n');
  const foundProps = useMemo(() => {
    const ids = new Set(foundKey.split('\n'));
    return scene.props.filter((p) => ids.has(p.id));
  }, [scene, foundKey]);
  const hintedProp = hinted === null ? undefined : scene.props.find((p) => p.id === hinted);
  return (
    <>
      {foundProps.length > 0 && <FoundMarkers props={foundProps} modelUrlOf={modelUrlOf} camera={scene.camera} />}
      {hintedProp && (
        <HintMarker key={hintedProp.id} prop={hintedProp} modelUrl={modelUrlOf(hintedProp.id)} camera={scene.camera} reducedMotion={reducedMotion} />
      )}
    </>
  );
}

/** Where each prop's markers go, fitted to what it draws (its pack model once loaded, else its kind). */
function useMarkerFrames(props: readonly Prop[], modelUrls: readonly (string | null)[], camera: Scene['camera']): readonly MarkerFrame[] {
  const assets = useSharedAssets();
  const models = useLoadedPackModels(modelUrls);
  return useMemo(() => props.map((p, i) => markerFrame(propWorldBox(assets, p, models[i] ?? null), camera)), [assets, props, models, camera]);
}

interface FoundMarkersProps {
  props: readonly Prop[];
  modelUrlOf: (propId: string) => string | null;
  camera: Scene['camera'];
}

function FoundMarkers({ props, modelUrlOf, camera }: FoundMarkersProps): JSX.Element {
  const assets = useSharedAssets();
  const invalidate = useThree((s) => s.invalidate);
  const modelUrls = useMemo(() => props.map((p) => modelUrlOf(p.id)), [props, modelUrlOf]);
  const frames = useMarkerFrames(props, modelUrls, camera);
  const rings = useOwned(() => foundRingsGeometry(frames, FOUND_COLOR, '#083d1d'), [frames]);
  const badge = assets.shared('found-badge', foundBadgeGeometry);
  const badges = useOwned(() => createInstances(badge, assets.materials.marker, frames.length, 11), [badge, assets, frames.length]);
  useLayoutEffect(() => {
    setInstances(badges, frames.length, (i, target) => foundBadgeMatrix(frames[i]!, target));
    invalidate();
  }, [badges, frames, invalidate]);
  return (
    <>
      <mesh name="found-outlines" geometry={rings} material={assets.materials.marker} renderOrder={10} raycast={noRaycast} />
      <primitive object={badges} name="found-badges" />
    </>
  );
}

interface HintMarkerProps {
  prop: Prop;
  /** The prop's pack model, if it has one. */
  modelUrl: string | null;
  camera: Scene['camera'];
  reducedMotion: boolean;
}

/** The look the frame loop writes into: one hint shows at a time. */
const pulse = createHintLook();

function HintMarker({ prop, modelUrl, camera, reducedMotion }: HintMarkerProps): JSX.Element {
  const { materials } = useSharedAssets();
  const invalidate = useThree((s) => s.invalidate);
  const props = useMemo(() => [prop], [prop]);
  const modelUrls = useMemo(() => [modelUrl], [modelUrl]);
  const frame = useMarkerFrames(props, modelUrls, camera)[0]!;
  const ring = useOwned(() => hintRingGeometry(frame, HINT_COLOR, '#5a3500'), [frame]);
  const ringRef = useRef<Mesh>(null);

  useEffect(() => {
    applyHintLook(STILL_HINT, materials.hintRing, materials.hintOverlay, ringRef.current);
    invalidate();
  }, [reducedMotion, materials, invalidate]);

  // Runs every frame while the hint shows (72 Hz in a headset): allocation-free, see hintPulse.ts.
  useFrame((state) => {
    if (reducedMotion) return;
    applyHintLook(hintPulse(state.clock.elapsedTime, pulse), materials.hintRing, materials.hintOverlay, ringRef.current);
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
