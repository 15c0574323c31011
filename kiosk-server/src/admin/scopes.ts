// Who may do what, and where: staff roles, the places they are scoped to, and the one containment rule
// (city ⊃ district ⊃ park, school). Pure: no Fastify, no database; the plugin, the routes and later features (classes,
// the statistics) ask these functions, so the rules are stated and tested once.
//
// A place is `{ kind, id }`: the city (no id), a district by its administrative division code ('220102'), a park by
// its id ('ruyi-xi'), a school by its code. Which district a park or school lies in is not written in its id, so
// containment asks a `Places` directory; a place the directory does not know is in no district (refused, not guessed).

export const ROLES = ['admin', 'operator', 'analyst', 'teacher'] as const;
export type Role = (typeof ROLES)[number];

export const SCOPE_KINDS = ['city', 'district', 'park', 'school'] as const;
export type ScopeKind = (typeof SCOPE_KINDS)[number];

export type Scope = { kind: 'city' } | { kind: 'district' | 'park' | 'school'; id: string };
export type LocalPlace = { kind: 'park' | 'school'; id: string };

/** Where parks and schools lie. */
export interface Places {
  /** The district code of a park or school, or undefined when it is not known. */
  districtOf(place: LocalPlace): string | undefined;
  /**
   * For a directory kept in memory from a store that another process may change (a hub's, admin/client-places.ts):
   * reads it again when its copy is older than its refresh time. The staff guard awaits it before a route asks.
   */
  refresh?(): Promise<void>;
}

export const NO_PLACES: Places = { districtOf: () => undefined };

/** A directory from a fixed list (a park's own server knows its own park; tests). */
export function placesFrom(entries: Iterable<{ kind: 'park' | 'school'; id: string; district: string }>): Places {
  const map = new Map<string, string>();
  for (const e of entries) map.set(`${e.kind}:${e.id}`, e.district);
  return { districtOf: (place) => map.get(`${place.kind}:${place.id}`) };
}

export const CITY: Scope = { kind: 'city' };

/** A park's id: a lowercase slug (also what an xAPI client's park is, xapi/clients.ts). */
export const PARK_ID = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** Ids: a district is a 6-digit division code; a park a lowercase slug; a school its code (letters, digits, '-'). */
const ID_PATTERNS: Record<Exclude<ScopeKind, 'city'>, RegExp> = {
  district: /^\d{6}$/,
  park: PARK_ID,
  school: /^[A-Za-z0-9][A-Za-z0-9-]{0,39}$/,
};

/** Login names: 2–32 of a-z, 0-9, '.', '_', '-', starting with a letter or digit (a name for the desk, not a person's). */
export const LOGIN_PATTERN = /^[a-z0-9][a-z0-9._-]{1,31}$/;

/** The scopes each role may hold: a teacher belongs to a school, an operator runs parks (not a school's classes). */
const ROLE_SCOPES: Record<Role, readonly ScopeKind[]> = {
  admin: SCOPE_KINDS,
  analyst: SCOPE_KINDS,
  operator: ['city', 'district', 'park'],
  teacher: ['school'],
};

/** Why a scope is not a valid place, or null. */
export function scopeProblem(scope: { kind: string; id?: string | null }): string | null {
  if (!(SCOPE_KINDS as readonly string[]).includes(scope.kind)) return `scope.kind: must be one of ${SCOPE_KINDS.join(', ')}`;
  if (scope.kind === 'city') return scope.id == null || scope.id === '' ? null : 'scope.id: the city scope has no id';
  const pattern = ID_PATTERNS[scope.kind as Exclude<ScopeKind, 'city'>];
  if (!scope.id || !pattern.test(scope.id)) {
    const what = { district: 'a 6-digit division code', park: 'a park id (a-z, 0-9, -)', school: 'a school code (letters, digits, -)' }[
      scope.kind as Exclude<ScopeKind, 'city'>
    ];
    return `scope.id: a ${scope.kind} scope needs ${what}, not '${scope.id ?? ''}'`;
  }
  return null;
}

/** Why a role cannot hold a scope, or null. */
export function roleScopeProblem(role: Role, scope: Scope): string | null {
  const problem = scopeProblem(scope);
  if (problem) return problem;
  return ROLE_SCOPES[role].includes(scope.kind) ? null : `scope.kind: a ${role} is scoped to ${ROLE_SCOPES[role].join(' or ')}, not ${scope.kind}`;
}

