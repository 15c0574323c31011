// The files behind pack.yaml's `assets:`: each must be there, be what its extension says, and fit the kiosk's budgets
// (a kiosk runs all day on modest hardware, and a pack is downloaded to every kiosk). Synchronous and free of Node
// and of heavy libraries, so `loadPack` stays synchronous and browser-safe: the GLB container, and the length of
// WAV, MP3, Ogg and M4A audio, are read here from their headers; image sizes come from image-size. The tests check
// these readers against @gltf-transform/core and music-metadata.
import { imageSize } from 'image-size';
import { coded, withReason, type CodedMessage, type MessageCode, type MessageParams } from './messages/coded.ts';
import type { ReferenceIssue } from './references.ts';
import { extensionList, type AssetKind } from './schema.ts';
import type { Asset, PackError } from './types.ts';

export const MIB = 1024 * 1024;

/** A model: one .glb file, textures embedded. */
export const MODEL_MAX_BYTES = 8 * MIB;
export const MODEL_MAX_TRIANGLES = 100_000;
export const MODEL_MAX_TEXTURE_SIDE = 2048;
/** A picture. */
export const IMAGE_MAX_BYTES = 4 * MIB;
export const IMAGE_MAX_SIDE = 2048;
/** A recording. */
export const AUDIO_MAX_BYTES = 8 * MIB;
export const AUDIO_MAX_SECONDS = 180;

export const ASSET_BUDGETS = {
  model: { maxBytes: MODEL_MAX_BYTES, maxTriangles: MODEL_MAX_TRIANGLES, maxTextureSide: MODEL_MAX_TEXTURE_SIDE },
  image: { maxBytes: IMAGE_MAX_BYTES, maxSide: IMAGE_MAX_SIDE },
  audio: { maxBytes: AUDIO_MAX_BYTES, maxSeconds: AUDIO_MAX_SECONDS },
} as const satisfies Record<AssetKind, { maxBytes: number; [limit: string]: number }>;

/** Reads a file of the pack's `assets/` folder by its path there (`models/boxes.glb`); null when there is none. */
export type ReadAsset = (relPath: string) => Uint8Array | null;

/** The folder asset paths are relative to. */
export const ASSETS_DIR = 'assets';

const num = (n: number) => n.toLocaleString('en-US');
const mib = (bytes: number) => `${(bytes / MIB).toFixed(1)} MiB`;

/** What one asset's file is found to be. */
export interface AssetFacts {
  bytes: number;
  /** Images: the picture's sides. */
  width?: number;
  height?: number;
  /** Models. */
  triangles?: number;
  textures?: { index: number; name?: string; width?: number; height?: number }[];
  /** Audio, in seconds. */
  seconds?: number;
}

/** Thrown by the readers below: says what the file is not, by its code (`reason.*`), in words for an editor. */
class NotThatFormat extends Error {
  readonly reason: CodedMessage;
  constructor(code: MessageCode, params: MessageParams = {}) {
    const reason = coded(code, params);
    super(reason.message);
    this.reason = reason;
  }
}

/** A parser's own words about what went wrong, kept as a detail after the reason (English: they are a library's). */
const detailOf = (e: unknown) => (e instanceof Error ? e.message : String(e)).slice(0, 200) || 'unknown error';

// ---- models: the GLB container (glTF 2.0 binary) -----------------------------------------------------------------

const GLB_MAGIC = 0x46546c67; // 'glTF'
const CHUNK_JSON = 0x4e4f534a;
const CHUNK_BIN = 0x004e4942;

interface GltfJson {
  asset?: { version?: string };
  extensionsRequired?: string[];
  scene?: number;
  scenes?: { nodes?: number[] }[];
  nodes?: { mesh?: number; children?: number[] }[];
  meshes?: { primitives?: { attributes?: Record<string, number>; indices?: number; mode?: number }[] }[];
  accessors?: { count?: number }[];
  bufferViews?: { buffer?: number; byteOffset?: number; byteLength?: number }[];
  buffers?: { uri?: string; byteLength?: number }[];
  images?: { name?: string; uri?: string; bufferView?: number; mimeType?: string }[];
}

