// Asset files made in code for the tests, so nothing binary is committed: PNGs (or just a PNG's header, which is all a
// size check reads), WAV silence of a known length, MP3 frames, and GLB models built with @gltf-transform/core.
import { Document, WebIO } from '@gltf-transform/core';
import { crc32, deflateSync } from 'node:zlib';

function pngChunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  Buffer.from(data).copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function ihdr(width: number, height: number): Buffer {
  const data = Buffer.alloc(13);
  data.writeUInt32BE(width, 0);
  data.writeUInt32BE(height, 4);
  data.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
  return pngChunk('IHDR', data);
}

/** A complete, valid w × h PNG, all grey. */
export function png(width: number, height: number): Uint8Array {
  const rows = Buffer.alloc((1 + width * 3) * height, 128);
  for (let y = 0; y < height; y++) rows[y * (1 + width * 3)] = 0; // filter type 0 at each row's start
  return new Uint8Array(Buffer.concat([PNG_SIGNATURE, ihdr(width, height), pngChunk('IDAT', deflateSync(rows)), pngChunk('IEND', new Uint8Array())]));
}

/** Only the signature and the header of a PNG that says it is w × h: enough for anything that reads sizes. */
export function pngHeader(width: number, height: number): Uint8Array {
  return new Uint8Array(Buffer.concat([PNG_SIGNATURE, ihdr(width, height)]));
}

/** `seconds` of silence: 8 kHz mono 8-bit PCM in a RIFF/WAVE file (8,000 bytes a second). */
export function wav(seconds: number): Uint8Array {
  const rate = 8000;
  const samples = Math.round(rate * seconds);
  const out = Buffer.alloc(44 + samples, 128);
  out.write('RIFF', 0, 'ascii');
  out.writeUInt32LE(36 + samples, 4);
  out.write('WAVE', 8, 'ascii');
  out.write('fmt ', 12, 'ascii');
  out.writeUInt32LE(16, 16);
  out.writeUInt16LE(1, 20); // PCM
  out.writeUInt16LE(1, 22); // mono
  out.writeUInt32LE(rate, 24);
  out.writeUInt32LE(rate, 28); // bytes per second
  out.writeUInt16LE(1, 32);
  out.writeUInt16LE(8, 34);
  out.write('data', 36, 'ascii');
  out.writeUInt32LE(samples, 40);
  return new Uint8Array(out);
}

/** `frames` MPEG-1 layer III frames (128 kbit/s, 44.1 kHz, 1152 samples each; the bodies are zeros) after an ID3v2 tag. */
export function mp3(frames: number): Uint8Array {
  const frameLength = Math.floor((144 * 128000) / 44100); // 417 bytes
  const id3 = Buffer.from([0x49, 0x44, 0x33, 4, 0, 0, 0, 0, 0, 10, ...new Array(10).fill(0)]);
  const out = Buffer.alloc(id3.length + frames * frameLength);
  id3.copy(out, 0);
  for (let i = 0; i < frames; i++) out.set([0xff, 0xfb, 0x90, 0x64], id3.length + i * frameLength);
  return new Uint8Array(out);
}

export const MP3_FRAME_SECONDS = 1152 / 44100;

/** A GLB of `copies` nodes sharing one mesh of `triangles` triangles (indexed), with an optional embedded texture. */
export async function glb({ triangles = 12, copies = 1, texture }: { triangles?: number; copies?: number; texture?: Uint8Array } = {}): Promise<Uint8Array> {
  const doc = new Document();
  const buffer = doc.createBuffer();
  const positions = doc.createAccessor().setType('VEC3').setArray(new Float32Array([0, 0, 0, 1, 0, 0, 0, 1, 0])).setBuffer(buffer);
  const indices = doc
    .createAccessor()
    .setType('SCALAR')
    .setArray(new Uint32Array(triangles * 3).map((_, i) => i % 3))
    .setBuffer(buffer);
  const material = doc.createMaterial('surface');
  if (texture) material.setBaseColorTexture(doc.createTexture('surface').setImage(texture).setMimeType('image/png'));
  const mesh = doc.createMesh('shape').addPrimitive(doc.createPrimitive().setAttribute('POSITION', positions).setIndices(indices).setMaterial(material));
  const scene = doc.createScene('scene');
  for (let i = 0; i < copies; i++) scene.addChild(doc.createNode(`copy-${i}`).setMesh(mesh).setTranslation([i, 0, 0]));
  doc.getRoot().setDefaultScene(scene);
  return new WebIO().writeBinary(doc);
}

/** An M4A that is only its boxes: ftyp, and moov with an mvhd saying `seconds` (no sound: the length is in mvhd). */
export function m4a(seconds: number): Uint8Array {
  const ftyp = Buffer.alloc(20);
  ftyp.writeUInt32BE(20, 0);
  ftyp.write('ftypM4A \0\0\0\0M4A ', 4, 'latin1');
  const mvhd = Buffer.alloc(108);
  mvhd.writeUInt32BE(108, 0);
  mvhd.write('mvhd', 4, 'ascii');
  mvhd.writeUInt32BE(1000, 20); // timescale: milliseconds
  mvhd.writeUInt32BE(Math.round(seconds * 1000), 24);
  mvhd.writeUInt32BE(0x00010000, 28); // rate 1.0
  const moov = Buffer.alloc(8);
  moov.writeUInt32BE(8 + mvhd.length, 0);
  moov.write('moov', 4, 'ascii');
  return new Uint8Array(Buffer.concat([ftyp, moov, mvhd]));
}

/** An Ogg Vorbis stream reduced to its first page (the identification header) and a last page at `seconds`. */
export function oggVorbis(seconds: number, rate = 44100): Uint8Array {
  const page = (granule: bigint, packet: Buffer) => {
    const header = Buffer.alloc(28);
    header.write('OggS', 0, 'ascii');
    header.writeBigInt64LE(granule, 6);
    header[26] = 1; // one segment
    header[27] = packet.length;
    return Buffer.concat([header, packet]);
  };
  const id = Buffer.alloc(30);
  id.write('\x01vorbis', 0, 'latin1');
  id[11] = 1; // channels
  id.writeUInt32LE(rate, 12);
  return new Uint8Array(Buffer.concat([page(0n, id), page(BigInt(Math.round(seconds * rate)), Buffer.alloc(10))]));
}
