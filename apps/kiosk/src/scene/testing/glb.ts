// A small GLB for tests: one box mesh used by two nodes side by side (two meshes, one geometry and material), no
// textures, so GLTFLoader parses it in Node.
import { Document, NodeIO } from '@gltf-transform/core';

export async function twoBoxGlb(): Promise<Uint8Array> {
  const doc = new Document();
  const buffer = doc.createBuffer();
  const corners: number[] = [];
  for (const x of [-0.5, 0.5]) for (const y of [0, 1]) for (const z of [-0.5, 0.5]) corners.push(x, y, z);
  // 12 triangles over the 8 corners (index = x * 4 + y * 2 + z), wound outwards.
  const index = [0, 1, 3, 0, 3, 2, 4, 6, 7, 4, 7, 5, 0, 4, 5, 0, 5, 1, 2, 3, 7, 2, 7, 6, 0, 2, 6, 0, 6, 4, 1, 5, 7, 1, 7, 3];
  const primitive = doc
    .createPrimitive()
    .setAttribute('POSITION', doc.createAccessor().setType('VEC3').setArray(new Float32Array(corners)).setBuffer(buffer))
    .setIndices(doc.createAccessor().setType('SCALAR').setArray(new Uint16Array(index)).setBuffer(buffer))
    .setMaterial(doc.createMaterial('grey').setBaseColorFactor([0.6, 0.6, 0.6, 1]));
  const mesh = doc.createMesh('box').addPrimitive(primitive);
  const scene = doc.createScene('boxes');
  scene.addChild(doc.createNode('left').setMesh(mesh).setTranslation([-0.6, 0, 0]));
  scene.addChild(doc.createNode('right').setMesh(mesh).setTranslation([0.6, 0, 0]));
  doc.getRoot().setDefaultScene(scene);
  return new NodeIO().writeBinary(doc);
}
