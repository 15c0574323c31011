// Draw calls and triangles of a scene graph counted the way three's WebGLRenderer issues them, without a GPU: unit tests
// check the budget with it in Node, and the benchmark compares it with renderer.info of a real WebGL frame.
import { DoubleSide, type BufferGeometry, type Material, type Object3D } from 'three';

export interface DrawStats {
  calls: number;
  triangles: number;
}

interface Drawable extends Object3D {
  isMesh?: boolean;
  isLine?: boolean;
  isPoints?: boolean;
  isInstancedMesh?: boolean;
  count?: number;
  geometry?: BufferGeometry;
  material?: Material | Material[];
}

/** Transparent double-sided materials are drawn back faces first, then front faces: two calls. */
function passes(material: Material): number {
  return material.transparent && material.side === DoubleSide && !material.forceSinglePass ? 2 : 1;
}

/**
 * Indices (or vertices) one draw of `geometry` covers, clipped to its draw range and the group, as three does: negative
 * when the group lies outside the draw range (three then skips the draw).
 */
function drawnCount(geometry: BufferGeometry, group: { start: number; count: number } | null): number {
  let start = geometry.drawRange.start;
  let end = geometry.drawRange.start + geometry.drawRange.count;
  if (group) {
    start = Math.max(start, group.start);
    end = Math.min(end, group.start + group.count);
  }
  const available = geometry.index?.count ?? geometry.getAttribute('position')?.count ?? 0;
  return Math.min(end, available) - Math.max(start, 0);
}

function add(stats: DrawStats, object: Drawable, geometry: BufferGeometry, material: Material, group: { start: number; count: number } | null): void {
  if (!material.visible) return;
  const instances = object.isInstancedMesh ? (object.count ?? 0) : 1;
  const count = drawnCount(geometry, group);
  // three skips these draws before it counts them.
  if (instances === 0 || count < 0) return;
  const n = passes(material);
  stats.calls += n;
  if (object.isMesh && !(material as { wireframe?: boolean }).wireframe) stats.triangles += n * instances * (count / 3);
}

/**
 * What one view of `root` costs with everything in view (no frustum culling: a visitor in a headset may face any way),
 * for the default camera layer. Meshes, lines and points count once per material, or once per geometry group when
 * they have a material array; an instanced mesh counts once for all its instances.
 */
export function drawStats(root: Object3D): DrawStats {
  const stats: DrawStats = { calls: 0, triangles: 0 };
  const visit = (object: Object3D): void => {
    if (!object.visible) return;
    const o = object as Drawable;
    // Layer 0 is the one the default camera sees.
    if ((object.layers.mask & 1) !== 0 && (o.isMesh || o.isLine || o.isPoints) && o.geometry && o.material) {
      if (Array.isArray(o.material)) {
        for (const group of o.geometry.groups) {
          const material = o.material[group.materialIndex ?? 0];
          if (material) add(stats, o, o.geometry, material, group);
        }
      } else {
        add(stats, o, o.geometry, o.material, null);
      }
    }
    for (const child of object.children) visit(child);
  };
  visit(root);
  return stats;
}
