// The kiosk server as a Fastify instance: built here, started by server.ts, driven by app.inject() in tests.
// Plugins load in order: services (db → packs → content → admin) → API routes (one folder per resource) → the XR
// controller profiles → the kiosk app's files.
import Fastify, { type RouteOptions } from 'fastify';
import { createRequire } from 'node:module';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from './config.ts';
import { setErrorHandling } from './errors.ts';
import admin from './plugins/admin.ts';
import devices from './devices/plugin.ts';
import deviceRoutes from './devices/routes.ts';
import { DEFAULT_DEVICE_SETTINGS } from './devices/settings.ts';
import connections, { connectionLimits, serverTimeouts } from './plugins/connections.ts';
import content from './plugins/content.ts';
import db from './plugins/db.ts';
import dbHealth from './plugins/db-health.ts';
import storage from './storage/plugin.ts';
import { requestSerializer } from './privacy/log.ts';
import retention from './privacy/plugin.ts';
import rollup from './statistics/plugin.ts';
import { parkCodeOf } from './statistics/facts.ts';
import { clientPlaces } from './admin/client-places.ts';
import { placesFrom } from './admin/scopes.ts';
import floor, { type FloorOptions } from './floor/plugin.ts';
import statements from './xapi/plugin.ts';
import kioskApp from './plugins/kiosk-app.ts';
import openapi from './plugins/openapi.ts';
import packs from './plugins/packs.ts';
import securityHeaders from './plugins/security-headers.ts';
import adminRoutes from './routes/admin/index.ts';
import contentRoutes from './routes/content/index.ts';
import health from './routes/health/index.ts';
import kiosk from './routes/kiosk/index.ts';
import packAssets from './routes/packs/index.ts';
import deviceStatements from './routes/statements/index.ts';
import stats from './routes/stats/index.ts';
import statistics from './routes/stats/plugin.ts';
import xrProfiles, { XR_PROFILES_PREFIX } from './routes/xr-profiles/index.ts';
import xapi from './xapi/routes.ts';
import clients from './xapi/clients-plugin.ts';
import xapiDocuments from './xapi/documents/plugin.ts';
import sync from './sync/plugin.ts';
import fleet from './fleet/plugin.ts';
import classes from './classes/plugin.ts';
import classRoutes from './classes/routes.ts';

const SERVER_VERSION = (createRequire(import.meta.url)('../package.json') as { version: string }).version;

/** The default for API bodies (admin, content); the routes that take statements or pack archives set their own. */
export const BODY_LIMIT = 256 * 1024;

export interface BuildOptions {
  /** Only tests pass another migrations folder. */
  migrationsDir?: string;
  /** Only tests pass a clock for device enrollment (codes expire). */
  deviceClock?: () => number;
  /** Only tests pass a clock for class visits (classes close, seat tokens expire). */
  classClock?: () => number;
  /** Only tests pass a smaller upload limit for pack archives (POST /api/admin/packs). */
  uploadLimit?: number;
  /** Only tests pass a clock for the write budgets and a free-space probe (a full disk without filling one). */
  floor?: Pick<FloorOptions, 'now' | 'probe' | 'diskCacheMs'>;
  /** Only tests pass it: sees every route as it is added (the route sweep classifies each one). */
  onRoute?: (route: RouteOptions) => void;
}

