// The asset files behind pack.yaml's assets:, made in code (see test-fixtures/asset-files.ts). The readers in assets.ts
// are checked against @gltf-transform/core and music-metadata, which read the same files asynchronously.
import { ImageUtils, WebIO } from '@gltf-transform/core';
import { parseBuffer } from 'music-metadata';
import { describe, expect, it } from 'vitest';
import { glb, m4a, MP3_FRAME_SECONDS, mp3, oggVorbis, png, pngHeader, wav } from '../test-fixtures/asset-files.ts';
import { edit, lineOf, MANIFEST_PATH, MANIFEST_YAML, packFiles, SCENARIO_YAML } from '../test-fixtures/fixtures.ts';
import {
  assetFacts,
  AUDIO_MAX_SECONDS,
  checkAssets,
  IMAGE_MAX_BYTES,
  MIB,
  MODEL_MAX_TRIANGLES,
  type ReadAsset,
} from './assets.ts';
import { loadPack } from './load.ts';
import { localizeProblem } from './messages/render.ts';
import type { Asset, PackError } from './types.ts';

const files = (map: Record<string, Uint8Array>): ReadAsset => (path) => map[path] ?? null;
const check = (asset: Asset, bytes: Uint8Array | null) => checkAssets({ assets: [asset] }, () => bytes, 'packs/p/pack.yaml');
const model = (file = 'model.glb'): Asset => ({ id: 'm', kind: 'model', file });
const image = (file = 'photo.png'): Asset => ({ id: 'i', kind: 'image', file, alt: { 'zh-CN': '照片', en: 'A photo' } });
const audio = (file: string): Asset => ({ id: 'a', kind: 'audio', file });

describe('models', () => {
  it('a small GLB passes, and its triangles and textures are counted as @gltf-transform reads them', async () => {
    const bytes = await glb({ triangles: 12, copies: 3, texture: png(64, 32) });
    expect(check(model(), bytes)).toEqual([]);
    const facts = assetFacts('model', 'model.glb', bytes);
    expect(facts).toMatchObject({ triangles: 36, textures: [{ index: 0, width: 64, height: 32 }] });

    const doc = await new WebIO().readBinary(bytes);
    const drawn = doc
      .getRoot()
      .listNodes()
      .reduce((sum, node) => sum + (node.getMesh()?.listPrimitives().reduce((n, p) => n + p.getIndices()!.getCount() / 3, 0) ?? 0), 0);
    expect(facts.triangles).toBe(drawn);
    const texture = doc.getRoot().listTextures()[0]!;
    expect(ImageUtils.getSize(texture.getImage()!, texture.getMimeType())).toEqual([64, 32]);
  });

  it('a model over the triangle budget, counting every node that draws the mesh', async () => {
    const bytes = await glb({ triangles: 40_000, copies: 3 });
    expect(check(model(), bytes)).toEqual([
      {
        file: 'packs/p/pack.yaml',
        path: 'assets[0].file',
        message: `assets/model.glb has 120,000 triangles; a model may have at most ${MODEL_MAX_TRIANGLES.toLocaleString('en-US')} (simplify it)`,
        code: 'asset.triangles',
        params: { where: 'assets/model.glb', triangles: '120,000', max: MODEL_MAX_TRIANGLES.toLocaleString('en-US') },
      },
    ]);
  });

  it('a texture over 2048 px', async () => {
    const bytes = await glb({ texture: pngHeader(4096, 1024) });
    expect(check(model(), bytes).map((e) => e.message)).toEqual(["assets/model.glb has a 4096 × 1024 px texture 0 ('surface'); textures may be at most 2048 px on each side"]);
  });

  it('a file that is not a GLB, or is cut short', async () => {
    expect(check(model(), new TextEncoder().encode('{"asset":{"version":"2.0"}}'))[0]!.message).toBe(
      'assets/model.glb is not a model the kiosk can use (.glb): it does not start like a .glb file (glTF binary)',
    );
    const bytes = await glb();
    expect(check(model(), bytes.subarray(0, bytes.length - 8))[0]!.message).toMatch(/^assets\/model\.glb is not a model .*: the file is cut short$/);
  });

  it('a GLB that needs a decoder the offline kiosk does not have (meshopt, Draco, KTX2)', async () => {
    const bytes = withJson(await glb(), (json) => ({ ...json, extensionsUsed: ['EXT_meshopt_compression'], extensionsRequired: ['EXT_meshopt_compression'] }));
    expect(check(model(), bytes).map((e) => e.message)).toEqual([
      'assets/model.glb is not a model the kiosk can use (.glb): it needs EXT_meshopt_compression, which the kiosks cannot decode offline: export it without mesh compression and without KTX2 textures (gltf-transform: add --compress false; WebP or PNG textures are fine)',
    ]);
    // Merely using an extension with a fallback is fine.
    expect(check(model(), withJson(await glb(), (json) => ({ ...json, extensionsUsed: ['EXT_meshopt_compression'] })))).toEqual([]);
  });

  it('a GLB over 8 MiB', async () => {
    const bytes = await glb();
    const big = new Uint8Array(8 * MIB + 1);
    big.set(bytes);
    // The header still says the short length: the file is read as it says, and only its size is over.
    expect(check(model(), big).map((e) => e.message)).toEqual(['assets/model.glb is 8.0 MiB; a model may be at most 8.0 MiB']);
  });
});

