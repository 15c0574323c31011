// The Activities Resource (xAPI 1.0.3 Communication 2.5): GET ?activityId= answers the Activity with this LRS's
// canonical definition. Every writer here is a client the operator registered, so each is trusted to change a
// definition (Data 2.4.4.1.s4.b3): the canonical one is the one carried by the newest statement, taken whole. Merging
// older language maps in would mix two versions of one definition (the ADL suite compares every language it returns
// with the last statement sent).
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

/** The Activity as this LRS knows it: the newest definition among `bodies` (stored statements, newest first). */
export function canonicalActivity(id: string, bodies: Iterable<string>): Activity {
  for (const body of bodies) {
    const definition = definitionIn(JSON.parse(body), id);
    if (definition) return { objectType: 'Activity', id, definition };
  }
  // Communication 2.5.s2.b1: with no definition known (or the id never seen), still an Activity.
  return { objectType: 'Activity', id };
}

const bad = (details: ErrorDetail[]) => new ApiError(400, summarize(details), details);

/**
 * Checks the parameters (plain or from an alternate-syntax form) and answers the Activity; any role may read. A kiosk
 * client sees definitions only from its own statements (as on GET /statements), so one park never reads another's.
 */
export function getActivity(store: StatementStore, client: Client, call: XapiCall): Reply {
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
  const activity = canonicalActivity(activityId, store.activityDefinitionSources(activityId, client.role === 'kiosk' ? client.id : undefined));
  // Exactly application/json, as GET /statements answers (see statements.ts): bytes, so Fastify adds no charset.
  return { status: 200, headers: { 'content-type': 'application/json' }, body: Buffer.from(JSON.stringify(activity)) };
}
