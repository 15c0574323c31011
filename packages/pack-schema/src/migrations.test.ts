// Every migration: a pack written for the older format goes in, the newer format comes out, and the old pack loads.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { lineOf, MANIFEST_PATH, packFiles, SCENARIO_PATH, SCENARIO_YAML } from '../test-fixtures/fixtures.ts';
import { loadPack, loadPark } from './load.ts';
import { declareLocalesAndAssets, migrate, MIGRATIONS, OLDEST_SCHEMA_VERSION, scenarioAsSteps, type PackDocument } from './migrations.ts';
import { readContent } from './node.ts';
import { Manifest, Scenario, SCHEMA_VERSION } from './schema.ts';

const V1_DIR = fileURLToPath(new URL('../test-fixtures/v1-content', import.meta.url));
const V1_MANIFEST = readFileSync(`${V1_DIR}/packs/tiny-pack/pack.yaml`, 'utf8');
const V1_PARK = readFileSync(`${V1_DIR}/park.yaml`, 'utf8');
const V1_SCENARIO = readFileSync(`${V1_DIR}/packs/tiny-pack/scenarios/tiny.yaml`, 'utf8');
const V2_DIR = fileURLToPath(new URL('../test-fixtures/v2-content', import.meta.url));
const V2_MANIFEST = readFileSync(`${V2_DIR}/packs/tiny-pack/pack.yaml`, 'utf8');
const V2_SCENARIO = readFileSync(`${V2_DIR}/packs/tiny-pack/scenarios/tiny.yaml`, 'utf8');
const v1Doc = (): PackDocument => ({ manifest: parse(V1_MANIFEST), scenarios: { 'tiny.yaml': parse(V1_SCENARIO) } });
const v2Doc = (): PackDocument => ({ manifest: parse(V2_MANIFEST), scenarios: { 'tiny.yaml': parse(V2_SCENARIO) } });
const BOTH = ['0002-declare-locales-and-assets', '0003-scenario-as-steps'];

describe('the list of migrations', () => {
  it('runs without gaps from the oldest format to the current one, each named after the version it makes', () => {
    expect(OLDEST_SCHEMA_VERSION).toBe(1);
    MIGRATIONS.forEach((m, i) => {
      expect(m.to).toBe(m.from + 1);
      if (i > 0) expect(m.from).toBe(MIGRATIONS[i - 1]!.to);
      expect(m.name).toMatch(new RegExp(`^${String(m.to).padStart(4, '0')}-[a-z0-9-]+$`));
    });
    expect(MIGRATIONS.at(-1)!.to).toBe(SCHEMA_VERSION);
  });
});

