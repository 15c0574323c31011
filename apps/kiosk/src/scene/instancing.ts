// Repeated props as instances. Every prop of a kind drawn built-in shares its kind's merged geometry and the scene's
// materials, so all of them are drawn by one InstancedMesh per part (solid, and glow if the kind has unlit parts):
// N copies cost one draw call per part, not N. Props showing the same loaded pack model are instanced the same way,
// one InstancedMesh per mesh of the model. Instanced meshes ignore rays: each prop keeps its own undrawn hit proxy.
import { InstancedMesh, Matrix4, type BufferGeometry, type Material, type Mesh, type Object3D } from 'three';
import type { Prop } from '@ruyi/pack-schema';
import type { BuiltModel } from './modelBuilder.ts';
import type { PackModel } from './packModels.ts';
import { propMatrix } from './placement.ts';
import type { SceneMaterials } from './useSharedAssets.ts';

/** One drawable piece of a prop, the same in every copy. */
export interface InstancePart {
  geometry: BufferGeometry;
  material: Material | Material[];
  /** Where the piece sits in the prop's own frame. */
  matrix: Matrix4;
  renderOrder: number;
}

/** Props drawn together: the parts each of them has, and the props (one instance each, in this order). */
export interface Batch {
  key: string;
  parts: readonly InstancePart[];
  props: readonly Prop[];
}

/** How one prop is drawn: with a batch (its key and parts), or null when it draws itself. */
export type PropDraw = { key: string; parts: readonly InstancePart[] } | null;

const IDENTITY = new Matrix4();
const builtinCache = new WeakMap<BuiltModel, readonly InstancePart[]>();
const packCache = new WeakMap<PackModel, readonly InstancePart[] | null>();

/** The parts of a built-in kind: its solid geometry (lit), and its glow and flame geometries (unlit), if any. */
export function builtinParts(model: BuiltModel, materials: SceneMaterials): readonly InstancePart[] {
  let parts = builtinCache.get(model);
  if (!parts) {
    parts = [{ geometry: model.solid, material: materials.solid, matrix: IDENTITY, renderOrder: 0 }];
    if (model.glow) parts = [...parts, { geometry: model.glow, material: materials.glow, matrix: IDENTITY, renderOrder: 0 }];
    if (model.flame) parts = [...parts, { geometry: model.flame, material: materials.flame, matrix: IDENTITY, renderOrder: 0 }];
    builtinCache.set(model, parts);
  }
  return parts;
}

interface Drawable extends Object3D {
  isMesh?: boolean;
  isSkinnedMesh?: boolean;
  isInstancedMesh?: boolean;
  isBatchedMesh?: boolean;
  isLine?: boolean;
  isPoints?: boolean;
  isSprite?: boolean;
}

/** Anything an InstancedMesh cannot stand in for: skinning, morph targets, lines, points, sprites, own instancing. */
function cannotInstance(o: Drawable): boolean {
  if (o.isSkinnedMesh || o.isInstancedMesh || o.isBatchedMesh || o.isLine || o.isPoints || o.isSprite) return true;
  const geometry = (o as Partial<Mesh>).geometry;
  return Boolean(o.isMesh && geometry && Object.keys(geometry.morphAttributes).length > 0);
}

function shown(o: Object3D): boolean {
  for (let p: Object3D | null = o; p; p = p.parent) if (!p.visible) return false;
  return true;
}

/**
 * The parts of a pack model (each shown mesh, placed as in the model), or null when the model has something instancing
 * cannot draw: such a model is drawn per prop, as a plain copy.
 */
export function packModelParts(model: PackModel): readonly InstancePart[] | null {
  if (packCache.has(model)) return packCache.get(model) ?? null;
  let parts: InstancePart[] | null = [];
  model.root.updateMatrixWorld(true);
  model.root.traverse((o) => {
    if (parts === null) return;
    if (cannotInstance(o)) {
      parts = null;
      return;
    }
    const mesh = o as Mesh;
    if (mesh.isMesh && shown(mesh)) parts.push({ geometry: mesh.geometry, material: mesh.material, matrix: mesh.matrixWorld.clone(), renderOrder: mesh.renderOrder });
  });
  packCache.set(model, parts);
  return parts;
}

/** Groups props by how they are drawn, in scene order: one batch per key. */
export function planBatches(props: readonly Prop[], drawOf: (prop: Prop, index: number) => PropDraw): Batch[] {
  const batches = new Map<string, { key: string; parts: readonly InstancePart[]; props: Prop[] }>();
  props.forEach((prop, i) => {
    const draw = drawOf(prop, i);
    if (!draw) return;
    const batch = batches.get(draw.key);
    if (batch) batch.props.push(prop);
    else batches.set(draw.key, { key: draw.key, parts: draw.parts, props: [prop] });
  });
  return [...batches.values()];
}

const noRaycast = (): void => undefined;

/** An instanced mesh with room for `count` instances; it never moves, and rays pass through it. */
export function createInstances(geometry: BufferGeometry, material: Material | Material[], count: number, renderOrder = 0): InstancedMesh {
  const mesh = new InstancedMesh(geometry, material, count);
  mesh.renderOrder = renderOrder;
  mesh.raycast = noRaycast;
  mesh.matrixAutoUpdate = false;
  return mesh;
}

const placement = new Matrix4();
const instance = new Matrix4();

/** Sets the first `count` instances (`matrixAt` fills the matrix it is given) and refreshes the bounds three culls with. */
export function setInstances(mesh: InstancedMesh, count: number, matrixAt: (index: number, target: Matrix4) => Matrix4): void {
  if (count > mesh.instanceMatrix.count) throw new Error(`${count} instances do not fit in ${mesh.instanceMatrix.count}`);
  for (let i = 0; i < count; i++) mesh.setMatrixAt(i, matrixAt(i, instance));
  mesh.count = count;
  mesh.instanceMatrix.needsUpdate = true;
  mesh.computeBoundingBox();
  mesh.computeBoundingSphere();
}

/** Puts one instance of the part at each prop. */
export function placeInstances(mesh: InstancedMesh, part: InstancePart, props: readonly Prop[]): void {
  setInstances(mesh, props.length, (i, target) => target.multiplyMatrices(propMatrix(props[i]!, placement), part.matrix));
}
