// Named migrations of the pack format. Each one takes a pack as parsed YAML (before the schema sees it) from one
// `schemaVersion` to the next, so a pack written for an older format still loads: `load.ts` runs `migrate` first.
// A format change ships with its migration here and a test in migrations.test.ts; migrations are never edited once
// released, only added.
import { coded, type CodedMessage } from './messages/coded.ts';
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
  /** A path in a scenario this migration made, as the path in the scenario it was made from (`scenario`: the made one). */
  scenarioPathBack?(path: readonly (string | number)[], scenario: unknown): readonly (string | number)[];
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

/** The four fixed parts of a format-2 scenario, in play order, as the steps (and step ids) they become. */
const FIXED_PARTS = [
  ['caseCard', 'case-card'],
  ['hazardHunt', 'hazard-hunt'],
  ['decisions', 'decisions'],
  ['quiz', 'quiz'],
] as const;

/**
 * Format 3: a scenario is an ordered list of steps, each an instance of a mechanic. A format-2 scenario's case card,
 * hazard hunt, decisions and quiz become four steps with those mechanics, in that order; their ids are the old
 * part names, so records and xAPI activities keep theirs. Its choices were shown in the pack's order: they stay so.
 */
export const scenarioAsSteps: Migration = {
  name: '0003-scenario-as-steps',
  from: 2,
  to: 3,
  byHand:
    'set schemaVersion: 3 and, in each scenario, put caseCard, hazardHunt, decisions and quiz under steps: as - { id: case-card, mechanic: case-card, … }, - { id: hazard-hunt, mechanic: hazard-hunt, … }, - { id: decisions, mechanic: decisions, shuffle: false, … }, - { id: quiz, mechanic: quiz, shuffle: false, … }',
  up(doc) {
    const manifest = isRecord(doc.manifest) ? { ...doc.manifest, schemaVersion: 3 } : doc.manifest;
    const scenarios = Object.fromEntries(
      Object.entries(doc.scenarios).map(([file, scenario]) => {
        if (!isRecord(scenario) || 'steps' in scenario) return [file, scenario];
        const out: Record<string, unknown> = {};
        const steps: unknown[] = [];
        for (const [key, value] of Object.entries(scenario)) {
          const part = FIXED_PARTS.find(([name]) => name === key);
          if (!part) {
            out[key] = value;
            continue;
          }
          const [, id] = part;
          const keepOrder = id === 'decisions' || id === 'quiz' ? { shuffle: false } : {};
          steps.push(isRecord(value) ? { id, mechanic: id, ...keepOrder, ...value } : value);
          // The steps go where the first part stood, so `result:` stays last.
          if (!('steps' in out)) out.steps = steps;
        }
        steps.sort((a, b) => order(a) - order(b));
        return [file, out];
      }),
    );
    return { manifest, scenarios };
  },
  scenarioPathBack(path, scenario) {
    if (path[0] !== 'steps' || typeof path[1] !== 'number' || !isRecord(scenario) || !Array.isArray(scenario.steps)) return path;
    const step = scenario.steps[path[1]];
    const part = FIXED_PARTS.find(([, id]) => isRecord(step) && step.id === id);
    if (!part) return path;
    const rest = path.slice(2);
    // The fields the migration added have no place in the file: point at the part itself.
    return typeof rest[0] === 'string' && ['id', 'mechanic', 'shuffle'].includes(rest[0]) ? [part[0]] : [part[0], ...rest];
  },
};

/** Error paths of a migrated pack, in the terms of the file its editor wrote (`applied`: the migrations that ran). */
export function scenarioPathBack(applied: readonly string[], path: readonly (string | number)[], scenario: unknown): readonly (string | number)[] {
  // Only the last migration's document is at hand; the earlier ones do not move scenario paths.
  return MIGRATIONS.filter((m) => applied.includes(m.name)).reduceRight((p, m) => m.scenarioPathBack?.(p, scenario) ?? p, path);
}

const order = (step: unknown) => FIXED_PARTS.findIndex(([, id]) => isRecord(step) && step.id === id);

/** Every migration, oldest first; each `from` is the previous `to`, and the last `to` is `SCHEMA_VERSION`. */
export const MIGRATIONS: readonly Migration[] = [declareLocalesAndAssets, scenarioAsSteps];

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
  | ({ ok: false } & CodedMessage);

/**
 * Checks a `schemaVersion` value: null when this build reads it, else what is wrong with it (for an error on the
 * `schemaVersion` line).
 */
export function schemaVersionProblem(version: unknown, what: 'pack' | 'content' = 'pack'): CodedMessage | null {
  if (version === undefined) return coded('version.required', { what, current: SCHEMA_VERSION, readable: readable() });
  if (typeof version !== 'number' || !Number.isInteger(version)) return coded('version.whole', { what, current: SCHEMA_VERSION, readable: readable() });
  if (version > SCHEMA_VERSION) return coded('version.newer', { what, version, readable: readable() });
  if (version < OLDEST_SCHEMA_VERSION) return coded('version.old', { what, version, readable: readable() });
  return null;
}

/** Applies every migration from the manifest's `schemaVersion` up to `SCHEMA_VERSION`. */
export function migrate(doc: PackDocument, migrations: readonly Migration[] = MIGRATIONS): MigrateResult {
  const version = isRecord(doc.manifest) ? doc.manifest.schemaVersion : undefined;
  const problem = schemaVersionProblem(version);
  if (problem) return { ok: false, ...problem };
  const from = version as number;
  let current = doc;
  const applied: string[] = [];
  for (let v = from; v < SCHEMA_VERSION; v++) {
    const step = migrations.find((m) => m.from === v);
    if (!step || step.to !== v + 1) return { ok: false, ...coded('version.no-migration', { from: v, to: v + 1 }) };
    current = step.up(current);
    applied.push(step.name);
  }
  return { ok: true, doc: current, from, applied };
}

/**
 * park.yaml shares the numbering but has not changed since format 1: a supported older version is read as the
 * current one. (A park change would add its own migrations here.)
 */
export function migratePark(park: unknown): { ok: true; park: unknown; from: number } | ({ ok: false } & CodedMessage) {
  const version = isRecord(park) ? park.schemaVersion : undefined;
  const problem = schemaVersionProblem(version, 'content');
  if (problem) return { ok: false, ...problem };
  return { ok: true, park: { ...(park as Record<string, unknown>), schemaVersion: SCHEMA_VERSION }, from: version as number };
}
