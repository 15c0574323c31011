import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import { Box3, type BufferGeometry, type InstancedMesh, type Material, Mesh, type Object3D, Vector3 } from 'three';
import type { Prop, Scene } from '@ruyi/pack-schema';
import { drawStats } from './drawStats.ts';
import { propWorldBox } from './PropModel.tsx';
import { PROP_ID_KEY } from './SceneProp.tsx';
import { SceneAssets } from './useSharedAssets.ts';
import { twoBoxGlb } from './testing/glb.ts';
import { mountScene, type HeadlessScene } from './testing/headlessScene.ts';
import { REPEATED_PROPS_SCENE } from './testing/repeatedPropsScene.ts';

const benches = REPEATED_PROPS_SCENE.props.filter((p) => p.kind === 'workbench');
const withProps = (props: Prop[]): Scene => ({ ...REPEATED_PROPS_SCENE, props });
const panelsAndSigns = REPEATED_PROPS_SCENE.props.filter((p) => p.kind === 'electrical-panel' || p.kind === 'exit-sign').map((p) => p.id);

let mounted: HeadlessScene[] = [];
async function mount(...args: Parameters<typeof mountScene>): Promise<HeadlessScene> {
  const scene = await mountScene(...args);
  mounted.push(scene);
  return scene;
}

afterEach(async () => {
  for (const scene of mounted) await scene.unmount();
  mounted = [];
  vi.unstubAllGlobals();
});

function propGroups(root: Object3D): Map<string, Object3D> {
  const out = new Map<string, Object3D>();
  root.traverse((o) => {
    const id = o.userData[PROP_ID_KEY];
    if (typeof id === 'string') out.set(id, o);
  });
  return out;
}

function instanced(root: Object3D): InstancedMesh[] {
  const out: InstancedMesh[] = [];
  root.traverse((o) => {
    if ((o as InstancedMesh).isInstancedMesh) out.push(o as InstancedMesh);
  });
  return out;
}

const centre = (box: Box3): Vector3 => box.getCenter(new Vector3());
const above = (p: Vector3): Vector3 => p.clone().add(new Vector3(0, 10, 0));

describe('SceneContent: instancing', () => {
  it('draws 40 copies of a prop for the draw calls of one', async () => {
    const one = drawStats((await mount({ scene: withProps(benches.slice(0, 1)) })).root);
    const forty = drawStats((await mount({ scene: withProps(benches) })).root);
    const room = drawStats((await mount({ scene: withProps([]) })).root);
    expect(one.calls).toBe(room.calls + 1);
    expect(forty.calls).toBe(one.calls);
    expect(forty.triangles - room.triangles).toBe(40 * (one.triangles - room.triangles));
  });

  it('draws the 78-prop hall in one call per kind and part, and all found markers in two', async () => {
    // 1 room + 6 kinds + 3 of them with unlit parts: it was one call per prop and part (99) before instancing.
    const hall = await mount({ scene: REPEATED_PROPS_SCENE });
    expect(drawStats(hall.root).calls).toBe(10);
    // 12 found (outlines + badges: 2) and a hint (outline + overlay on the prop: 2).
    await hall.rerender({ found: panelsAndSigns, hinted: 'bench-2-3' });
    expect(panelsAndSigns).toHaveLength(12);
    expect(drawStats(hall.root).calls).toBe(14);
    await hall.rerender({ found: panelsAndSigns.slice(0, 1) });
    expect(drawStats(hall.root).calls).toBe(14);
  });

  it('keeps each prop its own object, with its id, where the prop is, for hits and boxes', async () => {
    const hall = await mount({ scene: REPEATED_PROPS_SCENE });
    const groups = propGroups(hall.root);
    expect([...groups.keys()].sort()).toEqual(REPEATED_PROPS_SCENE.props.map((p) => p.id).sort());
    const assets = new SceneAssets();
    for (const prop of REPEATED_PROPS_SCENE.props) {
      const box = new Box3().setFromObject(groups.get(prop.id)!);
      const expected = propWorldBox(assets, prop);
      expect(box.min.distanceTo(expected.min) + box.max.distanceTo(expected.max), prop.id).toBeLessThan(1e-6);
    }
    assets.dispose();
  });

  it('inspects the prop a tap hits, once, for every one of 40 identical props', async () => {
    const onInspect = vi.fn();
    const hall = await mount({ scene: withProps(benches), onInspect });
    const assets = new SceneAssets();
    for (const bench of benches) {
      const target = centre(propWorldBox(assets, bench));
      expect(await hall.clickAt(target, above(target))).toBe(bench.id);
    }
    assets.dispose();
    expect(onInspect.mock.calls.map(([id]) => id)).toEqual(benches.map((b) => b.id));
  });
});