describe('images', () => {
  it('a PNG made in code passes', () => {
    expect(check(image(), png(320, 200))).toEqual([]);
    expect(assetFacts('image', 'photo.png', png(320, 200))).toMatchObject({ width: 320, height: 200 });
  });

  it('more than 2048 px on a side: the header is enough to tell', () => {
    expect(check(image(), pngHeader(4000, 100)).map((e) => e.message)).toEqual([
      'assets/photo.png is 4000 × 100 px; an image may be at most 2048 px on each side (scale it down)',
    ]);
  });

  it('more than 4 MiB', () => {
    const big = new Uint8Array(IMAGE_MAX_BYTES + 1);
    big.set(png(8, 8));
    expect(check(image(), big).map((e) => e.message)).toEqual(['assets/photo.png is 4.0 MiB; an image may be at most 4.0 MiB']);
  });

  it('not what its extension says', () => {
    expect(check(image('photo.jpg'), png(8, 8))[0]!.message).toBe(
      'assets/photo.jpg is not an image the kiosk can use (.png, .jpg, .jpeg or .webp): it is a PNG image, not JPEG: rename it to .png',
    );
    expect(check(image(), new TextEncoder().encode('not a picture'))[0]!.message).toMatch(/it is not a PNG image \(or it is damaged\)$/);
  });
});

describe('audio', () => {
  it('a WAV of 2 s passes, and its length is what music-metadata reports', async () => {
    const bytes = wav(2);
    expect(check(audio('case.wav'), bytes)).toEqual([]);
    expect(assetFacts('audio', 'case.wav', bytes).seconds).toBe(2);
    expect((await parseBuffer(bytes, { mimeType: 'audio/wav' })).format.duration).toBe(2);
  });

  it('a recording longer than 180 s', () => {
    expect(check(audio('long.wav'), wav(AUDIO_MAX_SECONDS + 1)).map((e) => e.message)).toEqual([
      'assets/long.wav is 181 s long; a recording may be at most 180 s',
    ]);
  });

  it('an MP3: counts its frames after the ID3 tag, as music-metadata does', async () => {
    const bytes = mp3(200);
    const seconds = assetFacts('audio', 'case.mp3', bytes).seconds!;
    expect(seconds).toBeCloseTo(200 * MP3_FRAME_SECONDS, 6);
    const reported = (await parseBuffer(bytes, { mimeType: 'audio/mpeg' }, { duration: true })).format.duration!;
    expect(Math.abs(reported - seconds)).toBeLessThan(0.1);
    expect(check(audio('case.mp3'), mp3(Math.ceil(181 / MP3_FRAME_SECONDS)))[0]!.message).toBe('assets/case.mp3 is 181.1 s long; a recording may be at most 180 s');
  });

  it('an M4A and an Ogg Vorbis file: the length their headers give', () => {
    expect(assetFacts('audio', 'case.m4a', m4a(12.5)).seconds).toBe(12.5);
    expect(check(audio('case.m4a'), m4a(200))[0]!.message).toBe('assets/case.m4a is 200 s long; a recording may be at most 180 s');
    // Just over the limit reads as over, not as "180 s; at most 180 s".
    expect(check(audio('case.m4a'), m4a(180.02))[0]!.message).toBe('assets/case.m4a is 180.1 s long; a recording may be at most 180 s');
    expect(assetFacts('audio', 'case.ogg', oggVorbis(30)).seconds).toBe(30);
    expect(check(audio('case.ogg'), oggVorbis(181))[0]!.message).toBe('assets/case.ogg is 181 s long; a recording may be at most 180 s');
  });

  it('a file that is not what its extension says', () => {
    expect(check(audio('case.mp3'), wav(1))[0]!.message).toBe(
      'assets/case.mp3 is not a recording the kiosk can use (.mp3, .ogg, .m4a or .wav): it is not an MP3 file (no MPEG audio frames found)',
    );
    expect(check(audio('case.ogg'), wav(1))[0]!.message).toMatch(/it is not an Ogg file$/);
    expect(check(audio('case.m4a'), wav(1))[0]!.message).toMatch(/it is not an M4A \(MPEG-4 audio\) file$/);
    expect(check(audio('case.wav'), mp3(3))[0]!.message).toMatch(/it is not a WAV file \(RIFF\/WAVE\)$/);
  });
});

