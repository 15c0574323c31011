import { Document, NodeIO } from '@gltf-transform/core';
import type { Mesh } from 'three';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { gltfJsonOf, PackModels, type PackModelState } from './packModels.ts';

/** A one-triangle GLB (no textures, so it parses without a DOM); `requires` lands in extensionsRequired. */
async function glb(requires: string[] = []): Promise<Uint8Array> {
  const doc = new Document();
  const buffer = doc.createBuffer();
  const position = doc.createAccessor().setType('VEC3').setArray(new Float32Array([0, 0, 0, 1, 0, 0, 0, 2, 0])).setBuffer(buffer);
  const mesh = doc.createMesh('tri').addPrimitive(doc.createPrimitive().setAttribute('POSITION', position).setMaterial(doc.createMaterial('m')));
  const scene = doc.createScene('s');
  scene.addChild(doc.createNode('n').setMesh(mesh));
  doc.getRoot().setDefaultScene(scene);
  const bytes = await new NodeIO().writeBinary(doc);
  if (requires.length === 0) return bytes;
  // Rewrite the JSON chunk with the extension required (gltf-transform only writes extensions it implements).
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const jsonLength = view.getUint32(12, true);
  const json = JSON.parse(new TextDecoder().decode(bytes.subarray(20, 20 + jsonLength))) as Record<string, unknown>;
  json.extensionsUsed = requires;
  json.extensionsRequired = requires;
  let text = JSON.stringify(json);
  while (text.length % 4) text += ' ';
  const rest = bytes.subarray(20 + jsonLength);
  const out = new Uint8Array(20 + text.length + rest.length);
  const outView = new DataView(out.buffer);
  outView.setUint32(0, 0x46546c67, true);
  outView.setUint32(4, 2, true);
  outView.setUint32(8, out.length, true);
  outView.setUint32(12, text.length, true);
  outView.setUint32(16, 0x4e4f534a, true);
  out.set(new TextEncoder().encode(text), 20);
  out.set(rest, 20 + text.length);
  return out;
}

function serve(files: Record<string, Uint8Array>): void {
  vi.stubGlobal('fetch', async (url: string) => {
    const body = files[url];
    return body ? new Response(body as Uint8Array<ArrayBuffer>) : new Response('missing', { status: 404 });
  });
}

async function settled(models: PackModels, url: string): Promise<PackModelState> {
  await vi.waitFor(() => expect(models.state(url).status).not.toBe('loading'));
  return models.state(url);
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('gltfJsonOf', () => {
  it('reads the JSON chunk of a GLB', async () => {
    const bytes = await glb(['KHR_draco_mesh_compression']);
    const json = gltfJsonOf(bytes.slice().buffer);
    expect(json.extensionsRequired).toEqual(['KHR_draco_mesh_compression']);
  });
});

describe('PackModels', () => {
  it('loads a model once, measures it, tells subscribers, and releases it on dispose', async () => {
    serve({ '/a.glb': await glb() });
    const models = new PackModels();
    const changes = vi.fn();
    models.subscribe(changes);
    models.load('/a.glb');
    models.load('/a.glb');
    expect(models.state('/a.glb').status).toBe('loading');
    const state = await settled(models, '/a.glb');
    expect(state.status).toBe('loaded');
    if (state.status !== 'loaded') return;
    expect(state.model.meshes).toBe(1);
    expect(state.model.triangles).toBe(1);
    expect(state.model.box.max.y).toBeCloseTo(2);
    expect(changes).toHaveBeenCalledTimes(1);

    let mesh: Mesh | undefined;
    state.model.root.traverse((o) => {
      if ((o as Mesh).isMesh) mesh = o as Mesh;
    });
    const disposed = vi.fn();
    mesh!.geometry.addEventListener('dispose', disposed);
    models.dispose();
    expect(disposed).toHaveBeenCalledTimes(1);
    expect(models.state('/a.glb').status).toBe('idle');
    models.load('/a.glb'); // disposed: nothing starts until revive()
    expect(models.state('/a.glb').status).toBe('idle');
    models.revive();
    models.load('/a.glb');
    expect((await settled(models, '/a.glb')).status).toBe('loaded');
  });

  it('refuses models that need a decoder the offline kiosk lacks, and damaged files, with one warning each', async () => {
    serve({ '/draco.glb': await glb(['KHR_draco_mesh_compression']), '/junk.glb': new TextEncoder().encode('not a model') });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const error = vi.spyOn(console, 'error');
    const models = new PackModels();
    models.load('/draco.glb');
    models.load('/junk.glb');
    models.load('/missing.glb');
    const draco = await settled(models, '/draco.glb');
    expect(draco.status === 'failed' && draco.reason).toMatch(/KHR_draco_mesh_compression/);
    expect((await settled(models, '/junk.glb')).status).toBe('failed');
    const missing = await settled(models, '/missing.glb');
    expect(missing.status === 'failed' && missing.reason).toBe('HTTP 404');
    models.load('/junk.glb');
    expect(warn).toHaveBeenCalledTimes(3);
    expect(error).not.toHaveBeenCalled();
  });
});