describe('SceneContent: GPU resources', () => {
  function resources(root: Object3D): { geometries: Set<BufferGeometry>; materials: Set<Material>; meshes: Set<InstancedMesh> } {
    const geometries = new Set<BufferGeometry>();
    const materials = new Set<Material>();
    const meshes = new Set<InstancedMesh>();
    root.traverse((o) => {
      const mesh = o as Mesh;
      if (!mesh.isMesh) return;
      geometries.add(mesh.geometry);
      for (const m of Array.isArray(mesh.material) ? mesh.material : [mesh.material]) materials.add(m);
      if ((o as InstancedMesh).isInstancedMesh) meshes.add(o as InstancedMesh);
    });
    return { geometries, materials, meshes };
  }

  function watchDisposal(items: Iterable<{ addEventListener(type: 'dispose', listener: () => void): void }>): Set<unknown> {
    const disposed = new Set<unknown>();
    for (const item of items) item.addEventListener('dispose', () => disposed.add(item));
    return disposed;
  }

  it('disposes every geometry, material and instanced mesh it drew when it unmounts', async () => {
    const hall = await mountScene({ scene: REPEATED_PROPS_SCENE, found: panelsAndSigns, hinted: 'bench-0-0' });
    const assets = new SceneAssets();
    const target = centre(propWorldBox(assets, benches[5]!));
    assets.dispose();
    expect(await hall.hoverAt(target, above(target))).toBe(benches[5]!.id);
    const { geometries, materials, meshes } = resources(hall.root);
    // Room, 6 kinds (+3 glow), outlines, badge, hint outline; all six materials (hover and hint overlays included).
    expect(geometries.size).toBe(1 + 9 + 2 + 1);
    expect(materials.size).toBe(6);
    expect(meshes.size).toBe(9 + 1);
    const all = [...geometries, ...materials, ...meshes];
    const disposed = watchDisposal(all);
    await hall.unmount();
    expect(all.filter((x) => !disposed.has(x))).toEqual([]);
  });

  it('disposes outlines, badges and instances it replaces while the scene stays', async () => {
    const hall = await mount({ scene: REPEATED_PROPS_SCENE, found: panelsAndSigns.slice(0, 2), hinted: 'bench-0-0' });
    const before = resources(hall.root);
    const owned: (BufferGeometry | InstancedMesh)[] = [...before.geometries, ...before.meshes];
    const disposed = watchDisposal(owned);
    await hall.rerender({ found: panelsAndSigns.slice(0, 3), hinted: 'bench-0-1' });
    const after = resources(hall.root);
    const replaced = owned.filter((x) => !after.geometries.has(x as BufferGeometry) && !after.meshes.has(x as InstancedMesh));
    // The found outlines, the badges' instanced mesh and the hint outline were rebuilt; kinds' instances were not.
    expect(replaced).toHaveLength(3);
    expect(replaced.every((x) => disposed.has(x))).toBe(true);
    expect([...disposed].every((x) => replaced.includes(x as BufferGeometry | InstancedMesh))).toBe(true);
  });
});

describe('SceneContent: pack models', () => {
  it('instances a model shown by several props, per mesh, and still taps each prop', async () => {
    const glb = await twoBoxGlb();
    vi.stubGlobal('fetch', async (url: string) => (url === '/boxes.glb' ? new Response(glb as Uint8Array<ArrayBuffer>) : new Response('missing', { status: 404 })));
    const modelled = benches.slice(0, 3).map((b) => ({ ...b, model: 'boxes' }));
    const onInspect = vi.fn();
    const hall = await mount({ scene: withProps([...modelled, ...benches.slice(3, 5)]), assetUrl: (id) => (id === 'boxes' ? '/boxes.glb' : null), onInspect });
    const counts = () => instanced(hall.root).map((m) => m.count).sort();
    for (let i = 0; i < 50 && counts().length < 3; i++) await act(async () => new Promise((resolve) => setTimeout(resolve, 10)));
    // The two benches left as built-in, and each of the model's two meshes for the three props that show it.
    expect(counts()).toEqual([2, 3, 3]);
    expect(drawStats(hall.root).calls).toBe(1 + 1 + 2);
    // The props' own copies of the model are hit proxies, not drawn.
    const copy = propGroups(hall.root).get(modelled[1]!.id)!.children.find((c) => c.type === 'Group')!;
    expect(copy.visible).toBe(false);
    const at = new Vector3(...modelled[1]!.position).add(new Vector3(0.6, 0.5, 0));
    expect(await hall.clickAt(at, above(at))).toBe(modelled[1]!.id);
    expect(onInspect).toHaveBeenCalledWith(modelled[1]!.id);
  });
});

describe('SceneContent: the hint in the frame loop', () => {
  it('pulses the hint each frame, and holds it still with reduced motion', async () => {
    const hall = await mount({ scene: withProps(benches.slice(0, 2)), hinted: 'bench-0-1', reducedMotion: false });
    const ring = hall.root.getObjectByName('hint:bench-0-1') as Mesh;
    const material = ring.material as Material;
    const seen = new Set<number>();
    for (const t of [0.2, 0.5, 0.9, 1.4]) {
      hall.state().advance(t);
      seen.add(+material.opacity.toFixed(3));
    }
    expect(seen.size).toBe(4);
    await hall.rerender({ reducedMotion: true });
    hall.state().advance(2);
    expect(material.opacity).toBe(0.95);
    expect(ring.scale.x).toBe(1);
  });
});
