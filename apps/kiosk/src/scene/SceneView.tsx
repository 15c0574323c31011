// The 3D view of a scenario's scene: draws the room and its props from pack data and turns a tap on a prop into
// onInspect(propId). It knows nothing of hazards or scoring: the app decides what a tap means.
import { useCallback, useEffect, useMemo, useState, type JSX } from 'react';
import { Canvas, useThree } from '@react-three/fiber';
import type { Prop, Scene } from '@ruyi/pack-schema';
import { CameraRig } from './CameraRig.tsx';
import { FlameFlicker } from './FlameFlicker.tsx';
import { Lighting } from './Lighting.tsx';
import { Markers } from './Markers.tsx';
import { fitCamera, hitBoxMatrix, type Bounds } from './cameraFit.ts';
import { propMatrix } from './placement.ts';
import { propModelAssetId, propModelOf, propWorldBox } from './PropModel.tsx';
import { PropInstances } from './PropInstances.tsx';
import { Room } from './Room.tsx';
import { SceneProp, type TouchBoxPlace } from './SceneProp.tsx';
import { useSceneTestApi } from './testApi.ts';
import { SceneAssetsProvider, useSharedAssets } from './useSharedAssets.ts';
import { useRenderScale } from './useRenderScale.ts';

export interface SceneViewProps {
  /** From the pack. */
  scene: Scene;
  /** Accessible name of the 3D view. */
  label: string;
  /** The prop's name in the visitor's language (for the test API). */
  labelOf: (prop: Prop) => string;
  /** Prop ids whose hazard has been found: drawn with an outline and a check-mark badge. */
  found: readonly string[];
  /** Prop id to highlight as a hint (amber outline and glow; pulsing unless reducedMotion). */
  hinted: string | null;
  reducedMotion: boolean;
  /** A tap or click on a prop (not the room): mouse, touch and XR controllers alike. Called once per tap. */
  onInspect: (propId: string) => void;
  /**
   * Where the pack serves a model asset (a prop's `model: <asset id>`), or null if the pack has no such model. Without
   * it, every prop is drawn as its built-in kind.
   */
  assetUrl?: (assetId: string) => string | null;
  /**
   * False for a scene only looked at (a drill's backdrop): its props get no enlarged hit areas and the test API says
   * they are not touch targets. Default true.
   */
  tappable?: boolean;
  className?: string;
}

/**
 * The smallest size (CSS pixels, across and up) of a tappable prop's hit area on the canvas: above the kiosk's 80 px
 * touch target, with room for a box seen at an angle and for neighbours whose boxes cut into it. Thin props (a wire, a
 * pipe) get an undrawn hit box this big.
 */
export const HIT_TARGET_PX = 100;

const GL = { antialias: true };

export function SceneView({ scene, label, labelOf, found, hinted, reducedMotion, onInspect, assetUrl, tappable = true, className }: SceneViewProps): JSX.Element {
  // A different scene remounts everything below the canvas, so its GPU resources are released with it.
  const sceneKey = useMemo(() => JSON.stringify(scene), [scene]);
  const [box, setBox] = useState<HTMLDivElement | null>(null);
  const dpr = useRenderScale(box);
  return (
    <div
      ref={setBox}
      className={className}
      role="img"
      aria-label={label}
      style={{ position: 'relative', width: '100%', height: '100%', overflow: 'hidden', touchAction: 'none' }}
    >
      <Canvas
        frameloop="demand"
        dpr={dpr}
        gl={GL}
        camera={{ fov: 55, near: 0.1, far: 250, position: scene.camera.position }}
      >
        <SceneContent
          key={sceneKey}
          scene={scene}
          labelOf={labelOf}
          found={found}
          hinted={hinted}
          reducedMotion={reducedMotion}
          onInspect={onInspect}
          assetUrl={assetUrl}
          hitTargetPx={tappable ? HIT_TARGET_PX : undefined}
        />
      </Canvas>
    </div>
  );
}

/** What the scene's content needs: the same as SceneView without the DOM wrapper's own props. */
export type SceneContentProps = Omit<SceneViewProps, 'label' | 'className' | 'tappable'> & {
  /**
   * With a value, thin props get undrawn hit boxes at least this many CSS pixels across on the canvas, for the fixed
   * camera of a screen. Without (a headset: the visitor walks up to things), each prop's own shape is hit.
   */
  hitTargetPx?: number | undefined;
};

