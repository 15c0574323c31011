// The statement forwarder as a service: when a sync target is configured (RUYI_SYNC_URL and credentials), a runner sends
// the stored statements there in order and in batches — woken by `app.sync.nudge()` after each commit, by a slow
// poll, and by the end of a backoff — and stops with the app (preClose: before the database closes, no timer left).
// Also registers the admin routes (/api/admin/sync/*) that show its progress and act on it (and, on a hub, what each
// park delivered), and decorates `app.syncStore`: the queue and ledger on the database `app.storage` holds.
import {
  createForwarder,
  createRunner,
  type BackoffOptions,
  type Forwarder,
  type Logger,
  type Runner,
} from '@ruyi/sync';
import type { SyncStatus } from '@ruyi/api-contract';
import type { FastifyBaseLogger } from 'fastify';
import fp from 'fastify-plugin';
import { createHash } from 'node:crypto';
import type { SyncConfig } from '../config.ts';
import { createHttpTransport } from './http-transport.ts';
import routes from './routes.ts';
import { createPostgresSyncStore } from './postgres.ts';
import { createSqliteSyncStore } from './sqlite.ts';
import { OFF, toStatus } from './status.ts';
import type { SyncStore } from './store.ts';

export interface SyncService {
  /** Statements were committed: send them soon. A no-op when there is no sync target. */
  nudge(): void;
  status(): Promise<SyncStatus>;
  /** Null when there is no sync target. */
  readonly forwarder: Forwarder | null;
  readonly runner: Runner | null;
}

declare module 'fastify' {
  interface FastifyInstance {
    sync: SyncService;
    syncStore: SyncStore;
  }
}

export interface SyncPluginOptions {
  sync: SyncConfig | null;
  /** A hub lists what each park's client delivered (GET /api/admin/sync/parks); a park's server has none to list. */
  mode?: 'kiosk' | 'hub';
  /** Only tests pass these. */
  backoff?: BackoffOptions;
  idlePollMs?: number;
  timeoutMs?: number;
}

/** Which credentials are in use, without keeping the secret: a stop recorded under other ones is lifted at start. */
export function credentialsFingerprint(sync: SyncConfig): string {
  return createHash('sha256').update(`${sync.url}\n${sync.key}\n${sync.secret}`).digest('hex');
}

function logger(log: FastifyBaseLogger): Logger {
  return {
    info: (message, fields) => log.info(fields ?? {}, message),
    warn: (message, fields) => log.warn(fields ?? {}, message),
    error: (message, fields) => log.error(fields ?? {}, message),
  };
}

export default fp<SyncPluginOptions>(
  async (app, options) => {
    const { sync } = options;
    const store = app.storage.dialect === 'postgres' ? createPostgresSyncStore(app.storage.db) : createSqliteSyncStore(app.storage);
    app.decorate('syncStore', store);
    if (!sync) {
      app.decorate('sync', { nudge() {}, status: async () => OFF, forwarder: null, runner: null } satisfies SyncService);
    } else {
      const log = logger(app.log.child({ component: 'sync' }));
      const forwarder = createForwarder({
        queue: store.queue,
        ledger: await store.ledger(sync.url),
        transport: createHttpTransport({ url: sync.url, key: sync.key, secret: sync.secret, timeoutMs: options.timeoutMs }),
        batchSize: sync.batchSize,
        target: sync.url,
        credentials: credentialsFingerprint(sync),
        log,
        ...(options.backoff ? { backoff: options.backoff } : {}),
      });
      const runner = createRunner({ forwarder, log, ...(options.idlePollMs ? { idlePollMs: options.idlePollMs } : {}) });
      app.decorate('sync', {
        nudge: () => runner.nudge(),
        status: async () => toStatus(sync, await forwarder.status()),
        forwarder,
        runner,
      } satisfies SyncService);
      // Not awaited: a target that is slow to answer must not hold up the server's start.
      app.addHook('onReady', async () => {
        app.log.info({ target: sync.url, batchSize: sync.batchSize }, 'statement sync starts');
        void runner.start().catch((error: unknown) => app.log.error({ err: error }, 'statement sync failed to start'));
      });
      app.addHook('preClose', async () => {
        await runner.close();
      });
    }
    await app.register(routes, { prefix: '/api/admin/sync', mode: options.mode ?? 'kiosk' });
  },
  { name: 'ruyi-sync', fastify: '5.x', dependencies: ['ruyi-storage', 'ruyi-admin'] },
);
