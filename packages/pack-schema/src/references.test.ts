// The cross-reference checks, run through loadPack so each test also pins the path and line an editor is sent to.
import { describe, expect, it } from 'vitest';
import { edit, lineOf, MANIFEST_PATH, MANIFEST_YAML, onlyError, packFiles, SCENARIO_PATH, SCENARIO_YAML } from '../test-fixtures/fixtures.ts';
import { loadPack } from './load.ts';
import { checkScenarioReferences } from './references.ts';
import { Manifest, Scenario } from './schema.ts';
import { parse } from 'yaml';

const withScenario = (text: string) => loadPack(packFiles({ scenarios: { 'tiny.yaml': text } }));

describe('checkScenarioReferences', () => {
  it('finds nothing wrong in a consistent scenario', () => {
    const scenario = Scenario.parse(parse(SCENARIO_YAML));
    expect(checkScenarioReferences(scenario, Manifest.parse(parse(MANIFEST_YAML)))).toEqual([]);
  });
});

describe('ids are unique', () => {
  it('two props with the same id', () => {
    const text = edit(SCENARIO_YAML, '    - id: extinguisher', '    - id: panel');
    const result = withScenario(text);
    const errors = result.ok ? [] : result.errors;
    expect(errors[0]).toEqual({
      file: SCENARIO_PATH,
      path: 'scene.props[1].id',
      line: lineOf(text, '- id: panel', 'kind: electrical-panel'),
      column: 11,
      message: "prop id 'panel' is used twice (first at index 0); ids must be unique",
      code: 'mechanic.id-twice',
      params: { what: 'prop', id: 'panel', first: 0 },
    });
  });

  it('two hazards with the same id, and two hazards on one prop', () => {
    const second = [
      '      - id: panel-hazard',
      '        prop: panel',
      '        name: { zh-CN: 又一个, en: Another }',
      '        feedback: { zh-CN: 反馈, en: Feedback }',
      '        hint: { zh-CN: 提示, en: Hint }',
      '  - id: decisions',
    ].join('\n');
    const text = edit(SCENARIO_YAML, '  - id: decisions', second);
    const result = withScenario(text);
    const errors = result.ok ? [] : result.errors;
    expect(errors).toEqual([
      expect.objectContaining({ path: 'steps[1].hazards[1].id', line: lineOf(text, '- id: panel-hazard', 'source: src-a'), message: "hazard id 'panel-hazard' is used twice (first at index 0); ids must be unique" }),
      expect.objectContaining({ path: 'steps[1].hazards[1].prop', message: "prop 'panel' is used twice (first at index 0); one prop can hold only one hazard" }),
    ]);
  });

  it('two decisions, two choices or two questions with the same id', () => {
    let text = edit(SCENARIO_YAML, '    - id: third', '    - id: second');
    text = edit(text, 'next: third', 'next: second');
    text = edit(text, '{ id: no, label', '{ id: yes, label');
    text = edit(text, '    - id: q-multiple', '    - id: q-single');
    const result = withScenario(text);
    const messages = result.ok ? [] : result.errors.map((e) => `${e.path}: ${e.message}`);
    expect(messages).toContain("steps[2].nodes[2].id: decision id 'second' is used twice (first at index 1); ids must be unique");
    expect(messages).toContain("steps[3].questions[0].choices[1].id: choice id 'yes' is used twice (first at index 0); ids must be unique");
    expect(messages).toContain("steps[3].questions[1].id: question id 'q-single' is used twice (first at index 0); ids must be unique");
  });
});

describe('references resolve', () => {
  it('a hazard on a prop that is not in the scene', () => {
    const text = edit(SCENARIO_YAML, 'prop: panel', 'prop: pannel');
    expect(onlyError(withScenario(text))).toEqual({
      file: SCENARIO_PATH,
      path: 'steps[1].hazards[0].prop',
      line: lineOf(text, 'prop: pannel'),
      column: 15,
      message: "prop 'pannel' is not in scene.props: panel, extinguisher",
      code: 'mechanic.prop-not-in-scene',
      params: { prop: 'pannel', known: 'panel, extinguisher' },
    });
  });

  it('a source that the pack does not list', () => {
    const text = edit(SCENARIO_YAML, '      source: src-a', '      source: src-z');
    expect(onlyError(withScenario(text))).toMatchObject({
      path: 'steps[1].hazards[0].source',
      line: lineOf(text, 'source: src-z'),
      message: "source 'src-z' is not one of the pack's sources: src-a, src-b",
    });
  });

  it('an unknown source on the case card, a decision choice and a question', () => {
    let text = edit(SCENARIO_YAML, 'sources: [src-a]', 'sources: [src-a, nowhere]');
    text = edit(text, 'source: src-b', 'source: nowhere');
    text = edit(text, '        source: src-a\n      - id: q-multiple', '        source: nowhere\n      - id: q-multiple');
    const result = withScenario(text);
    const paths = result.ok ? [] : result.errors.map((e) => e.path);
    expect(paths).toEqual(['steps[0].sources[1]', 'steps[2].nodes[0].choices[1].source', 'steps[3].questions[0].source']);
  });

  it('a source id listed twice in pack.yaml', () => {
    const text = edit(MANIFEST_YAML, '  - id: src-b', '  - id: src-a');
    const result = loadPack(packFiles({ manifest: text }));
    expect(result.ok ? [] : result.errors[0]).toMatchObject({
      file: 'packs/tiny-pack/pack.yaml',
      path: 'sources[1].id',
      line: lineOf(text, '- id: src-a', 'example.org'),
      message: "source id 'src-a' is used twice",
    });
  });
});

