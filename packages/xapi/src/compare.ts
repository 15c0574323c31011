// Statement comparison (Data 2.3.1, "Statement Comparison Requirements"): two statements with the same id are the
// same statement when they differ only where the spec lets an LRS differ. Used for PUT/POST of an id already
// stored (same → 204/200 with nothing changed, different → 409) and by the hub for a batch sent twice.
import { agentKey } from './agent.ts';
import { parseTimestamp } from './value-formats.ts';
import type { Activity, Actor, Context, ContextActivities, Statement, StatementObject, SubStatement } from './statement.ts';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** JSON with object keys sorted, so key order never makes a difference. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

const lower = (uuid: string | undefined) => uuid?.toLowerCase();

/**
 * An Agent or Group as identity: objectType made explicit (an LRS may add it), the IFI in its canonical form
 * (mbox domain case is insignificant), members in a fixed order (member lists are unordered, Data 2.3.1.b5).
 */
function normalActor(actor: Actor | undefined): Json | undefined {
  if (!actor) return undefined;
  const members = 'member' in actor && actor.member ? actor.member.map((m) => canonicalJson(normalActor(m))).sort() : undefined;
  return { objectType: actor.objectType ?? 'Agent', name: actor.name ?? null, ifi: agentKey(actor), member: members ?? null };
}

/** An Activity by its id only: its definition is not part of the statement (Data 2.3.1.b2). */
const normalActivity = (activity: Activity): Json => ({ objectType: 'Activity', id: activity.id });

function normalContextActivities(lists: ContextActivities | undefined): Json | undefined {
  if (!lists) return undefined;
  // One Activity and an array of one are the same (an LRS returns arrays).
  const list = (value: Activity | Activity[] | undefined) => (value === undefined ? undefined : (Array.isArray(value) ? value : [value]).map(normalActivity));
  return { parent: list(lists.parent) ?? null, grouping: list(lists.grouping) ?? null, category: list(lists.category) ?? null, other: list(lists.other) ?? null };
}

function normalContext(context: Context | undefined): Json | undefined {
  if (!context) return undefined;
  return {
    ...(context as Record<string, Json>),
    registration: lower(context.registration) ?? null,
    // Language tags are case-insensitive (RFC 5646 2.1.1).
    language: context.language?.toLowerCase() ?? null,
    instructor: normalActor(context.instructor) ?? null,
    team: normalActor(context.team) ?? null,
    contextActivities: normalContextActivities(context.contextActivities) ?? null,
    statement: context.statement ? { objectType: 'StatementRef', id: context.statement.id.toLowerCase() } : null,
  };
}

function normalObject(object: StatementObject): Json {
  switch (object.objectType) {
    case undefined:
    case 'Activity':
      return normalActivity(object);
    case 'Agent':
    case 'Group':
      return normalActor(object) as Json;
    case 'StatementRef':
      return { objectType: 'StatementRef', id: object.id.toLowerCase() };
    case 'SubStatement':
      return { objectType: 'SubStatement', ...normalBody(object) };
  }
}

/**
 * What of a statement counts. Left out, as Data 2.3.1 lists them: id, authority, stored and version (set by the
 * LRS), timestamp (compared apart, as an instant), the verb's display and activity definitions (not part of the
 * statement), the attachments' raw data (not part of it either; their headers do count).
 */
function normalBody(statement: Statement | SubStatement): Record<string, Json | undefined> {
  return {
    actor: normalActor(statement.actor),
    verb: statement.verb.id,
    object: normalObject(statement.object),
    result: statement.result as Json | undefined,
    context: normalContext(statement.context),
    attachments: statement.attachments as Json | undefined,
  };
}

function sameInstant(a: string | undefined, b: string | undefined): boolean {
  // A missing timestamp is one the LRS was to fill in: no difference the sender made.
  if (a === undefined || b === undefined) return true;
  return parseTimestamp(a) === parseTimestamp(b);
}

function sameTimestamps(a: Statement | SubStatement, b: Statement | SubStatement): boolean {
  if (!sameInstant(a.timestamp, b.timestamp)) return false;
  const subA = a.object.objectType === 'SubStatement' ? a.object : undefined;
  const subB = b.object.objectType === 'SubStatement' ? b.object : undefined;
  // A SubStatement's timestamp is the sender's alone (an LRS never fills it in), so it must match when either has one.
  if (subA && subB) {
    return subA.timestamp === undefined || subB.timestamp === undefined ? subA.timestamp === subB.timestamp : sameInstant(subA.timestamp, subB.timestamp);
  }
  return true;
}

/** True when `a` and `b` are the same statement by the xAPI 1.0.3 comparison rules (ids are not compared). */
export function sameStatement(a: Statement, b: Statement): boolean {
  return sameTimestamps(a, b) && canonicalJson(normalBody(a)) === canonicalJson(normalBody(b));
}
