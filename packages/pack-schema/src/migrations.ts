// Named migrations of the pack format. Each one takes a pack as parsed YAML (before the schema sees it) from one
// `schemaVersion` to the next, so a pack written for an older format still loads: `load.ts` runs `migrate` first.
// A format change ships with its migration here and a test in migrations.test.ts; migrations are never edited once
// released, only added.
import { SCHEMA_VERSION } from './schema.ts';

/** A pack as parsed YAML: the manifest and its scenario files keyed by file name (`plant.yaml`), as in `PackFiles`. */
export interface PackDocument {
  manifest: unknown;
  scenarios: Record<string, unknown>;
}

export interface Migration {
  /** `NNNN-what-it-does`: numbered by the version it produces. */
  name: string;
  from: number;
  to: number;
  /** What an editor changes by hand to bring a pack up to date (said in the warning a migrated pack gets). */
  byHand: string;
  /** Pure: returns a new document and leaves `doc` untouched. */
  up(doc: PackDocument): PackDocument;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Format 2: the manifest says which languages the pack provides (`locales`) and lists its files (`assets`). */
export const declareLocalesAndAssets: Migration = {
  name: '0002-declare-locales-and-assets',
  from: 1,
  to: 2,
  byHand: 'set schemaVersion: 2 and add locales: [zh-CN, en] and assets: [] to pack.yaml',
  up(doc) {
    if (!isRecord(doc.manifest)) return doc;
    const { locales = ['zh-CN', 'en'], assets = [], ...rest } = doc.manifest;
    // Keep the keys in the order an editor would write them: the new ones after `authors`.
    const manifest: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(rest)) {
      manifest[key] = key === 'schemaVersion' ? 2 : value;
      if (key === 'authors') Object.assign(manifest, { locales, assets });
    }
    if (!('locales' in manifest)) Object.assign(manifest, { locales, assets });
    return { ...doc, manifest };
  },
};

/** Every migration, oldest first; each `from` is the previous `to`, and the last `to` is `SCHEMA_VERSION`. */
export const MIGRATIONS: readonly Migration[] = [declareLocalesAndAssets];

/** The oldest `schemaVersion` this build still reads. */
export const OLDEST_SCHEMA_VERSION = MIGRATIONS[0]?.from ?? SCHEMA_VERSION;

const readable = () =>
  OLDEST_SCHEMA_VERSION === SCHEMA_VERSION ? `format ${SCHEMA_VERSION}` : `formats ${OLDEST_SCHEMA_VERSION} to ${SCHEMA_VERSION}`;

export type MigrateResult =
  | {
      ok: true;
      doc: PackDocument;
      /** The version the pack was written for. */
      from: number;
      /** The names of the migrations that ran, in order; empty for a pack already in the current format. */
      applied: string[];
    }
  | { ok: false; message: string };

/**
 * Checks a `schemaVersion` value: null when this build reads it, else what is wrong with it (for an error on the
 * `schemaVersion` line).
 */
export function schemaVersionProblem(version: unknown): string | null {
  if (version === undefined) return `is required: the pack format the file is written for (${SCHEMA_VERSION} for a new pack; this build reads ${readable()})`;
  if (typeof version !== 'number' || !Number.isInteger(version))
    return `must be a whole number, the pack format (${SCHEMA_VERSION} for a new pack; this build reads ${readable()})`;
  if (version > SCHEMA_VERSION)
    return `pack format ${version} is newer than this build reads (${readable()}); update the Ruyi software to load this pack`;
  if (version < OLDEST_SCHEMA_VERSION) return `pack format ${version} is not one this build reads (${readable()})`;
  return null;
}

/** Applies every migration from the manifest's `schemaVersion` up to `SCHEMA_VERSION`. */
export function migrate(doc: PackDocument, migrations: readonly Migration[] = MIGRATIONS): MigrateResult {
  const version = isRecord(doc.manifest) ? doc.manifest.schemaVersion : undefined;
  const problem = schemaVersionProblem(version);
  if (problem) return { ok: false, message: problem };
  const from = version as number;
  let current = doc;
  const applied: string[] = [];
  for (let v = from; v < SCHEMA_VERSION; v++) {
    const step = migrations.find((m) => m.from === v);
    if (!step || step.to !== v + 1) return { ok: false, message: `no migration from pack format ${v} to ${v + 1} (this is a bug in Ruyi)` };
    current = step.up(current);
    applied.push(step.name);
  }
  return { ok: true, doc: current, from, applied };
}

/**
 * park.yaml shares the numbering but has not changed since format 1: a supported older version is read as the
 * current one. (A park change would add its own migrations here.)
 */
export function migratePark(park: unknown): { ok: true; park: unknown; from: number } | { ok: false; message: string } {
  const version = isRecord(park) ? park.schemaVersion : undefined;
  const problem = schemaVersionProblem(version);
  if (problem) return { ok: false, message: problem.replace('pack format', 'content format') };
  return { ok: true, park: { ...(park as Record<string, unknown>), schemaVersion: SCHEMA_VERSION }, from: version as number };
}
