// The fixed places a visitor can teleport to (placement.ts teleportPoints): flat rings on the floor, pointed at with a
// ray and pressed like any button. No free teleport arc: fixed points keep visitors out of walls and props, and a
// child cannot end up somewhere the pack author never meant them to stand.
import { useThree, type ThreeEvent } from '@react-three/fiber';
import type { Scene } from '@ruyi/pack-schema';
import { useEffect, useMemo, useRef, useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { CanvasTexture, CircleGeometry, MeshBasicMaterial, SRGBColorSpace, type Mesh } from 'three';
import { useVisit } from '../../stores/visit.ts';
import { registerXrTarget, updateXrTarget } from '../targets.ts';
import { COLOURS } from '../ui/theme.ts';
import { propFootprints } from '../world/sceneProps.ts';
import { teleportTo, useOrigin } from './origin.ts';
import { teleportPoints, type TeleportPoint } from './placement.ts';

const RADIUS = 0.32;
/** Above the floor's tile lines (y ≤ 0.006) so the ring never flickers into them. */
const LIFT = 0.015;

/** The scene's teleport points, measured from the props as drawn (pack models may change a footprint as they load). */
export function useTeleportPoints(scene: Scene): TeleportPoint[] {
  const root = useThree((s) => s.scene);
  const [points, setPoints] = useState(() => teleportPoints(scene, []));
  useEffect(() => {
    let key = '';
    const update = () => {
      const footprints = propFootprints(root);
      const next = JSON.stringify(footprints);
      if (next === key) return;
      key = next;
      setPoints(teleportPoints(scene, footprints));
    };
    update();
    // Cheap (one bounding box per prop), once a second while the scene is shown: catches pack models that finish loading.
    const timer = window.setInterval(update, 1000);
    return () => window.clearInterval(timer);
  }, [root, scene]);
  return points;
}

function ringTexture(): CanvasTexture {
  const size = 256;
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = size;
  const ctx = canvas.getContext('2d');
  if (ctx) {
    const c = size / 2;
    ctx.fillStyle = 'rgba(255, 176, 32, 0.22)';
    ctx.beginPath();
    ctx.arc(c, c, c - 4, 0, 2 * Math.PI);
    ctx.fill();
    ctx.lineWidth = 18;
    ctx.strokeStyle = COLOURS.accent;
    ctx.beginPath();
    ctx.arc(c, c, c - 14, 0, 2 * Math.PI);
    ctx.stroke();
  }
  const texture = new CanvasTexture(canvas);
  texture.colorSpace = SRGBColorSpace;
  return texture;
}

export function TeleportPads({ scene }: { scene: Scene }): JSX.Element {
  const points = useTeleportPoints(scene);
  const at = useOrigin((s) => s.at);
  const assets = useMemo(() => {
    const map = ringTexture();
    return {
      geometry: new CircleGeometry(RADIUS, 40).rotateX(-Math.PI / 2),
      map,
      idle: new MeshBasicMaterial({ map, transparent: true, depthWrite: false, toneMapped: false }),
      hover: new MeshBasicMaterial({ map, transparent: true, depthWrite: false, toneMapped: false, color: '#ffe3a8' }),
      here: new MeshBasicMaterial({ map, transparent: true, depthWrite: false, toneMapped: false, opacity: 0.35 }),
    };
  }, []);
  useEffect(
    () => () => {
      assets.geometry.dispose();
      assets.map.dispose();
      assets.idle.dispose();
      assets.hover.dispose();
      assets.here.dispose();
    },
    [assets],
  );
  return (
    <group>
      {points.map((p, i) => (
        <Pad key={p.id} point={p} n={i + 1} here={p.id === at} assets={assets} />
      ))}
    </group>
  );
}

interface PadAssets {
  geometry: CircleGeometry;
  idle: MeshBasicMaterial;
  hover: MeshBasicMaterial;
  here: MeshBasicMaterial;
}

function Pad({ point, n, here, assets }: { point: TeleportPoint; n: number; here: boolean; assets: PadAssets }): JSX.Element {
  const { t } = useTranslation();
  const mesh = useRef<Mesh>(null);
  const [hovered, setHovered] = useState(false);
  const label = t('vr.teleport', { n });
  const state = here ? 'on' : 'off';
  useEffect(() => {
    if (!mesh.current) return;
    return registerXrTarget({ id: point.id, kind: 'teleport', label, state, object: mesh.current });
    // Registered once per point; label and state are patched below.
  }, [point.id]);
  useEffect(() => updateXrTarget(point.id, { label, state }), [point.id, label, state]);
  const onClick = (e: ThreeEvent<MouseEvent>) => {
    e.stopPropagation();
    useVisit.getState().touch();
    teleportTo(point);
  };
  return (
    <mesh
      ref={mesh}
      name={point.id}
      geometry={assets.geometry}
      material={here ? assets.here : hovered ? assets.hover : assets.idle}
      position={[point.x, LIFT, point.z]}
      renderOrder={1}
      onClick={onClick}
      onPointerOver={(e) => {
        e.stopPropagation();
        setHovered(true);
      }}
      onPointerOut={() => setHovered(false)}
    />
  );
}
