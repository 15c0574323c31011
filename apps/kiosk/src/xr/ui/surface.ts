// One mesh drawn from one canvas: a text panel or a button is a single draw call. Everything made here is released
// when its component unmounts (a kiosk runs twelve hours a day; a leaked texture per step would add up).
import { useThree } from '@react-three/fiber';
import { useEffect, useState } from 'react';
import { CanvasTexture, MeshBasicMaterial, PlaneGeometry, SRGBColorSpace } from 'three';
import { MAX_CANVAS_PX, PX_PER_M } from './theme.ts';

export interface CanvasSurface {
  canvas: HTMLCanvasElement;
  texture: CanvasTexture;
  material: MeshBasicMaterial;
  /** A 1 × 1 m plane: the mesh's scale gives the size, so a new size needs no new geometry. */
  geometry: PlaneGeometry;
}

export function useCanvasSurface(): CanvasSurface {
  const maxAnisotropy = useThree((s) => s.gl.capabilities.getMaxAnisotropy());
  const [surface] = useState<CanvasSurface>(() => {
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = 1;
    const texture = new CanvasTexture(canvas);
    texture.colorSpace = SRGBColorSpace;
    // Unlit and untoned: text keeps the exact colours and contrast it was drawn with. Rounded corners are cut by
    // alphaTest rather than blended, so panels stay in the opaque pass with no sorting between overlapping planes.
    const material = new MeshBasicMaterial({ map: texture, toneMapped: false, alphaTest: 0.5 });
    return { canvas, texture, material, geometry: new PlaneGeometry(1, 1) };
  });
  useEffect(() => {
    // Text seen at a slant (a panel's far corners) stays sharp with anisotropic filtering.
    surface.texture.anisotropy = Math.min(8, maxAnisotropy);
  }, [surface, maxAnisotropy]);
  useEffect(
    () => () => {
      surface.texture.dispose();
      surface.material.dispose();
      surface.geometry.dispose();
    },
    [surface],
  );
  return surface;
}

/** Canvas pixels per metre for a surface of this size: the kit's density, lowered only to stay within MAX_CANVAS_PX. */
export function pxPerMetre(width: number, height: number): number {
  return Math.min(PX_PER_M, MAX_CANVAS_PX / Math.max(width, height, 1e-6));
}

/** Sizes the canvas and draws it; a new size reallocates the GPU texture (WebGL cannot resize one in place). */
export function paintSurface(surface: CanvasSurface, widthPx: number, heightPx: number, draw: (ctx: CanvasRenderingContext2D) => void): void {
  const { canvas, texture } = surface;
  const w = Math.max(1, Math.round(widthPx));
  const h = Math.max(1, Math.round(heightPx));
  if (canvas.width !== w || canvas.height !== h) {
    canvas.width = w;
    canvas.height = h;
    texture.dispose();
  }
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.clearRect(0, 0, w, h);
  draw(ctx);
  texture.needsUpdate = true;
}
