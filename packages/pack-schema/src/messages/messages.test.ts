import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { formatError, loadPack } from '../load.ts';
import { CATALOGUE, type MessageCode } from './catalogue.ts';
import { codeOf, coded, localizeProblem, problemLang, render, type ProblemLang } from './render.ts';
import { edit, onlyError, packFiles, SCENARIO_YAML } from '../../test-fixtures/fixtures.ts';
import { yamlSyntaxProblem } from './yaml.ts';
import { codedError } from './coded.ts';
import { codedIssue, ZOD_ISSUE_CODES } from './zod.ts';

const problemIn = (text: string) => yamlSyntaxProblem(text, parseDocument(text, { prettyErrors: true, uniqueKeys: true }).errors);
const both = (p: { code: MessageCode; params: Record<string, string | number> }) => ({ en: render(p.code, p.params, 'en'), zh: render(p.code, p.params, 'zh-CN') });

describe('YAML syntax: one message that says what to fix, at its own line:column', () => {
  it('the full-width colon a Chinese keyboard types', () => {
    const text = 'id: x\nsteps:\n  - id: a\n    safe：true\n    next: b\n';
    const p = problemIn(text);
    expect(p).toMatchObject({ code: 'yaml.fullwidth-colon', params: { key: 'safe' }, line: 4, column: 9 });
    expect(both(p).en).toBe("a full-width colon '：' after 'safe': YAML needs the plain colon ':' followed by a space (write 'safe: …'); switch the keyboard to English punctuation");
    expect(both(p).zh).toBe('“safe”后面是全角冒号“：”：YAML 需要半角冒号“:”再加一个空格（写成“safe: …”）；请把输入法切换到英文标点');
  });

  it('a tab used for indentation', () => {
    const p = problemIn('id: x\nscene:\n\tprops: []\n  other: 1\n');
    expect(p).toMatchObject({ code: 'yaml.tab', line: 3, column: 1 });
    expect(both(p).en).toMatch(/^a tab is used for indentation: YAML indents with spaces only/);
    expect(both(p).zh).toMatch(/^这一行用 Tab 键缩进了：YAML 只能用空格缩进/);
    expect(problemIn('steps:\n  - id: a\n  \ttitle: b\n')).toMatchObject({ code: 'yaml.tab', line: 3, column: 3 });
  });

  it('a line indented one space short', () => {
    const p = problemIn('steps:\n  - id: a\n    title: b\n   next: c\n');
    expect(p).toMatchObject({ code: 'yaml.indent-short', params: { n: 1, ref: 3, want: 4 }, line: 4, column: 4 });
    expect(both(p).en).toBe('this line is indented 1 space(s) too little: line it up with line 3 (4 spaces)');
    expect(both(p).zh).toBe('这一行的缩进少了 1 个空格：请与第 3 行对齐（4 个空格）');
    expect(problemIn('id: x\nscene:\n  props: 1\n kind: 2\n  more: 3\n')).toMatchObject({ code: 'yaml.indent-short', line: 4, column: 2 });
  });

  it('a line indented one space too far', () => {
    const p = problemIn('id: x\nscene:\n  props: 1\n   kind: 2\n  more: 3\n');
    expect(p).toMatchObject({ code: 'yaml.indent-long', params: { n: 1, ref: 3, want: 2 }, line: 4, column: 4 });
    expect(both(p).en).toBe('this line is indented 1 space(s) too far: line it up with line 3 (2 spaces)');
    expect(both(p).zh).toBe('这一行的缩进多了 1 个空格：请与第 3 行对齐（2 个空格）');
    expect(problemIn('steps:\n  - id: a\n    title: b\n     next: c\n')).toMatchObject({ code: 'yaml.indent-long', line: 4, column: 6 });
    // The first line under a key is the one off when the lines after it sit where they should.
    expect(problemIn('title:\n   zh-CN: 标题\n  en: Title\n')).toMatchObject({ code: 'yaml.indent-long', params: { n: 1, ref: 3, want: 2 }, line: 2, column: 4 });
    expect(problemIn('title:\n zh-CN: 标题\n  en: Title\n')).toMatchObject({ code: 'yaml.indent-short', params: { n: 1, ref: 3, want: 2 }, line: 2, column: 2 });
  });

  it('an unclosed quote, at the quote that opens it', () => {
    const p = problemIn('id: x\ntitle: "hello\nnext: 1\nb: 2\n');
    expect(p).toMatchObject({ code: 'yaml.unclosed-quote', params: { quote: '"' }, line: 2, column: 8 });
    expect(both(p).en).toBe('the quote " opened here is never closed: add the closing " at the end of the text');
    expect(both(p).zh).toBe('这里开始的引号 " 没有结束：请在文字末尾补上对应的 "');
    expect(problemIn('id: x\ntitle: { en: "hello, zh-CN: x }\nnext: 1\n')).toMatchObject({ code: 'yaml.unclosed-quote', line: 2, column: 14 });
    // An apostrophe inside a text is not a quote.
    expect(problemIn("id: x\ntitle: it's fine\nsummary: 'open\n")).toMatchObject({ code: 'yaml.unclosed-quote', params: { quote: "'" }, line: 3, column: 10 });
  });

  it('anything else: one plain sentence at the parser position, not one per library message', () => {
    const p = problemIn('id: x\nb: [1, 2\nc: 3\n');
    expect(p).toMatchObject({ code: 'yaml.other', line: 3, column: 1 });
    expect(both(p).en).toMatch(/^YAML cannot read this line \(Flow sequence in block collection must be sufficiently indented and end with a \]\): check/);
    expect(both(p).zh).toMatch(/^无法读取这一行的 YAML（.*）：请检查/);
  });

  it('loadPack reports a mistake once, as file:line:column in the file', () => {
    const manifest = 'schemaVersion: 3\nid: tiny\nversion: 1.0.0\narea：fire\ntitle: { zh-CN: 小, en: Tiny }\n';
    const result = loadPack({ dir: 'packs/tiny', manifest: { path: 'packs/tiny/pack.yaml', text: manifest }, scenarios: {} });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(1);
    expect(formatError(result.errors[0]!)).toBe(
      "packs/tiny/pack.yaml:4:5: a full-width colon '：' after 'area': YAML needs the plain colon ':' followed by a space (write 'area: …'); switch the keyboard to English punctuation",
    );
    expect(formatError({ ...result.errors[0]!, message: localizeProblem(result.errors[0]!, 'zh-CN') })).toBe(
      'packs/tiny/pack.yaml:4:5: “area”后面是全角冒号“：”：YAML 需要半角冒号“:”再加一个空格（写成“area: …”）；请把输入法切换到英文标点',
    );
  });

  it('valid YAML with a full-width colon inside a text is left alone', () => {
    const text = 'title: { zh-CN: 注意：小心, en: Careful }\n';
    expect(parseDocument(text).errors).toEqual([]);
  });
});

