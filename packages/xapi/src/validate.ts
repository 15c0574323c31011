// Validation of xAPI 1.0.3 statements as an LRS must do it (Data part 2.2–2.4 and 4; what the ADL conformance
// suite checks). Hand-written rather than a zod schema: every problem gets the exact path and a message that says
// what is allowed, and all problems of a statement are reported at once.
import { checkActivity } from './activity-checks.ts';
import { checkActor } from './agent-checks.ts';
import {
  at,
  atIndex,
  checkArray,
  checkBoolean,
  checkExtensions,
  checkIri,
  checkLanguageMap,
  checkLanguageTag,
  checkNumber,
  checkObject,
  checkString,
  checkUuid,
  isJsonObject,
  show,
  type JsonObject,
  type Problems,
  type StatementProblem,
} from './json-checks.ts';
import { VOIDED_VERB } from './statement.ts';
import { isDuration, isMediaType, isSha2Hex, isTimestamp, isVersion10 } from './value-formats.ts';

export type { StatementProblem } from './json-checks.ts';

const STATEMENT_KEYS = ['id', 'actor', 'verb', 'object', 'result', 'context', 'timestamp', 'stored', 'authority', 'version', 'attachments'];
const SUBSTATEMENT_KEYS = ['objectType', 'actor', 'verb', 'object', 'result', 'context', 'timestamp', 'attachments'];
/** Set by the LRS or naming a statement of its own: never inside a SubStatement (Data 2.4.4.3). */
const STATEMENT_ONLY_KEYS = ['id', 'stored', 'version', 'authority'];
const OBJECT_TYPES = ['Activity', 'Agent', 'Group', 'StatementRef', 'SubStatement'];

function checkTimestamp(problems: Problems, path: string, value: unknown): void {
  if (!checkString(problems, path, value)) return;
  if (!isTimestamp(value)) {
    problems.push({ path, message: `must be an ISO 8601 date-time with a time zone, e.g. '2026-05-18T05:32:34.804Z' or '2026-05-18T13:32:34+08:00', got ${show(value)}` });
  }
}

function checkVerb(problems: Problems, path: string, value: unknown): void {
  const verb = checkObject(problems, path, value, 'a Verb', ['id', 'display']);
  if (!verb) return;
  if (verb.id === undefined) problems.push({ path: at(path, 'id'), message: `is required (the verb's IRI)` });
  else checkIri(problems, at(path, 'id'), verb.id, 'IRI');
  if (verb.display !== undefined) checkLanguageMap(problems, at(path, 'display'), verb.display);
}

function checkStatementRef(problems: Problems, path: string, value: unknown): void {
  const ref = checkObject(problems, path, value, 'a StatementRef', ['objectType', 'id']);
  if (!ref) return;
  if (ref.objectType !== 'StatementRef') {
    problems.push({ path: at(path, 'objectType'), message: `must be 'StatementRef', got ${show(ref.objectType ?? 'nothing')}` });
  }
  if (ref.id === undefined) problems.push({ path: at(path, 'id'), message: `is required (the id of the statement referred to)` });
  else checkUuid(problems, at(path, 'id'), ref.id);
}

function checkScore(problems: Problems, path: string, value: unknown): void {
  const score = checkObject(problems, path, value, 'a Score', ['scaled', 'raw', 'min', 'max']);
  if (!score) return;
  const number = (key: string): number | undefined =>
    score[key] !== undefined && checkNumber(problems, at(path, key), score[key]) ? (score[key] as number) : undefined;
  const [scaled, raw, min, max] = [number('scaled'), number('raw'), number('min'), number('max')];
  if (scaled !== undefined && (scaled < -1 || scaled > 1)) problems.push({ path: at(path, 'scaled'), message: `must be between -1 and 1, got ${scaled}` });
  if (min !== undefined && max !== undefined && !(min < max)) problems.push({ path: at(path, 'max'), message: `must be greater than min (${min}), got ${max}` });
  if (raw !== undefined && min !== undefined && raw < min) problems.push({ path: at(path, 'raw'), message: `must not be less than min (${min}), got ${raw}` });
  if (raw !== undefined && max !== undefined && raw > max) problems.push({ path: at(path, 'raw'), message: `must not be greater than max (${max}), got ${raw}` });
}

