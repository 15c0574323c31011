import { describe, expect, it } from 'vitest';
import { BoxGeometry, DoubleSide, Group, InstancedMesh, LineBasicMaterial, LineSegments, Mesh, MeshBasicMaterial, PlaneGeometry } from 'three';
import { drawStats } from './drawStats.ts';

const box = () => new BoxGeometry(); // 12 triangles
const basic = (params = {}) => new MeshBasicMaterial(params);

describe('drawStats', () => {
  it('counts a call per mesh and its triangles, skipping hidden subtrees, hidden materials and other layers', () => {
    const root = new Group();
    const hidden = new Group();
    hidden.visible = false;
    hidden.add(new Mesh(box(), basic()));
    const otherLayer = new Mesh(box(), basic());
    otherLayer.layers.set(2);
    root.add(new Mesh(box(), basic()), new Mesh(new PlaneGeometry(), basic()), hidden, new Mesh(box(), basic({ visible: false })), otherLayer);
    expect(drawStats(root)).toEqual({ calls: 2, triangles: 14 });
  });

  it('counts a call per geometry group with a material array, clipped to the draw range', () => {
    const geometry = box(); // six groups of 6 indices (2 triangles each)
    const mesh = new Mesh(geometry, [basic(), basic(), basic()]); // groups 3–5 name materials that do not exist
    expect(drawStats(mesh)).toEqual({ calls: 3, triangles: 6 });
    geometry.setDrawRange(0, 9); // all of group 0, half of group 1, none of group 2
    expect(drawStats(mesh)).toEqual({ calls: 2, triangles: 3 });
  });

  it('counts transparent double-sided materials twice unless they force a single pass', () => {
    const twoPass = new Mesh(box(), basic({ transparent: true, side: DoubleSide }));
    const onePass = new Mesh(box(), basic({ transparent: true, side: DoubleSide, forceSinglePass: true }));
    expect(drawStats(twoPass)).toEqual({ calls: 2, triangles: 24 });
    expect(drawStats(onePass)).toEqual({ calls: 1, triangles: 12 });
  });

  it('counts an instanced mesh once for all its instances, and not at all with none', () => {
    const instanced = new InstancedMesh(box(), basic(), 40);
    expect(drawStats(instanced)).toEqual({ calls: 1, triangles: 40 * 12 });
    instanced.count = 0;
    expect(drawStats(instanced)).toEqual({ calls: 0, triangles: 0 });
  });

  it('counts lines as calls without triangles', () => {
    expect(drawStats(new LineSegments(box(), new LineBasicMaterial()))).toEqual({ calls: 1, triangles: 0 });
  });
});
