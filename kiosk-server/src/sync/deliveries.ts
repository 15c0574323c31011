// A hub's view of its parks as one query: per xAPI client that sends statements on (role kiosk or hub), how many of
// its statements are stored here and when the newest was stored (the hub's clock: when it arrived). Derived from the
// statements themselves, so it is right in whatever way they arrived (forwarded, moved, replayed). PostgreSQL answers
// it from an index (007_sync.sql); the SQLite store counts incrementally instead (sqlite.ts), with the same result.
import type { Kysely } from 'kysely';
import type { RuyiDatabase } from '../storage/schema.ts';
import type { ClientDelivery } from './store.ts';

export function deliveriesQuery(db: Kysely<RuyiDatabase>) {
  return db
    .selectFrom('xapi_clients as c')
    .leftJoin(
      (eb) =>
        eb
          .selectFrom('statements')
          .select((s) => ['client_id', s.fn.countAll<number | string>().as('delivered'), s.fn.max('stored').as('last_delivery_at')])
          .where('client_id', 'is not', null)
          .groupBy('client_id')
          .as('d'),
      (join) => join.onRef('d.client_id', '=', 'c.id'),
    )
    .select(['c.name', 'c.role', 'c.revoked_at', 'd.delivered', 'd.last_delivery_at'])
    .where('c.role', 'in', ['kiosk', 'hub'])
    .where((eb) => eb.or([eb('d.client_id', 'is not', null), eb('c.revoked_at', 'is', null)]))
    .orderBy('c.name');
}

export type DeliveryRow = {
  name: string;
  role: string;
  revoked_at: string | null;
  delivered: number | string | null;
  last_delivery_at: string | null;
};

export const toDelivery = (r: DeliveryRow): ClientDelivery => ({
  name: r.name,
  role: r.role as ClientDelivery['role'],
  revokedAt: r.revoked_at,
  lastDeliveryAt: r.last_delivery_at,
  delivered: Number(r.delivered ?? 0),
});