describe('schema issues as plain sentences naming the field', () => {
  const Shape = z.strictObject({ kind: z.enum(['fire', 'water']), count: z.number().min(1), items: z.array(z.string()).min(2), name: z.string() });
  const issues = (value: unknown) => Shape.safeParse(value).error!.issues.map((i) => ({ ...codedIssue(i), path: i.path.join('.') }));

  it('invalid_type, a missing field, invalid_value, too_small, unrecognized field', () => {
    const found = issues({ kind: 'earth', count: 0, items: ['a'], name: 3 });
    const text = (lang: ProblemLang) => found.map((p) => localizeProblem(p, lang));
    expect(found.map((p) => p.code)).toEqual(['zod.invalid_value', 'zod.too_small.number', 'zod.too_small.array', 'zod.invalid_type']);
    expect(text('en')).toEqual(['kind must be one of: fire, water', 'count must be at least 1', 'items needs at least 2 item(s)', 'name must be string, not number']);
    expect(text('zh-CN')).toEqual(['kind 只能是以下之一：fire, water', 'count 不能小于 1', 'items 至少需要 2 项', 'name 应为文字，而不是数字']);
    // The English message stays as it always read, for programs that read it.
    expect(found[0]!.message).toMatch(/^Invalid option: expected one of "fire"\|"water"$/);
    const missing = issues({ kind: 'fire', count: 1, items: ['a', 'b'] })[0]!;
    expect(missing).toMatchObject({ code: 'zod.required', message: 'is required (string)' });
    expect(localizeProblem(missing, 'zh-CN')).toBe('缺少必填项 name（应为文字）');
  });

  it('a text written in the schema keeps its own code', () => {
    const Id = z.string().regex(/^[a-z]+$/, { error: codedError('schema.kebab-case') });
    const p = codedIssue(Id.safeParse('A').error!.issues[0]!);
    expect(p).toMatchObject({ code: 'schema.kebab-case', message: 'must be kebab-case: lower-case letters, digits and single hyphens' });
    expect(localizeProblem(p, 'zh-CN')).toBe('只能用小写字母、数字和单个连字符（例如 fire-dehui-2013）');
    // Its params too, whatever check raised it.
    const Few = z.array(z.string()).min(2, { error: codedError('mechanic.situation-max-choices', { max: 4 }) });
    expect(codedIssue(Few.safeParse(['a']).error!.issues[0]!)).toMatchObject({ code: 'mechanic.situation-max-choices', params: { max: 4 } });
    // The same English without its code is not recognised: the code, not the wording, says what a message is.
    const Plain = z.string().regex(/^[a-z]+$/, { error: 'must be kebab-case: lower-case letters, digits and single hyphens' });
    expect(codedIssue(Plain.safeParse('A').error!.issues[0]!).code).toBe('zod.invalid_format');
  });

  it("a mechanic's messages reach the pack's problems with their codes", () => {
    // One from a mechanic's step format (the schema), one from its reference check.
    const noSource = onlyError(loadPack(packFiles({ scenarios: { 'tiny.yaml': edit(SCENARIO_YAML, '    sources: [src-a]', '    sources: []') } })));
    expect(noSource).toMatchObject({ code: 'mechanic.case-source', message: 'a case card needs at least one source' });
    expect(localizeProblem(noSource, 'zh-CN')).toBe('案例卡至少需要一个来源');
    const noProp = onlyError(loadPack(packFiles({ scenarios: { 'tiny.yaml': edit(SCENARIO_YAML, '        prop: panel', '        prop: lamp') } })));
    expect(noProp).toMatchObject({ code: 'mechanic.prop-not-in-scene', params: { prop: 'lamp', known: 'panel, extinguisher' } });
    expect(localizeProblem(noProp, 'zh-CN')).toBe('道具“lamp”不在 scene.props 中：panel, extinguisher');
  });

  it('a problem that lost its code (an older server) is recognised by its English text', () => {
    const problem = { path: 'scene.props[1].kind', message: 'Invalid option: expected one of "panel"|"door"' };
    expect(localizeProblem(problem, 'zh-CN')).toBe('kind 只能是以下之一："panel"|"door"');
    expect(localizeProblem(problem, 'en')).toBe(problem.message);
    expect(localizeProblem({ path: '', message: 'something nobody wrote a text for' }, 'zh-CN')).toBe('something nobody wrote a text for');
  });
});

