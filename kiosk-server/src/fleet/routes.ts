// The fleet over HTTP (registered under /api):
// - POST /api/fleet/heartbeat: a kiosk, VR station or school PC says how it is. Its row is chosen by the server: the
//   enrolled device its token belongs to, else its own id at its address. No body can name another device's row.
// - POST /api/fleet/servers: a park's kiosk-server reports to its hub, with the xAPI credentials it syncs with; the row
//   is that client's.
// - GET /api/admin/fleet: both lists, for staff (the /operator page).
import { DeviceHeartbeat, FleetResponse, HeartbeatResponse, OFFLINE_AFTER_MS, ServerHeartbeat } from '@ruyi/api-contract';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { FailureLimit } from '../auth/failures.ts';
import { RequestBudget } from '../auth/request-budget.ts';
import { ApiError, ErrorBody } from '../errors.ts';
import { bearerToken } from '../plugins/admin.ts';
import { authenticate, requireWriter, Unauthorized, UNAUTHORIZED_HEADERS } from '../xapi/auth.ts';
import type { Client } from '../xapi/clients.ts';
import { FleetFull, type Binding, type FleetStore } from './store.ts';

declare module 'fastify' {
  interface FastifyRequest {
    fleetClient?: Client;
  }
}

export interface FleetRoutesOptions {
  store: FleetStore;
  heartbeatsPerMinute: number;
  /** Device heartbeats are taken only where there are devices (a kiosk-server); servers report to any. */
  devices: boolean;
  now: () => number;
}

/** A heartbeat is small: the content list is the largest part (200 × 100 characters at most). */
const HEARTBEAT_BODY_LIMIT = 32 * 1024;

const fleetRoutes: FastifyPluginAsyncZod<FleetRoutesOptions> = async (app, { store, heartbeatsPerMinute, devices, now }) => {
  const iso = () => new Date(now()).toISOString();
  const perAddress = new RequestBudget({ max: heartbeatsPerMinute, windowMs: 60_000, maxKeys: 10_000, now });

  const tooMany = (reply: FastifyReply, ms: number, what: string) => {
    const seconds = Math.max(1, Math.ceil(ms / 1000));
    reply.header('retry-after', String(seconds));
    return new ApiError(429, `too many ${what}: at most ${heartbeatsPerMinute} a minute (RUYI_FLEET_HEARTBEATS_PER_MINUTE); try again in ${seconds} s`);
  };

  if (devices)
    app.post(
      '/fleet/heartbeat',
      {
        // Charged before the body is read: a flood costs a map lookup, not a parse.
        onRequest: async (request, reply) => {
          // The server's own machine (exempt from enrollment) may run several kiosk pages: it is not limited.
          if (app.devices.isExempt(request.ip)) return;
          const wait = perAddress.charge(`device:${request.ip}`);
          if (wait > 0) throw tooMany(reply, wait, 'heartbeats from this address');
        },
        bodyLimit: HEARTBEAT_BODY_LIMIT,
        schema: {
          description:
            'A kiosk, VR station or school PC reports its state (screen, versions, statements waiting and refused, last error). Stored as the latest of its device: the enrolled device its token belongs to, else its id at its address.',
          body: DeviceHeartbeat,
          response: { 200: HeartbeatResponse, 400: ErrorBody, 413: ErrorBody, 415: ErrorBody, 429: ErrorBody, 503: ErrorBody, 507: ErrorBody },
        },
      },
      async (request) => {
        const token = bearerToken(request);
        const enrolled = token ? await app.devices.registry.byToken(token) : null;
        // An unknown token speaks for nobody: the heartbeat is kept as an unenrolled device's. A revoked one is still
        // that device's own (only its token reaches its row): staff see it reporting, as revoked, not as a stranger.
        const binding: Binding = enrolled ? { kind: 'enrolled', enrolledId: enrolled.id, label: enrolled.label } : { kind: 'address' };
        const receivedAt = iso();
        try {
          await store.recordDevice(binding, request.body, request.ip, receivedAt);
        } catch (error) {
          if (error instanceof FleetFull) throw new ApiError(507, error.message);
          throw error;
        }
        return { stored: true as const, receivedAt };
      },
    );

  // The hub's side: the same credentials and limits as /xapi (a guesser is refused by address before any lookup).
  const clients = app.clients;
  const failures = new FailureLimit({ maxFailures: 10, windowMs: 60_000, lockoutMs: 60_000, maxAddresses: 10_000, now });
  const perClient = new RequestBudget({ max: heartbeatsPerMinute, windowMs: 60_000, maxKeys: 10_000, now });
  const serverAuth = async (request: FastifyRequest, reply: FastifyReply) => {
    const wait = failures.retryAfterMs(request.ip);
    if (wait > 0) {
      reply.header('retry-after', String(Math.ceil(wait / 1000)));
      throw new ApiError(429, `Authorization: too many failed authentications from this address; try again in ${Math.ceil(wait / 1000)} s`);
    }
    let client: Client;
    try {
      client = await authenticate(clients, request.headers.authorization);
    } catch (error) {
      if (error instanceof Unauthorized) {
        if (request.headers.authorization) failures.fail(request.ip);
        void reply.headers(UNAUTHORIZED_HEADERS);
      }
      throw error;
    }
    requireWriter(client);
    const budgetWait = perClient.charge(client.name);
    if (budgetWait > 0) throw tooMany(reply, budgetWait, `heartbeats from client '${client.name}'`);
    request.fleetClient = client;
  };

  app.post(
    '/fleet/servers',
    {
      onRequest: serverAuth,
      bodyLimit: HEARTBEAT_BODY_LIMIT,
      schema: {
        description:
          "A park's kiosk-server reports its state to its hub (versions, statements not yet forwarded, last sync, devices and how many are offline), with the HTTP Basic credentials it syncs with (role kiosk or hub).",
        body: ServerHeartbeat,
        response: { 200: HeartbeatResponse, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 413: ErrorBody, 415: ErrorBody, 429: ErrorBody, 503: ErrorBody },
      },
    },
    async (request) => {
      const receivedAt = iso();
      await store.recordServer(request.fleetClient!.name, request.body, request.ip, receivedAt);
      return { stored: true as const, receivedAt };
    },
  );

  app.get(
    '/admin/fleet',
    {
      onRequest: app.admin.authenticate,
      schema: {
        description: "Every device's latest heartbeat (newest first) and, on a hub, every park server's; with the server's clock to measure ages against.",
        response: { 200: FleetResponse, 401: ErrorBody, 403: ErrorBody },
      },
    },
    async () => {
      const [deviceList, servers] = await Promise.all([store.devices(), store.servers()]);
      return { mode: devices ? ('kiosk' as const) : ('hub' as const), now: iso(), offlineAfterMs: OFFLINE_AFTER_MS, devices: deviceList, servers };
    },
  );
};

export default fleetRoutes;
