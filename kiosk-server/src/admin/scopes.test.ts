import { describe, expect, it } from 'vitest';
import {
  accountRefusal,
  CITY,
  contains,
  may,
  maySeeClass,
  mayRunClass,
  NO_PLACES,
  placesFrom,
  refusalFor,
  roleScopeProblem,
  scopeProblem,
  type Scope,
  type Staff,
} from './scopes.ts';

const places = placesFrom([
  { kind: 'park', id: 'ruyi-xi', district: '220102' },
  { kind: 'park', id: 'nanhu', district: '220104' },
  { kind: 'school', id: '2122010201', district: '220102' },
  { kind: 'school', id: '2122010401', district: '220104' },
]);
const district = (id: string): Scope => ({ kind: 'district', id });
const park = (id: string): Scope => ({ kind: 'park', id });
const school = (id: string): Scope => ({ kind: 'school', id });
const staff = (role: Staff['role'], scope: Scope, id = 1): Staff => ({ id, login: `${role}-${id}`, role, scope });

describe('containment: city > district > park, school', () => {
  it('the city holds everything; a place holds itself', () => {
    for (const inner of [CITY, district('220102'), park('unknown-park'), school('x1')]) expect(contains(CITY, inner, NO_PLACES)).toBe(true);
    expect(contains(park('ruyi-xi'), park('ruyi-xi'), NO_PLACES)).toBe(true);
    expect(contains(district('220102'), district('220102'), NO_PLACES)).toBe(true);
  });

  it("a district holds its own parks and schools, not another district's, nor the city", () => {
    const d = district('220102');
    expect(contains(d, park('ruyi-xi'), places)).toBe(true);
    expect(contains(d, school('2122010201'), places)).toBe(true);
    expect(contains(d, park('nanhu'), places)).toBe(false);
    expect(contains(d, school('2122010401'), places)).toBe(false);
    expect(contains(d, district('220104'), places)).toBe(false);
    expect(contains(d, CITY, places)).toBe(false);
  });

  it('a park or school whose district is not known lies in no district', () => {
    expect(contains(district('220102'), park('ruyi-xi'), NO_PLACES)).toBe(false);
    expect(contains(district('220102'), park('elsewhere'), places)).toBe(false);
  });

  it('a park holds nothing else: not another park, not a school, not its district', () => {
    expect(contains(park('ruyi-xi'), park('nanhu'), places)).toBe(false);
    expect(contains(park('ruyi-xi'), school('2122010201'), places)).toBe(false);
    expect(contains(park('ruyi-xi'), district('220102'), places)).toBe(false);
    // A park and a school may share an id: kinds differ.
    expect(contains(park('abc'), school('abc'), places)).toBe(false);
  });
});

