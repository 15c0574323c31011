import { describe, expect, it } from 'vitest';
import { placeOfScope, placeProblem, placeQuery, placeSlug } from './place.ts';

describe('report places', () => {
  it('starts from the account\'s own scope', () => {
    expect(placeOfScope({ kind: 'city' })).toEqual({ kind: 'city', id: '' });
    expect(placeOfScope({ kind: 'district', id: '220104' })).toEqual({ kind: 'district', id: '220104' });
  });

  it('asks for one place, none for the city', () => {
    expect(placeQuery({ kind: 'city', id: 'ignored' })).toEqual({});
    expect(placeQuery({ kind: 'district', id: ' 220102 ' })).toEqual({ district: '220102' });
    expect(placeQuery({ kind: 'school', id: '220104-s01' })).toEqual({ school: '220104-s01' });
    expect(placeSlug({ kind: 'park', id: 'ruyi-xi' })).toBe('park-ruyi-xi');
  });

  it('refuses a code the server would refuse', () => {
    expect(placeProblem({ kind: 'district', id: '' })).toBe('code');
    expect(placeProblem({ kind: 'park', id: 'a b' })).toBe('code');
    expect(placeProblem({ kind: 'park', id: 'ruyi-xi' })).toBeNull();
    expect(placeProblem({ kind: 'city', id: '' })).toBeNull();
  });
});
