// Releases every GPU resource an Object3D tree owns: the geometries, materials and textures of its meshes, lines and
// points (and skeleton bone textures). Used for pack models, which the scene does not share with anything else; the
// kit's own shared geometries and materials are released by `SceneAssets.dispose()` instead.
import type { BufferGeometry, Material, Object3D, Texture } from 'three';

export interface DisposedCounts {
  geometries: number;
  materials: number;
  textures: number;
}

interface Drawable extends Object3D {
  geometry?: BufferGeometry;
  material?: Material | Material[];
  skeleton?: { dispose(): void };
}

function isTexture(value: unknown): value is Texture {
  return typeof value === 'object' && value !== null && (value as { isTexture?: unknown }).isTexture === true;
}

/** The textures a material refers to: maps, and textures in shader uniforms. */
function texturesOf(material: Material, out: Set<Texture>): void {
  for (const value of Object.values(material)) if (isTexture(value)) out.add(value);
  const uniforms = (material as { uniforms?: Record<string, { value?: unknown }> }).uniforms;
  if (uniforms) for (const uniform of Object.values(uniforms)) if (isTexture(uniform?.value)) out.add(uniform.value);
}

/**
 * Disposes each geometry, material and texture of the tree once (shared ones are counted once) and closes decoded
 * image bitmaps, which the browser does not free on its own. Returns how many of each were disposed.
 */
export function disposeObject(root: Object3D): DisposedCounts {
  const geometries = new Set<BufferGeometry>();
  const materials = new Set<Material>();
  const textures = new Set<Texture>();
  root.traverse((object) => {
    const o = object as Drawable;
    if (o.geometry) geometries.add(o.geometry);
    if (o.material) for (const m of Array.isArray(o.material) ? o.material : [o.material]) materials.add(m);
    o.skeleton?.dispose();
  });
  for (const material of materials) texturesOf(material, textures);

  for (const geometry of geometries) geometry.dispose();
  for (const material of materials) material.dispose();
  for (const texture of textures) {
    texture.dispose();
    const image: unknown = texture.image;
    if (typeof ImageBitmap !== 'undefined' && image instanceof ImageBitmap) image.close();
  }
  return { geometries: geometries.size, materials: materials.size, textures: textures.size };
}
