// Where made-up visits happen: parks, the districts they are in, and the schools whose classes come. Codes only (a
// district's administrative division code, a school's code), never a name of a person.

/** Changchun's districts, counties and county-level cities by their administrative division code (GB/T 2260). */
export const CHANGCHUN_DISTRICTS = [
  '220102', // 南关区
  '220103', // 宽城区
  '220104', // 朝阳区
  '220105', // 二道区
  '220106', // 绿园区
  '220112', // 双阳区
  '220113', // 九台区
  '220122', // 农安县
  '220182', // 榆树市
  '220183', // 德惠市
  '220184', // 公主岭市
] as const;

export interface SeedPark {
  /** A short code (kebab-case), e.g. `220104-p1`. */
  code: string;
  /** The park's IRI: the homePage of its visitors' accounts (RUYI_PARK_IRI of its kiosk-server). */
  iri: string;
  /** The district code the park is in. */
  district: string;
  /** Touch kiosks and VR stations on its floor: each has its own device id. */
  kiosks: number;
  vrStations: number;
  /** How many visitors it gets relative to the other parks. */
  weight: number;
}

export interface SeedSchool {
  /** A school code, e.g. `220102-s03`. */
  code: string;
  district: string;
  /** The school's PCs that play with `?device=web` (a class visit held at school). */
  pcs: number;
}

/** Schools in each district, `<district>-s01`…: the inner districts have more. */
export function defaultSchools(districts: readonly string[] = CHANGCHUN_DISTRICTS, perDistrict = 8): SeedSchool[] {
  return districts.flatMap((district, d) =>
    Array.from({ length: Math.max(2, perDistrict - (d >= 5 ? 4 : 0)) }, (_, i) => ({
      code: `${district}-s${String(i + 1).padStart(2, '0')}`,
      district,
      pcs: 40,
    })),
  );
}

/** One park of a kiosk-server: its own IRI, in a district. */
export function singlePark(iri: string, district: string = CHANGCHUN_DISTRICTS[2], code = 'park'): SeedPark {
  return { code, iri, district, kiosks: 16, vrStations: 4, weight: 1 };
}

/**
 * A city's parks for a hub: the big one in 朝阳区 and smaller ones elsewhere; `iriOf` makes each park's IRI from its
 * code (e.g. under the hub's own origin).
 */
export function defaultParks(iriOf: (code: string) => string): SeedPark[] {
  const parks: [string, string, number, number, number][] = [
    ['220104-p1', '220104', 24, 6, 3],
    ['220102-p1', '220102', 12, 3, 1.5],
    ['220105-p1', '220105', 10, 2, 1.2],
    ['220106-p1', '220106', 8, 2, 1],
    ['220113-p1', '220113', 6, 1, 0.6],
    ['220183-p1', '220183', 6, 1, 0.5],
  ];
  return parks.map(([code, district, kiosks, vrStations, weight]) => ({ code, iri: iriOf(code), district, kiosks, vrStations, weight }));
}