describe('the escape drill always ends, and every step can be reached', () => {
  it('a choice leading to a decision that does not exist', () => {
    const text = edit(SCENARIO_YAML, 'next: third', 'next: fourth');
    const result = withScenario(text);
    const errors = result.ok ? [] : result.errors;
    expect(errors).toContainEqual({
      file: SCENARIO_PATH,
      path: 'steps[2].nodes[1].choices[1].next',
      line: lineOf(text, 'next: fourth'),
      column: 19,
      message: "decision 'fourth' is not one of the decisions: first, second, third",
      code: 'mechanic.decision-unknown',
      params: expect.any(Object),
    });
  });

  it('a start that does not exist', () => {
    const text = edit(SCENARIO_YAML, 'start: first', 'start: begin');
    expect(onlyError(withScenario(text))).toMatchObject({ path: 'steps[2].start', line: lineOf(text, 'start: begin'), message: "decision 'begin' is not one of the decisions: first, second, third" });
  });

  it('a loop back to an earlier decision', () => {
    const text = edit(SCENARIO_YAML, "            consequence: { zh-CN: 跑了, en: Ran }\n            safe: false\n", "            consequence: { zh-CN: 跑了, en: Ran }\n            safe: false\n            next: first\n");
    expect(onlyError(withScenario(text))).toMatchObject({
      path: 'steps[2].nodes[2].choices[1].next',
      line: lineOf(text, 'next: first'),
      message: "going to 'first' makes a loop; every path through the decisions must end",
    });
  });

  it('a decision that points to itself', () => {
    const text = edit(SCENARIO_YAML, 'next: third', 'next: second');
    expect(withScenario(text)).toMatchObject({
      ok: false,
      errors: expect.arrayContaining([expect.objectContaining({ path: 'steps[2].nodes[1].choices[1].next', message: expect.stringContaining('makes a loop') })]),
    });
  });

  it('a decision no path leads to', () => {
    const text = edit(SCENARIO_YAML, 'next: third', '');
    expect(onlyError(withScenario(text))).toMatchObject({
      path: 'steps[2].nodes[2].id',
      line: lineOf(text, '- id: third'),
      message: "decision 'third' cannot be reached from the start 'first'",
    });
  });

  it('a decision with no safe choice to teach', () => {
    const text = edit(SCENARIO_YAML, "consequence: { zh-CN: 停了, en: Stopped }\n            safe: true", "consequence: { zh-CN: 停了, en: Stopped }\n            safe: false");
    expect(onlyError(withScenario(text))).toMatchObject({ path: 'steps[2].nodes[2].choices', message: 'a decision needs at least one safe choice to teach' });
  });
});

describe('quiz answers', () => {
  it('a single-choice question with two answers', () => {
    const text = edit(SCENARIO_YAML, 'answer: [yes]', 'answer: [yes, no]');
    expect(onlyError(withScenario(text))).toEqual({
      file: SCENARIO_PATH,
      path: 'steps[3].questions[0].answer',
      line: lineOf(text, 'answer: [yes, no]'),
      column: 17,
      message: 'a single-choice question has exactly one answer, not 2',
      code: 'mechanic.single-answer',
      params: { count: 2 },
    });
  });

  it('an answer that is not one of the choices', () => {
    const text = edit(SCENARIO_YAML, 'answer: [one, two]', 'answer: [one, four]');
    expect(onlyError(withScenario(text))).toMatchObject({
      path: 'steps[3].questions[1].answer[1]',
      line: lineOf(text, 'answer: [one, four]'),
      message: "'four' is not one of the choices one, two, three",
    });
  });

  it('the same choice twice in an answer', () => {
    const text = edit(SCENARIO_YAML, 'answer: [one, two]', 'answer: [one, one]');
    expect(onlyError(withScenario(text))).toMatchObject({ path: 'steps[3].questions[1].answer', message: 'an answer lists the same choice twice' });
  });

  it('a question with no answer', () => {
    const text = edit(SCENARIO_YAML, 'answer: [one, two]', 'answer: []');
    expect(onlyError(withScenario(text))).toMatchObject({ path: 'steps[3].questions[1].answer', message: 'name at least one right choice' });
  });
});

