// Agents and Groups wherever a statement has them (actor, object, instructor, team, authority, member), and the
// GET ?agent= parameter: one inverse functional identifier each (Data 2.4.2, 4.1.2.3 of 1.0.0).
import { at, atIndex, checkArray, checkIri, checkObject, checkString, show, type JsonObject, type Problems } from './json-checks.ts';
import { isMailtoIri, isSha1Hex } from './value-formats.ts';

export const IFI_KEYS = ['mbox', 'mbox_sha1sum', 'openid', 'account'] as const;
const AGENT_KEYS = ['objectType', 'name', ...IFI_KEYS] as const;
const GROUP_KEYS = ['objectType', 'name', 'member', ...IFI_KEYS] as const;

/** Where an Agent or Group appears; each place adds a rule of its own. */
export type ActorRole = 'actor' | 'object' | 'instructor' | 'team' | 'authority' | 'member' | 'agent';

function checkIfiValues(problems: Problems, path: string, actor: JsonObject): void {
  if (actor.mbox !== undefined && checkString(problems, at(path, 'mbox'), actor.mbox) && !isMailtoIri(actor.mbox)) {
    problems.push({ path: at(path, 'mbox'), message: `must be a 'mailto:' IRI such as 'mailto:visitor@example.com', got ${show(actor.mbox)}` });
  }
  if (actor.mbox_sha1sum !== undefined && checkString(problems, at(path, 'mbox_sha1sum'), actor.mbox_sha1sum) && !isSha1Hex(actor.mbox_sha1sum)) {
    problems.push({ path: at(path, 'mbox_sha1sum'), message: `must be the SHA-1 of a mailto IRI as 40 hex digits, got ${show(actor.mbox_sha1sum)}` });
  }
  if (actor.openid !== undefined) checkIri(problems, at(path, 'openid'), actor.openid, 'IRI');
  if (actor.account !== undefined) {
    const accountPath = at(path, 'account');
    const account = checkObject(problems, accountPath, actor.account, 'an account', ['homePage', 'name']);
    if (account) {
      if (account.homePage === undefined) problems.push({ path: at(accountPath, 'homePage'), message: `is required (the IRL of the system the account is on)` });
      else checkIri(problems, at(accountPath, 'homePage'), account.homePage, 'IRL');
      if (account.name === undefined) problems.push({ path: at(accountPath, 'name'), message: `is required (the account's unique name on homePage)` });
      else checkString(problems, at(accountPath, 'name'), account.name);
    }
  }
}

const ifisOf = (actor: JsonObject) => IFI_KEYS.filter((key) => actor[key] !== undefined);

export function checkActor(problems: Problems, path: string, value: unknown, role: ActorRole): void {
  const objectType = (value as JsonObject | null)?.objectType;
  const allowedTypes = role === 'member' ? ['Agent'] : ['Agent', 'Group'];
  if (objectType !== undefined && !allowedTypes.includes(objectType as string)) {
    problems.push({
      path: at(path, 'objectType'),
      message: role === 'member' ? `must be 'Agent' (a Group's members are Agents), got ${show(objectType)}` : `must be 'Agent' or 'Group' (case-sensitive), got ${show(objectType)}`,
    });
    return;
  }
  const isGroup = objectType === 'Group';
  if (role === 'team' && !isGroup) {
    problems.push({ path, message: `must be a Group (objectType 'Group'): context.team names the team the actor was in` });
    return;
  }
  const actor = checkObject(problems, path, value, isGroup ? 'a Group' : 'an Agent', isGroup ? GROUP_KEYS : AGENT_KEYS);
  if (!actor) return;
  if (actor.name !== undefined) checkString(problems, at(path, 'name'), actor.name);
  checkIfiValues(problems, path, actor);
  const ifis = ifisOf(actor);
  if (!isGroup) {
    if (ifis.length === 0) problems.push({ path, message: `an Agent must have exactly one identifier: mbox, mbox_sha1sum, openid or account; it has none` });
    if (ifis.length > 1) problems.push({ path, message: `an Agent must have exactly one identifier (mbox, mbox_sha1sum, openid or account); it has ${ifis.join(' and ')}` });
    return;
  }
  if (ifis.length > 1) problems.push({ path, message: `a Group has at most one identifier (mbox, mbox_sha1sum, openid or account); it has ${ifis.join(' and ')}` });
  if (role === 'agent' && ifis.length === 0) problems.push({ path, message: `must be an Agent or an identified Group (one with mbox, mbox_sha1sum, openid or account)` });
  const memberPath = at(path, 'member');
  if (actor.member === undefined) {
    if (ifis.length === 0) problems.push({ path: memberPath, message: `is required in an anonymous Group (one without mbox, mbox_sha1sum, openid or account)` });
  } else if (checkArray(problems, memberPath, actor.member, 'Agents')) {
    if (ifis.length === 0 && actor.member.length === 0) problems.push({ path: memberPath, message: `must list at least one Agent in an anonymous Group` });
    actor.member.forEach((member, i) => checkActor(problems, atIndex(memberPath, i), member, 'member'));
  }
  // Data 2.4.9: a Group authority is OAuth's pair of the consumer and the user: anonymous, exactly two members.
  if (role === 'authority' && ifis.length > 0) {
    problems.push({ path, message: `an authority Group must be anonymous (its two members identify it); remove ${ifis.join(' and ')}` });
  }
  if (role === 'authority' && (!Array.isArray(actor.member) || actor.member.length !== 2)) {
    problems.push({ path: memberPath, message: `an authority Group must have exactly two Agents (the OAuth consumer and user), got ${Array.isArray(actor.member) ? actor.member.length : 'none'}` });
  }
}
