import { describe, expect, it } from 'vitest';
import {
  edit,
  lineOf,
  MANIFEST_PATH,
  MANIFEST_YAML,
  onlyError,
  packFiles,
  PARK_YAML,
  SCENARIO_PATH,
  SCENARIO_YAML,
} from '../test-fixtures/fixtures.ts';
import { formatError, formatPath, loadPack, loadPark } from './load.ts';

const withScenario = (text: string) => loadPack(packFiles({ scenarios: { 'tiny.yaml': text } }));
const withManifest = (text: string) => loadPack(packFiles({ manifest: text }));

describe('loadPack: a valid pack', () => {
  it('loads, with the scenarios resolved in the listed order and the defaults filled in', () => {
    const result = loadPack(packFiles());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const pack = result.value;
    expect(pack).toMatchObject({ id: 'tiny-pack', version: '1.0.0', area: 'fire', schemaVersion: 3, locales: ['zh-CN', 'en'], assets: [] });
    expect(result.warnings).toEqual([]);
    expect(result.migrated).toBeUndefined();
    expect(pack.scenarios.map((s) => s.id)).toEqual(['tiny']);
    const [scenario] = pack.scenarios;
    expect(scenario!.scene.props[0]).toMatchObject({ rotationY: 0, scale: 1 });
    expect(scenario!.steps[1]).toMatchObject({ mechanic: 'hazard-hunt', hintAfterSeconds: 25, pointsPerHazard: 10 });
    expect(scenario!.steps[2]).toMatchObject({ mechanic: 'decisions', pointsPerSafeChoice: 10, shuffle: true });
    expect(scenario!.steps[3]).toMatchObject({ mechanic: 'quiz', pointsPerQuestion: 10, shuffle: true });
    expect(scenario!.result.passScore).toBe(0.6);
  });

  it('keeps several scenarios in the order pack.yaml lists them', () => {
    const second = edit(SCENARIO_YAML, 'id: tiny\n', 'id: another\n');
    const result = loadPack(
      packFiles({
        manifest: edit(MANIFEST_YAML, '  - tiny\n', '  - another\n  - tiny\n'),
        scenarios: { 'tiny.yaml': SCENARIO_YAML, 'another.yaml': second },
      }),
    );
    expect(result.ok && result.value.scenarios.map((s) => s.id)).toEqual(['another', 'tiny']);
  });
});

describe('loadPack: YAML syntax', () => {
  it('reports a syntax error with its line and column and does not go on to the schema', () => {
    const text = edit(SCENARIO_YAML, 'summary: { zh-CN: 测试用的场景, en: A scenario for tests }', 'summary: { zh-CN: 测试用的场景, en: "A scenario for tests }');
    const result = withScenario(text);
    expect(result.ok).toBe(false);
    const error = result.ok ? undefined : result.errors[0]!;
    const line = text.split('\n')[lineOf(text, 'summary:') - 1]!;
    expect(result.ok ? [] : result.errors).toHaveLength(1); // one mistake, one message
    expect(error).toMatchObject({ file: SCENARIO_PATH, path: '', line: lineOf(text, 'summary:'), column: line.indexOf('"') + 1, code: 'yaml.unclosed-quote' });
    expect(error!.message).toBe('the quote " opened here is never closed: add the closing " at the end of the text');
    expect(error!.message).not.toMatch(/at line \d+/); // the location is in the prefix already
  });

  it('reports a key written twice on the line of the second one', () => {
    const text = edit(MANIFEST_YAML, 'version: 1.0.0\n', 'version: 1.0.0\nversion: 1.0.1\n');
    const error = onlyError(withManifest(text));
    expect(error).toMatchObject({ file: MANIFEST_PATH, line: lineOf(text, 'version: 1.0.1') });
    expect(error).toMatchObject({ code: 'yaml.duplicate-key', params: { key: 'version' }, column: 1 });
    expect(error.message).toMatch(/'version' is written twice/);
  });

  it('says so when a file is empty', () => {
    expect(onlyError(withScenario('# nothing here yet\n'))).toMatchObject({ file: SCENARIO_PATH, path: '', message: 'the file is empty' });
  });
});