describe('roles and actions', () => {
  it('an analyst reads statistics within scope only: a district analyst sees only that district', () => {
    const analyst = staff('analyst', district('220102'));
    expect(may(analyst, 'statistics', park('ruyi-xi'), places)).toBe(true);
    expect(may(analyst, 'statistics', school('2122010201'), places)).toBe(true);
    expect(may(analyst, 'statistics', district('220102'), places)).toBe(true);
    expect(refusalFor(analyst, 'statistics', park('nanhu'), places)).toMatch(/park nanhu is outside this account's scope \(district 220102\)/);
    expect(may(analyst, 'statistics', CITY, places)).toBe(false);
    expect(refusalFor(analyst, 'operate', park('ruyi-xi'), places)).toMatch(/a analyst may not do this/);
    expect(may(analyst, 'accounts', park('ruyi-xi'), places)).toBe(false);
  });

  it('an operator runs their own park and reads its statistics, nothing of another park', () => {
    const operator = staff('operator', park('ruyi-xi'));
    expect(may(operator, 'operate', park('ruyi-xi'), places)).toBe(true);
    expect(may(operator, 'statistics', park('ruyi-xi'), places)).toBe(true);
    expect(may(operator, 'operate', park('nanhu'), places)).toBe(false);
    expect(may(operator, 'accounts', park('ruyi-xi'), places)).toBe(false);
  });

  it('a teacher runs classes of their school only, and nothing else', () => {
    const teacher = staff('teacher', school('2122010201'));
    expect(may(teacher, 'classes', school('2122010201'), places)).toBe(true);
    expect(may(teacher, 'classes', school('2122010401'), places)).toBe(false);
    for (const action of ['operate', 'statistics', 'accounts'] as const) expect(may(teacher, action, school('2122010201'), places)).toBe(false);
  });

  it('a city admin may do all but teach; a park admin only within the park', () => {
    const admin = staff('admin', CITY);
    for (const action of ['operate', 'statistics', 'accounts'] as const) expect(may(admin, action, park('nanhu'), places)).toBe(true);
    expect(may(admin, 'classes', school('2122010201'), places)).toBe(false);
    const parkAdmin = staff('admin', park('ruyi-xi'));
    expect(may(parkAdmin, 'operate', park('ruyi-xi'), places)).toBe(true);
    expect(may(parkAdmin, 'operate', park('nanhu'), places)).toBe(false);
    expect(may(parkAdmin, 'statistics', district('220102'), places)).toBe(false);
  });
});

describe('class visits: a teacher sees only their own classes', () => {
  const cls = { school: '2122010201', teacherId: 7 };
  it('the teacher who made it, of that school', () => {
    expect(maySeeClass(staff('teacher', school('2122010201'), 7), cls, places)).toBe(true);
    expect(mayRunClass(staff('teacher', school('2122010201'), 7), cls, places)).toBe(true);
    // Another teacher of the same school, or the same id at another school: no.
    expect(maySeeClass(staff('teacher', school('2122010201'), 8), cls, places)).toBe(false);
    expect(maySeeClass(staff('teacher', school('2122010401'), 7), cls, places)).toBe(false);
  });
  it("an analyst or admin of the school's district sees it, runs it not; an operator neither", () => {
    expect(maySeeClass(staff('analyst', district('220102')), cls, places)).toBe(true);
    expect(maySeeClass(staff('analyst', district('220104')), cls, places)).toBe(false);
    expect(maySeeClass(staff('admin', CITY), cls, places)).toBe(true);
    expect(mayRunClass(staff('admin', CITY), cls, places)).toBe(false);
    expect(maySeeClass(staff('operator', CITY), cls, places)).toBe(false);
  });
});

describe('managing accounts', () => {
  it('an admin creates accounts within their scope, never outside or above it', () => {
    const districtAdmin = staff('admin', district('220102'));
    expect(accountRefusal(districtAdmin, { role: 'operator', scope: park('ruyi-xi') }, places)).toBeNull();
    expect(accountRefusal(districtAdmin, { role: 'teacher', scope: school('2122010201') }, places)).toBeNull();
    expect(accountRefusal(districtAdmin, { role: 'admin', scope: district('220102') }, places)).toBeNull();
    expect(accountRefusal(districtAdmin, { role: 'admin', scope: CITY }, places)).toMatch(/city is outside this account's scope/);
    expect(accountRefusal(districtAdmin, { role: 'analyst', scope: district('220104') }, places)).toMatch(/outside/);
    expect(accountRefusal(districtAdmin, { role: 'operator', scope: park('nanhu') }, places)).toMatch(/outside/);
    expect(accountRefusal(staff('admin', CITY), { role: 'admin', scope: CITY }, places)).toBeNull();
  });
  it('no other role manages accounts', () => {
    for (const role of ['operator', 'analyst', 'teacher'] as const)
      expect(accountRefusal(staff(role, CITY), { role: 'analyst', scope: park('ruyi-xi') }, places)).toMatch(/may not manage staff accounts/);
  });
});

describe('valid scopes', () => {
  it('checks ids by kind', () => {
    expect(scopeProblem({ kind: 'city' })).toBeNull();
    expect(scopeProblem({ kind: 'city', id: 'x' })).toMatch(/no id/);
    expect(scopeProblem({ kind: 'district', id: '220102' })).toBeNull();
    expect(scopeProblem({ kind: 'district', id: '2201' })).toMatch(/6-digit/);
    expect(scopeProblem({ kind: 'park', id: 'ruyi-xi' })).toBeNull();
    expect(scopeProblem({ kind: 'park', id: 'Ruyi Xi' })).toMatch(/park id/);
    expect(scopeProblem({ kind: 'school', id: '2122010201' })).toBeNull();
    expect(scopeProblem({ kind: 'school' })).toMatch(/school code/);
    expect(scopeProblem({ kind: 'province', id: '22' })).toMatch(/must be one of/);
  });
  it('a teacher is scoped to a school; an operator not to a school', () => {
    expect(roleScopeProblem('teacher', school('2122010201'))).toBeNull();
    expect(roleScopeProblem('teacher', district('220102'))).toMatch(/a teacher is scoped to school/);
    expect(roleScopeProblem('operator', school('2122010201'))).toMatch(/an? operator is scoped to/);
    expect(roleScopeProblem('operator', park('ruyi-xi'))).toBeNull();
    expect(roleScopeProblem('admin', school('2122010201'))).toBeNull();
  });
});
