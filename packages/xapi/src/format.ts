// The `format` parameter of GET /statements (Communication 2.1.3): 'exact' as stored, 'ids' with agents, groups,
// activities and verbs cut to what identifies them, 'canonical' with every activity and verb language map cut to
// the one language the reader asked for (the LRS's canonical definitions themselves are the caller's to fill in).
import { IFI_KEYS } from './agent-checks.ts';
import { pickLanguage } from './language-choice.ts';
import type {
  Activity,
  ActivityDefinition,
  Actor,
  Agent,
  Context,
  ContextActivities,
  Group,
  InteractionComponent,
  LanguageMap,
  Statement,
  StatementObject,
  SubStatement,
  Verb,
} from './statement.ts';

export type StatementFormat = 'exact' | 'ids' | 'canonical';

interface Rewrite {
  actor: (actor: Actor) => Actor;
  activity: (activity: Activity) => Activity;
  verb: (verb: Verb) => Verb;
}

function rewriteContextActivities(lists: ContextActivities, rewrite: Rewrite): ContextActivities {
  const out: ContextActivities = {};
  for (const key of ['parent', 'grouping', 'category', 'other'] as const) {
    const value = lists[key];
    // Data 2.4.6.2: an LRS returns a single Activity as an array of one, whatever the format.
    if (value !== undefined) out[key] = (Array.isArray(value) ? value : [value]).map(rewrite.activity);
  }
  return out;
}

function rewriteContext(context: Context, rewrite: Rewrite): Context {
  const out: Context = { ...context };
  if (context.instructor) out.instructor = rewrite.actor(context.instructor);
  if (context.team) out.team = rewrite.actor(context.team) as Group;
  if (context.contextActivities) out.contextActivities = rewriteContextActivities(context.contextActivities, rewrite);
  return out;
}

function rewriteObject(object: StatementObject, rewrite: Rewrite): StatementObject {
  switch (object.objectType) {
    case undefined:
    case 'Activity':
      return rewrite.activity(object);
    case 'Agent':
    case 'Group':
      // Both rewrites keep objectType, so an object Agent stays one.
      return rewrite.actor(object) as StatementObject;
    case 'StatementRef':
      return object;
    case 'SubStatement':
      return rewriteBody(object, rewrite);
  }
}

function rewriteBody<T extends Statement | SubStatement>(statement: T, rewrite: Rewrite): T {
  const out = { ...statement, actor: rewrite.actor(statement.actor), verb: rewrite.verb(statement.verb), object: rewriteObject(statement.object, rewrite) };
  if (statement.context) out.context = rewriteContext(statement.context, rewrite);
  if ('authority' in statement && statement.authority) (out as Statement).authority = rewrite.actor(statement.authority);
  return out as T;
}

/** The Agent or Group by its identifier; an anonymous Group by its members' identifiers. */
function actorIds(actor: Actor): Actor {
  const out: Agent | Group = actor.objectType === 'Group' ? { objectType: 'Group' } : actor.objectType ? { objectType: 'Agent' } : {};
  const ifis = IFI_KEYS.filter((key) => actor[key] !== undefined);
  for (const key of ifis) (out as Record<string, unknown>)[key] = actor[key];
  if (actor.objectType === 'Group' && ifis.length === 0 && actor.member) (out as Group).member = actor.member.map((m) => actorIds(m) as Agent);
  return out;
}

/** As received; only the shapes an LRS must normalise (context activity lists) change. */
const EXACT: Rewrite = { actor: (actor) => actor, activity: (activity) => activity, verb: (verb) => verb };

const IDS: Rewrite = {
  actor: actorIds,
  // An Activity's id is all that identifies it (objectType is optional everywhere an Activity may stand), so the ids
  // form is exactly { id } (the ADL suite counts one key, XAPI-00171).
  activity: (activity) => ({ id: activity.id }),
  verb: (verb) => ({ id: verb.id }),
};

function canonicalRewrite(languages: readonly string[]): Rewrite {
  const one = (map: LanguageMap | undefined): LanguageMap | undefined => {
    if (!map) return undefined;
    const tag = pickLanguage(Object.keys(map), languages);
    return tag === undefined ? map : { [tag]: map[tag] as string };
  };
  const components = (list: InteractionComponent[] | undefined) =>
    list?.map((component) => (component.description ? { ...component, description: one(component.description) as LanguageMap } : component));
  const definition = (d: ActivityDefinition): ActivityDefinition => {
    const out: ActivityDefinition = { ...d };
    if (d.name) out.name = one(d.name) as LanguageMap;
    if (d.description) out.description = one(d.description) as LanguageMap;
    for (const key of ['choices', 'scale', 'source', 'target', 'steps'] as const) {
      if (d[key]) out[key] = components(d[key]);
    }
    return out;
  };
  return {
    actor: (actor) => actor,
    activity: (activity) => (activity.definition ? { ...activity, definition: definition(activity.definition) } : activity),
    verb: (verb) => (verb.display ? { ...verb, display: one(verb.display) as LanguageMap } : verb),
  };
}

/**
 * The statement in the requested format, context activities always as arrays; never changes `s`. `languages` is the
 * reader's preference, best first (the Accept-Language header's order); with none, or none present, a map keeps its
 * first entry.
 */
export function formatStatement(s: Statement, format: StatementFormat, languages: readonly string[] = []): Statement {
  return rewriteBody(s, format === 'exact' ? EXACT : format === 'ids' ? IDS : canonicalRewrite(languages));
}
