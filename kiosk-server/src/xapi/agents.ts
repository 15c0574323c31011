// The Agents Resource (xAPI 1.0.3 Communication 2.4): GET ?agent= answers a Person, every property an array. This
// LRS links no identities (it has no directory), so the Person carries the one identifier asked for, plus the names
// that Agent went by in recent statements the caller may read. An Agent never seen still gets its Person
// (Communication 2.4.s3.b3).
import { z } from 'zod';
import { ApiError, summarize, type ErrorDetail } from '../errors.ts';
import type { Client } from './clients.ts';
import { agentKey, parseAgentParam, type Account, type Agent } from './lib.ts';
import type { XapiCall } from './request.ts';
import type { Reply } from './statements.ts';
import type { StatementStore } from './store.ts';

/** Recent statements read for names: enough for any visitor's session, bounded for an agent in every statement. */
export const NAME_SOURCES = 50;

export const AgentsQuerystring = z
  .object({ agent: z.string({ error: 'is required: the JSON of an Agent, e.g. {"mbox":"mailto:visitor@example.com"}' }).describe('an Agent (not a Group) as JSON, with one identifier') })
  .strict();

export const PersonBody = z.object({
  objectType: z.literal('Person'),
  name: z.array(z.string()).optional(),
  mbox: z.array(z.string()).optional(),
  mbox_sha1sum: z.array(z.string()).optional(),
  openid: z.array(z.string()).optional(),
  account: z.array(z.object({ homePage: z.string(), name: z.string() })).optional(),
});
export type Person = z.infer<typeof PersonBody>;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const asList = (v: unknown): unknown[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** The Agents and Groups a statement names as such: actor, object, instructor, team, members, sub-statement. */
function actorsIn(statement: Record<string, unknown>): Record<string, unknown>[] {
  const found: Record<string, unknown>[] = [];
  const add = (v: unknown) => {
    if (!isObject(v)) return;
    found.push(v);
    for (const member of asList(v.member)) if (isObject(member)) found.push(member);
  };
  const visit = (s: Record<string, unknown>) => {
    add(s.actor);
    if (isObject(s.object) && (s.object.objectType === 'Agent' || s.object.objectType === 'Group')) add(s.object);
    if (isObject(s.context)) {
      add(s.context.instructor);
      add(s.context.team);
    }
  };
  visit(statement);
  if (isObject(statement.object) && statement.object.objectType === 'SubStatement') visit(statement.object);
  return found;
}

/** The names the Agent with this key goes by in one statement. */
export function namesIn(statement: unknown, key: string): string[] {
  if (!isObject(statement)) return [];
  return actorsIn(statement)
    .filter((a) => typeof a.name === 'string' && agentKey(a as Agent) === key)
    .map((a) => a.name as string);
}

/** The Person for `agent`: its identifier, and its names (the one asked with first, then `names`, once each). */
export function personOf(agent: Agent, names: Iterable<string>): Person {
  const person: Person = { objectType: 'Person' };
  const allNames = [...new Set([...(agent.name === undefined ? [] : [agent.name]), ...names])];
  if (allNames.length) person.name = allNames;
  if (agent.mbox !== undefined) person.mbox = [agent.mbox];
  if (agent.mbox_sha1sum !== undefined) person.mbox_sha1sum = [agent.mbox_sha1sum];
  if (agent.openid !== undefined) person.openid = [agent.openid];
  if (agent.account !== undefined) person.account = [{ homePage: agent.account.homePage, name: agent.account.name } satisfies Account];
  return person;
}

const bad = (details: ErrorDetail[]) => new ApiError(400, summarize(details), details);

/** The `agent` parameter as an Agent with one identifier; a Group, or anything else, is 400 (Communication 2.4.s2). */
export function readAgent(json: string): Agent {
  const parsed = parseAgentParam(json);
  if (!parsed.ok) throw bad([{ path: 'agent', message: parsed.message.replace(/^agent:\s*/, '') }]);
  if (parsed.agent.objectType === 'Group')
    throw bad([{ path: 'agent.objectType', message: "must be 'Agent' or absent: the Agents resource describes one Agent, not a Group" }]);
  return parsed.agent;
}

/** Checks the parameters (plain or from an alternate-syntax form) and answers the Person. */
export async function getPerson(store: StatementStore, client: Client, call: XapiCall): Promise<Reply> {
  const parsed = AgentsQuerystring.safeParse(call.params);
  if (!parsed.success)
    throw bad(
      parsed.error.issues.map((issue) =>
        issue.code === 'unrecognized_keys'
          ? { path: issue.keys.join(', '), message: 'is not a parameter of GET /agents (only agent is)' }
          : { path: issue.path.join('.') || 'agent', message: issue.message },
      ),
    );
  const agent = readAgent(parsed.data.agent);
  const key = agentKey(agent)!;
  // A kiosk client reads back only its own statements (as on GET /statements), so only those lend it names.
  const sources = await store.agentNameSources(key, NAME_SOURCES, client.role === 'kiosk' ? client.id : undefined);
  const person = personOf(agent, sources.flatMap((body) => namesIn(JSON.parse(body), key)));
  return { status: 200, headers: { 'content-type': 'application/json' }, body: Buffer.from(JSON.stringify(person)) };
}
