// Problems in the reader's language. A problem carries a stable `code` and its `params` next to its English `message`
// (which stays as it always read, for logs and programs); the catalogue renders the code in zh-CN or English. A
// problem that arrives without a code (from a server that strips it, or a message made outside this package) is matched
// against the English templates, so it is still shown in the reader's language.
import { CATALOGUE, type MessageCode, type MessageEntry } from './catalogue.ts';

export type ProblemLang = 'zh-CN' | 'en';
export const PROBLEM_LANGS: readonly ProblemLang[] = ['zh-CN', 'en'];
export type MessageParams = Record<string, string | number>;

/** A message with its code: what a validator creates. */
export interface CodedMessage {
  code: MessageCode;
  params: MessageParams;
  message: string;
}

const PLACEHOLDER = /\{\{(\w+)\}\}/g;

export function fill(template: string, params: MessageParams): string {
  return template.replace(PLACEHOLDER, (_, key: string) => (params[key] === undefined ? `{{${key}}}` : String(params[key])));
}

/** The message for `code` in English (what `message` says) with its code and params. */
export function coded(code: MessageCode, params: MessageParams = {}): CodedMessage {
  return { code, params, message: fill(CATALOGUE[code].en, params) };
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A template as a regular expression that reads its params back out of a message. */
function matcher(template: string): RegExp {
  const seen = new Set<string>();
  let source = '';
  let last = 0;
  for (const m of template.matchAll(PLACEHOLDER)) {
    source += escape(template.slice(last, m.index));
    const key = m[1]!;
    source += seen.has(key) ? `\\k<${key}>` : `(?<${key}>.*?)`;
    seen.add(key);
    last = m.index + m[0].length;
  }
  source += escape(template.slice(last));
  return new RegExp(`^${source}$`, 's');
}

const MATCHERS: { code: MessageCode; re: RegExp }[] = (Object.entries(CATALOGUE) as [MessageCode, MessageEntry][])
  .filter(([, entry]) => !entry.codeOnly)
  .flatMap(([code, entry]) => [entry.en, ...(entry.also ?? [])].map((t) => ({ code, re: matcher(t) })));

/** The code and params of an English message made from a catalogue template, or null for a text the catalogue lacks. */
export function codeOf(message: string): { code: MessageCode; params: MessageParams } | null {
  for (const { code, re } of MATCHERS) {
    const m = re.exec(message);
    if (m) return { code, params: { ...m.groups } };
  }
  return null;
}

/** Words that stand in messages as params, in Chinese (English keeps them as they are). */
const TERMS_ZH: Record<string, string> = {
  'a model': '模型',
  'an image': '图片',
  'an audio asset': '音频素材',
  'an audio': '音频',
  'a recording': '录音',
  model: '模型',
  image: '图片',
  audio: '音频',
  pack: '内容包',
  content: '内容',
  'a text': '文本',
  'a narration': '旁白',
  asset: '素材',
  prop: '道具',
  step: '步骤',
  hazard: '隐患',
  question: '题目',
  choice: '选项',
  decision: '决策',
  source: '来源',
  action: '动作',
  signal: '信号',
  round: '轮次',
  situation: '情境',
  area: '区域',
  option: '选项',
  string: '文字',
  number: '数字',
  int: '整数',
  boolean: 'true 或 false',
  object: '一组字段 { … }',
  array: '列表',
  undefined: '空',
  null: '空值',
  url: '网址',
  date: '日期',
  regex: '格式',
  nonoptional: '值',
  '(none defined)': '（没有）',
  '(none)': '（没有）',
};

/** The params that hold such words (others hold names from the pack, which stay as written). */
const TERM_PARAMS = new Set(['what', 'kind', 'actual', 'needed', 'expected', 'received', 'format', 'known']);

/** An English list of file extensions (`.png, .jpg or .webp`) as Chinese writes one (`.png、.jpg 或 .webp`). */
const extensionsZh = (list: string) => list.replace(/, /g, '、').replace(/ or (?=\.\w+$)/, ' 或 ');

export const termIn = (lang: ProblemLang, value: string | number, param?: string): string | number => {
  if (lang !== 'zh-CN' || typeof value !== 'string') return value;
  if (param === 'extensions') return extensionsZh(value);
  return param === undefined || TERM_PARAMS.has(param) ? (TERMS_ZH[value] ?? value) : value;
};

/** The last part of a document path, as a message names the field (`scene.props[2].kind` → `kind`). */
export function fieldOf(path: string | undefined, lang: ProblemLang): string {
  if (!path) return lang === 'zh-CN' ? '此文件' : 'the file';
  return path.slice(path.lastIndexOf('.') + 1);
}

export interface RenderableProblem {
  code?: string;
  params?: MessageParams;
  message: string;
  path?: string;
}

export const isMessageCode = (code: unknown): code is MessageCode => typeof code === 'string' && Object.hasOwn(CATALOGUE, code);

/** Where a message's params name the code of its {{reason}} (what a path, field or file was found to be). */
export const REASON_CODE = 'reasonCode';

/** A message's {{reason}} with its code, and that reason's own params beside the message's (`{ reason, reasonCode, … }`). */
export function withReason(reason: CodedMessage): MessageParams {
  return { ...reason.params, reason: reason.message, [REASON_CODE]: reason.code };
}

/** The message's {{reason}} in `lang`: from its code, or recognised among the reasons by its English; else as written. */
function reasonIn(params: MessageParams, lang: ProblemLang, path?: string): string | number | undefined {
  const { reason } = params;
  if (reason === undefined || lang === 'en') return reason;
  const { [REASON_CODE]: code, reason: _english, ...own } = params;
  if (isMessageCode(code)) return render(code, own, lang, path);
  const found = typeof reason === 'string' ? codeOf(reason) : null;
  return found?.code.startsWith('reason.') ? render(found.code, found.params, lang, path) : reason;
}

/** The text of a catalogue entry in `lang`. */
export function render(code: MessageCode, params: MessageParams, lang: ProblemLang, path?: string): string {
  const entry = CATALOGUE[code];
  const reason = reasonIn(params, lang, path);
  const withField = { field: fieldOf(path, lang), ...params, ...(reason === undefined ? {} : { reason }) };
  const local: MessageParams = Object.fromEntries(Object.entries(withField).map(([k, v]) => [k, termIn(lang, v, k)]));
  const template = entry[lang];
  return typeof template === 'function' ? template(local) : fill(template, local);
}

/** A problem's message in `lang`: from its code, else from the English template its message matches, else as it is. */
export function localizeProblem(problem: RenderableProblem, lang: ProblemLang): string {
  if (isMessageCode(problem.code)) return render(problem.code, problem.params ?? {}, lang, problem.path);
  const found = codeOf(problem.message);
  // Without a code, English stays word for word as the validator wrote it.
  if (!found || lang === 'en') return problem.message;
  return render(found.code, found.params, lang, problem.path);
}

/** `zh-CN` for a Chinese locale name (`zh`, `zh_CN.UTF-8`, `zh-Hans`), else `en`. */
export function problemLang(locale: string | undefined | null): ProblemLang {
  return locale && /^zh/i.test(locale) ? 'zh-CN' : 'en';
}