describe('the catalogue', () => {
  const PARAM = /\{\{(\w+)\}\}/g;
  const sample = (code: MessageCode) => Object.fromEntries([...CATALOGUE[code].en.matchAll(PARAM)].map((m) => [m[1]!, `‹${m[1]}›`]));

  it('has both texts for every code, each using the params the English one has', () => {
    for (const [code, entry] of Object.entries(CATALOGUE) as [MessageCode, (typeof CATALOGUE)[MessageCode]][]) {
      expect(entry.en.trim(), code).not.toBe('');
      const zh = render(code, sample(code), 'zh-CN');
      expect(zh, code).toMatch(/\p{Script=Han}/u);
      expect(zh, code).not.toMatch(/\{\{/);
      const enParams = new Set([...entry.en.matchAll(PARAM)].map((m) => m[1]));
      if (typeof entry['zh-CN'] === 'string')
        for (const [, name] of entry['zh-CN'].matchAll(PARAM)) expect(name === 'field' || enParams.has(name), `${code}: {{${name}}}`).toBe(true);
      // Its own English text is recognised as itself (unless it is only ever sent with its code).
      if (!('codeOnly' in entry && entry.codeOnly)) expect(codeOf(coded(code, sample(code)).message)?.code, code).toBe(code);
    }
  });

  it('has every code the schema mapping can give', () => {
    for (const code of ZOD_ISSUE_CODES) expect(CATALOGUE[code], code).toBeDefined();
  });

  // Every message written in the validator's sources (the pack schema's and each mechanic's) has its code: a new
  // message written as plain English, or with a code the catalogue lacks, fails here.
  const ROOTS = ['../../../mechanics/src', '..'].map((p) => fileURLToPath(new URL(p, import.meta.url)));
  const SOURCES = ['schema.ts', 'primitives.ts', 'references.ts', 'migrations.ts', 'translations.ts', 'assets.ts', 'load.ts', 'content.ts', 'common.ts', 'schemas.ts', 'index.ts'];
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((n) => {
      const path = join(dir, n);
      if (statSync(path).isDirectory()) return n === 'messages' ? [] : files(path);
      return SOURCES.includes(n) ? [path] : [];
    });
  // Written in the sources as texts, but not a validator's message: record checks answer the server, not editors.
  const isRecordCheck = (line: string) => /\bfield: '/.test(line);
  // A message written as English text: `message: '…'`, `error: '…'` (or an error function returning one), or a text
  // handed straight to `errorAt(path, '…')`.
  const LITERAL = /(?:(?:error|message): (?:\(\w+\) => \([^?]+\? )?|errorAt\((?:[^()]*\]|[\w.]+), )(['"`])((?:\\.|(?!\1).)+)\1/g;
  const literalsIn = (text: string) =>
    text
      .split('\n')
      .filter((line) => !isRecordCheck(line))
      .flatMap((line) => [...line.matchAll(LITERAL)].map((m) => m[2]!));
  const sources = ROOTS.flatMap(files).map((file) => ({ file, text: readFileSync(file, 'utf8') }));

  it('reads every source of the validator (the pack schema and each mechanic)', () => {
    for (const name of ['schema.ts', 'references.ts', 'assets.ts', 'load.ts', 'translations.ts', 'migrations.ts', 'common.ts', 'schemas.ts'])
      expect(sources.some((s) => s.file.endsWith(name)), name).toBe(true);
    expect(sources.filter((s) => s.file.includes('/mechanics/src/') && s.file.endsWith('index.ts')).length).toBeGreaterThanOrEqual(8);
  });

  it('would see a message written as English alone', () => {
    expect(literalsIn("issues.push({ path, message: `prop '${p}' is missing` });")).toEqual(["prop '${p}' is missing"]);
    expect(literalsIn("  .min(2, { error: 'a situation needs at least two choices' })")).toEqual(['a situation needs at least two choices']);
    expect(literalsIn("errors.push(file.errorAt(['id'], `the id '${x}' is wrong`));")).toEqual(["the id '${x}' is wrong"]);
    expect(literalsIn("errors.push(file.errorAt(['id'], coded('scenario.id-file', { id })));")).toEqual([]);
    expect(literalsIn("errors.push(file.errorAt(['sources', i, 'id'], coded('pack.source-twice', { id })));")).toEqual([]);
    expect(literalsIn("return this.errorAt(path, 'wrong');")).toEqual(['wrong']);
  });

  it('writes no message without its code: each says what it is by its code, never by its English', () => {
    expect(sources.flatMap((s) => literalsIn(s.text).map((text) => `${s.file}: ${text}`))).toEqual([]);
  });

  const codes = sources.flatMap(({ file, text }) => [...text.matchAll(/\bcoded(?:Error)?\(\s*'([^']+)'/g)].map((m) => ({ file, code: m[1]! })));

  it('has every code the validator writes', () => {
    expect(codes.filter((c) => c.file.includes('/mechanics/src/')).length).toBeGreaterThan(30);
    expect(codes.filter((c) => !Object.hasOwn(CATALOGUE, c.code))).toEqual([]);
  });
});

describe('lists of file extensions', () => {
  it('read as Chinese writes a list, and stay as they are in English', () => {
    const params = { where: 'assets/a.bin', what: 'an image', extensions: '.png, .jpg or .webp', reason: 'wrong magic' };
    expect(render('asset.wrong-format', params, 'zh-CN')).toContain('（.png、.jpg 或 .webp）');
    expect(render('asset.wrong-format', params, 'en')).toContain('(.png, .jpg or .webp)');
    expect(render('schema.file-extension', { what: 'a model', extensions: '.glb or .gltf' }, 'zh-CN')).toBe('模型必须是 .glb 或 .gltf 文件');
    expect(render('schema.file-extension', { what: 'a recording', extensions: '.mp3' }, 'zh-CN')).toBe('录音必须是 .mp3 文件');
  });
});

describe('the language of the reader', () => {
  it('zh for a Chinese locale, English otherwise', () => {
    expect(['zh_CN.UTF-8', 'zh-CN', 'zh', 'zh_TW'].map(problemLang)).toEqual(['zh-CN', 'zh-CN', 'zh-CN', 'zh-CN']);
    expect(['en_US.UTF-8', 'C', '', undefined, 'de_DE'].map(problemLang)).toEqual(['en', 'en', 'en', 'en', 'en']);
  });
});