describe('assets', () => {
  const ASSETS = [
    'assets:',
    '  - id: boxes',
    '    file: models/boxes.glb',
    '    kind: model',
    '  - id: photo',
    '    file: photo.jpg',
    '    kind: image',
    '    alt: { zh-CN: 厂房照片, en: Photo of the plant }',
    '  - id: reading-zh',
    '    file: narration/case-zh.mp3',
    '    kind: audio',
    '',
  ].join('\n');
  const manifest = edit(MANIFEST_YAML, 'assets: []\n', ASSETS);
  const withAssets = (scenario: string, m = manifest) => loadPack(packFiles({ manifest: m, scenarios: { 'tiny.yaml': scenario } }));
  const uses = (text: string) =>
    edit(
      edit(text, '      kind: fire-extinguisher\n', '      kind: fire-extinguisher\n      model: boxes\n'),
      '    sources: [src-a]\n',
      '    sources: [src-a]\n    image: photo\n    narration: { zh-CN: reading-zh }\n',
    );

  it('a scenario using a model, an image and a narration of the right kinds loads', () => {
    const result = withAssets(uses(SCENARIO_YAML));
    expect(result.ok && result.warnings).toEqual([]);
    const scenario = result.ok ? result.value.scenarios[0]! : undefined;
    expect(scenario?.scene.props[1]!.model).toBe('boxes');
    expect(scenario?.steps[0]).toMatchObject({ image: 'photo', narration: { 'zh-CN': 'reading-zh' } });
  });

  it('a reference to an asset of the wrong kind', () => {
    const text = edit(uses(SCENARIO_YAML), 'model: boxes', 'model: photo');
    expect(onlyError(withAssets(text))).toEqual({
      file: SCENARIO_PATH,
      path: 'scene.props[1].model',
      line: lineOf(text, 'model: photo'),
      column: 14,
      message: "asset 'photo' is an image, but model: needs a model asset (.glb)",
      code: 'asset.wrong-kind',
      params: { ref: 'photo', actual: 'an image', slot: 'model:', needed: 'a model', extensions: '.glb' },
    });
    expect(onlyError(withAssets(edit(uses(SCENARIO_YAML), 'image: photo', 'image: boxes'))).message).toBe(
      "asset 'boxes' is a model, but image: needs an image asset (.png, .jpg, .jpeg or .webp)",
    );
    expect(onlyError(withAssets(edit(uses(SCENARIO_YAML), '{ zh-CN: reading-zh }', '{ zh-CN: photo }')))).toMatchObject({
      path: 'steps[0].narration.zh-CN',
      message: "asset 'photo' is an image, but narration: needs an audio asset (.mp3, .ogg, .m4a or .wav)",
    });
  });

  it('a reference to an asset that does not exist lists those of the right kind', () => {
    expect(onlyError(withAssets(edit(uses(SCENARIO_YAML), 'model: boxes', 'model: crates')))).toMatchObject({
      path: 'scene.props[1].model',
      message: "asset 'crates' is not one of the pack's model assets (pack.yaml assets:): boxes",
    });
  });

  it('two assets with one id, and two assets on one file', () => {
    const dupeId = edit(manifest, '  - id: photo', '  - id: boxes');
    expect(onlyError(withAssets(SCENARIO_YAML, dupeId))).toMatchObject({
      file: MANIFEST_PATH,
      path: 'assets[1].id',
      line: lineOf(dupeId, '- id: boxes', 'kind: model'),
      message: "asset id 'boxes' is used twice (first at index 0); ids must be unique",
    });
    const sameFile = edit(edit(manifest, 'file: narration/case-zh.mp3', 'file: Photo.JPG'), 'kind: audio', 'kind: image\n    alt: { zh-CN: 照片, en: Photo }');
    expect(onlyError(withAssets(edit(SCENARIO_YAML, '    sources: [src-a]\n', '    sources: [src-a]\n    image: photo\n'), sameFile))).toMatchObject({
      path: 'assets[2].file',
      line: lineOf(sameFile, 'file: Photo.JPG'),
      message: "the file 'Photo.JPG' is already asset 'photo'; refer to that asset instead",
    });
  });

  it('an asset no scenario uses is a warning', () => {
    const result = withAssets(SCENARIO_YAML);
    expect(result.ok && result.warnings.map((w) => [w.path, w.severity, w.message])).toEqual([
      ['assets[0].id', 'warning', "asset 'boxes' is not used by any scenario; remove it (it makes the pack bigger) or refer to it"],
      ['assets[1].id', 'warning', "asset 'photo' is not used by any scenario; remove it (it makes the pack bigger) or refer to it"],
      ['assets[2].id', 'warning', "asset 'reading-zh' is not used by any scenario; remove it (it makes the pack bigger) or refer to it"],
    ]);
  });

  it('the schema: file paths stay inside assets/, extensions fit the kind, images need alt', () => {
    const fileError = (file: string) => onlyError(withAssets(uses(SCENARIO_YAML), edit(manifest, 'file: models/boxes.glb', `file: ${file}`))).message;
    expect(fileError('../boxes.glb')).toBe("must stay inside the pack's assets/ folder: no '..' or '.' in the path");
    expect(fileError('models/../../boxes.glb')).toBe("must stay inside the pack's assets/ folder: no '..' or '.' in the path");
    expect(fileError('/models/boxes.glb')).toBe("must be relative to the pack's assets/ folder, not an absolute path");
    expect(fileError('C:/models/boxes.glb')).toBe("must be relative to the pack's assets/ folder, not an absolute path");
    expect(fileError('"models\\\\boxes.glb"')).toBe('write the path with forward slashes (/), not backslashes');
    expect(fileError('models/boxes.gltf')).toBe('a model must be a .glb file');
    expect(withAssets(uses(SCENARIO_YAML), edit(manifest, 'file: models/boxes.glb', 'file: models/BOXES.GLB')).ok, 'extensions in capitals are fine').toBe(true);
    const noAlt = edit(manifest, '    alt: { zh-CN: 厂房照片, en: Photo of the plant }\n', '');
    expect(onlyError(withAssets(uses(SCENARIO_YAML), noAlt))).toMatchObject({
      path: 'assets[1].alt',
      line: lineOf(noAlt, '- id: photo'),
      message: 'an image needs alt: what it shows, for visitors who use a screen reader',
    });
    expect(onlyError(withAssets(uses(SCENARIO_YAML), edit(manifest, 'kind: model', 'kind: video')))).toMatchObject({
      path: 'assets[0].kind',
      message: 'kind must be one of: model, image, audio',
    });
  });
});