describe('0002-declare-locales-and-assets', () => {
  it('adds locales: [zh-CN, en] and assets: [] to a format-1 manifest, after authors', () => {
    const before = v1Doc();
    const after = declareLocalesAndAssets.up(before);
    const manifest = after.manifest as Record<string, unknown>;
    expect(manifest).toMatchObject({ schemaVersion: 2, id: 'tiny-pack', locales: ['zh-CN', 'en'], assets: [] });
    expect(Object.keys(manifest)).toEqual(['schemaVersion', 'id', 'version', 'area', 'title', 'authors', 'locales', 'assets', 'sources', 'scenarios']);
    // Its manifest is then a whole one (only its schemaVersion waits for the next migration).
    expect(Manifest.safeParse({ ...manifest, schemaVersion: SCHEMA_VERSION }).success).toBe(true);
    expect(after.scenarios).toEqual(before.scenarios);
    expect((before.manifest as Record<string, unknown>).schemaVersion).toBe(1); // the input is left as it was
  });

  it('the format-1 tiny pack loads, read as format 3, with a warning saying how to update it', () => {
    const result = loadPack(packFiles({ manifest: V1_MANIFEST, scenarios: { 'tiny.yaml': V1_SCENARIO } }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toMatchObject({ schemaVersion: 3, locales: ['zh-CN', 'en'], assets: [] });
    expect(result.migrated).toEqual({ from: 1, applied: BOTH });
    expect(result.warnings).toEqual([
      {
        file: MANIFEST_PATH,
        path: 'schemaVersion',
        line: lineOf(V1_MANIFEST, 'schemaVersion: 1'),
        column: 16,
        severity: 'warning',
        message: expect.stringMatching(
          /^the pack is written for pack format 1 and was read as format 3 \(0002-declare-locales-and-assets, 0003-scenario-as-steps\); to bring it up to date, set schemaVersion: 2 and add locales: \[zh-CN, en\] and assets: \[\] to pack\.yaml; then set schemaVersion: 3 and, in each scenario, put caseCard, hazardHunt, decisions and quiz under steps:/,
        ),
        code: 'pack.migrated',
        params: expect.objectContaining({ from: 1, to: 3 }),
      },
    ]);
  });

  it('a format-1 content folder (park and pack) loads with no problems', () => {
    const content = readContent(V1_DIR);
    expect(content.problems).toEqual([]);
    expect(content.packs.map((p) => [p.id, p.schemaVersion])).toEqual([['tiny-pack', 3]]);
    expect(content.warnings.map((w) => w.dir)).toEqual(['packs/tiny-pack']);
    expect(loadPark({ path: 'park.yaml', text: V1_PARK })).toMatchObject({ ok: true, value: { schemaVersion: 3 }, migrated: { from: 1, applied: [] } });
  });
});

describe('0003-scenario-as-steps', () => {
  it('makes the four fixed parts of a format-2 scenario four steps, in play order, keeping the choices in pack order', () => {
    const before = v2Doc();
    const after = scenarioAsSteps.up(before);
    const scenario = after.scenarios['tiny.yaml'] as Record<string, unknown>;
    expect(Object.keys(scenario)).toEqual(['id', 'title', 'summary', 'steps', 'scene', 'result']);
    const steps = scenario.steps as Record<string, unknown>[];
    expect(steps.map((s) => [s.id, s.mechanic])).toEqual([
      ['case-card', 'case-card'],
      ['hazard-hunt', 'hazard-hunt'],
      ['decisions', 'decisions'],
      ['quiz', 'quiz'],
    ]);
    expect(steps[2]).toMatchObject({ shuffle: false, start: 'first' });
    expect(steps[3]).toMatchObject({ shuffle: false });
    expect((after.manifest as Record<string, unknown>).schemaVersion).toBe(3);
    expect(Scenario.safeParse(scenario).success).toBe(true);
    expect((before.scenarios['tiny.yaml'] as Record<string, unknown>).caseCard).toBeDefined(); // the input is left as it was
  });

  it('the same pack written in format 3 by hand loads the same, but for the choice order it now shuffles', () => {
    const migrated = loadPack(packFiles({ manifest: V2_MANIFEST, scenarios: { 'tiny.yaml': V2_SCENARIO } }));
    const current = loadPack(packFiles());
    expect(migrated.ok && current.ok).toBe(true);
    if (!migrated.ok || !current.ok) return;
    const unshuffled = current.value.scenarios[0]!.steps.map((s) => ('shuffle' in s ? { ...s, shuffle: false } : s));
    expect(migrated.value.scenarios[0]!.steps).toEqual(unshuffled);
  });

  it('reports an error in a format-2 pack at its own path and line', () => {
    const text = V2_SCENARIO.replace('prop: panel', 'prop: pannel');
    const result = loadPack(packFiles({ manifest: V2_MANIFEST, scenarios: { 'tiny.yaml': text } }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.filter((e) => !e.severity)).toEqual([
      { file: SCENARIO_PATH, path: 'hazardHunt.hazards[0].prop', line: lineOf(text, 'prop: pannel'), column: 13, message: "prop 'pannel' is not in scene.props: panel, extinguisher", code: 'mechanic.prop-not-in-scene', params: expect.any(Object) },
    ]);
  });
});

describe('migrate', () => {
  it('reports which migrations ran, and runs none on a current pack', () => {
    expect(migrate(v1Doc())).toMatchObject({ ok: true, from: 1, applied: BOTH });
    expect(migrate(v2Doc())).toMatchObject({ ok: true, from: 2, applied: ['0003-scenario-as-steps'] });
    const current = migrate(v1Doc());
    expect(current.ok && migrate(current.doc)).toMatchObject({ ok: true, from: 3, applied: [] });
  });

  it('refuses a version it does not read, saying which it does', () => {
    const doc = (schemaVersion: unknown) => ({ manifest: { schemaVersion }, scenarios: {} });
    expect(migrate(doc(4))).toMatchObject({ ok: false, code: 'version.newer', message: 'pack format 4 is newer than this build reads (formats 1 to 3); update the Ruyi software to load this pack' });
    expect(migrate(doc(0))).toMatchObject({ ok: false, code: 'version.old', message: 'pack format 0 is not one this build reads (formats 1 to 3)' });
    expect(migrate(doc('1.0'))).toMatchObject({ ok: false, message: expect.stringMatching(/^must be a whole number/) });
  });
});
