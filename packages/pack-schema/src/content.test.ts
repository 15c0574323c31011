import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { edit, FIXTURE_CONTENT_DIR, MANIFEST_YAML, packFiles, PARK_YAML, SCENARIO_YAML } from '../test-fixtures/fixtures.ts';
import { loadContent } from './content.ts';
import { formatError } from './load.ts';
import { readContent } from './node.ts';

const park = { path: 'park.yaml', text: PARK_YAML };
const REAL_CONTENT_DIR = fileURLToPath(new URL('../../../content', import.meta.url));

describe('loadContent', () => {
  it('loads the park and its packs', () => {
    const content = loadContent({ park, packs: [packFiles()] });
    expect(content.problems).toEqual([]);
    expect(content.park?.areas.map((a) => a.id)).toEqual(['fire', 'production']);
    expect(content.packs.map((p) => p.id)).toEqual(['tiny-pack']);
  });

  it('leaves out a pack whose area is not in the park', () => {
    // `traffic` is a valid area id, but the test park does not have it.
    const content = loadContent({ park, packs: [packFiles({ manifest: edit(MANIFEST_YAML, 'area: fire', 'area: traffic') })] });
    expect(content.packs).toEqual([]);
    expect(content.problems).toEqual([
      { dir: 'packs/tiny-pack', errors: [{ file: 'packs/tiny-pack/pack.yaml', path: 'area', message: "area 'traffic' is not an area of the park (park.yaml)", code: 'content.unknown-area', params: { area: 'traffic', file: 'park.yaml' } }] },
    ]);
  });

  it('keeps the first of two packs with the same id and reports the second', () => {
    const content = loadContent({ park, packs: [packFiles({ dir: 'packs/tiny-pack' }), packFiles({ dir: 'more-packs/tiny-pack' })] });
    expect(content.packs).toHaveLength(1);
    expect(content.problems).toEqual([
      { dir: 'packs/tiny-pack', errors: [{ file: 'packs/tiny-pack/pack.yaml', path: 'id', message: "another pack already has the id 'tiny-pack'", code: 'content.pack-id-taken', params: expect.any(Object) }] },
    ]);
  });

  it('one broken pack does not stop the others from loading', () => {
    const broken = packFiles({
      dir: 'packs/broken-pack',
      manifest: edit(MANIFEST_YAML, 'id: tiny-pack', 'id: broken-pack'),
      scenarios: { 'tiny.yaml': edit(SCENARIO_YAML, 'kind: fire-extinguisher', 'kind: sprinkler') },
    });
    const other = packFiles({ dir: 'packs/other-pack', manifest: edit(MANIFEST_YAML, 'id: tiny-pack', 'id: other-pack') });
    const content = loadContent({ park, packs: [broken, packFiles(), other] });
    expect(content.packs.map((p) => p.id)).toEqual(['other-pack', 'tiny-pack']);
    expect(content.problems.map((p) => p.dir)).toEqual(['packs/broken-pack']);
    expect(content.problems[0]!.errors[0]).toMatchObject({ file: 'packs/broken-pack/scenarios/tiny.yaml', path: 'scene.props[1].kind' });
  });

  it('reports a missing or broken park.yaml and still loads the packs', () => {
    const none = loadContent({ park: null, packs: [packFiles()] });
    expect(none.park).toBeNull();
    expect(none.packs).toHaveLength(1);
    expect(none.problems).toEqual([{ dir: '.', errors: [{ file: 'park.yaml', path: '', message: 'the content folder has no park.yaml', code: 'content.no-park', params: expect.any(Object) }] }]);

    const broken = loadContent({ park: { path: 'park.yaml', text: edit(PARK_YAML, 'id: production', 'id: factory') }, packs: [packFiles()] });
    expect(broken.problems).toEqual([{ dir: '.', errors: [expect.objectContaining({ file: 'park.yaml', path: 'areas[1].id' })] }]);
    expect(broken.packs).toHaveLength(1);
  });
});

describe('readContent', () => {
  it('reads a content folder from disk', () => {
    const content = readContent(FIXTURE_CONTENT_DIR);
    expect(content.problems).toEqual([]);
    expect(content.packs.map((p) => p.id)).toEqual(['tiny-pack']);
  });

  it('reports a folder with nothing in it', () => {
    const content = readContent(`${FIXTURE_CONTENT_DIR}/packs/tiny-pack/scenarios`);
    expect(content.packs).toEqual([]);
    expect(content.problems).toEqual([{ dir: '.', errors: [{ file: 'park.yaml', path: '', message: 'the content folder has no park.yaml', code: 'content.no-park', params: expect.any(Object) }] }]);
  });
});

// CI runs this, so every pack in the repository is validated on every change.
describe('the real content folder', () => {
  const content = readContent(REAL_CONTENT_DIR);

  it('loads with no problems', () => {
    expect(content.problems.flatMap((p) => p.errors.map(formatError))).toEqual([]);
    expect(content.park?.areas).toHaveLength(8);
  });

  it('has every pack folder loaded', () => {
    expect(content.packs.map((p) => p.id)).toContain('fire-dehui-2013');
  });
});