function readGlb(bytes: Uint8Array): { json: GltfJson; bin: Uint8Array | null } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < 20 || view.getUint32(0, true) !== GLB_MAGIC) throw new NotThatFormat('reason.glb-magic');
  const version = view.getUint32(4, true);
  if (version !== 2) throw new NotThatFormat('reason.glb-version', { version });
  const length = view.getUint32(8, true);
  if (length > bytes.byteLength) throw new NotThatFormat('reason.cut-short');
  const jsonLength = view.getUint32(12, true);
  if (view.getUint32(16, true) !== CHUNK_JSON || 20 + jsonLength > length) throw new NotThatFormat('reason.glb-json-missing');
  let json: GltfJson;
  try {
    json = JSON.parse(new TextDecoder().decode(bytes.subarray(20, 20 + jsonLength))) as GltfJson;
  } catch (e) {
    throw new NotThatFormat('reason.glb-json-damaged', { detail: detailOf(e) });
  }
  if (typeof json !== 'object' || json === null || json.asset?.version !== '2.0') throw new NotThatFormat('reason.gltf-not-2');
  let bin: Uint8Array | null = null;
  let at = 20 + jsonLength + ((4 - (jsonLength % 4)) % 4);
  while (at + 8 <= length) {
    const chunkLength = view.getUint32(at, true);
    const type = view.getUint32(at + 4, true);
    if (at + 8 + chunkLength > length) throw new NotThatFormat('reason.glb-chunk-overrun');
    if (type === CHUNK_BIN && !bin) bin = bytes.subarray(at + 8, at + 8 + chunkLength);
    at += 8 + chunkLength + ((4 - (chunkLength % 4)) % 4);
  }
  return { json, bin };
}