describe('loadPack: schema errors name file, line and path', () => {
  it('a missing required field is reported where its parent starts', () => {
    const text = edit(MANIFEST_YAML, 'version: 1.0.0\n', '');
    expect(onlyError(withManifest(text))).toEqual({ file: MANIFEST_PATH, path: 'version', line: lineOf(text, 'schemaVersion'), column: 1, message: 'is required (string)', code: 'zod.required', params: { expected: 'string' } });
  });

  it('a missing nested field points at the mapping it belongs in', () => {
    const text = edit(SCENARIO_YAML, '    lesson: { zh-CN: 教训, en: The lesson }\n', '');
    expect(onlyError(withScenario(text))).toMatchObject({ path: 'steps[0].lesson', line: lineOf(text, 'id: case-card'), message: 'is required (object)' });
  });

  it('a misspelt field is reported on its own line, by name', () => {
    const text = edit(SCENARIO_YAML, '      label: { zh-CN: 灭火器, en: Fire extinguisher }', '      lable: { zh-CN: 灭火器, en: Fire extinguisher }');
    const result = withScenario(text);
    expect(result.ok).toBe(false);
    const errors = result.ok ? [] : result.errors;
    expect(errors).toContainEqual({
      file: SCENARIO_PATH,
      path: 'scene.props[1].lable',
      line: lineOf(text, 'lable:'),
      column: 7,
      message: "unknown field 'lable' (check the spelling)",
      code: 'field.unknown',
      params: { key: 'lable' },
    });
    expect(errors).toContainEqual(expect.objectContaining({ path: 'scene.props[1].label', message: 'is required (object)' }));
  });

  it('an unknown top-level field in pack.yaml is reported on its line', () => {
    const text = edit(MANIFEST_YAML, 'authors:', 'authros:');
    const result = withManifest(text);
    const errors = result.ok ? [] : result.errors;
    expect(errors).toContainEqual(expect.objectContaining({ path: 'authros', line: lineOf(text, 'authros:'), message: expect.stringContaining("unknown field 'authros'") }));
    expect(errors).toContainEqual(expect.objectContaining({ path: 'authors', message: 'is required (array)' }));
  });

  it('explains an unquoted comma inside { … }, which silently splits the text into a new field', () => {
    const text = edit(SCENARIO_YAML, 'hint: { zh-CN: 看看后墙, en: Look at the back wall }', 'hint: { zh-CN: 看看后墙, en: Look up, then at the back wall }');
    const error = onlyError(withScenario(text));
    expect(error).toMatchObject({ path: 'steps[1].hazards[0].hint.then at the back wall', line: lineOf(text, 'Look up, then') });
    expect(error.message).toMatch(/comma starts a new field.*quotes/);
  });

  it('a value of the wrong type', () => {
    const text = edit(SCENARIO_YAML, '    mechanic: hazard-hunt\n', '    mechanic: hazard-hunt\n    pointsPerHazard: ten\n');
    expect(onlyError(withScenario(text))).toMatchObject({
      path: 'steps[1].pointsPerHazard',
      line: lineOf(text, 'pointsPerHazard'),
      column: 22,
      message: expect.stringMatching(/expected number, received string/),
    });
  });

  it('a version written as a number, and a position with two coordinates', () => {
    expect(onlyError(withManifest(edit(MANIFEST_YAML, 'version: 1.0.0', 'version: 1.0')))).toMatchObject({ path: 'version', message: expect.stringMatching(/expected string, received number/) });
    const text = edit(SCENARIO_YAML, 'position: [1, 0, 2]', 'position: [1, 2]');
    expect(onlyError(withScenario(text))).toMatchObject({ path: 'scene.props[1].position', line: lineOf(text, 'position: [1, 2]') });
  });

  it('an id that is not kebab-case', () => {
    const text = edit(SCENARIO_YAML, '    - id: extinguisher', '    - id: Fire_Extinguisher');
    expect(onlyError(withScenario(text))).toMatchObject({
      path: 'scene.props[1].id',
      line: lineOf(text, 'Fire_Extinguisher'),
      message: 'must be kebab-case: lower-case letters, digits and single hyphens',
    });
  });

  it('an area that does not exist', () => {
    const text = edit(MANIFEST_YAML, 'area: fire', 'area: forest');
    const error = onlyError(withManifest(text));
    expect(error).toMatchObject({ file: MANIFEST_PATH, path: 'area', line: lineOf(text, 'area:'), column: 7 });
    expect(error.message).toMatch(/expected one of .*"fire"/);
  });

  it('a prop kind the scene kit cannot draw', () => {
    const text = edit(SCENARIO_YAML, 'kind: fire-extinguisher', 'kind: sprinkler');
    const error = onlyError(withScenario(text));
    expect(error).toMatchObject({ path: 'scene.props[1].kind', line: lineOf(text, 'kind: sprinkler') });
    expect(error.message).toMatch(/expected one of .*"fire-extinguisher"/);
  });

  it('a text without its English or its Chinese', () => {
    const noEn = edit(SCENARIO_YAML, 'label: { zh-CN: 配电柜, en: Power panel }', 'label: { zh-CN: 配电柜 }');
    expect(onlyError(withScenario(noEn))).toMatchObject({ path: 'scene.props[0].label.en', line: lineOf(noEn, 'label: { zh-CN: 配电柜 }'), message: 'is required (string)' });
    const noZh = edit(SCENARIO_YAML, 'title: { zh-CN: 小场景, en: Tiny scenario }', 'title: { en: Tiny scenario }');
    expect(onlyError(withScenario(noZh))).toMatchObject({ path: 'title.zh-CN', message: 'is required (string)' });
  });

  it('an empty translation', () => {
    const text = edit(SCENARIO_YAML, 'consequence: { zh-CN: 对, en: Right }', 'consequence: { zh-CN: "  ", en: Right }');
    expect(onlyError(withScenario(text))).toMatchObject({ path: 'steps[2].nodes[0].choices[0].consequence.zh-CN', message: 'must not be empty' });
  });

  it('a pack written for a newer or an unknown schema version says which versions this build reads', () => {
    const newer = edit(MANIFEST_YAML, 'schemaVersion: 3', 'schemaVersion: 4');
    expect(onlyError(withManifest(newer))).toEqual({
      file: MANIFEST_PATH,
      path: 'schemaVersion',
      line: lineOf(newer, 'schemaVersion: 4'),
      column: 16,
      message: 'pack format 4 is newer than this build reads (formats 1 to 3); update the Ruyi software to load this pack',
      code: 'version.newer',
      params: { what: 'pack', version: 4, readable: 'formats 1 to 3' },
    });
    expect(onlyError(withManifest(edit(MANIFEST_YAML, 'schemaVersion: 3', 'schemaVersion: 0'))).message).toBe(
      'pack format 0 is not one this build reads (formats 1 to 3)',
    );
    expect(onlyError(withManifest(edit(MANIFEST_YAML, 'schemaVersion: 3', 'schemaVersion: two'))).message).toMatch(/must be a whole number.*reads formats 1 to 3/);
    expect(onlyError(withManifest(edit(MANIFEST_YAML, 'schemaVersion: 3\n', '')))).toMatchObject({ path: 'schemaVersion', message: expect.stringMatching(/is required/) });
  });

  it('a case card with no source', () => {
    const text = edit(SCENARIO_YAML, '    sources: [src-a]', '    sources: []');
    expect(onlyError(withScenario(text))).toMatchObject({ path: 'steps[0].sources', line: lineOf(text, 'sources: []'), message: 'a case card needs at least one source' });
  });

  it('a source url that is not a full URL', () => {
    const text = edit(MANIFEST_YAML, 'url: https://example.org/a', 'url: example.org/a');
    expect(onlyError(withManifest(text))).toMatchObject({ path: 'sources[0].url', message: 'must be a full URL (https://…)' });
  });
});

