// The fleet as a service: the store (app.fleet), the routes, and — when this server forwards statements to a hub — the
// reporter that sends the hub this server's own heartbeat.
import type { ServerHeartbeat } from '@ruyi/api-contract';
import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';
import type { SyncConfig } from '../config.ts';
import { createReporter, offlineBefore, serverHeartbeatUrl, type Reporter } from './reporter.ts';
import fleetRoutes from './routes.ts';
import { DEFAULT_FLEET, type FleetSettings } from './settings.ts';
import { createPostgresFleetStore } from './postgres.ts';
import { createSqliteFleetStore, type FleetStore } from './store.ts';

declare module 'fastify' {
  interface FastifyInstance {
    fleet: { store: FleetStore; reporter: Reporter | null; heartbeat(): Promise<ServerHeartbeat> };
  }
}

export interface FleetPluginOptions {
  settings?: FleetSettings;
  /** The routes' prefix (/api). */
  prefix: string;
  devices: boolean;
  sync: SyncConfig | null;
  serverId: string;
  appVersion: string;
  /** Only tests pass a clock. */
  now?: () => number;
}

const plugin: FastifyPluginAsync<FleetPluginOptions> = async (app, options) => {
  // Absent (tests that build a Config by hand): the defaults, without reports to a hub the test did not ask for.
  const settings = options.settings ?? { ...DEFAULT_FLEET, reportSeconds: 0 };
  const now = options.now ?? Date.now;
  const { storage } = app;
  const store =
    storage.dialect === 'postgres' ? createPostgresFleetStore(storage.db, settings.maxDevices) : createSqliteFleetStore(storage.sqlite!, settings.maxDevices);

  const heartbeat = async (): Promise<ServerHeartbeat> => {
    const sync = await app.sync.status();
    const counts = await store.deviceCounts(offlineBefore(now()));
    return {
      serverId: options.serverId,
      appVersion: options.appVersion,
      content: app.content.current().packs.map((p) => `${p.id}@${p.version}`).slice(0, 200),
      backlog: sync.backlog,
      lastSyncAt: sync.lastSuccessAt,
      lastSyncError: sync.lastError ? { at: sync.lastError.at, message: sync.lastError.message.slice(0, 500) || 'error' } : null,
      devices: counts.devices,
      devicesOffline: counts.offline,
      sentAt: new Date(now()).toISOString(),
    };
  };

  const { sync } = options;
  const reporter =
    sync && settings.reportSeconds > 0
      ? createReporter({ url: serverHeartbeatUrl(sync.url), key: sync.key, secret: sync.secret, intervalMs: settings.reportSeconds * 1000, heartbeat, log: app.log.child({ component: 'fleet' }) })
      : null;
  app.decorate('fleet', { store, reporter, heartbeat });
  if (reporter) {
    // Not awaited: a hub that is slow to answer must not hold up the start.
    app.addHook('onReady', async () => void reporter.send());
    app.addHook('preClose', async () => reporter.stop());
  }
  await app.register(fleetRoutes, { prefix: options.prefix, store, heartbeatsPerMinute: settings.heartbeatsPerMinute, devices: options.devices, now });
};

export default fp(plugin, { name: 'ruyi-fleet', fastify: '5.x', dependencies: ['ruyi-storage', 'ruyi-admin', 'ruyi-devices', 'ruyi-sync', 'ruyi-content'] });
