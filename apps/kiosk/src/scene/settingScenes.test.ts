import { afterEach, describe, expect, it } from 'vitest';
import { act } from 'react';
import { Box3, Color, type InstancedMesh, type Material, type Mesh, type Object3D, Vector3, type WebGLProgramParametersWithUniforms } from 'three';
import { PROP_KINDS, type Prop, type PropKind, type Scene } from '@ruyi/pack-schema';
import { HOME_SCENE, PUBLIC_SCENE, SCHOOL_SCENE, STREET_SCENE } from './dev/sampleScenes.ts';
import { drawStats } from './drawStats.ts';
import { SKY } from './Lighting.tsx';
import { PROP_MODELS, propModelOf, propWorldBox } from './PropModel.tsx';
import { crowdGrid, CROWD_DEPTH, CROWD_WIDTH, MAX_FIGURES } from './props/Crowd.tsx';
import { SceneAssets } from './useSharedAssets.ts';
import { trackGpuMemory } from './testing/gpuMemory.ts';
import { mountScene, type HeadlessScene } from './testing/headlessScene.ts';

const BUDGET = { calls: 100, triangles: 300_000 };
/** The kinds the fire pack's scene kit had before the newer settings. */
const FIRE_KINDS = 16;
const NEW_KINDS: readonly PropKind[] = PROP_KINDS.slice(FIRE_KINDS);
const SETTINGS = { home: HOME_SCENE, school: SCHOOL_SCENE, street: STREET_SCENE, 'public space': PUBLIC_SCENE } as const;

let mounted: HeadlessScene[] = [];
async function mount(...args: Parameters<typeof mountScene>): Promise<HeadlessScene> {
  const scene = await mountScene(...args);
  mounted.push(scene);
  return scene;
}

afterEach(async () => {
  for (const scene of mounted) await scene.unmount();
  mounted = [];
});

function prop(id: string, kind: PropKind, position: [number, number, number], scale = 1): Prop {
  return { id, kind, position, rotationY: 0, scale, label: { 'zh-CN': id, en: id } };
}

/** The setting's scene with every newer kind it lacks added along its front edge: every new kind in every setting. */
function withEveryNewKind(scene: Scene): Scene {
  const present = new Set(scene.props.map((p) => p.kind));
  const missing = NEW_KINDS.filter((k) => !present.has(k));
  const z = scene.room.depth / 2 - 1;
  const added = missing.map((kind, i) => prop(`added-${kind}`, kind, [-scene.room.width / 2 + 1 + (i * (scene.room.width - 2)) / Math.max(1, missing.length), 0, z]));
  return { ...scene, props: [...scene.props, ...added] };
}

function meshes(root: Object3D): Mesh[] {
  const out: Mesh[] = [];
  root.traverse((o) => {
    if ((o as Mesh).isMesh && o.visible) out.push(o as Mesh);
  });
  return out;
}

describe('scene kit: the newer kinds', () => {
  it('lists every kind of V3 after the fire pack’s, and draws each with a model of its own', () => {
    expect(NEW_KINDS).toHaveLength(31);
    expect(NEW_KINDS).toEqual(expect.arrayContaining(['crowd', 'small-fire', 'siren-speaker', 'shelter-sign', 'road-crossing', 'stairwell', 'manikin']));
    const assets = new SceneAssets();
    const shapes = new Set<string>();
    for (const kind of PROP_KINDS) {
      expect(PROP_MODELS[kind].kind).toBe(kind);
      const model = propModelOf(assets, { kind, scale: 1 });
      const box = model.solid.boundingBox!;
      shapes.add(`${model.solid.getAttribute('position').count} ${box.min.toArray().join()} ${box.max.toArray().join()}`);
      // Low-poly: every kind but the crowd (40 people) stays under 5k triangles.
      const triangles = (model.solid.index?.count ?? model.solid.getAttribute('position').count) / 3;
      if (kind !== 'crowd') expect(triangles, kind).toBeLessThan(5000);
    }
    // No two kinds are the same shape by accident (e.g. a copy-pasted recipe).
    expect(shapes.size).toBe(PROP_KINDS.length);
    assets.dispose();
  });

  it('shows every newer kind in the sample scenes of the four settings', () => {
    const shown = new Set(Object.values(SETTINGS).flatMap((s) => s.props.map((p) => p.kind)));
    expect(NEW_KINDS.filter((k) => !shown.has(k))).toEqual([]);
    expect(STREET_SCENE.setting).toBe('outdoor');
    expect(PUBLIC_SCENE.setting).toBe('outdoor');
  });

  it.each(Object.entries(SETTINGS))('draws the %s with every newer kind within the VR budget, markers and all', async (_name, setting) => {
    const scene = withEveryNewKind(setting);
    expect(new Set(scene.props.map((p) => p.kind))).toEqual(new Set([...setting.props.map((p) => p.kind), ...NEW_KINDS]));
    const view = await mount({ scene });
    const plain = drawStats(view.root);
    const ids = scene.props.map((p) => p.id);
    await view.rerender({ found: ids.slice(0, 8), hinted: ids[9]! });
    const marked = drawStats(view.root);
    for (const stats of [plain, marked]) {
      expect(stats.calls).toBeLessThanOrEqual(BUDGET.calls);
      expect(stats.triangles).toBeLessThanOrEqual(BUDGET.triangles);
    }
    // One call per kind and part, whatever the number of props: never one per prop.
    const kinds = new Set(scene.props.map((p) => `${p.kind}@${p.kind === 'crowd' ? p.scale : 1}`)).size;
    expect(plain.calls).toBeLessThan(kinds * 2 + 2);
  });

  it('gives GPU memory back after each setting’s scene, to the baseline', async () => {
    const gpu = trackGpuMemory();
    const baseline = { ...gpu.memory };
    for (const setting of Object.values(SETTINGS)) {
      const scene = withEveryNewKind(setting);
      const view = await mountScene({ scene, found: [scene.props[0]!.id], hinted: scene.props[1]!.id });
      gpu.upload(view.root);
      expect(gpu.memory.geometries).toBeGreaterThan(10);
      await view.hoverAt(new Vector3(...scene.props[2]!.position).add(new Vector3(0, 0.3, 0)));
      await view.rerender({ found: scene.props.slice(0, 5).map((p) => p.id), hinted: scene.props[6]!.id });
      gpu.upload(view.root);
      await view.unmount();
      expect(gpu.memory).toEqual(baseline);
    }
  });
});

