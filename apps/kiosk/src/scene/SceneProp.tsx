// One placed prop: what rays hit, the tap handler (R3F pointer events, so mouse, touch and XR controllers all arrive as
// the same onClick) and the hover and hint overlays. The prop itself is drawn by PropInstances, instanced with every
// other prop that looks the same; here it is an undrawn hit proxy of the same shape, so hits, hover and bounding boxes
// stay per prop. A prop with a pack model shows the GLB once it has loaded; while it loads, and if it fails, the
// built-in kind stands in.
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type JSX } from 'react';
import { BoxGeometry, Mesh, type Intersection, type Matrix4, type Raycaster } from 'three';
import { useThree, type ThreeEvent } from '@react-three/fiber';
import type { Prop } from '@ruyi/pack-schema';
import { PackModelView, usePackModel } from './PackModelView.tsx';
import { propModelOf } from './PropModel.tsx';
import { drawnScale } from './placement.ts';
import type { BuiltModel } from './modelBuilder.ts';
import { useSharedAssets } from './useSharedAssets.ts';

/** Every prop group carries its id here; the test API and raycasts look for it. */
export const PROP_ID_KEY = 'ruyiPropId';
/** …and what it draws: see `PropModelStatus`. */
export const PROP_MODEL_KEY = 'ruyiPropModel';

/**
 * `builtin`: the prop has no pack model; `loading`: its model is loading (the built-in kind stands in); `loaded`: the
 * model is drawn; `fallback`: the model could not be used, the built-in kind is drawn.
 */
export type PropModelStatus = 'builtin' | 'loading' | 'loaded' | 'fallback';

export interface ScenePropProps {
  prop: Prop;
  /** Where the prop's pack model is served, or null to draw the built-in kind. */
  modelUrl: string | null;
  hinted: boolean;
  onInspect: (propId: string) => void;
  /**
   * Undrawn boxes (unit cubes transformed by these matrices, in the prop's space) that make the prop big enough to
   * touch on a screen, or null: see hitBoxMatrix in cameraFit.ts.
   */
  hitBox?: TouchBoxPlace | null;
}

/**
 * Where a prop's touch boxes go: `core` competes with real surfaces by depth; `outline` (if any) counts only where no
 * real surface is hit.
 */
export interface TouchBoxPlace {
  core: Matrix4;
  outline: Matrix4 | null;
  /** The outline's size as seen (square scene units): where two cores meet, the smaller prop's is nearer. */
  area: number;
}

const noRaycast = (): void => undefined;

/**
 * A built-in prop's shape for rays and bounding boxes, never drawn: three skips invisible objects when it renders, but
 * raycasts and measures them.
 */
function HitProxy({ model }: { model: BuiltModel }): JSX.Element {
  const { materials } = useSharedAssets();
  return (
    <>
      <mesh geometry={model.solid} material={materials.solid} visible={false} />
      {model.glow && <mesh geometry={model.glow} material={materials.glow} visible={false} />}
      {model.flame && <mesh geometry={model.flame} material={materials.flame} visible={false} />}
    </>
  );
}

/**
 * An outline box's hits come after every real surface's (three and R3F take the nearest hit): they count this much
 * farther away, plus the box's size, so where such boxes overlap the smaller prop wins.
 */
const TOUCH_BOX_BIAS = 10_000;

function outlineBoxRaycast(this: Mesh, raycaster: Raycaster, intersects: Intersection[]): void {
  const from = intersects.length;
  Mesh.prototype.raycast.call(this, raycaster, intersects);
  const e = this.matrixWorld.elements;
  // The box's size across the view: the lengths of its matrix's x and y columns.
  const size = Math.hypot(e[0]!, e[1]!, e[2]!) * Math.hypot(e[4]!, e[5]!, e[6]!);
  for (let i = from; i < intersects.length; i++) intersects[i]!.distance += TOUCH_BOX_BIAS + size;
}

/**
 * How much farther a core's hit counts per square unit of its prop's outline: enough to settle two cores at about the
 * same depth for the smaller prop, too little to let a surface well behind win.
 */
const CORE_AREA_BIAS = 0.5;