function decodeDataUri(uri: string): Uint8Array | null {
  const match = /^data:[^,]*?(;base64)?,(.*)$/s.exec(uri);
  if (!match) return null;
  if (!match[1]) return new TextEncoder().encode(decodeURIComponent(match[2]!));
  const binary = atob(match[2]!);
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/** Triangles drawn: every node of the scene with a mesh, each time it appears. */
function countTriangles(json: GltfJson): number {
  const meshTriangles = (index: number): number => {
    const mesh = json.meshes?.[index];
    if (!mesh) throw new NotThatFormat('reason.gltf-missing-mesh', { index });
    return (mesh.primitives ?? []).reduce((sum, p) => {
      const accessorIndex = p.indices ?? p.attributes?.POSITION;
      const count = accessorIndex === undefined ? 0 : json.accessors?.[accessorIndex]?.count;
      if (count === undefined) throw new NotThatFormat('reason.gltf-missing-accessor', { index: String(accessorIndex) });
      const mode = p.mode ?? 4;
      const triangles = mode === 4 ? Math.floor(count / 3) : mode === 5 || mode === 6 ? Math.max(0, count - 2) : 0;
      return sum + triangles;
    }, 0);
  };
  const sceneIndex = json.scene ?? 0;
  const scene = json.scenes?.[sceneIndex];
  // No scene: a viewer shows every mesh once.
  if (!scene) return (json.meshes ?? []).reduce((sum, _m, i) => sum + meshTriangles(i), 0);
  let total = 0;
  const seen = new Set<number>();
  const visit = (n: number) => {
    const node = json.nodes?.[n];
    if (!node) throw new NotThatFormat('reason.gltf-missing-node', { index: n });
    if (seen.has(n)) throw new NotThatFormat('reason.gltf-node-loop');
    seen.add(n);
    if (node.mesh !== undefined) total += meshTriangles(node.mesh);
    for (const child of node.children ?? []) visit(child);
    seen.delete(n);
  };
  for (const n of scene.nodes ?? []) visit(n);
  return total;
}

/**
 * glTF extensions a kiosk cannot decode: their decoders (Draco, meshopt, Basis/KTX2) are WebAssembly usually fetched
 * from a CDN, and the park is offline. A model that requires one would pass every other check and then never show.
 */
export const MODEL_UNSUPPORTED_EXTENSIONS = ['KHR_draco_mesh_compression', 'EXT_meshopt_compression', 'KHR_meshopt_compression', 'KHR_texture_basisu'];

function modelFacts(bytes: Uint8Array): AssetFacts {
  const { json, bin } = readGlb(bytes);
  const needs = (json.extensionsRequired ?? []).filter((e) => MODEL_UNSUPPORTED_EXTENSIONS.includes(e));
  if (needs.length)
    throw new NotThatFormat('reason.gltf-extension', { needs: needs.join(', ') });
  (json.buffers ?? []).forEach((b, i) => {
    if (b.uri !== undefined && !b.uri.startsWith('data:'))
      throw new NotThatFormat('reason.gltf-buffer-file', { index: i, uri: b.uri });
    if (b.uri === undefined && i === 0 && b.byteLength !== undefined && (!bin || bin.byteLength < b.byteLength))
      throw new NotThatFormat('reason.glb-bin-short');
  });
  const bufferBytes = (i: number): Uint8Array | null => {
    const b = json.buffers?.[i];
    if (!b) return null;
    return b.uri === undefined ? bin : decodeDataUri(b.uri);
  };
  const viewBytes = (i: number): Uint8Array => {
    const v = json.bufferViews?.[i];
    const buffer = v ? bufferBytes(v.buffer ?? 0) : null;
    const start = v?.byteOffset ?? 0;
    if (!v || !buffer || v.byteLength === undefined || start + v.byteLength > buffer.byteLength)
      throw new NotThatFormat('reason.gltf-view', { index: i });
    return buffer.subarray(start, start + v.byteLength);
  };
  (json.bufferViews ?? []).forEach((_v, i) => viewBytes(i));
  const triangles = countTriangles(json);
  const textures = (json.images ?? []).map((image, index) => {
    let data: Uint8Array | null;
    if (image.bufferView !== undefined) data = viewBytes(image.bufferView);
    else if (image.uri?.startsWith('data:')) data = decodeDataUri(image.uri);
    else throw new NotThatFormat('reason.gltf-texture-file', { index, uri: image.uri ?? '?' });
    try {
      const size = imageSize(data!);
      return { index, name: image.name, width: size.width, height: size.height };
    } catch {
      return { index, name: image.name };
    }
  });
  return { bytes: bytes.byteLength, triangles, textures };
}

// ---- images -------------------------------------------------------------------------------------------------------

const IMAGE_TYPE: Record<string, { type: string; name: string }> = {
  png: { type: 'png', name: 'PNG' },
  jpg: { type: 'jpg', name: 'JPEG' },
  jpeg: { type: 'jpg', name: 'JPEG' },
  webp: { type: 'webp', name: 'WebP' },
};

function imageFacts(bytes: Uint8Array, ext: string): AssetFacts {
  const expected = IMAGE_TYPE[ext]!;
  let size: ReturnType<typeof imageSize>;
  try {
    size = imageSize(bytes);
  } catch {
    throw new NotThatFormat('reason.image-not-decodable', { format: expected.name });
  }
  if (size.type !== expected.type) {
    const actual = Object.entries(IMAGE_TYPE).find(([, t]) => t.type === size.type);
    throw actual
      ? new NotThatFormat('reason.image-renamed', { actual: actual[1].name, format: expected.name, ext: actual[0] })
      : new NotThatFormat('reason.image-other', { format: expected.name, actual: size.type ?? 'something else' });
  }
  return { bytes: bytes.byteLength, width: size.width, height: size.height };
}

// ---- audio: the length of a recording, from its headers -----------------------------------------------------------

const ascii = (bytes: Uint8Array, at: number, length: number) => String.fromCharCode(...bytes.subarray(at, at + length));

function wavSeconds(bytes: Uint8Array, view: DataView): number {
  if (ascii(bytes, 0, 4) !== 'RIFF' || ascii(bytes, 8, 4) !== 'WAVE') throw new NotThatFormat('reason.wav-magic');
  let byteRate = 0;
  let at = 12;
  while (at + 8 <= bytes.byteLength) {
    const id = ascii(bytes, at, 4);
    const size = view.getUint32(at + 4, true);
    if (id === 'fmt ' && at + 16 <= bytes.byteLength) byteRate = view.getUint32(at + 16, true);
    if (id === 'data') {
      if (!byteRate) throw new NotThatFormat('reason.wav-no-format');
      return Math.min(size, bytes.byteLength - at - 8) / byteRate;
    }
    at += 8 + size + (size % 2);
  }
  throw new NotThatFormat('reason.wav-no-data');
}

const MP3_BITRATES = {
  v1: [
    [0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448], // layer I
    [0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384], // layer II
    [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320], // layer III
  ],
  v2: [
    [0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256],
    [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
    [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
  ],
};
const MP3_RATES: Record<number, number[]> = { 3: [44100, 48000, 32000], 2: [22050, 24000, 16000], 0: [11025, 12000, 8000] };

/** An MPEG audio frame header at `at`: its length in bytes and how many samples it holds, or null. */
function mp3Frame(bytes: Uint8Array, at: number): { length: number; samples: number; rate: number } | null {
  if (at + 4 > bytes.byteLength || bytes[at] !== 0xff || (bytes[at + 1]! & 0xe0) !== 0xe0) return null;
  const version = (bytes[at + 1]! >> 3) & 3; // 3 = MPEG-1, 2 = MPEG-2, 0 = MPEG-2.5
  const layer = 4 - ((bytes[at + 1]! >> 1) & 3); // 1, 2 or 3
  const bitrateIndex = bytes[at + 2]! >> 4;
  const rateIndex = (bytes[at + 2]! >> 2) & 3;
  const padding = (bytes[at + 2]! >> 1) & 1;
  if (version === 1 || layer === 4 || bitrateIndex === 0 || bitrateIndex === 15 || rateIndex === 3) return null;
  const bitrate = MP3_BITRATES[version === 3 ? 'v1' : 'v2'][layer - 1]![bitrateIndex]! * 1000;
  const rate = MP3_RATES[version]![rateIndex]!;
  const samples = layer === 1 ? 384 : layer === 2 || version === 3 ? 1152 : 576;
  const length = layer === 1 ? (Math.floor((12 * bitrate) / rate) + padding) * 4 : Math.floor(((samples / 8) * bitrate) / rate) + padding;
  return { length, samples, rate };
}

function mp3Seconds(bytes: Uint8Array): number {
  let at = 0;
  // An ID3v2 tag first: 10 bytes of header, its size in 7-bit bytes, and maybe a 10-byte footer.
  while (ascii(bytes, at, 3) === 'ID3' && at + 10 <= bytes.byteLength) {
    const size = ((bytes[at + 6]! & 0x7f) << 21) | ((bytes[at + 7]! & 0x7f) << 14) | ((bytes[at + 8]! & 0x7f) << 7) | (bytes[at + 9]! & 0x7f);
    at += 10 + size + (bytes[at + 5]! & 0x10 ? 10 : 0);
  }
  let seconds = 0;
  let frames = 0;
  while (at < bytes.byteLength) {
    const frame = mp3Frame(bytes, at);
    // Two frames in a row, so a stray 0xFF in a picture or a tag is not taken for sound.
    if (frame && (frames > 0 || mp3Frame(bytes, at + frame.length) || at + frame.length === bytes.byteLength)) {
      seconds += frame.samples / frame.rate;
      frames++;
      at += frame.length;
    } else if (frames > 0 && ascii(bytes, at, 3) === 'TAG') break;
    else at++;
  }
  if (!frames) throw new NotThatFormat('reason.mp3-no-frames');
  return seconds;
}

function oggSeconds(bytes: Uint8Array, view: DataView): number {
  if (ascii(bytes, 0, 4) !== 'OggS' || bytes.byteLength < 28) throw new NotThatFormat('reason.ogg-magic');
  const packet = 27 + bytes[26]!;
  let rate: number;
  let skip = 0;
  if (ascii(bytes, packet, 7) === '\x01vorbis') rate = view.getUint32(packet + 12, true);
  else if (ascii(bytes, packet, 8) === 'OpusHead') {
    rate = 48000; // Opus counts in 48 kHz samples whatever it was recorded at
    skip = view.getUint16(packet + 10, true);
  } else throw new NotThatFormat('reason.ogg-codec');
  for (let at = bytes.byteLength - 27; at >= 0; at--) {
    if (bytes[at] !== 0x4f || ascii(bytes, at, 4) !== 'OggS') continue;
    const granule = view.getBigInt64(at + 6, true);
    if (granule >= 0n) return rate ? Math.max(0, Number(granule) - skip) / rate : 0;
  }
  throw new NotThatFormat('reason.ogg-no-end');
}

function m4aSeconds(bytes: Uint8Array, view: DataView): number {
  if (ascii(bytes, 4, 4) !== 'ftyp') throw new NotThatFormat('reason.m4a-magic');
  const boxes = function* (start: number, end: number) {
    let at = start;
    while (at + 8 <= end) {
      let size = view.getUint32(at, false);
      let header = 8;
      if (size === 1 && at + 16 <= end) {
        size = Number(view.getBigUint64(at + 8, false));
        header = 16;
      } else if (size === 0) size = end - at;
      if (size < header) return;
      yield { type: ascii(bytes, at + 4, 4), body: at + header, end: Math.min(at + size, end) };
      at += size;
    }
  };
  for (const box of boxes(0, bytes.byteLength)) {
    if (box.type !== 'moov') continue;
    for (const inner of boxes(box.body, box.end)) {
      if (inner.type !== 'mvhd') continue;
      const v1 = bytes[inner.body] === 1;
      const timescale = view.getUint32(inner.body + (v1 ? 20 : 12), false);
      const duration = v1 ? Number(view.getBigUint64(inner.body + 24, false)) : view.getUint32(inner.body + 16, false);
      if (!timescale) break;
      return duration / timescale;
    }
  }
  throw new NotThatFormat('reason.m4a-no-length');
}

function audioFacts(bytes: Uint8Array, ext: string): AssetFacts {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const read = { wav: wavSeconds, mp3: mp3Seconds, ogg: oggSeconds, m4a: m4aSeconds }[ext];
  if (!read) throw new NotThatFormat('reason.audio-format', { ext });
  try {
    return { bytes: bytes.byteLength, seconds: read(bytes, view) };
  } catch (e) {
    if (e instanceof NotThatFormat) throw e;
    throw new NotThatFormat('reason.audio-not-decodable', { ext, detail: detailOf(e) });
  }
}

// ---- the checks --------------------------------------------------------------------------------------------------

const extOf = (file: string) => /\.([^./]+)$/.exec(file)?.[1]?.toLowerCase() ?? '';

/** Reads what a file is; throws `NotThatFormat` when it is not what its extension says. */
export function assetFacts(kind: AssetKind, file: string, bytes: Uint8Array): AssetFacts {
  if (kind === 'model') {
    try {
      return modelFacts(bytes);
    } catch (e) {
      if (e instanceof NotThatFormat) throw e;
      throw new NotThatFormat('reason.model-damaged', { detail: detailOf(e) });
    }
  }
  return kind === 'image' ? imageFacts(bytes, extOf(file)) : audioFacts(bytes, extOf(file));
}

const WHAT: Record<AssetKind, string> = { model: 'a model', image: 'an image', audio: 'a recording' };

/** What is wrong with one asset's file, if anything (paths inside pack.yaml, at the entry's `file:`). */
function checkOne(asset: Pick<Asset, 'id' | 'kind' | 'file'>, index: number, readFile: ReadAsset): ReferenceIssue[] {
  const where = `${ASSETS_DIR}/${asset.file}`;
  const path = ['assets', index, 'file'];
  let bytes: Uint8Array | null;
  try {
    bytes = readFile(asset.file);
  } catch (e) {
    return [{ path, ...coded('asset.unreadable', { where, reason: e instanceof Error ? e.message : String(e) }) }];
  }
  if (!bytes) {
    const hint = asset.file.startsWith(`${ASSETS_DIR}/`) ? ` (the path is already relative to ${ASSETS_DIR}/: leave out '${ASSETS_DIR}/')` : '';
    return [{ path, ...coded('asset.missing-file', { where, hint }) }];
  }
  const issues: ReferenceIssue[] = [];
  const budget = ASSET_BUDGETS[asset.kind];
  if (bytes.byteLength > budget.maxBytes)
    issues.push({ path, ...coded('asset.too-large', { where, size: mib(bytes.byteLength), what: WHAT[asset.kind], max: mib(budget.maxBytes) }) });
  let facts: AssetFacts;
  try {
    facts = assetFacts(asset.kind, asset.file, bytes);
  } catch (e) {
    if (!(e instanceof NotThatFormat)) throw e;
    return [...issues, { path, ...coded('asset.wrong-format', { ...withReason(e.reason), where, what: WHAT[asset.kind], extensions: extensionList(asset.kind) }) }];
  }
  if (asset.kind === 'image' && facts.width !== undefined && facts.height !== undefined && Math.max(facts.width, facts.height) > IMAGE_MAX_SIDE)
    issues.push({ path, ...coded('asset.image-too-big', { where, width: facts.width, height: facts.height, max: IMAGE_MAX_SIDE }) });
  if (asset.kind === 'model') {
    if (facts.triangles! > MODEL_MAX_TRIANGLES)
      issues.push({ path, ...coded('asset.triangles', { where, triangles: num(facts.triangles!), max: num(MODEL_MAX_TRIANGLES) }) });
    for (const t of facts.textures ?? []) {
      const name = `texture ${t.index}${t.name ? ` ('${t.name}')` : ''}`;
      if (t.width === undefined || t.height === undefined)
        issues.push({ path, severity: 'warning', ...coded('asset.texture-unread', { where, texture: name, max: MODEL_MAX_TEXTURE_SIDE }) });
      else if (Math.max(t.width, t.height) > MODEL_MAX_TEXTURE_SIDE)
        issues.push({ path, ...coded('asset.texture-too-big', { where, width: t.width, height: t.height, texture: name, max: MODEL_MAX_TEXTURE_SIDE }) });
    }
  }
  if (asset.kind === 'audio' && facts.seconds! > AUDIO_MAX_SECONDS)
    issues.push({ path, ...coded('asset.audio-too-long', { where, seconds: Math.ceil(facts.seconds! * 10) / 10, max: AUDIO_MAX_SECONDS }) });
  return issues;
}

/** The checks of every asset's file, as issues at paths inside pack.yaml (`assets[i].file`). */
export function checkAssetFiles(assets: readonly Pick<Asset, 'id' | 'kind' | 'file'>[], readFile: ReadAsset): ReferenceIssue[] {
  return assets.flatMap((asset, i) => checkOne(asset, i, readFile));
}

/**
 * Checks the files of a pack's assets: present, what their extension says, within the budgets. Errors name the
 * manifest entry (`assets[i].file` in `manifestFile`) and the file; `loadPack` runs this with line numbers when its
 * `PackFiles` has `readAsset`.
 */
export function checkAssets(pack: { assets: readonly Pick<Asset, 'id' | 'kind' | 'file'>[] }, readFile: ReadAsset, manifestFile = 'pack.yaml'): PackError[] {
  return checkAssetFiles(pack.assets, readFile).map((issue) => ({
    file: manifestFile,
    path: issue.path.reduce<string>((out, seg) => (typeof seg === 'number' ? `${out}[${seg}]` : out ? `${out}.${seg}` : seg), ''),
    message: issue.message,
    code: issue.code,
    params: issue.params,
    ...(issue.severity ? { severity: issue.severity } : {}),
  }));
}
