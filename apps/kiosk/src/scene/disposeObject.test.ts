import { describe, expect, it } from 'vitest';
import {
  BoxGeometry,
  DataTexture,
  Group,
  LineBasicMaterial,
  LineSegments,
  Mesh,
  MeshBasicMaterial,
  MeshStandardMaterial,
  Points,
  PointsMaterial,
  ShaderMaterial,
  SphereGeometry,
  type EventDispatcher,
} from 'three';
import { disposeObject } from './disposeObject.ts';

function watch(...items: EventDispatcher<{ dispose: object }>[]): () => number {
  let count = 0;
  for (const item of items) item.addEventListener('dispose', () => count++);
  return () => count;
}

const texture = () => new DataTexture(new Uint8Array([255, 0, 0, 255]), 1, 1);

describe('disposeObject', () => {
  it('disposes every geometry, material and texture of a tree once, counting shared ones once', () => {
    const shared = new BoxGeometry();
    const sphere = new SphereGeometry();
    const lineGeometry = new BoxGeometry();
    const pointGeometry = new BoxGeometry();
    const map = texture();
    const normalMap = texture();
    const uniformTexture = texture();
    const standard = new MeshStandardMaterial({ map, normalMap });
    const basic = new MeshBasicMaterial({ map }); // the same texture as `standard`
    const second = new MeshBasicMaterial();
    const shader = new ShaderMaterial({ uniforms: { tex: { value: uniformTexture } } });
    const line = new LineBasicMaterial();
    const points = new PointsMaterial();

    const root = new Group();
    const child = new Group();
    root.add(new Mesh(shared, standard), child);
    child.add(new Mesh(shared, [basic, second]), new Mesh(sphere, shader), new LineSegments(lineGeometry, line), new Points(pointGeometry, points));

    const geometryDisposals = watch(shared, sphere, lineGeometry, pointGeometry);
    const materialDisposals = watch(standard, basic, second, shader, line, points);
    const textureDisposals = watch(map, normalMap, uniformTexture);

    expect(disposeObject(root)).toEqual({ geometries: 4, materials: 6, textures: 3 });
    expect(geometryDisposals()).toBe(4);
    expect(materialDisposals()).toBe(6);
    expect(textureDisposals()).toBe(3);
  });

  it('does nothing to an empty tree', () => {
    expect(disposeObject(new Group())).toEqual({ geometries: 0, materials: 0, textures: 0 });
  });
});
