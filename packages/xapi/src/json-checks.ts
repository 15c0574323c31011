// The small vocabulary the statement validator is written in: a list of problems, paths into a JSON value, and
// checks of one JSON value each (type, object keys, formatted strings, language maps, extensions).
import { isIri, isLanguageTag, isUuid } from './value-formats.ts';

export interface StatementProblem {
  /** Where, e.g. 'actor.mbox', '[3].context.registration', 'verb.display["de-419-DE"]'; '' is the value itself. */
  path: string;
  message: string;
}

export type JsonObject = Record<string, unknown>;
export type Problems = StatementProblem[];

export const at = (path: string, key: string): string => (path ? `${path}.${key}` : key);
export const atIndex = (path: string, index: number): string => `${path}[${index}]`;
/** Map keys (language tags, extension IRIs) contain dots, so they go in brackets. */
export const atKey = (path: string, key: string): string => `${path}[${JSON.stringify(key)}]`;

export const isJsonObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A value as a message shows it: short, and typed where the type is the mistake ('100' vs 100). */
export function show(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') {
    const text = value.length > 60 ? `${value.slice(0, 57)}...` : value;
    return `'${text}'`;
  }
  return `${typeof value} ${String(value)}`;
}

/**
 * `value` must be an object with only `allowed` keys, none of them null, and at least one key. Returns the object
 * without its null entries (already reported) so later checks do not report them twice, or null when not an object.
 */
export function checkObject(problems: Problems, path: string, value: unknown, what: string, allowed: readonly string[]): JsonObject | null {
  if (!isJsonObject(value)) {
    problems.push({ path, message: `must be ${what} (a JSON object), got ${show(value)}` });
    return null;
  }
  const keys = Object.keys(value);
  if (keys.length === 0) problems.push({ path, message: `must not be an empty object (omit it instead)` });
  const kept: JsonObject = {};
  for (const key of keys) {
    if (!allowed.includes(key)) {
      problems.push({ path: at(path, key), message: `is not a property of ${what}; allowed: ${allowed.join(', ')} (case-sensitive)` });
    } else if (value[key] === null) {
      problems.push({ path: at(path, key), message: `must not be null (omit the property instead)` });
    } else {
      kept[key] = value[key];
    }
  }
  return kept;
}

export function checkString(problems: Problems, path: string, value: unknown): value is string {
  if (typeof value === 'string') return true;
  problems.push({ path, message: `must be a string, got ${show(value)}` });
  return false;
}

export function checkBoolean(problems: Problems, path: string, value: unknown): value is boolean {
  if (typeof value === 'boolean') return true;
  problems.push({ path, message: `must be true or false (a JSON boolean), got ${show(value)}` });
  return false;
}

export function checkNumber(problems: Problems, path: string, value: unknown): value is number {
  if (typeof value === 'number' && Number.isFinite(value)) return true;
  problems.push({ path, message: `must be a number, got ${show(value)}` });
  return false;
}

export function checkIri(problems: Problems, path: string, value: unknown, kind: 'IRI' | 'IRL' = 'IRI'): void {
  if (!checkString(problems, path, value)) return;
  if (!isIri(value)) problems.push({ path, message: `must be an absolute ${kind} with a scheme, e.g. 'http://example.com/...', got ${show(value)}` });
}

export function checkUuid(problems: Problems, path: string, value: unknown): void {
  if (!checkString(problems, path, value)) return;
  if (!isUuid(value)) problems.push({ path, message: `must be a UUID in standard form (8-4-4-4-12 hex digits), got ${show(value)}` });
}

export function checkLanguageTag(problems: Problems, path: string, value: unknown): void {
  if (!checkString(problems, path, value)) return;
  if (!isLanguageTag(value)) problems.push({ path, message: `must be an RFC 5646 language tag such as 'en', 'zh-CN' or 'sr-Latn-RS', got ${show(value)}` });
}

/** A language map: at least one entry, keys RFC 5646 tags, values strings (Data 4.2). */
export function checkLanguageMap(problems: Problems, path: string, value: unknown): void {
  if (!isJsonObject(value)) {
    problems.push({ path, message: `must be a language map such as {"en": "..."} (a JSON object), got ${show(value)}` });
    return;
  }
  const entries = Object.entries(value);
  if (entries.length === 0) problems.push({ path, message: `must have at least one entry, e.g. {"en": "..."}` });
  for (const [tag, text] of entries) {
    if (!isLanguageTag(tag)) problems.push({ path: atKey(path, tag), message: `is not an RFC 5646 language tag; use e.g. 'en', 'zh-CN', 'sr-Latn-RS'` });
    if (typeof text !== 'string') problems.push({ path: atKey(path, tag), message: `must be a string, got ${show(text)}` });
  }
}

/** Extensions: keys IRIs, values any JSON, null included (Data 2.2: the one place null is allowed). */
export function checkExtensions(problems: Problems, path: string, value: unknown): void {
  if (!isJsonObject(value)) {
    problems.push({ path, message: `must be an object whose keys are IRIs, got ${show(value)}` });
    return;
  }
  for (const key of Object.keys(value)) {
    if (!isIri(key)) problems.push({ path: atKey(path, key), message: `extension keys must be absolute IRIs with a scheme, e.g. 'http://example.com/extension'` });
  }
}

export function checkArray(problems: Problems, path: string, value: unknown, what: string): value is unknown[] {
  if (Array.isArray(value)) return true;
  problems.push({ path, message: `must be an array of ${what}, got ${show(value)}` });
  return false;
}
