// /api/admin/sync/*: the forwarder of statements to the hub (or any xAPI LRS), for the admin sync page.
import { z } from 'zod';

export const SYNC_STATES = ['off', 'idle', 'sending', 'backing-off', 'stopped'] as const;

export const SyncError = z.object({
  at: z.iso.datetime(),
  message: z.string(),
  /** The target's HTTP status; null for a network failure. */
  status: z.number().int().nullable(),
});

export const SyncStatus = z.object({
  /** off: no RUYI_SYNC_URL; idle: caught up; sending; backing-off: the target failed, next attempt at nextAttemptAt;
   * stopped: the target refused the credentials (see stoppedReason); nothing is sent until resumed. */
  state: z.enum(SYNC_STATES),
  /** The xAPI address statements go to (`${target}statements`); never the secret. */
  target: z.string().nullable(),
  /** The client key this server sends as (an identifier, not a secret). */
  clientKey: z.string().nullable(),
  batchSize: z.number().int().nullable(),
  stoppedReason: z.string().nullable(),
  nextAttemptAt: z.iso.datetime().nullable(),
  /** Failed attempts in a row. */
  failures: z.number().int().min(0),
  /** Every statement with seq ≤ cursor is delivered, quarantined or discarded. */
  cursor: z.number().int().min(0),
  /** Statements waiting to be sent (after the cursor). */
  backlog: z.number().int().min(0),
  /** For a progress bar: delivered since the server started, out of that plus the backlog. */
  progress: z.object({ sent: z.number().int().min(0), total: z.number().int().min(0) }),
  /** Statements delivered per second over the last minute. */
  ratePerSecond: z.number().min(0),
  lastSuccessAt: z.iso.datetime().nullable(),
  lastError: SyncError.nullable(),
  /** Waiting in quarantine for the operator (retry or discard). */
  quarantined: z.number().int().min(0),
  discarded: z.number().int().min(0),
});
export type SyncStatus = z.infer<typeof SyncStatus>;

export const QuarantinedStatement = z.object({
  seq: z.number().int().min(1),
  id: z.string(),
  /** The target's HTTP status: 400 invalid, 409 the target holds this id with other content, 413 too large. */
  status: z.number().int(),
  /** The target's reason, as it gave it. */
  reason: z.string(),
  /** The latest refusal. */
  quarantinedAt: z.iso.datetime(),
  attempts: z.number().int().min(1),
  /** Set: the operator discarded it; it stays stored here and is never sent. */
  discardedAt: z.iso.datetime().nullable(),
});
export type QuarantinedStatement = z.infer<typeof QuarantinedStatement>;

export const QuarantineList = z.object({ statements: z.array(QuarantinedStatement) });
export type QuarantineList = z.infer<typeof QuarantineList>;

const SEQ_ERROR = 'must be the seq of a quarantined statement (a whole number ≥ 1)';
export const QuarantineParams = z.object({
  seq: z.coerce.number({ error: SEQ_ERROR }).int({ error: SEQ_ERROR }).min(1, { error: SEQ_ERROR }),
});

export const RetryResponse = z.object({
  seq: z.number().int(),
  /** delivered: it left the quarantine; refused: the target refused it again (see reason); unreachable: try later;
   * stopped: the target refused the credentials (the forwarder stopped). */
  outcome: z.enum(['delivered', 'refused', 'unreachable', 'stopped']),
  status: z.number().int().nullable(),
  reason: z.string().nullable(),
});
export type RetryResponse = z.infer<typeof RetryResponse>;

export const DiscardResponse = z.object({ statement: QuarantinedStatement });

/** GET /api/admin/sync/parks: on a hub, one xAPI client that forwards statements here (a park's server, another hub). */
export const ParkDelivery = z.object({
  /** The client's name, as given by `npm run admin -- client add <name>`: the only name the hub vouches for. */
  client: z.string(),
  role: z.enum(['kiosk', 'hub']),
  /** Set: its credentials were revoked (it is listed while statements from it are stored here). */
  revokedAt: z.iso.datetime().nullable(),
  /** When the newest statement it sent was stored here (the hub's clock); null: none yet. */
  lastDeliveryAt: z.iso.datetime().nullable(),
  /** Its statements stored here. */
  delivered: z.number().int().min(0),
});
export type ParkDelivery = z.infer<typeof ParkDelivery>;

export const ParkList = z.object({
  /** kiosk: a park's server, which has no parks to list (parks is empty); hub: the city's. */
  mode: z.enum(['kiosk', 'hub']),
  /** The server's clock, for "how long ago" on the page. */
  now: z.iso.datetime(),
  parks: z.array(ParkDelivery),
});
export type ParkList = z.infer<typeof ParkList>;