/** The scope in a normal form: the city without an id. */
export function toScope(kind: ScopeKind, id: string | null | undefined): Scope {
  return kind === 'city' ? CITY : { kind, id: id ?? '' };
}

export const sameScope = (a: Scope, b: Scope) => a.kind === b.kind && (a.kind === 'city' || a.id === (b as { id: string }).id);

/** Whether `inner` lies within `outer` (a place contains itself). */
export function contains(outer: Scope, inner: Scope, places: Places): boolean {
  if (outer.kind === 'city') return true;
  if (inner.kind === 'city') return false;
  if (outer.kind === 'district') {
    if (inner.kind === 'district') return inner.id === outer.id;
    return places.districtOf(inner as LocalPlace) === outer.id;
  }
  return inner.kind === outer.kind && inner.id === outer.id;
}

/** Readable: 'city', 'district 220102', 'park ruyi-xi'. */
export const describeScope = (scope: Scope) => (scope.kind === 'city' ? 'city' : `${scope.kind} ${scope.id}`);

/**
 * What staff do:
 * - accounts: manage staff accounts (admins, within their scope);
 * - administer: the rest of a server's staff routes no other role needs (admins of its place or above);
 * - operate: run a park's floor, packs, devices, forwarding (operators and admins of that park or above);
 * - statistics: read statistics (analysts, operators and admins, of places within their scope);
 * - classes: create and run class visits (teachers, of their school).
 */
export type Action = 'accounts' | 'administer' | 'operate' | 'statistics' | 'classes';

const ACTION_ROLES: Record<Action, readonly Role[]> = {
  accounts: ['admin'],
  administer: ['admin'],
  operate: ['admin', 'operator'],
  statistics: ['admin', 'analyst', 'operator'],
  classes: ['teacher'],
};

export const rolesFor = (action: Action): readonly Role[] => ACTION_ROLES[action];

export interface Staff {
  id: number;
  login: string;
  role: Role;
  scope: Scope;
}

/** Why `staff` may not do `action` on `target`, or null when they may. The reason names role or scope, never both. */
export function refusalFor(staff: Pick<Staff, 'role' | 'scope'>, action: Action, target: Scope, places: Places): string | null {
  if (!ACTION_ROLES[action].includes(staff.role))
    return `a ${staff.role} may not do this (${action}: ${ACTION_ROLES[action].join(', ')} only)`;
  if (!contains(staff.scope, target, places)) return `${describeScope(target)} is outside this account's scope (${describeScope(staff.scope)})`;
  return null;
}

export const may = (staff: Pick<Staff, 'role' | 'scope'>, action: Action, target: Scope, places: Places) =>
  refusalFor(staff, action, target, places) === null;

/**
 * Why `actor` may not create or change an account with `target`'s role and scope, or null. An admin manages accounts
 * within their own scope only: never one outside it or above it (a district admin makes no city account).
 */
export function accountRefusal(actor: Pick<Staff, 'role' | 'scope'>, target: { role: Role; scope: Scope }, places: Places): string | null {
  if (actor.role !== 'admin') return `a ${actor.role} may not manage staff accounts`;
  if (!contains(actor.scope, target.scope, places))
    return `${describeScope(target.scope)} is outside this account's scope (${describeScope(actor.scope)}): an admin manages accounts within it only`;
  return null;
}

/** A class visit as the scope check sees it: the school it belongs to and the teacher's account that made it. */
export interface ClassRef {
  school: string;
  teacherId: number;
}

/**
 * Whether staff may see a class visit: a teacher only their own classes (of their school); an admin or analyst those of
 * schools within scope. Running a class (starting, ending) is the teacher's alone: `mayRunClass`.
 */
export function maySeeClass(staff: Staff, cls: ClassRef, places: Places): boolean {
  const school: Scope = { kind: 'school', id: cls.school };
  if (staff.role === 'teacher') return cls.teacherId === staff.id && contains(staff.scope, school, places);
  if (staff.role === 'admin' || staff.role === 'analyst') return contains(staff.scope, school, places);
  return false;
}

export const mayRunClass = (staff: Staff, cls: ClassRef, places: Places): boolean =>
  staff.role === 'teacher' && cls.teacherId === staff.id && contains(staff.scope, { kind: 'school', id: cls.school }, places);
