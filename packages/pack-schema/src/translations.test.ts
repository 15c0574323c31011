// Warnings beside errors: a pack that loads but reads wrong in some language.
import { describe, expect, it } from 'vitest';
import { edit, lineOf, MANIFEST_PATH, MANIFEST_YAML, packFiles, PARK_YAML, SCENARIO_PATH, SCENARIO_YAML } from '../test-fixtures/fixtures.ts';
import { loadContent } from './content.ts';
import { formatError, loadPack, loadPark } from './load.ts';
import { checkChineseSpacing, localizedTexts } from './translations.ts';

const load = (manifest = MANIFEST_YAML, scenario = SCENARIO_YAML) => loadPack(packFiles({ manifest, scenarios: { 'tiny.yaml': scenario } }));
const warningsOf = (result: ReturnType<typeof load>) => (result.ok ? result.warnings : result.errors.filter((e) => e.severity === 'warning'));
const withJa = edit(MANIFEST_YAML, 'locales: [zh-CN, en]', 'locales: [zh-CN, en, ja]');

describe('languages the pack declares', () => {
  it('every text without a declared language is a warning, and the pack still loads', () => {
    const result = load(withJa);
    expect(result.ok).toBe(true);
    const warnings = warningsOf(result);
    expect(warnings).toContainEqual({
      file: SCENARIO_PATH,
      path: 'steps[0].title',
      line: lineOf(SCENARIO_YAML, '{ zh-CN: 案例, en: The case }'),
      column: 12,
      severity: 'warning',
      message: "no 'ja' text (the pack declares ja); English will be shown",
      code: 'text.missing-locale',
      params: { locale: 'ja' },
    });
    expect(formatError(warnings.find((w) => w.path === 'steps[0].title')!)).toBe(
      `${SCENARIO_PATH}:${lineOf(SCENARIO_YAML, '{ zh-CN: 案例, en: The case }')}:12 steps[0].title: no 'ja' text (the pack declares ja); English will be shown`,
    );
    expect(warnings.filter((w) => w.file === MANIFEST_PATH).map((w) => w.path)).toEqual(['title', 'sources[0].title', 'sources[1].title']);
    // One per text: the tiny scenario has 39 of them.
    expect(warnings.filter((w) => w.file === SCENARIO_PATH)).toHaveLength(39);
  });

  it('a text with the language is not warned about', () => {
    const scenario = edit(SCENARIO_YAML, 'title: { zh-CN: 案例, en: The case }', 'title: { zh-CN: 案例, en: The case, ja: 事例 }');
    expect(warningsOf(load(withJa, scenario)).map((w) => w.path)).not.toContain('steps[0].title');
  });

  it('a text in a language the pack does not declare is a warning on its key', () => {
    const scenario = edit(SCENARIO_YAML, 'title: { zh-CN: 案例, en: The case }', 'title: { zh-CN: 案例, en: The case, ko: 사례 }');
    expect(warningsOf(load(MANIFEST_YAML, scenario))).toEqual([
      {
        file: SCENARIO_PATH,
        path: 'steps[0].title.ko',
        line: lineOf(scenario, '사례'),
        column: 43,
        severity: 'warning',
        message: "a text in 'ko', but the pack does not declare ko (locales: in pack.yaml); add ko there or remove this",
        code: 'text.undeclared-locale',
        params: { what: 'a text', locale: 'ko' },
      },
    ]);
  });

  it('a missing en or zh-CN is still an error, and locales must list both', () => {
    expect(load(edit(MANIFEST_YAML, 'title: { zh-CN: 测试包, en: Test pack }', 'title: { zh-CN: 测试包 }')).ok).toBe(false);
    const result = load(edit(MANIFEST_YAML, 'locales: [zh-CN, en]', 'locales: [zh-CN, ja]'));
    expect(result.ok ? [] : result.errors).toEqual([expect.objectContaining({ path: 'locales', message: 'must include zh-CN and en' })]);
    const fr = load(edit(MANIFEST_YAML, 'locales: [zh-CN, en]', 'locales: [zh-CN, en, fr]'));
    expect(fr.ok ? [] : fr.errors).toEqual([expect.objectContaining({ path: 'locales[2]', message: expect.stringMatching(/expected one of "zh-CN"\|"en"\|"ja"\|"ko"\|"ru"/) })]);
  });

  it('on failure, the warnings are mixed in with the errors', () => {
    const result = load(withJa, edit(SCENARIO_YAML, 'kind: fire-extinguisher', 'kind: sprinkler'));
    expect(result.ok).toBe(false);
    const found = result.ok ? [] : result.errors;
    expect(found.filter((e) => !e.severity).map((e) => e.path)).toEqual(['scene.props[1].kind']);
    expect(found.filter((e) => e.severity === 'warning').length).toBeGreaterThan(0);
  });
});