/** The prop's touch boxes, never drawn. */
function TouchBoxes({ place: { core, outline, area } }: { place: TouchBoxPlace }): JSX.Element {
  const coreRaycast = useMemo(
    () =>
      function (this: Mesh, raycaster: Raycaster, intersects: Intersection[]): void {
        const from = intersects.length;
        Mesh.prototype.raycast.call(this, raycaster, intersects);
        for (let i = from; i < intersects.length; i++) intersects[i]!.distance += CORE_AREA_BIAS * area;
      },
    [area],
  );
  return (
    <>
      <TouchBox matrix={core} raycast={coreRaycast} />
      {outline && <TouchBox matrix={outline} raycast={outlineBoxRaycast} />}
    </>
  );
}

function TouchBox({ matrix, raycast }: { matrix: Matrix4; raycast: Mesh['raycast'] }): JSX.Element {
  const assets = useSharedAssets();
  const cube = assets.shared('touch-box', () => new BoxGeometry(1, 1, 1));
  const ref = useRef<Mesh>(null);
  useLayoutEffect(() => {
    const mesh = ref.current;
    if (!mesh) return;
    mesh.matrix.copy(matrix);
    mesh.matrixWorldNeedsUpdate = true;
  }, [matrix]);
  return (
    <mesh
      ref={ref}
      name="touch-box"
      geometry={cube}
      material={assets.materials.solid}
      visible={false}
      matrixAutoUpdate={false}
      raycast={raycast}
    />
  );
}

export const SceneProp = memo(function SceneProp({ prop, modelUrl, hinted, onInspect, hitBox = null }: ScenePropProps): JSX.Element {
  const assets = useSharedAssets();
  const model = propModelOf(assets, prop);
  const packModel = usePackModel(modelUrl, { load: true });
  const status: PropModelStatus =
    modelUrl === null ? 'builtin' : packModel.status === 'loaded' ? 'loaded' : packModel.status === 'failed' ? 'fallback' : 'loading';
  const canvas = useThree((s) => s.gl.domElement);
  const invalidate = useThree((s) => s.invalidate);
  const [hovered, setHovered] = useState(false);
  const hoveredRef = useRef(false);

  const onClick = useCallback(
    (e: ThreeEvent<MouseEvent>) => {
      e.stopPropagation();
      onInspect(prop.id);
    },
    [onInspect, prop.id],
  );
  const onPointerOver = useCallback(
    (e: ThreeEvent<PointerEvent>) => {
      e.stopPropagation();
      // A finger has no hover: highlighting on touch would leave the highlight stuck after the tap.
      if (e.nativeEvent.pointerType === 'touch') return;
      hoveredRef.current = true;
      setHovered(true);
      canvas.style.cursor = 'pointer';
    },
    [canvas],
  );
  const onPointerOut = useCallback(() => {
    if (!hoveredRef.current) return;
    hoveredRef.current = false;
    setHovered(false);
    canvas.style.cursor = '';
  }, [canvas]);
  // frameloop="demand": draw the committed change (overlays added or removed).
  useEffect(() => invalidate(), [hovered, hinted, status, invalidate]);
  useEffect(
    () => () => {
      if (hoveredRef.current) canvas.style.cursor = '';
    },
    [canvas],
  );

  return (
    <group
      name={`prop:${prop.id}`}
      userData={{ [PROP_ID_KEY]: prop.id, [PROP_MODEL_KEY]: status }}
      position={prop.position}
      rotation={[0, (prop.rotationY * Math.PI) / 180, 0]}
      scale={drawnScale(prop)}
      onClick={onClick}
      onPointerOver={onPointerOver}
      onPointerOut={onPointerOut}
    >
      {hitBox && <TouchBoxes place={hitBox} />}
      {packModel.status === 'loaded' ? (
        <PackModelView model={packModel.model} hovered={hovered} hinted={hinted} />
      ) : (
        <>
          <HitProxy model={model} />
          {hovered && <mesh geometry={model.solid} material={assets.materials.hover} renderOrder={1} raycast={noRaycast} />}
          {hinted && <mesh geometry={model.solid} material={assets.materials.hintOverlay} renderOrder={2} raycast={noRaycast} />}
        </>
      )}
    </group>
  );
});