describe('loadPack: files and folders', () => {
  it('a pack without pack.yaml', () => {
    expect(onlyError(loadPack(packFiles({ manifest: null })))).toEqual({ file: MANIFEST_PATH, path: '', message: 'the pack has no pack.yaml', code: 'pack.no-manifest', params: expect.any(Object) });
  });

  it('a pack id that does not match its folder', () => {
    const text = edit(MANIFEST_YAML, 'id: tiny-pack', 'id: tiny-pak');
    expect(onlyError(withManifest(text))).toMatchObject({
      file: MANIFEST_PATH,
      path: 'id',
      line: lineOf(text, 'id: tiny-pak'),
      message: "the pack id 'tiny-pak' must match its folder name 'tiny-pack'",
    });
  });

  it('a scenario listed in pack.yaml without its file', () => {
    const text = edit(MANIFEST_YAML, '  - tiny\n', '  - tiny\n  - missing-one\n');
    expect(onlyError(withManifest(text))).toMatchObject({
      file: MANIFEST_PATH,
      path: 'scenarios[1]',
      line: lineOf(text, 'missing-one'),
      message: "there is no file scenarios/missing-one.yaml for scenario 'missing-one'",
    });
  });

  it('a scenario file that pack.yaml does not list', () => {
    const result = loadPack(packFiles({ scenarios: { 'tiny.yaml': SCENARIO_YAML, 'stray.yaml': edit(SCENARIO_YAML, 'id: tiny', 'id: stray') } }));
    expect(onlyError(result)).toEqual({ file: 'packs/tiny-pack/scenarios/stray.yaml', path: '', message: 'this scenario is not listed in pack.yaml (scenarios:)', code: 'scenario.not-listed', params: expect.any(Object) });
  });

  it('a scenario listed twice', () => {
    const text = edit(MANIFEST_YAML, '  - tiny\n', '  - tiny\n  - tiny\n');
    expect(onlyError(withManifest(text))).toMatchObject({ path: 'scenarios[1]', message: "scenario 'tiny' is listed twice" });
  });

  it('a scenario id that does not match its file name', () => {
    const text = edit(SCENARIO_YAML, 'id: tiny', 'id: tiny-two');
    expect(onlyError(withScenario(text))).toMatchObject({ file: SCENARIO_PATH, path: 'id', line: 1, message: "the scenario id 'tiny-two' must match its file name 'tiny.yaml'" });
  });

  it('collects the errors of every scenario rather than stopping at the first', () => {
    const result = loadPack(
      packFiles({
        manifest: edit(MANIFEST_YAML, '  - tiny\n', '  - tiny\n  - other\n'),
        scenarios: {
          'tiny.yaml': edit(SCENARIO_YAML, 'kind: fire-extinguisher', 'kind: sprinkler'),
          'other.yaml': edit(edit(SCENARIO_YAML, 'id: tiny', 'id: other'), 'prop: panel', 'prop: panels'),
        },
      }),
    );
    const errors = result.ok ? [] : result.errors;
    expect(errors.map((e) => [e.file, e.path])).toEqual([
      [SCENARIO_PATH, 'scene.props[1].kind'],
      ['packs/tiny-pack/scenarios/other.yaml', 'steps[1].hazards[0].prop'],
    ]);
  });
});

