// Agent identity: the canonical key of an Agent or identified Group (for indexes and the GET ?agent= filter), and
// parsing that parameter with the same rules as an agent in a statement (Communication 2.1.3, Data 2.2.s4.b4).
import { checkActor } from './agent-checks.ts';
import { describeProblem } from './validate.ts';
import type { Agent, Group } from './statement.ts';

/**
 * The inverse functional identifier as one string: 'mbox:mailto:a@b', 'mbox_sha1sum:<hex>', 'openid:<uri>',
 * 'account:<homePage>|<name>'; null for an anonymous Group. The mbox domain and the sha1 hex are lowercased
 * (both case-insensitive, Data 2.3.1), so the same person is one key however a client spells them.
 */
export function agentKey(agent: Agent | Group): string | null {
  if (agent.mbox !== undefined) {
    const at = agent.mbox.lastIndexOf('@');
    const mbox = at === -1 ? agent.mbox : agent.mbox.slice(0, at) + agent.mbox.slice(at).toLowerCase();
    return `mbox:mailto:${mbox.slice('mailto:'.length)}`;
  }
  if (agent.mbox_sha1sum !== undefined) return `mbox_sha1sum:${agent.mbox_sha1sum.toLowerCase()}`;
  if (agent.openid !== undefined) return `openid:${agent.openid}`;
  if (agent.account !== undefined) return `account:${agent.account.homePage}|${agent.account.name}`;
  return null;
}

/** The `agent` query parameter: JSON of an Agent or identified Group, validated like one in a statement. */
export function parseAgentParam(json: string): { ok: true; agent: Agent | Group } | { ok: false; message: string } {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return { ok: false, message: `agent: must be the JSON of an Agent, e.g. {"mbox": "mailto:visitor@example.com"}; it is not JSON` };
  }
  const problems: { path: string; message: string }[] = [];
  checkActor(problems, 'agent', value, 'agent');
  if (problems.length > 0) return { ok: false, message: problems.map(describeProblem).join('; ') };
  return { ok: true, agent: value as Agent | Group };
}