function checkResult(problems: Problems, path: string, value: unknown): void {
  const result = checkObject(problems, path, value, 'a Result', ['score', 'success', 'completion', 'response', 'duration', 'extensions']);
  if (!result) return;
  if (result.score !== undefined) checkScore(problems, at(path, 'score'), result.score);
  if (result.success !== undefined) checkBoolean(problems, at(path, 'success'), result.success);
  if (result.completion !== undefined) checkBoolean(problems, at(path, 'completion'), result.completion);
  if (result.response !== undefined) checkString(problems, at(path, 'response'), result.response);
  if (result.duration !== undefined && checkString(problems, at(path, 'duration'), result.duration) && !isDuration(result.duration)) {
    problems.push({ path: at(path, 'duration'), message: `must be an ISO 8601 duration such as 'PT1H30M' or 'PT83.25S', got ${show(result.duration)}` });
  }
  if (result.extensions !== undefined) checkExtensions(problems, at(path, 'extensions'), result.extensions);
}

function checkContextActivities(problems: Problems, path: string, value: unknown): void {
  const lists = checkObject(problems, path, value, 'contextActivities', ['parent', 'grouping', 'category', 'other']);
  if (!lists) return;
  for (const [key, activities] of Object.entries(lists)) {
    const listPath = at(path, key);
    if (Array.isArray(activities)) activities.forEach((activity, i) => checkActivity(problems, atIndex(listPath, i), activity));
    else if (isJsonObject(activities)) checkActivity(problems, listPath, activities);
    else problems.push({ path: listPath, message: `must be an Activity or an array of Activities, got ${show(activities)}` });
  }
}

/** `objectType` of the statement's object, as the context rules need it ('Activity' when absent). */
const objectTypeOf = (object: unknown): unknown => (isJsonObject(object) ? (object.objectType ?? 'Activity') : undefined);

function checkContext(problems: Problems, path: string, value: unknown, objectType: unknown): void {
  const context = checkObject(problems, path, value, 'a Context', [
    'registration', 'instructor', 'team', 'contextActivities', 'revision', 'platform', 'language', 'statement', 'extensions',
  ]);
  if (!context) return;
  if (context.registration !== undefined) checkUuid(problems, at(path, 'registration'), context.registration);
  if (context.instructor !== undefined) checkActor(problems, at(path, 'instructor'), context.instructor, 'instructor');
  if (context.team !== undefined) checkActor(problems, at(path, 'team'), context.team, 'team');
  if (context.contextActivities !== undefined) checkContextActivities(problems, at(path, 'contextActivities'), context.contextActivities);
  for (const key of ['revision', 'platform']) {
    if (context[key] === undefined) continue;
    checkString(problems, at(path, key), context[key]);
    // Data 2.4.6: revision and platform describe an Activity, so they MUST NOT be used with any other object.
    if (objectType !== undefined && objectType !== 'Activity') {
      problems.push({ path: at(path, key), message: `is only allowed when the statement's object is an Activity; here it is ${show(objectType)}` });
    }
  }
  if (context.language !== undefined) checkLanguageTag(problems, at(path, 'language'), context.language);
  if (context.statement !== undefined) checkStatementRef(problems, at(path, 'statement'), context.statement);
  if (context.extensions !== undefined) checkExtensions(problems, at(path, 'extensions'), context.extensions);
}

function checkAttachments(problems: Problems, path: string, value: unknown): void {
  if (!checkArray(problems, path, value, 'Attachments')) return;
  value.forEach((item, i) => {
    const itemPath = atIndex(path, i);
    const attachment = checkObject(problems, itemPath, item, 'an Attachment', ['usageType', 'display', 'description', 'contentType', 'length', 'sha2', 'fileUrl']);
    if (!attachment) return;
    for (const key of ['usageType', 'display', 'contentType', 'length', 'sha2']) {
      if (attachment[key] === undefined) problems.push({ path: at(itemPath, key), message: `is required in an Attachment` });
    }
    if (attachment.usageType !== undefined) checkIri(problems, at(itemPath, 'usageType'), attachment.usageType, 'IRI');
    if (attachment.display !== undefined) checkLanguageMap(problems, at(itemPath, 'display'), attachment.display);
    if (attachment.description !== undefined) checkLanguageMap(problems, at(itemPath, 'description'), attachment.description);
    if (attachment.contentType !== undefined && checkString(problems, at(itemPath, 'contentType'), attachment.contentType) && !isMediaType(attachment.contentType)) {
      problems.push({ path: at(itemPath, 'contentType'), message: `must be an Internet media type such as 'image/png' or 'text/plain; charset=utf-8', got ${show(attachment.contentType)}` });
    }
    if (attachment.length !== undefined && !(Number.isInteger(attachment.length) && (attachment.length as number) >= 0)) {
      problems.push({ path: at(itemPath, 'length'), message: `must be the size in bytes, a whole number >= 0, got ${show(attachment.length)}` });
    }
    if (attachment.sha2 !== undefined && checkString(problems, at(itemPath, 'sha2'), attachment.sha2) && !isSha2Hex(attachment.sha2)) {
      problems.push({ path: at(itemPath, 'sha2'), message: `must be the SHA-2 hash of the attachment in hex (64 digits for SHA-256), got ${show(attachment.sha2)}` });
    }
    if (attachment.fileUrl !== undefined) checkIri(problems, at(itemPath, 'fileUrl'), attachment.fileUrl, 'IRL');
  });
}