describe('the steps of a scenario', () => {
  it("'end' is not a step id: it means the result", () => {
    const text = edit(SCENARIO_YAML, '  - id: quiz\n', '  - id: end\n');
    expect(onlyError(withScenario(text))).toMatchObject({ path: 'steps[3].id', message: "'end' cannot be a step's id: it means the result (next: end)" });
  });

  it('a choice that goes to a step that does not exist, and one that goes around the quiz to the result', () => {
    const missing = edit(SCENARIO_YAML, '            consequence: { zh-CN: 结束了, en: The end }\n', '            consequence: { zh-CN: 结束了, en: The end }\n            goto: nowhere\n');
    expect(onlyError(withScenario(missing))).toMatchObject({
      path: 'steps[2].nodes[1].choices[0].goto',
      message: "step 'nowhere' is not one of the steps (case-card, hazard-hunt, decisions, quiz) or end",
    });
    const around = edit(SCENARIO_YAML, '            consequence: { zh-CN: 结束了, en: The end }\n', '            consequence: { zh-CN: 结束了, en: The end }\n            goto: end\n');
    const result = withScenario(around);
    expect(result.ok).toBe(true);
    expect(result.ok && result.warnings).toEqual([
      expect.objectContaining({ path: 'steps[2].nodes[1].choices[0].goto', severity: 'warning', message: expect.stringMatching(/without playing a knowledge check \(quiz\)/) }),
    ]);
  });

  it('a branch back to an earlier step makes a loop', () => {
    const text = edit(SCENARIO_YAML, '  - id: quiz\n    mechanic: quiz\n', '  - id: quiz\n    mechanic: quiz\n    branches: [{ scoreBelow: 0.5, to: hazard-hunt }]\n');
    expect(onlyError(withScenario(text))).toMatchObject({ path: 'steps[3].branches[0].to', message: "going to step 'hazard-hunt' makes a loop; every path through the scenario must end" });
  });
});
