// One in-world button of the comfort bar: a flat board with its label drawn on a canvas (no font files from a CDN,
// the app's own Noto Sans SC), pressed with a controller ray, a pinch or a poke through the same R3F pointer events as
// a tap. It registers itself as an XR target (xr/targets.ts) so tests and the operator can find it by id.
import type { ThreeEvent } from '@react-three/fiber';
import { useEffect, useMemo, useRef, useState, type JSX } from 'react';
import { CanvasTexture, SRGBColorSpace, type Mesh } from 'three';
import { registerXrTarget, updateXrTarget, type XrTarget } from '../targets.ts';
import { fontCss, useFontsReady } from '../ui/fonts.ts';
import { COLOURS, PX_PER_M } from '../ui/theme.ts';

export type ComfortTone = 'normal' | 'danger';

export interface ComfortButtonProps {
  id: string;
  label: string;
  /** Metres. */
  width: number;
  height: number;
  position: [number, number, number];
  tone?: ComfortTone;
  /** A toggle's state (seated on or off). */
  state?: XrTarget['state'];
  onPress: () => void;
}

function draw(canvas: HTMLCanvasElement, label: string, tone: ComfortTone, on: boolean, hovered: boolean): void {
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const { width: w, height: h } = canvas;
  const edge = Math.max(3, Math.round(h * 0.06));
  const r = Math.round(h * 0.22);
  ctx.clearRect(0, 0, w, h);
  ctx.beginPath();
  ctx.roundRect(edge / 2, edge / 2, w - edge, h - edge, r);
  ctx.fillStyle = tone === 'danger' ? '#8f1d14' : on ? COLOURS.text : COLOURS.button;
  ctx.fill();
  ctx.lineWidth = edge;
  ctx.strokeStyle = hovered ? COLOURS.focus : tone === 'danger' ? COLOURS.unsafe : COLOURS.buttonEdge;
  ctx.stroke();
  let px = Math.round(h * 0.36);
  const maxWidth = w - 2 * edge - h * 0.3;
  ctx.font = fontCss({ weight: 700 }, px);
  while (px > 10 && ctx.measureText(label).width > maxWidth) ctx.font = fontCss({ weight: 700 }, --px);
  ctx.fillStyle = on && tone !== 'danger' ? COLOURS.panel : COLOURS.text;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillText(label, w / 2, h / 2 + px * 0.05);
}

export function ComfortButton({ id, label, width, height, position, tone = 'normal', state, onPress }: ComfortButtonProps): JSX.Element {
  const mesh = useRef<Mesh>(null);
  const [hovered, setHovered] = useState(false);
  const fontsReady = useFontsReady(label);
  const canvas = useMemo(() => {
    const c = document.createElement('canvas');
    c.width = Math.round(width * PX_PER_M);
    c.height = Math.round(height * PX_PER_M);
    return c;
  }, [width, height]);
  const texture = useMemo(() => {
    const t = new CanvasTexture(canvas);
    t.colorSpace = SRGBColorSpace;
    t.anisotropy = 4;
    return t;
  }, [canvas]);
  useEffect(() => () => texture.dispose(), [texture]);

  useEffect(() => {
    draw(canvas, label, tone, state === 'on', hovered);
    texture.needsUpdate = true;
  }, [canvas, texture, label, tone, state, hovered, fontsReady]);

  useEffect(() => {
    if (!mesh.current) return;
    return registerXrTarget({ id, kind: 'button', label, state, object: mesh.current });
    // Registered once per id; label and state changes are patched below.
  }, [id]);
  useEffect(() => updateXrTarget(id, { label, state }), [id, label, state]);

  const onClick = (e: ThreeEvent<MouseEvent>) => {
    e.stopPropagation();
    onPress();
  };
  return (
    <mesh
      ref={mesh}
      name={id}
      position={position}
      onClick={onClick}
      onPointerOver={(e) => {
        e.stopPropagation();
        setHovered(true);
      }}
      onPointerOut={() => setHovered(false)}
    >
      <planeGeometry args={[width, height]} />
      <meshBasicMaterial map={texture} transparent toneMapped={false} />
    </mesh>
  );
}