function checkStatementObject(problems: Problems, path: string, value: unknown, inSubStatement: boolean): void {
  if (!isJsonObject(value)) {
    problems.push({ path, message: `must be an Activity, Agent, Group, StatementRef or SubStatement (a JSON object), got ${show(value)}` });
    return;
  }
  const objectType = value.objectType ?? 'Activity';
  switch (objectType) {
    case 'Activity':
      return checkActivity(problems, path, value);
    case 'Agent':
    case 'Group':
      return checkActor(problems, path, value, 'object');
    case 'StatementRef':
      return checkStatementRef(problems, path, value);
    case 'SubStatement':
      if (inSubStatement) problems.push({ path: at(path, 'objectType'), message: `a SubStatement cannot contain another SubStatement` });
      else checkStatementBody(problems, path, value, true);
      return;
    default:
      problems.push({ path: at(path, 'objectType'), message: `must be one of ${OBJECT_TYPES.join(', ')} (case-sensitive), got ${show(objectType)}` });
  }
}

function checkStatementBody(problems: Problems, path: string, value: unknown, isSubStatement: boolean): void {
  const statement = checkObject(problems, path, value, isSubStatement ? 'a SubStatement' : 'a Statement', isSubStatement ? [...SUBSTATEMENT_KEYS, ...STATEMENT_ONLY_KEYS] : STATEMENT_KEYS);
  if (!statement) return;
  if (isSubStatement) {
    for (const key of STATEMENT_ONLY_KEYS) {
      if (statement[key] === undefined) continue;
      problems.push({ path: at(path, key), message: `is not allowed in a SubStatement (only a Statement has id, stored, version and authority)` });
      delete statement[key];
    }
  }
  for (const key of ['actor', 'verb', 'object']) {
    if (statement[key] === undefined && !(isJsonObject(value) && value[key] === null)) problems.push({ path: at(path, key), message: `is required` });
  }
  if (statement.id !== undefined) checkUuid(problems, at(path, 'id'), statement.id);
  if (statement.actor !== undefined) checkActor(problems, at(path, 'actor'), statement.actor, 'actor');
  if (statement.verb !== undefined) checkVerb(problems, at(path, 'verb'), statement.verb);
  if (statement.object !== undefined) checkStatementObject(problems, at(path, 'object'), statement.object, isSubStatement);
  if (statement.result !== undefined) checkResult(problems, at(path, 'result'), statement.result);
  if (statement.context !== undefined) checkContext(problems, at(path, 'context'), statement.context, objectTypeOf(statement.object));
  if (statement.timestamp !== undefined) checkTimestamp(problems, at(path, 'timestamp'), statement.timestamp);
  if (statement.stored !== undefined) checkTimestamp(problems, at(path, 'stored'), statement.stored);
  if (statement.authority !== undefined) checkActor(problems, at(path, 'authority'), statement.authority, 'authority');
  if (statement.version !== undefined && checkString(problems, at(path, 'version'), statement.version) && !isVersion10(statement.version)) {
    problems.push({ path: at(path, 'version'), message: `must be '1.0' or '1.0.x' (this LRS implements xAPI 1.0.3), got ${show(statement.version)}` });
  }
  if (statement.attachments !== undefined) checkAttachments(problems, at(path, 'attachments'), statement.attachments);
  // Data 2.3.2: a voiding statement's object names the statement it voids.
  const verb = statement.verb as JsonObject | undefined;
  if (!isSubStatement && isJsonObject(verb) && verb.id === VOIDED_VERB && objectTypeOf(statement.object) !== 'StatementRef' && isJsonObject(statement.object)) {
    problems.push({ path: at(path, 'object'), message: `must be a StatementRef (objectType 'StatementRef' and the voided statement's id) when the verb is '${VOIDED_VERB}'` });
  }
}

