// The hub's places directory: which district each park lies in, as staff registered the parks' xAPI clients (a
// client's park and district, `npm run admin -- client add|set-park|set-district`). Revoked clients count too: their
// statements stay counted in their park. The CLI changes the clients from another process, so the directory is kept
// in memory and read again from the store when a staff route needs it and the copy is older than `maxAgeMs`; between
// reads `districtOf` answers from memory, synchronously, as `Places` asks.
//
// A park whose clients disagree about its district (two clients with one park in different districts), or whose
// clients have none, is in no district: refused, not guessed (admin/scopes.ts).
import type { ClientPark } from '../xapi/clients.ts';
import type { Places } from './scopes.ts';

/** How old the hub's copy may be before a staff route reads it again. */
export const CLIENT_PLACES_MAX_AGE_MS = 3000;

export interface ClientPlacesOptions {
  maxAgeMs?: number;
  /** Milliseconds, increasing (tests pass their own). */
  now?: () => number;
}

/** Park → district from the clients' parks; a park with no single district is left out. */
export function parkDistricts(parks: readonly ClientPark[]): Map<string, string> {
  const seen = new Map<string, string | null>();
  for (const { park, district } of parks) seen.set(park, seen.has(park) && seen.get(park) !== district ? null : district);
  const known = new Map<string, string>();
  for (const [park, district] of seen) if (district !== null) known.set(park, district);
  return known;
}

export function clientPlaces(read: () => Promise<ClientPark[]>, options: ClientPlacesOptions = {}): Places & { refresh(): Promise<void> } {
  const maxAgeMs = options.maxAgeMs ?? CLIENT_PLACES_MAX_AGE_MS;
  const now = options.now ?? (() => performance.now());
  let districts = new Map<string, string>();
  let readAt = -Infinity;
  // One read at a time: the staff requests that find the copy old meanwhile wait for the same read.
  let reading: Promise<void> | null = null;
  return {
    districtOf: (place) => (place.kind === 'park' ? districts.get(place.id) : undefined),
    refresh() {
      if (now() - readAt < maxAgeMs) return Promise.resolve();
      reading ??= (async () => {
        const started = now();
        try {
          districts = parkDistricts(await read());
          readAt = started;
        } finally {
          reading = null;
        }
      })();
      return reading;
    },
  };
}