describe('loadPark', () => {
  const park = (text: string) => loadPark({ path: 'park.yaml', text });

  it('loads the areas', () => {
    const result = park(PARK_YAML);
    expect(result.ok && result.value.areas.map((a) => a.id)).toEqual(['fire', 'production']);
  });

  it('rejects an area listed twice', () => {
    const text = edit(PARK_YAML, '  - id: production', '  - id: fire');
    expect(onlyError(park(text))).toMatchObject({ file: 'park.yaml', path: 'areas[1].id', line: lineOf(text, '  - id: fire', 'description:'), message: "area 'fire' is listed twice" });
  });
});

describe('formatError and formatPath', () => {
  it('formats file:line:column, the path and the message', () => {
    expect(formatError({ file: 'packs/a/pack.yaml', path: 'sources[0].url', line: 12, column: 10, message: 'must be a full URL (https://…)' })).toBe(
      'packs/a/pack.yaml:12:10 sources[0].url: must be a full URL (https://…)',
    );
  });

  it('leaves out what it does not know', () => {
    expect(formatError({ file: 'packs/a/scenarios/x.yaml', path: '', message: 'this scenario is not listed' })).toBe('packs/a/scenarios/x.yaml: this scenario is not listed');
    expect(formatError({ file: 'packs/a/pack.yaml', path: 'id', line: 3, message: 'bad' })).toBe('packs/a/pack.yaml:3:1 id: bad');
  });

  it('writes indexes in brackets', () => {
    expect(formatPath(['steps', 3, 'questions', 2, 'answer', 0])).toBe('steps[3].questions[2].answer[0]');
    expect(formatPath([])).toBe('');
  });
});
