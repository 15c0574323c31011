// The Activities Resource (xAPI 1.0.3 Communication 2.5): GET ?activityId= answers the Activity with this LRS's
// canonical definition. It holds all the information the statements give (Communication 2.5.s1.table1.row1): each
// language of `name` and `description` from the newest definition that has it, and every other property from the
// newest definition that has it. Every writer here is a client the operator registered, so each is trusted to change
// a definition (Data 2.4.4.1.s4.b3): newer wins wherever two say different things.
import { z } from 'zod';
import { ApiError, summarize, type ErrorDetail } from '../errors.ts';
import type { Client } from './clients.ts';
import { isIri, type Activity, type ActivityDefinition } from './lib.ts';
import type { XapiCall } from './request.ts';
import type { Reply } from './statements.ts';
import type { StatementStore } from './store.ts';

export const ActivitiesQuerystring = z
  .object({ activityId: z.string({ error: 'is required: the IRI of the Activity to describe' }).describe('the Activity id (an IRI)') })
  .strict();

/** The answer's shape, for the OpenAPI document (the body is sent as bytes, so this never filters it). */
export const ActivityBody = z.object({
  objectType: z.literal('Activity'),
  id: z.string(),
  definition: z.record(z.string(), z.unknown()).optional().describe('the canonical definition; absent when no statement carried one'),
});

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const asList = (v: unknown): unknown[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** The Activity where a statement (or sub-statement) names it, in the order an author most deliberately describes it. */
function placesOf(statement: Record<string, unknown>): unknown[] {
  const places: unknown[] = [];
  const add = (s: Record<string, unknown>) => {
    const object = s.object;
    if (isObject(object) && (object.objectType === undefined || object.objectType === 'Activity')) places.push(object);
    const lists = isObject(s.context) && isObject(s.context.contextActivities) ? s.context.contextActivities : {};
    for (const kind of ['parent', 'grouping', 'category', 'other']) places.push(...asList(lists[kind]));
  };
  add(statement);
  if (isObject(statement.object) && statement.object.objectType === 'SubStatement') add(statement.object);
  return places;
}

/** The definition a statement gives the Activity `id` (object first, then sub-statement, then context); undefined if none. */
export function definitionIn(statement: unknown, id: string): ActivityDefinition | undefined {
  if (!isObject(statement)) return undefined;
  for (const place of placesOf(statement))
    if (isObject(place) && place.id === id && isObject(place.definition)) return place.definition as ActivityDefinition;
  return undefined;
}

/** Definitions read at most, newest first: a hub may hold millions of statements naming one Activity. */
export const DEFINITIONS_MERGED = 100;

/** An interaction's properties belong together: they come from one definition (the newest with an interactionType). */
const INTERACTION_KEYS = new Set(['interactionType', 'correctResponsesPattern', 'choices', 'scale', 'source', 'target', 'steps']);
const LANGUAGE_MAPS = new Set(['name', 'description']);

/** Folds an older definition into `merged` (built from newer ones): it only fills what the newer ones left out. */
function mergeOlder(merged: Record<string, unknown>, older: Record<string, unknown>): void {
  const hasInteraction = merged.interactionType !== undefined;
  for (const [key, value] of Object.entries(older)) {
    if (LANGUAGE_MAPS.has(key) && isObject(value)) merged[key] = { ...value, ...(isObject(merged[key]) ? merged[key] : {}) };
    else if (INTERACTION_KEYS.has(key)) {
      if (!hasInteraction && older.interactionType !== undefined) merged[key] = value;
    } else if (merged[key] === undefined) merged[key] = value;
  }
}

/**
 * The Activity as this LRS knows it, from `bodies` (stored statements naming it, newest first): the definitions of
 * the DEFINITIONS_MERGED newest that define it, merged as the file comment says. No definition (or only empty
 * ones): just the id.
 */
export async function canonicalActivity(id: string, bodies: AsyncIterable<string> | Iterable<string>): Promise<Activity> {
  const merged: Record<string, unknown> = {};
  let read = 0;
  for await (const body of bodies) {
    const definition = definitionIn(JSON.parse(body), id);
    if (!definition) continue;
    mergeOlder(merged, definition as Record<string, unknown>);
    if (++read >= DEFINITIONS_MERGED) break;
  }
  // Communication 2.5.s2.b1: with no definition known (or the id never seen), still an Activity.
  if (Object.keys(merged).length === 0) return { objectType: 'Activity', id };
  return { objectType: 'Activity', id, definition: merged as ActivityDefinition };
}

const bad = (details: ErrorDetail[]) => new ApiError(400, summarize(details), details);

/**
 * Checks the parameters (plain or from an alternate-syntax form) and answers the Activity; any role may read. A kiosk
 * client sees definitions only from its own statements (as on GET /statements), so one park never reads another's.
 */
export async function getActivity(store: StatementStore, client: Client, call: XapiCall): Promise<Reply> {
  const parsed = ActivitiesQuerystring.safeParse(call.params);
  if (!parsed.success)
    throw bad(
      parsed.error.issues.map((issue) =>
        issue.code === 'unrecognized_keys'
          ? { path: issue.keys.join(', '), message: 'is not a parameter of GET /activities (only activityId is)' }
          : { path: issue.path.join('.') || 'activityId', message: issue.message },
      ),
    );
  const { activityId } = parsed.data;
  if (!isIri(activityId)) throw bad([{ path: 'activityId', message: `must be an absolute IRI such as http://example.com/activities/1, got '${activityId}'` }]);
  const activity = await canonicalActivity(activityId, store.activityDefinitionSources(activityId, client.role === 'kiosk' ? client.id : undefined));
  // Exactly application/json, as GET /statements answers (see statements.ts): bytes, so Fastify adds no charset.
  return { status: 200, headers: { 'content-type': 'application/json' }, body: Buffer.from(JSON.stringify(activity)) };
}