function modelUrlFor(prop: Prop, assetUrl: SceneViewProps['assetUrl']): string | null {
  const assetId = propModelAssetId(prop);
  return assetId !== null && assetUrl ? assetUrl(assetId) : null;
}

/**
 * The scene itself, for a canvas of the caller's own: the VR view draws it inside its XR session, so the same props,
 * hazards and taps serve touch, mouse and controllers.
 */
export function SceneContent(props: SceneContentProps): JSX.Element {
  return (
    <SceneAssetsProvider>
      <SceneGraph {...props} />
    </SceneAssetsProvider>
  );
}

function SceneGraph({ scene, labelOf, found, hinted, reducedMotion, onInspect, assetUrl, hitTargetPx }: SceneContentProps): JSX.Element {
  useSceneTestApi(scene, labelOf, hitTargetPx !== undefined);
  const invalidate = useThree((s) => s.invalidate);
  const assets = useSharedAssets();
  const width = useThree((s) => s.size.width);
  const height = useThree((s) => s.size.height);
  // The props' boxes as the built-in kinds draw them: the framing does not jump when a pack model arrives.
  const boxes = useMemo(
    () =>
      scene.props.map((p) => {
        const b = propWorldBox(assets, p);
        return { min: b.min.toArray(), max: b.max.toArray() } as Bounds;
      }),
    [scene, assets],
  );
  const aspect = width / Math.max(1, height);
  const fit = useMemo(
    () => fitCamera(scene.camera.position, scene.camera.target, boxes, aspect, { ceiling: (scene.setting ?? 'indoor') === 'indoor' ? scene.room.height : Infinity }),
    [scene, boxes, aspect],
  );
  const hitBoxes = useMemo(() => {
    const out = new Map<string, TouchBoxPlace>();
    if (hitTargetPx === undefined) return out;
    const camera = { position: fit.eye, target: fit.target, fov: fit.fov };
    scene.props.forEach((p, i) => {
      const m = hitBoxMatrix(boxes[i]!, propMatrix(p), camera, height, hitTargetPx, aspect);
      if (m) out.set(p.id, m);
    });
    return out;
  }, [scene, boxes, fit, height, hitTargetPx, aspect]);
  const { packModels } = assets;
  const hasFlames = useMemo(() => scene.props.some((p) => propModelOf(assets, p).flame !== null), [scene, assets]);
  // Callers often pass a new `assetUrl` function on every render: what matters is the URLs it gives.
  const urlKey = JSON.stringify(scene.props.map((p) => modelUrlFor(p, assetUrl)));
  const modelUrls = useMemo(() => {
    const urls = JSON.parse(urlKey) as (string | null)[];
    return new Map(scene.props.map((p, i) => [p.id, urls[i] ?? null]));
  }, [scene, urlKey]);
  const hasResolver = assetUrl !== undefined;
  useEffect(() => {
    if (!hasResolver) return;
    for (const prop of scene.props) {
      const assetId = propModelAssetId(prop);
      if (assetId !== null && modelUrls.get(prop.id) === null)
        packModels.warn(`asset:${assetId}`, `Ruyi: prop ${prop.id} names model ${assetId}, which the pack does not have; the built-in prop is shown instead.`);
    }
  }, [hasResolver, scene, modelUrls, packModels]);
  const modelUrlOf = useCallback((propId: string) => modelUrls.get(propId) ?? null, [modelUrls]);
  const modelUrlList = useMemo(() => scene.props.map((p) => modelUrls.get(p.id) ?? null), [scene, modelUrls]);
  // frameloop="demand": removing a marker changes nothing R3F watches, so ask for a frame after every change.
  useEffect(() => invalidate(), [found, hinted, reducedMotion, invalidate]);
  return (
    <>
      <CameraRig fit={fit} />
      <Lighting setting={scene.setting ?? 'indoor'} />
      <Room room={scene.room} setting={scene.setting ?? 'indoor'} />
      {hasFlames && <FlameFlicker reducedMotion={reducedMotion} />}
      {scene.props.map((prop) => (
        <SceneProp
          key={prop.id}
          prop={prop}
          modelUrl={modelUrlOf(prop.id)}
          hinted={prop.id === hinted}
          onInspect={onInspect}
          hitBox={hitBoxes.get(prop.id) ?? null}
        />
      ))}
      <PropInstances props={scene.props} modelUrls={modelUrlList} />
      <Markers scene={scene} modelUrlOf={modelUrlOf} found={found} hinted={hinted} reducedMotion={reducedMotion} />
    </>
  );
}
