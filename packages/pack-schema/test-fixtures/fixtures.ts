// The tests' starting point: a small valid content folder on disk (`content/`), read once, plus helpers that break one
// thing in it and say on which line the broken text sits, so a test can assert the exact line an error names.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { LoadResult, PackFiles } from '../src/load.ts';
import type { PackError } from '../src/types.ts';

export const FIXTURE_CONTENT_DIR = fileURLToPath(new URL('./content', import.meta.url));
export const TINY_DIR = 'packs/tiny-pack';
export const MANIFEST_PATH = `${TINY_DIR}/pack.yaml`;
export const SCENARIO_PATH = `${TINY_DIR}/scenarios/tiny.yaml`;

const read = (path: string) => readFileSync(`${FIXTURE_CONTENT_DIR}/${path}`, 'utf8');
export const PARK_YAML = read('park.yaml');
export const MANIFEST_YAML = read(MANIFEST_PATH);
export const SCENARIO_YAML = read(SCENARIO_PATH);

/** Replaces the first `from` with `to`; throws if `from` is not there, so a test cannot silently stop breaking anything. */
export function edit(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`fixture text not found: ${JSON.stringify(from)}`);
  return text.replace(from, to);
}

/** 1-based line of the first occurrence of `needle` (after `after`, when given). */
export function lineOf(text: string, needle: string, after = ''): number {
  const start = after ? text.indexOf(after) : 0;
  const at = text.indexOf(needle, start < 0 ? 0 : start);
  if (at < 0 || start < 0) throw new Error(`not found in fixture: ${JSON.stringify(after ? `${after} … ${needle}` : needle)}`);
  return text.slice(0, at).split('\n').length;
}

export interface PackTexts {
  dir?: string;
  manifest?: string | null;
  /** Scenario files by name; defaults to `{ 'tiny.yaml': SCENARIO_YAML }`. */
  scenarios?: Record<string, string>;
}

/** The tiny pack as `loadPack` takes it, with any file swapped for edited text. */
export function packFiles({ dir = TINY_DIR, manifest = MANIFEST_YAML, scenarios = { 'tiny.yaml': SCENARIO_YAML } }: PackTexts = {}): PackFiles {
  return {
    dir,
    manifest: manifest === null ? null : { path: `${dir}/pack.yaml`, text: manifest },
    scenarios: Object.fromEntries(Object.entries(scenarios).map(([name, text]) => [name, { path: `${dir}/scenarios/${name}`, text }])),
  };
}

/** Asserts that loading failed with exactly one error (warnings aside), and returns it. */
export function onlyError<T>(result: LoadResult<T>): PackError {
  expect(result.ok, 'expected the load to fail').toBe(false);
  const errors = result.ok ? [] : result.errors.filter((e) => e.severity !== 'warning');
  expect(errors, JSON.stringify(errors, null, 2)).toHaveLength(1);
  return errors[0]!;
}
