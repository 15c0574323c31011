import { describe, expect, it } from 'vitest';
import { agentKey, parseAgentParam } from './agent.ts';
import type { Agent, Group } from './statement.ts';

describe('agentKey', () => {
  it.each<[Agent | Group, string | null]>([
    [{ mbox: 'mailto:Visitor@Example.COM' }, 'mbox:mailto:Visitor@example.com'],
    [{ mbox: 'MAILTO:a@b.org' }, 'mbox:mailto:a@b.org'],
    [{ mbox_sha1sum: 'EBD31E95054C018B10727CCFFD2EF2EC3A016EE9' }, 'mbox_sha1sum:ebd31e95054c018b10727ccffd2ef2ec3a016ee9'],
    [{ openid: 'http://toby.openid.example.org/' }, 'openid:http://toby.openid.example.org/'],
    [{ account: { homePage: 'https://park.example.cn', name: 'visit-7' } }, 'account:https://park.example.cn|visit-7'],
    [{ objectType: 'Group', mbox: 'mailto:team@example.com', member: [{ mbox: 'mailto:a@example.com' }] }, 'mbox:mailto:team@example.com'],
    [{ objectType: 'Group', member: [{ mbox: 'mailto:a@example.com' }] }, null],
  ])('%j → %s', (agent, key) => expect(agentKey(agent)).toBe(key));
});

describe('parseAgentParam', () => {
  it('accepts an Agent and an identified Group', () => {
    expect(parseAgentParam('{"mbox":"mailto:a@example.com"}')).toEqual({ ok: true, agent: { mbox: 'mailto:a@example.com' } });
    const group = { objectType: 'Group', account: { homePage: 'http://example.com', name: 'g' } };
    expect(parseAgentParam(JSON.stringify(group))).toEqual({ ok: true, agent: group });
  });

  it.each([
    ['not JSON', '{mbox:', 'agent: must be the JSON of an Agent, e.g. {"mbox": "mailto:visitor@example.com"}; it is not JSON'],
    ['a bad mbox', '{"mbox":"a@example.com"}', "agent.mbox: must be a 'mailto:' IRI such as 'mailto:visitor@example.com', got 'a@example.com'"],
    ['no identifier', '{"name":"x"}', 'agent: an Agent must have exactly one identifier: mbox, mbox_sha1sum, openid or account; it has none'],
    ['an anonymous Group', '{"objectType":"Group","member":[{"mbox":"mailto:a@example.com"}]}', 'agent: must be an Agent or an identified Group (one with mbox, mbox_sha1sum, openid or account)'],
    ['a string', '"mailto:a@example.com"', "agent: must be an Agent (a JSON object), got 'mailto:a@example.com'"],
    ['an unknown key', '{"mbox":"mailto:a@example.com","email":"x"}', 'agent.email: is not a property of an Agent; allowed: objectType, name, mbox, mbox_sha1sum, openid, account (case-sensitive)'],
  ])('refuses %s', (_name, json, message) => {
    expect(parseAgentParam(json)).toEqual({ ok: false, message });
  });
});