/**
 * How deep JSON may nest in a statement (extensions may hold any JSON). Real statements nest less than 15 levels; the
 * limit keeps a hostile body from exhausting the stack of whatever reads it next (serializing, comparing), which
 * would turn a bad request into a server error.
 */
export const MAX_JSON_DEPTH = 64;

/** A value waiting to be looked at by tooDeep: its path is spelled out only if it is the one too deep. */
interface Nested {
  value: object;
  depth: number;
  parent: Nested | null;
  /** The array index or object key under its parent. */
  step: number | string;
}

function pathOf(node: Nested, root: string): string {
  const steps: (number | string)[] = [];
  for (let n: Nested | null = node; n?.parent; n = n.parent) steps.push(n.step);
  let path = root;
  for (let i = steps.length - 1; i >= 0; i--) {
    const step = steps[i]!;
    path = typeof step === 'number' ? `${path}[${step}]` : path ? `${path}.${step}` : step;
  }
  return path;
}

/**
 * The path of the first value nested deeper than `limit`, or null. Iterative, so any depth is safe to check. Every
 * statement stored passes through here, so only objects and arrays are kept on the stack and no path is spelled out
 * until one is too deep (the same one, in the same order, as a depth-first walk from the last key).
 */
export function tooDeep(value: unknown, limit = MAX_JSON_DEPTH, root = ''): string | null {
  if (value === null || typeof value !== 'object') return null;
  const stack: Nested[] = [{ value, depth: 0, parent: null, step: '' }];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.depth >= limit) return pathOf(node, root);
    const depth = node.depth + 1;
    const v = node.value;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const item: unknown = v[i];
        if (item !== null && typeof item === 'object') stack.push({ value: item, depth, parent: node, step: i });
      }
    } else
      for (const key in v) {
        if (!Object.hasOwn(v, key)) continue;
        const item: unknown = (v as Record<string, unknown>)[key];
        if (item !== null && typeof item === 'object') stack.push({ value: item, depth, parent: node, step: key });
      }
  }
  return null;
}

const depthProblem = (path: string): StatementProblem => ({ path, message: `nests JSON more than ${MAX_JSON_DEPTH} levels deep; no statement needs that` });

/** Problems of one statement object (a PUT body); [] when it is valid. */
export function validateStatement(value: unknown): StatementProblem[] {
  const deep = tooDeep(value);
  if (deep !== null) return [depthProblem(deep)];
  const problems: Problems = [];
  checkStatementBody(problems, '', value, false);
  return problems;
}

/**
 * Problems of a POST body: one statement, or an array of them (paths then start with '[i]'). An empty array and
 * two statements with the same id are refused (Communication 2.1.2: the LRS SHOULD reject a batch with repeated ids).
 */
export function validateStatements(value: unknown): StatementProblem[] {
  // The array itself is one level: a statement in a batch may nest as deep as one sent alone.
  const deep = tooDeep(value, Array.isArray(value) ? MAX_JSON_DEPTH + 1 : MAX_JSON_DEPTH);
  if (deep !== null) return [depthProblem(deep)];
  if (!Array.isArray(value)) {
    if (!isJsonObject(value)) return [{ path: '', message: `must be a Statement (a JSON object) or an array of Statements, got ${show(value)}` }];
    return validateStatement(value);
  }
  if (value.length === 0) return [{ path: '', message: `must contain at least one Statement, got an empty array` }];
  const problems: Problems = [];
  const firstIndexOf = new Map<string, number>();
  value.forEach((statement, i) => {
    checkStatementBody(problems, atIndex('', i), statement, false);
    const id = isJsonObject(statement) && typeof statement.id === 'string' ? statement.id.toLowerCase() : undefined;
    if (id === undefined) return;
    const first = firstIndexOf.get(id);
    if (first !== undefined) problems.push({ path: `${atIndex('', i)}.id`, message: `repeats the id of [${first}]; each statement in a batch needs its own id` });
    else firstIndexOf.set(id, i);
  });
  return problems;
}

/** One line per problem, as a 400 response body shows them: "actor.mbox: must be ...". */
export const describeProblem = (problem: StatementProblem): string => (problem.path ? `${problem.path}: ${problem.message}` : problem.message);

/** X-Experience-API-Version: 1.0 or any 1.0.x (Communication 3.3: a 1.0.x LRS accepts every 1.0 patch version). */
export function isSupportedVersion(header: string | undefined): boolean {
  return typeof header === 'string' && isVersion10(header.trim());
}