describe('scene kit: outdoor setting', () => {
  function roomMesh(root: Object3D): Mesh {
    // The room is the one plain (not instanced) mesh drawn with the lit material that belongs to no prop.
    const found = meshes(root).find((m) => !(m as unknown as InstancedMesh).isInstancedMesh && m.parent === root);
    if (!found) throw new Error('no room mesh');
    return found;
  }

  it('draws open ground under the sky outdoors, and walls indoors, in one call either way', async () => {
    const base: Scene = { room: { width: 20, depth: 14, height: 5 }, camera: { position: [0, 5, 12], target: [0, 0, 0] }, props: [prop('car', 'car', [0, 0, 0])] };
    const indoor = await mount({ scene: base });
    const outdoor = await mount({ scene: { ...base, setting: 'outdoor' } });
    const inBox = new Box3().setFromObject(roomMesh(indoor.root));
    const outBox = new Box3().setFromObject(roomMesh(outdoor.root));
    expect(inBox.max.y).toBeCloseTo(5);
    // No walls or ceiling: only the kerb stands up; the ground reaches well past the paved square.
    expect(outBox.max.y).toBeLessThan(0.2);
    expect(outBox.max.x).toBeGreaterThan(4 * base.room.width);
    expect(outBox.max.z).toBeGreaterThan(4 * base.room.depth);
    expect(drawStats(outdoor.root).calls).toBe(drawStats(indoor.root).calls);
    // Lit as before (a hemisphere and a key light), under a sky-coloured background.
    const lights = (root: Object3D): string[] => root.children.filter((o) => (o as { isLight?: boolean }).isLight).map((o) => o.type).sort();
    expect(lights(outdoor.state().scene)).toEqual(lights(indoor.state().scene));
    expect(lights(outdoor.state().scene)).toEqual(['DirectionalLight', 'HemisphereLight']);
    expect((outdoor.state().scene.background as Color).getHexString()).toBe(new Color(SKY).getHexString());
  });
});

