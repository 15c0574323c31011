// What `renderer.info.memory` would say, without a GPU: three's renderer counts a geometry (and a texture) when it
// first draws it and uncounts it when its `dispose` event fires. `upload(root)` plays the renderer's part for a frame
// with everything in view; the counts then fall back only if the kit disposes what it drew.
import type { BufferGeometry, Material, Object3D, Texture } from 'three';

export interface GpuMemory {
  readonly memory: { geometries: number; textures: number };
  /** Counts, as a frame would upload them, the geometries and textures of every visible mesh, line and points. */
  upload(root: Object3D): void;
}

interface Drawable extends Object3D {
  isMesh?: boolean;
  isLine?: boolean;
  isPoints?: boolean;
  geometry?: BufferGeometry;
  material?: Material | Material[];
}

function texturesOf(material: Material): Texture[] {
  return Object.values(material).filter((v): v is Texture => typeof v === 'object' && v !== null && (v as Texture).isTexture === true);
}

export function trackGpuMemory(): GpuMemory {
  const memory = { geometries: 0, textures: 0 };
  const geometries = new Set<BufferGeometry>();
  const textures = new Set<Texture>();
  const uploadGeometry = (geometry: BufferGeometry): void => {
    if (geometries.has(geometry)) return;
    geometries.add(geometry);
    memory.geometries++;
    const release = (): void => {
      geometry.removeEventListener('dispose', release);
      geometries.delete(geometry);
      memory.geometries--;
    };
    geometry.addEventListener('dispose', release);
  };
  const uploadTexture = (texture: Texture): void => {
    if (textures.has(texture)) return;
    textures.add(texture);
    memory.textures++;
    const release = (): void => {
      texture.removeEventListener('dispose', release);
      textures.delete(texture);
      memory.textures--;
    };
    texture.addEventListener('dispose', release);
  };
  return {
    memory,
    upload(root) {
      const visit = (object: Object3D): void => {
        if (!object.visible) return;
        const o = object as Drawable;
        if ((o.isMesh || o.isLine || o.isPoints) && o.geometry && o.material) {
          uploadGeometry(o.geometry);
          for (const material of Array.isArray(o.material) ? o.material : [o.material]) for (const t of texturesOf(material)) uploadTexture(t);
        }
        for (const child of object.children) visit(child);
      };
      visit(root);
    },
  };
}