describe('missing and unreadable files', () => {
  it('a missing file, with a hint when the path repeats assets/', () => {
    expect(check(image(), null)[0]!.message).toBe('there is no file assets/photo.png in the pack');
    expect(check(image('assets/photo.png'), null)[0]!.message).toBe(
      "there is no file assets/assets/photo.png in the pack (the path is already relative to assets/: leave out 'assets/')",
    );
  });

  it('a file that cannot be read', () => {
    const errors = checkAssets({ assets: [image()] }, () => {
      throw new Error('EACCES: permission denied');
    });
    expect(errors).toEqual([
      {
        file: 'pack.yaml',
        path: 'assets[0].file',
        message: 'assets/photo.png could not be read: EACCES: permission denied',
        code: 'asset.unreadable',
        params: { where: 'assets/photo.png', reason: 'EACCES: permission denied' },
      },
    ]);
  });
});

describe('loadPack with readAsset', () => {
  const manifest = edit(
    MANIFEST_YAML,
    'assets: []\n',
    ['assets:', '  - id: photo', '    file: photo.png', '    kind: image', '    alt: { zh-CN: 照片, en: A photo }', '  - id: reading', '    file: reading.wav', '    kind: audio', ''].join('\n'),
  );
  const scenario = edit(SCENARIO_YAML, '    sources: [src-a]\n', '    sources: [src-a]\n    image: photo\n    narration: { zh-CN: reading }\n');
  const load = (assets: Record<string, Uint8Array>) => loadPack({ ...packFiles({ manifest, scenarios: { 'tiny.yaml': scenario } }), readAsset: files(assets) });

  it('checks the files and loads when they are fine', () => {
    const result = load({ 'photo.png': png(16, 16), 'reading.wav': wav(1) });
    expect(result.ok && result.warnings).toEqual([]);
  });

  it('reports a bad file on the line of its assets[i].file in pack.yaml', () => {
    const result = load({ 'photo.png': pngHeader(3000, 3000) });
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.errors).toEqual([
      {
        file: MANIFEST_PATH,
        path: 'assets[0].file',
        line: lineOf(manifest, 'file: photo.png'),
        column: 11,
        message: 'assets/photo.png is 3000 × 3000 px; an image may be at most 2048 px on each side (scale it down)', code: 'asset.image-too-big', params: expect.any(Object),
      },
      { file: MANIFEST_PATH, path: 'assets[1].file', line: lineOf(manifest, 'file: reading.wav'), column: 11, message: 'there is no file assets/reading.wav in the pack', code: 'asset.missing-file', params: expect.any(Object) },
    ]);
  });

  it('does not look at the files without readAsset', () => {
    expect(loadPack(packFiles({ manifest, scenarios: { 'tiny.yaml': scenario } })).ok).toBe(true);
  });
});

/** The GLB with its JSON chunk replaced (padded to 4 bytes with spaces, as the format wants). */
function withJson(bytes: Uint8Array, change: (json: Record<string, unknown>) => Record<string, unknown>): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const jsonLength = view.getUint32(12, true);
  const json = JSON.parse(new TextDecoder().decode(bytes.subarray(20, 20 + jsonLength))) as Record<string, unknown>;
  let text = JSON.stringify(change(json));
  while (text.length % 4) text += ' ';
  const jsonBytes = new TextEncoder().encode(text);
  const rest = bytes.subarray(20 + jsonLength);
  const out = new Uint8Array(20 + jsonBytes.length + rest.length);
  const outView = new DataView(out.buffer);
  out.set(bytes.subarray(0, 20));
  outView.setUint32(8, out.length, true);
  outView.setUint32(12, jsonBytes.length, true);
  out.set(jsonBytes, 20);
  out.set(rest, 20 + jsonBytes.length);
  return out;
}

