// The generator's randomness: one seeded stream per purpose (a day, a visit), and values hashed from the seed and a
// name (a question's difficulty), so the same seed gives the same visits whatever is generated first or skipped.
import { random } from '@ruyi/mechanics';

/** 32-bit FNV-1a of a string. */
export function hashText(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A seed for one purpose: the run's seed mixed with the parts that name it. */
export function mix(...parts: (number | string)[]): number {
  return hashText(parts.join('|'));
}

export interface Rng {
  /** Uniform in [0, 1). */
  (): number;
}

/** The mechanics' own PRNG (mulberry32): small, fast, and good enough for made-up visits. */
export const rng = (seed: number): Rng => random(seed);

/** A uniform in [0, 1) fixed by the name: the same for every visit of a run of the generator. */
export const hashed = (seed: number, name: string) => rng(mix(seed, name))();

/** A standard normal (Box–Muller). */
export function normal(next: Rng): number {
  const u = 1 - next();
  const v = next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

export const between = (next: Rng, min: number, max: number) => min + next() * (max - min);
export const intBetween = (next: Rng, min: number, max: number) => Math.floor(between(next, min, max + 1));
export const chance = (next: Rng, p: number) => next() < p;

export function pick<T>(next: Rng, items: readonly T[]): T {
  return items[Math.floor(next() * items.length)]!;
}

/** One of the items, each as likely as its weight. */
export function weighted<T>(next: Rng, items: readonly T[], weight: (item: T) => number): T {
  const total = items.reduce((sum, item) => sum + weight(item), 0);
  let x = next() * total;
  for (const item of items) {
    x -= weight(item);
    if (x < 0) return item;
  }
  return items[items.length - 1]!;
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/**
 * 128 bits hashed from a text (cyrb128): four 32-bit words that do not collide together for different texts the way
 * four draws of one 32-bit stream do.
 */
function hash128(text: string): [number, number, number, number] {
  let h1 = 1779033703, h2 = 3144134277, h3 = 1013904242, h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/**
 * The ids of one visit: version-4 UUIDs hashed from the visit's unique name and a counter. Never drawn from the visit's
 * stream: a 32-bit generator's streams overlap between visits (two visits a few hundred draws apart in its state would
 * make the same ids), which a million statements in is a certainty.
 */
export function idsFor(name: string): () => string {
  let n = 0;
  return () => {
    const words = hash128(`${name}#${n++}`);
    return uuidOf(words.flatMap((w) => [w >>> 24, (w >>> 16) & 255, (w >>> 8) & 255, w & 255]));
  };
}

function uuidOf(bytes: number[]): string {
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const h = bytes.map((b) => HEX[b]!);
  return `${h.slice(0, 4).join('')}-${h.slice(4, 6).join('')}-${h.slice(6, 8).join('')}-${h.slice(8, 10).join('')}-${h.slice(10).join('')}`;
}

/** A version-4 UUID from the stream: random-looking, and the same for the same seed. */
export function uuid(next: Rng): string {
  const bytes: number[] = [];
  for (let i = 0; i < 4; i++) {
    const n = Math.floor(next() * 4294967296);
    bytes.push(n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255);
  }
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const h = bytes.map((b) => HEX[b]!);
  return `${h.slice(0, 4).join('')}-${h.slice(4, 6).join('')}-${h.slice(6, 8).join('')}-${h.slice(8, 10).join('')}-${h.slice(10).join('')}`;
}
