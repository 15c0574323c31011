// The hub's places directory on its own: which park lies where, and when it reads its clients again.
import { describe, expect, it } from 'vitest';
import type { ClientPark } from '../xapi/clients.ts';
import { clientPlaces, parkDistricts } from './client-places.ts';
import { contains } from './scopes.ts';

describe('parkDistricts', () => {
  it("puts each park in its clients' district, and a park whose clients disagree or have none in no district", () => {
    const known = parkDistricts([
      { park: 'park-a', district: '220104' },
      { park: 'park-a', district: '220104' }, // a key rotated: the old client and the new, in one district
      { park: 'park-b', district: '220102' },
      { park: 'park-b', district: '220105' },
      { park: 'park-b', district: '220102' },
      { park: 'park-c', district: null },
      { park: 'park-d', district: '220102' },
      { park: 'park-d', district: null },
    ]);
    expect([...known]).toEqual([['park-a', '220104']]);
  });
});

describe('clientPlaces', () => {
  it('answers from its copy, and reads again only when a staff route finds it older than its refresh time', async () => {
    let clock = 0;
    let reads = 0;
    let rows: ClientPark[] = [{ park: 'park-a', district: '220104' }];
    const places = clientPlaces(
      async () => {
        reads++;
        return rows;
      },
      { maxAgeMs: 1000, now: () => clock },
    );
    // Nothing is known before the first read: refused, not guessed.
    expect(places.districtOf({ kind: 'park', id: 'park-a' })).toBeUndefined();
    await places.refresh();
    expect(places.districtOf({ kind: 'park', id: 'park-a' })).toBe('220104');
    expect(places.districtOf({ kind: 'school', id: 'park-a' })).toBeUndefined();
    expect(contains({ kind: 'district', id: '220104' }, { kind: 'park', id: 'park-a' }, places)).toBe(true);

    rows = [{ park: 'park-a', district: '220102' }];
    clock = 999;
    await places.refresh();
    expect(reads).toBe(1);
    expect(places.districtOf({ kind: 'park', id: 'park-a' })).toBe('220104');
    clock = 1000;
    // Requests that find it old at the same moment share one read.
    await Promise.all([places.refresh(), places.refresh(), places.refresh()]);
    expect(reads).toBe(2);
    expect(places.districtOf({ kind: 'park', id: 'park-a' })).toBe('220102');
  });

  it('keeps its copy when a read fails, and reads again at the next request', async () => {
    let fail = true;
    const places = clientPlaces(
      async () => {
        if (fail) throw new Error('the store is away');
        return [{ park: 'park-a', district: '220104' }];
      },
      { maxAgeMs: 1000, now: () => 0 },
    );
    await expect(places.refresh()).rejects.toThrow('the store is away');
    expect(places.districtOf({ kind: 'park', id: 'park-a' })).toBeUndefined();
    fail = false;
    await places.refresh();
    expect(places.districtOf({ kind: 'park', id: 'park-a' })).toBe('220104');
  });
});