describe('why a file is not what its extension says, by code', () => {
  const only = (asset: Asset, bytes: Uint8Array) => {
    const [error, ...more] = check(asset, bytes);
    expect(more).toEqual([]);
    return error!;
  };
  const glbHeader = (version: number, length = 20) => {
    const bytes = new Uint8Array(Math.max(length, 20));
    const view = new DataView(bytes.buffer);
    view.setUint32(0, 0x46546c67, true);
    view.setUint32(4, version, true);
    view.setUint32(8, length, true);
    return bytes;
  };
  const zh = (error: PackError) => localizeProblem(error, 'zh-CN');

  it('the reason rides as a code with its own params; the English message reads as it always did', async () => {
    const magic = only(model(), new TextEncoder().encode('{"asset":{"version":"2.0"}}'));
    expect(magic).toMatchObject({ code: 'asset.wrong-format', params: { reasonCode: 'reason.glb-magic', where: 'assets/model.glb' } });
    expect(magic.message).toBe('assets/model.glb is not a model the kiosk can use (.glb): it does not start like a .glb file (glTF binary)');
    expect(zh(magic)).toBe('assets/model.glb 不是展台能使用的模型（.glb）：文件开头不像 .glb 文件（glTF 二进制）');

    const version = only(model(), glbHeader(1));
    expect(version.params).toMatchObject({ reasonCode: 'reason.glb-version', version: 1 });
    expect(zh(version)).toBe('assets/model.glb 不是展台能使用的模型（.glb）：它是 glTF 1，只能读取 glTF 2.0');

    const bytes = await glb({ triangles: 12 });
    expect(zh(only(model(), bytes.subarray(0, bytes.length - 8)))).toBe('assets/model.glb 不是展台能使用的模型（.glb）：文件不完整（被截断了）');
  });

  it('a damaged JSON chunk or sound keeps the parser’s own words, as a detail after the reason', () => {
    const header = glbHeader(2, 40);
    const view = new DataView(header.buffer);
    view.setUint32(12, 12, true);
    view.setUint32(16, 0x4e4f534a, true);
    header.set(new TextEncoder().encode('{not json!!}'), 20);
    const json = only(model(), header);
    expect(json.params).toMatchObject({ reasonCode: 'reason.glb-json-damaged', detail: expect.stringMatching(/JSON/) });
    expect(json.message).toMatch(/: its JSON chunk is damaged \(.*JSON.*\)$/);
    expect(zh(json)).toMatch(/^assets\/model\.glb 不是展台能使用的模型（\.glb）：JSON 数据块已损坏（.*JSON.*）$/);

    // An Ogg whose first packet is cut off inside its header: the reader fails on its own, and says how.
    const ogg = oggVorbis(30).subarray(0, 40);
    const sound = only(audio('case.ogg'), ogg);
    expect(sound.params).toMatchObject({ reasonCode: 'reason.audio-not-decodable', ext: 'ogg' });
    expect(String(sound.params!.detail)).not.toBe('');
    expect(zh(sound)).toMatch(/^assets\/case\.ogg 不是展台能使用的录音（\.mp3、?.*）：无法读取这个 \.ogg 文件（已损坏或不完整：.+）$/);
  });

  it('images and audio: every reason in Chinese, none left in English', () => {
    const wrong = [
      only(image('photo.jpg'), png(8, 8)),
      only(image(), new TextEncoder().encode('not a picture')),
      only(audio('case.mp3'), wav(1)),
      only(audio('case.ogg'), wav(1)),
      only(audio('case.m4a'), wav(1)),
      only(audio('case.wav'), mp3(3)),
    ];
    expect(wrong.map((e) => e.params?.reasonCode)).toEqual([
      'reason.image-renamed',
      'reason.image-not-decodable',
      'reason.mp3-no-frames',
      'reason.ogg-magic',
      'reason.m4a-magic',
      'reason.wav-magic',
    ]);
    expect(zh(wrong[0]!)).toBe('assets/photo.jpg 不是展台能使用的图片（.png、.jpg、.jpeg 或 .webp）：它是 PNG 图片，不是 JPEG：请把扩展名改为 .png');
    for (const e of wrong) expect(zh(e)).not.toContain(String(e.params!.reason));
  });

  it('a message that lost its code (an older server) is still recognised, reason and all', () => {
    const magic = only(model(), new TextEncoder().encode('not a model'));
    expect(localizeProblem({ message: magic.message, path: magic.path }, 'zh-CN')).toBe(zh(magic));
  });
});