describe('scene kit: crowd', () => {
  const figures = (scale: number): number => {
    const { columns, rows } = crowdGrid(scale);
    return columns * rows;
  };

  it('draws 40 people at scale 1, and a wider block of people of the same height at a larger scale', () => {
    expect(figures(1)).toBe(40);
    expect(figures(2)).toBe(160);
    expect(figures(10)).toBeLessThanOrEqual(MAX_FIGURES);
    const assets = new SceneAssets();
    const one = propWorldBox(assets, prop('a', 'crowd', [0, 0, 0], 1));
    const two = propWorldBox(assets, prop('b', 'crowd', [0, 0, 0], 2));
    const size = (b: Box3): Vector3 => b.getSize(new Vector3());
    expect(size(one).x).toBeGreaterThan(CROWD_WIDTH - 0.5);
    expect(size(one).z).toBeGreaterThan(CROWD_DEPTH - 0.5);
    expect(size(two).x / size(one).x).toBeCloseTo(2, 0);
    expect(size(two).z / size(one).z).toBeCloseTo(2, 0);
    expect(Math.abs(size(two).y - size(one).y)).toBeLessThan(0.1);
    expect(size(one).y).toBeGreaterThan(1.6);
    expect(size(one).y).toBeLessThan(2);
    assets.dispose();
  });

  it('draws many crowds of many people in one call, and taps reach each crowd', async () => {
    const crowds = [-8, 0, 8].map((x, i) => prop(`crowd-${i}`, 'crowd', [x, 0, 0]));
    const scene: Scene = { setting: 'outdoor', room: { width: 30, depth: 20, height: 5 }, camera: { position: [0, 8, 14], target: [0, 0, 0] }, props: crowds };
    const view = await mount({ scene });
    const stats = drawStats(view.root);
    // The room and one instanced mesh for 120 people.
    expect(stats.calls).toBe(2);
    const instanced = meshes(view.root).filter((m) => (m as unknown as InstancedMesh).isInstancedMesh) as unknown as InstancedMesh[];
    expect(instanced).toHaveLength(1);
    expect(instanced[0]!.count).toBe(3);
    const assets = new SceneAssets();
    for (const crowd of crowds) {
      const box = propWorldBox(assets, crowd);
      const centre = box.getCenter(new Vector3());
      // Aim at the middle of the block from above: some person is hit (the block's own centre may be a gap).
      let hit: string | null = null;
      for (let dx = -1; dx <= 1 && !hit; dx += 0.25)
        for (let dz = -1; dz <= 1 && !hit; dz += 0.25) {
          const target = centre.clone().add(new Vector3(dx, 0.5, dz));
          hit = await view.clickAt(target, target.clone().add(new Vector3(0, 10, 0)));
        }
      expect(hit).toBe(crowd.id);
    }
    assets.dispose();
  });
});

describe('scene kit: small fire', () => {
  /** Compiles the flame material as three would, to reach the time uniform its shader reads. */
  function flameTimeOf(root: Object3D): { value: number } {
    const flame = meshes(root)
      .map((m) => m.material as Material)
      .find((m) => m.customProgramCacheKey() === 'ruyi-flame');
    if (!flame) throw new Error('no flame drawn');
    const shader = { uniforms: {}, vertexShader: '#include <common>\nvoid main() {\n#include <begin_vertex>\n}', fragmentShader: '' } as unknown as WebGLProgramParametersWithUniforms;
    flame.onBeforeCompile(shader, undefined as never);
    expect(shader.vertexShader).toContain('uniform float flameTime');
    expect(shader.vertexShader).toContain('transformed.y *= stretch');
    return (shader.uniforms as Record<string, { value: number }>).flameTime!;
  }

  const fires: Scene = {
    room: { width: 10, depth: 8, height: 3 },
    camera: { position: [0, 3, 6], target: [0, 0, 0] },
    props: [prop('fire-1', 'small-fire', [-1, 0, 0]), prop('fire-2', 'small-fire', [1, 0, 0]), prop('sign', 'exit-sign', [0, 2, -3.9])],
  };

  it('draws its flames unlit, apart from the glow of signs, and all fires of the scene in one call per part', async () => {
    const view = await mount({ scene: fires });
    const flameMeshes = meshes(view.root).filter((m) => (m as unknown as InstancedMesh).isInstancedMesh && (m.material as Material).customProgramCacheKey() === 'ruyi-flame');
    expect(flameMeshes).toHaveLength(1);
    expect((flameMeshes[0] as unknown as InstancedMesh).count).toBe(2);
    // Room; fire: solid, embers (glow), flames; sign: solid, glow.
    expect(drawStats(view.root).calls).toBe(1 + 3 + 2);
    const assets = new SceneAssets();
    const model = propModelOf(assets, { kind: 'small-fire', scale: 1 });
    expect(model.flame).not.toBeNull();
    // The flames stand on the floor, so the flicker stretches them up from their base.
    expect(model.flame!.boundingBox!.min.y).toBeGreaterThanOrEqual(-1e-6);
    expect(model.flame!.boundingBox!.max.y).toBeGreaterThan(0.5);
    assets.dispose();
  });

  it('flickers frame by frame, and stands still under reduced motion', async () => {
    const moving = await mount({ scene: fires, reducedMotion: false });
    const time = flameTimeOf(moving.root);
    const seen = new Set<number>();
    for (const t of [0.5, 1.0, 1.5]) {
      await act(async () => moving.state().advance(t));
      seen.add(time.value);
    }
    expect([...seen]).toEqual([0.5, 1.0, 1.5]);
    await moving.rerender({ reducedMotion: true });
    expect(time.value).toBe(0);
    for (const t of [2.0, 2.5]) {
      await act(async () => moving.state().advance(t));
      expect(time.value).toBe(0);
    }
    const still = await mount({ scene: fires, reducedMotion: true });
    const stillTime = flameTimeOf(still.root);
    await act(async () => still.state().advance(3));
    expect(stillTime.value).toBe(0);
  });
});
