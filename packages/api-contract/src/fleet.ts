// The fleet: every kiosk, VR station and school PC tells its kiosk-server how it is (POST /api/fleet/heartbeat), every
// kiosk-server tells its hub (POST /api/fleet/servers), and staff read both at GET /api/admin/fleet (the /operator
// page). A heartbeat says nothing about visitors: the device, its screen, versions, counts and the last error.
import { z } from 'zod';

/** touch kiosk, VR station, school PC (a browser opened with ?device=web). */
export const SURFACES = ['kiosk', 'vr', 'web'] as const;
/** What the device shows: the attract loop, the park map, a scenario, the VR station, or another page. */
export const DEVICE_VIEWS = ['attract', 'map', 'play', 'vr', 'other'] as const;

/** After this long without a heartbeat, a device (or a park's server) is shown as offline. */
export const OFFLINE_AFTER_MS = 2 * 60_000;

const Id = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, { error: 'must be a pack or scenario id (a-z, 0-9, -)' });
/** `id@version` of each pack the device (or server) has loaded. */
const ContentList = z.array(z.string().min(1).max(100)).max(200, { error: 'list at most 200 packs' });
const Problem = z.strictObject({ message: z.string().min(1).max(500), at: z.iso.datetime() });

/**
 * Why the server refused a device's statements, by kind (from the answer's status), so staff read it in their
 * language: invalid (400: the statement did not pass the server's checks), conflict (409: the same id with other
 * content is already stored), too-large (413), forbidden (403), other.
 */
export const REFUSAL_KINDS = ['invalid', 'conflict', 'too-large', 'forbidden', 'other'] as const;
export type RefusalKind = (typeof REFUSAL_KINDS)[number];
const Refusal = z.strictObject({ message: z.string().min(1).max(500), at: z.iso.datetime(), code: z.enum(REFUSAL_KINDS).optional() });

export const DeviceHeartbeat = z.strictObject({
  /** The device's own random id (apps/kiosk/src/stores/device.ts), not a person's. */
  deviceId: z.uuid({ error: 'must be the device id (a UUID)' }),
  surface: z.enum(SURFACES),
  screen: z.strictObject({ width: z.number().int().min(0).max(100_000), height: z.number().int().min(0).max(100_000) }),
  view: z.enum(DEVICE_VIEWS),
  /** The scenario on screen, if any. */
  playing: z.strictObject({ packId: Id, scenarioId: Id }).nullable(),
  appVersion: z.string().min(1).max(40),
  content: ContentList,
  /** Statements waiting in the device's outbox. */
  pending: z.number().int().min(0).max(10_000_000),
  /** Statements the server refused, kept on the device, and the latest reason. */
  refused: z.strictObject({ count: z.number().int().min(0).max(10_000_000), latest: Refusal.nullable() }),
  /** The last uncaught error or unhandled rejection on the page, cut short. */
  lastError: Problem.nullable(),
  /** The device's clock when it sent this (the server keeps its own time of receipt too). */
  sentAt: z.iso.datetime(),
});
export type DeviceHeartbeat = z.infer<typeof DeviceHeartbeat>;

export const HeartbeatResponse = z.object({ stored: z.literal(true), receivedAt: z.iso.datetime() });
export type HeartbeatResponse = z.infer<typeof HeartbeatResponse>;

export const ServerHeartbeat = z.strictObject({
  /** What the server calls itself (shown beside the name of the credentials it authenticated with). */
  serverId: z.string().min(1).max(200),
  appVersion: z.string().min(1).max(40),
  content: ContentList,
  /** Statements not yet forwarded. */
  backlog: z.number().int().min(0),
  lastSyncAt: z.iso.datetime().nullable(),
  lastSyncError: Problem.nullable(),
  devices: z.number().int().min(0),
  devicesOffline: z.number().int().min(0),
  sentAt: z.iso.datetime(),
});
export type ServerHeartbeat = z.infer<typeof ServerHeartbeat>;

export const FleetDevice = z.object({
  deviceId: z.string(),
  /** enrolled: bound to the device's token (label set); address: an unenrolled device, bound to its id and address. */
  binding: z.enum(['enrolled', 'address']),
  label: z.string().nullable(),
  /** When the enrolled device's credential was revoked: it still reports, and staff see it as revoked. */
  revokedAt: z.iso.datetime().nullable(),
  address: z.string(),
  receivedAt: z.iso.datetime(),
  heartbeat: DeviceHeartbeat,
});
export type FleetDevice = z.infer<typeof FleetDevice>;

export const FleetServer = z.object({
  /** The name of the xAPI client the server authenticated as: the only name the hub vouches for. */
  client: z.string(),
  address: z.string(),
  receivedAt: z.iso.datetime(),
  heartbeat: ServerHeartbeat,
});
export type FleetServer = z.infer<typeof FleetServer>;

export const FleetResponse = z.object({
  /** kiosk: a park's server (its devices); hub: the city's (the parks' servers). */
  mode: z.enum(['kiosk', 'hub']),
  /** The server's clock: ages are measured against it, not the staff browser's. */
  now: z.iso.datetime(),
  offlineAfterMs: z.number().int(),
  devices: z.array(FleetDevice),
  servers: z.array(FleetServer),
});
export type FleetResponse = z.infer<typeof FleetResponse>;
