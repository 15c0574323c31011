import { describe, expect, it } from 'vitest';
import {
  Box3,
  BoxGeometry,
  BufferAttribute,
  Group,
  Line,
  Matrix4,
  Mesh,
  MeshBasicMaterial,
  MeshStandardMaterial,
  Object3D,
  Raycaster,
  Vector3,
} from 'three';
import type { Prop, PropKind } from '@ruyi/pack-schema';
import { builtinParts, createInstances, packModelParts, placeInstances, planBatches, type InstancePart } from './instancing.ts';
import type { PackModel } from './packModels.ts';
import { propMatrix } from './placement.ts';
import { SceneAssets } from './useSharedAssets.ts';

function prop(id: string, kind: PropKind, position: [number, number, number], rotationY = 0, scale = 1): Prop {
  return { id, kind, position, rotationY, scale, label: { 'zh-CN': id, en: id } };
}

function packModel(root: Object3D): PackModel {
  return { root, box: new Box3().setFromObject(root), meshes: 0, triangles: 0 };
}

describe('propMatrix', () => {
  it('places a prop as its group in the scene graph is placed', () => {
    const p = prop('a', 'shelf', [1, 2, -3], 30, 1.5);
    const group = new Group();
    group.position.set(1, 2, -3);
    group.rotation.set(0, Math.PI / 6, 0);
    group.scale.setScalar(1.5);
    group.updateMatrix();
    expect(propMatrix(p).elements.map((v) => +v.toFixed(6))).toEqual(group.matrix.elements.map((v) => +v.toFixed(6)));
  });
});

describe('planBatches', () => {
  it('puts props that draw alike in one batch, in scene order, and leaves out props that draw themselves', () => {
    const parts: Record<string, InstancePart[]> = { a: [], b: [] };
    const props = [prop('1', 'shelf', [0, 0, 0]), prop('2', 'pallet', [0, 0, 0]), prop('3', 'shelf', [0, 0, 0]), prop('4', 'lockers', [0, 0, 0])];
    const batches = planBatches(props, (p) => (p.kind === 'lockers' ? null : { key: p.kind, parts: p.kind === 'shelf' ? parts.a! : parts.b! }));
    expect(batches.map((b) => [b.key, b.props.map((p) => p.id)])).toEqual([
      ['shelf', ['1', '3']],
      ['pallet', ['2']],
    ]);
    expect(batches[0]!.parts).toBe(parts.a);
  });
});

describe('builtinParts', () => {
  it('is the solid part, plus the glow part for kinds with unlit parts, the same array for the same model', () => {
    const assets = new SceneAssets();
    const shelf = assets.propModel('shelf', (b) => b.box([1, 1, 1], [0, 0, 0], '#fff'));
    const sign = assets.propModel('exit-sign', (b) => b.box([1, 1, 1], [0, 0, 0], '#fff').box([1, 1, 1], [0, 0, 0], '#0f0', { glow: true }));
    expect(builtinParts(shelf, assets.materials).map((p) => p.material)).toEqual([assets.materials.solid]);
    expect(builtinParts(sign, assets.materials).map((p) => [p.geometry, p.material])).toEqual([
      [sign.solid, assets.materials.solid],
      [sign.glow, assets.materials.glow],
    ]);
    expect(builtinParts(sign, assets.materials)).toBe(builtinParts(sign, assets.materials));
  });
});

describe('packModelParts', () => {
  it('is every shown mesh of the model, placed in the model’s frame', () => {
    const geometry = new BoxGeometry();
    const material = new MeshStandardMaterial();
    const root = new Group();
    root.position.set(0, 1, 0);
    const node = new Group();
    node.position.set(2, 0, 0);
    node.scale.setScalar(0.5);
    const a = new Mesh(geometry, material);
    a.position.set(0, 0, 4);
    a.renderOrder = 3;
    const hidden = new Mesh(geometry, material);
    hidden.visible = false;
    node.add(a);
    root.add(node, new Mesh(geometry, material), hidden);
    const parts = packModelParts(packModel(root))!;
    expect(parts).toHaveLength(2);
    expect(new Vector3().applyMatrix4(parts[0]!.matrix).toArray()).toEqual([2, 1, 2]);
    expect(parts[0]!.renderOrder).toBe(3);
    expect(new Vector3().applyMatrix4(parts[1]!.matrix).toArray()).toEqual([0, 1, 0]);
    expect(parts.every((p) => p.geometry === geometry && p.material === material)).toBe(true);
  });

  it('is null for models instancing cannot draw: lines, morph targets', () => {
    const withLine = new Group().add(new Mesh(new BoxGeometry(), new MeshBasicMaterial()), new Line(new BoxGeometry()));
    const morphing = new BoxGeometry();
    morphing.morphAttributes.position = [new BufferAttribute(new Float32Array(morphing.getAttribute('position').count * 3), 3)];
    expect(packModelParts(packModel(withLine))).toBeNull();
    expect(packModelParts(packModel(new Mesh(morphing, new MeshBasicMaterial())))).toBeNull();
  });
});

describe('placeInstances', () => {
  it('puts one instance of the part at each prop and bounds them all', () => {
    const part: InstancePart = { geometry: new BoxGeometry(), material: new MeshBasicMaterial(), matrix: new Matrix4().makeTranslation(0, 0.5, 0), renderOrder: 0 };
    const props = [prop('a', 'pallet', [-10, 0, 0]), prop('b', 'pallet', [10, 0, 4], 90, 2)];
    const mesh = createInstances(part.geometry, part.material, props.length);
    placeInstances(mesh, part, props);
    expect(mesh.count).toBe(2);
    const m = new Matrix4();
    mesh.getMatrixAt(1, m);
    expect(new Vector3(1, 0, 0).applyMatrix4(m).toArray().map((v) => +v.toFixed(6))).toEqual([10, 1, 2]);
    expect(mesh.boundingBox!.min.x).toBeCloseTo(-10.5);
    expect(mesh.boundingBox!.max.x).toBeCloseTo(11);
    expect(mesh.boundingSphere!.radius).toBeGreaterThan(10);
    expect(() => placeInstances(mesh, part, [...props, prop('c', 'pallet', [0, 0, 0])])).toThrow(/do not fit/);
  });

  it('makes instanced meshes that rays pass through (each prop has its own hit proxy)', () => {
    const mesh = createInstances(new BoxGeometry(), new MeshBasicMaterial(), 1);
    placeInstances(mesh, { geometry: mesh.geometry, material: mesh.material, matrix: new Matrix4(), renderOrder: 0 }, [prop('a', 'pallet', [0, 0, 0])]);
    const ray = new Raycaster(new Vector3(0.2, 0.1, 5), new Vector3(0, 0, -1));
    expect(ray.intersectObject(mesh)).toEqual([]);
    expect(ray.intersectObject(new Mesh(mesh.geometry, mesh.material))).toHaveLength(1);
  });
});