describe('spaces in Chinese text', () => {
  it('folding Chinese text over lines with >- is a warning saying to write it on one line', () => {
    const scenario = edit(SCENARIO_YAML, '    what: { zh-CN: 发生了什么, en: What happened }\n', '    what:\n      zh-CN: >-\n        早上六点，\n        车间起火了\n      en: What happened\n');
    const warnings = warningsOf(load(MANIFEST_YAML, scenario));
    expect(warnings).toEqual([
      {
        file: SCENARIO_PATH,
        path: 'steps[0].what.zh-CN',
        line: lineOf(scenario, 'zh-CN: >-'),
        column: 14,
        severity: 'warning',
        message:
          "the Chinese text has a space inside it, at '早上六点， 车间起火了': YAML joins the lines of a text broken over several lines (as with >-) with spaces, which shows in Chinese; write the Chinese text on one line",
        code: 'text.chinese-space',
        params: { excerpt: '早上六点， 车间起火了', more: '' },
      },
    ]);
  });

  it('finds a space between two Chinese characters; leaves spaces beside Latin text and numbers alone', () => {
    const doc = (zh: string) => ({ title: { 'zh-CN': zh, en: 'x' } });
    expect(checkChineseSpacing(doc('德惠 火灾'))).toHaveLength(1);
    expect(checkChineseSpacing(doc('起火了。 快跑'))[0]!.message).toMatch(/at '起火了。 快跑'/);
    expect(checkChineseSpacing(doc('德惠 火灾 事故 调查'))[0]!.message).toMatch(/\(and 2 more\)/);
    expect(checkChineseSpacing(doc('拨打 119 报警'))).toEqual([]);
    expect(checkChineseSpacing(doc('使用 LED 灯'))).toEqual([]);
    expect(checkChineseSpacing(doc('宝源丰禽业“6·3”火灾'))).toEqual([]);
  });

  it('park.yaml is checked too', () => {
    const result = loadPark({ path: 'park.yaml', text: edit(PARK_YAML, 'tagline: { zh-CN: 只用于测试', 'tagline: { zh-CN: 只用于 测试') });
    expect(result.ok && result.warnings.map((w) => w.path)).toEqual(['tagline.zh-CN']);
  });
});

describe('localizedTexts', () => {
  it('finds texts, not narrations', () => {
    const found = localizedTexts({ a: { 'zh-CN': '甲', en: 'A' }, list: [{ label: { 'zh-CN': '乙', en: 'B', ja: 'ビ' } }], caseCard: { narration: { 'zh-CN': 'reading', en: 'reading-en' } } });
    expect(found.map((t) => t.path)).toEqual([['a'], ['list', 0, 'label']]);
  });
});

describe('loadContent: warnings per pack', () => {
  const park = { path: 'park.yaml', text: PARK_YAML };

  it('keeps warnings apart from problems, for loaded and broken packs alike', () => {
    const warned = packFiles({ manifest: withJa });
    const broken = packFiles({
      dir: 'packs/broken-pack',
      manifest: edit(withJa, 'id: tiny-pack', 'id: broken-pack'),
      scenarios: { 'tiny.yaml': edit(SCENARIO_YAML, 'kind: fire-extinguisher', 'kind: sprinkler') },
    });
    const content = loadContent({ park, packs: [warned, broken] });
    expect(content.packs.map((p) => p.id)).toEqual(['tiny-pack']);
    expect(content.problems).toEqual([{ dir: 'packs/broken-pack', errors: [expect.objectContaining({ path: 'scene.props[1].kind' })] }]);
    expect(content.problems[0]!.errors.every((e) => !e.severity)).toBe(true);
    expect(content.warnings.map((w) => w.dir)).toEqual(['packs/broken-pack', 'packs/tiny-pack']);
    expect(content.warnings.flatMap((w) => w.errors).every((e) => e.severity === 'warning')).toBe(true);
  });

  it('a clean folder has no warnings', () => {
    expect(loadContent({ park, packs: [packFiles()] }).warnings).toEqual([]);
  });
});