export async function buildApp(config: Config, options: BuildOptions = {}) {
  const app = Fastify({
    // No query strings at info: they can name a visitor (privacy/log.ts).
    logger: { level: config.logLevel, serializers: { req: requestSerializer(config.logLevel) } },
    bodyLimit: BODY_LIMIT,
    // xAPI clients join a base URL ending in '/' with '/statements' (the ADL conformance suite does): '/xapi//statements'.
    routerOptions: { ignoreDuplicateSlashes: true },
    // Only the proxies named: a client that sends X-Forwarded-For itself must not choose its own address.
    trustProxy: config.trustProxy?.length ? config.trustProxy : false,
    ...serverTimeouts(config.connections.requestTimeoutMs),
  }).withTypeProvider<ZodTypeProvider>();
  if (options.onRoute) app.addHook('onRoute', options.onRoute);
  // The API speaks JSON only: a text/plain body gets 415 Unsupported Media Type instead of a confusing schema error.
  app.removeContentTypeParser('text/plain');
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  setErrorHandling(app);
  // First, so that every answer carries the security headers (the not-found and error answers too) and the connection
  // ceiling is in place before the server listens.
  await app.register(securityHeaders);
  const limits = connectionLimits(config.connections);
  await app.register(connections, limits);

  // The database (the SQLite file, or PostgreSQL when RUYI_DATABASE_URL is set), migrated: app.storage.
  await app.register(storage, {
    dataDir: config.dataDir,
    databaseUrl: config.databaseUrl ?? null,
    migrationsDir: options.migrationsDir,
    startCheckMaxBytes: config.data?.startCheckMaxBytes,
  });
  await app.register(db);
  // Right after the db: it watches every query for damage, then answers /api/health and refuses writes if it finds any.
  await app.register(dbHealth, { dataDir: config.dataDir, checkMinutes: config.data?.checkMinutes ?? 0 });
  // xAPI clients (keys and hashed secrets): app.clients, for the /xapi routes and the hub's heartbeats.
  await app.register(clients);
  // Write admission for statements (per-client budgets, the disk floor): app.floor.admit() before each store.
  await app.register(floor, { dataDir: config.dataDir, ...config.floor, ...options.floor });
  // The xAPI statements (SQLite or PostgreSQL, as app.storage): app.statements, written with group commit.
  await app.register(statements);
  // The xAPI documents (State, Activity Profile, Agent Profile): app.documents, read and written by /xapi.
  await app.register(xapiDocuments);
  await app.register(packs, { dataDir: config.dataDir, contentDir: config.contentDir });
  // The content folder plus the packs installed at run time (src/packs/): reloaded after each install or rollback.
  await app.register(content, { contentDir: config.contentDir, read: app.packs.source.read });
  // Staff accounts and where this server stands: a park's own server is that park (in its district, when set); a hub
  // is the city's, and knows where parks lie from its clients' registered parks and districts.
  const park = parkCodeOf(config.xapi.parkIri);
  await app.register(
    admin,
    config.mode === 'kiosk' && park
      ? { here: { kind: 'park', id: park }, places: placesFrom(config.statistics?.district ? [{ kind: 'park', id: park, district: config.statistics.district }] : []) }
      : config.mode === 'hub'
        ? { places: clientPlaces(() => app.clients.parks()) }
        : {},
  );
  // Enrolled devices: POST /api/statements takes only theirs and exempt addresses' (by default the server's own machine).
  await app.register(devices, { ...(config.devices ?? DEFAULT_DEVICE_SETTINGS), now: options.deviceClock });
  // 平安校园 class visits: app.classes (the store, and the seat-token check POST /api/statements asks first).
  await app.register(classes, { now: options.classClock });
  // Before the routes: it describes each route as it is added.
  await app.register(openapi, { version: SERVER_VERSION });
  // The forwarder to the hub (app.sync.nudge() after each commit) and its admin routes under /api/admin/sync.
  await app.register(sync, { sync: config.sync, mode: config.mode });
  // The statistics of GET /api/stats/summary: app.statistics.
  await app.register(statistics);
  // Statistics kept as statements arrive: each statement's facts and the roll-up cubes (app.rollup).
  await app.register(rollup, { xapi: config.xapi, settings: config.statistics });
  // Deletes statements older than RUYI_RETENTION_DAYS once the sync target has them (privacy/retention.ts).
  await app.register(retention, {
    days: config.data?.retentionDays ?? 0,
    withoutSync: config.data?.retentionWithoutSync ?? 'keep',
    syncTarget: config.sync?.url ?? null,
  });

  // Heartbeats of this server's devices (and, on a hub, of parks' servers) for /operator; this server's own to its hub.
  await app.register(fleet, {
    prefix: '/api',
    settings: config.fleet,
    devices: config.mode === 'kiosk',
    sync: config.sync,
    serverId: config.xapi.parkIri,
    appVersion: SERVER_VERSION,
  });

  await app.register(
    async (api) => {
      await api.register(health);
      await api.register(contentRoutes, { events: { perAddress: limits.streamsPerAddress, total: limits.streamsTotal } });
      await api.register(kiosk, { idleSeconds: config.idleSeconds, idleCountdownSeconds: config.idleCountdownSeconds, xapi: config.xapi });
      // A hub has no kiosks of its own: its statements come from kiosk-servers, with credentials, to /xapi.
      if (config.mode === 'kiosk') await api.register(deviceStatements, { base: config.xapi.base, parkIri: config.xapi.parkIri });
      await api.register(stats);
      await api.register(packAssets);
      await api.register(adminRoutes, { prefix: '/admin', uploadLimit: options.uploadLimit });
      if (config.mode === 'kiosk') await api.register(deviceRoutes);
      if (config.mode === 'kiosk')
        await api.register(classRoutes, { base: config.xapi.base, parkIri: config.xapi.parkIri, utcOffsetMinutes: config.statistics?.utcOffsetMinutes ?? 480 });
    },
    { prefix: '/api' },
  );

  await app.register(xapi, { prefix: '/xapi', base: config.xapi.base, authorityHome: config.xapi.parkIri, rateLimit: config.xapi.rateLimit });

  // WebXR controller and hand profiles for the VR view (never from a CDN), before the app's catch-all files.
  await app.register(xrProfiles, { prefix: XR_PROFILES_PREFIX });
  await app.register(kioskApp, { appDir: config.appDir });
  return app;
}

export type App = Awaited<ReturnType<typeof buildApp>>;

