// The place a report is for, as staff choose it (the city, a district, a park, a school) and as the query names it.
// The page checks only the code's form; whether the place is within the account's scope is the server's to judge.
import type { ReportQuery, StaffScope } from '@ruyi/api-contract';

export type PlaceKind = StaffScope['kind'];
export interface Place {
  kind: PlaceKind;
  /** The code; ignored for the city. */
  id: string;
}

export const PLACE_KINDS: readonly PlaceKind[] = ['city', 'district', 'park', 'school'];
const CODE = /^[0-9A-Za-z_-]{1,64}$/;

export const placeOfScope = (scope: StaffScope): Place => (scope.kind === 'city' ? { kind: 'city', id: '' } : { kind: scope.kind, id: scope.id });

/** Whether a place's code can be asked for (the query's rule): null when fine. */
export function placeProblem(place: Place): 'code' | null {
  return place.kind === 'city' || CODE.test(place.id.trim()) ? null : 'code';
}

/** The query's place part: none for the city. */
export function placeQuery(place: Place): Pick<ReportQuery, 'district' | 'park' | 'school'> {
  return place.kind === 'city' ? {} : { [place.kind]: place.id.trim() };
}

/** The place in a file name: 'city', 'district-220104'. */
export const placeSlug = (place: Place) => (place.kind === 'city' ? 'city' : `${place.kind}-${place.id.trim()}`);
