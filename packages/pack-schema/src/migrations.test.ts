// Every migration: a pack written for the older format goes in, the newer format comes out, and the old pack loads.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { lineOf, MANIFEST_PATH, packFiles, SCENARIO_YAML } from '../test-fixtures/fixtures.ts';
import { loadPack, loadPark } from './load.ts';
import { declareLocalesAndAssets, migrate, MIGRATIONS, OLDEST_SCHEMA_VERSION, type PackDocument } from './migrations.ts';
import { readContent } from './node.ts';
import { Manifest, SCHEMA_VERSION } from './schema.ts';

const V1_DIR = fileURLToPath(new URL('../test-fixtures/v1-content', import.meta.url));
const V1_MANIFEST = readFileSync(`${V1_DIR}/packs/tiny-pack/pack.yaml`, 'utf8');
const V1_PARK = readFileSync(`${V1_DIR}/park.yaml`, 'utf8');
const v1Doc = (): PackDocument => ({ manifest: parse(V1_MANIFEST), scenarios: { 'tiny.yaml': parse(SCENARIO_YAML) } });

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
    expect(Manifest.safeParse(manifest).success).toBe(true);
    expect(after.scenarios).toEqual(before.scenarios);
    expect((before.manifest as Record<string, unknown>).schemaVersion).toBe(1); // the input is left as it was
  });

  it('the format-1 tiny pack loads, read as format 2, with a warning saying how to update it', () => {
    const result = loadPack(packFiles({ manifest: V1_MANIFEST }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toMatchObject({ schemaVersion: 2, locales: ['zh-CN', 'en'], assets: [] });
    expect(result.migrated).toEqual({ from: 1, applied: ['0002-declare-locales-and-assets'] });
    expect(result.warnings).toEqual([
      {
        file: MANIFEST_PATH,
        path: 'schemaVersion',
        line: lineOf(V1_MANIFEST, 'schemaVersion: 1'),
        column: 16,
        severity: 'warning',
        message:
          'the pack is written for pack format 1 and was read as format 2 (0002-declare-locales-and-assets); to bring it up to date, set schemaVersion: 2 and add locales: [zh-CN, en] and assets: [] to pack.yaml',
      },
    ]);
  });

  it('a format-1 content folder (park and pack) loads with no problems', () => {
    const content = readContent(V1_DIR);
    expect(content.problems).toEqual([]);
    expect(content.packs.map((p) => [p.id, p.schemaVersion])).toEqual([['tiny-pack', 2]]);
    expect(content.warnings.map((w) => w.dir)).toEqual(['packs/tiny-pack']);
    expect(loadPark({ path: 'park.yaml', text: V1_PARK })).toMatchObject({ ok: true, value: { schemaVersion: 2 }, migrated: { from: 1, applied: [] } });
  });
});

describe('migrate', () => {
  it('reports which migrations ran, and runs none on a current pack', () => {
    expect(migrate(v1Doc())).toMatchObject({ ok: true, from: 1, applied: ['0002-declare-locales-and-assets'] });
    const current = migrate(v1Doc());
    expect(current.ok && migrate(current.doc)).toMatchObject({ ok: true, from: 2, applied: [] });
  });

  it('refuses a version it does not read, saying which it does', () => {
    const doc = (schemaVersion: unknown) => ({ manifest: { schemaVersion }, scenarios: {} });
    expect(migrate(doc(3))).toEqual({ ok: false, message: 'pack format 3 is newer than this build reads (formats 1 to 2); update the Ruyi software to load this pack' });
    expect(migrate(doc(0))).toEqual({ ok: false, message: 'pack format 0 is not one this build reads (formats 1 to 2)' });
    expect(migrate(doc('1.0'))).toMatchObject({ ok: false, message: expect.stringMatching(/^must be a whole number/) });
  });
});
