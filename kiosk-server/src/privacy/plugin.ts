// Retention as a service: at start and every hour, expired statements are deleted in small batches, yielding to
// requests between batches, then old class visits and certificates in one transaction; the timer never keeps the
// process alive and is cleared before the database closes.
// Also `app.erasure`: the statement-deletion store (store.ts) for the store in use, which retention runs on.
import fp from 'fastify-plugin';
import { setImmediate as yieldToRequests } from 'node:timers/promises';
import { expiring, retentionActive, RETENTION_BATCH, type RetentionPolicy } from './retention.ts';
import { createStatementDeletion, type StatementDeletionStore } from './store.ts';

export interface RetentionPluginOptions extends RetentionPolicy {
  /** Only tests pass these. */
  intervalMs?: number;
  now?: () => number;
}

export interface RetentionService {
  /** Deletes every statement expired now (in batches); resolves to how many. */
  run(): Promise<number>;
}

declare module 'fastify' {
  interface FastifyInstance {
    retention: RetentionService;
    erasure: StatementDeletionStore;
  }
}

export const RETENTION_INTERVAL_MS = 60 * 60_000;

export default fp<RetentionPluginOptions>(
  async (app, options) => {
    const now = options.now ?? Date.now;
    const state = retentionActive(options);
    const erasure = createStatementDeletion(app.storage);
    app.decorate('erasure', erasure);
    const expire = expiring(erasure, options);
    let closing = false;
    let running: Promise<number> | null = null;

    const runOnce = async (): Promise<number> => {
      let total = 0;
      // Classes first: the statements are the last thing a pass changes, so whoever sees them gone sees the pass done.
      if (!closing && !app.dbHealth.damage) {
        const classes = await expire.expireClasses(now());
        if (classes.classes > 0 || classes.certificates > 0)
          app.log.info(
            { ...classes, closedBefore: expire.cutoff(now()), days: options.days },
            `retention: deleted ${classes.classes} classes closed more than ${options.days} days ago and ${classes.certificates} certificates`,
          );
      }
      while (!closing && !app.dbHealth.damage) {
        const n = await expire.deleteBatch(now(), RETENTION_BATCH);
        total += n;
        if (n < RETENTION_BATCH) break;
        await yieldToRequests();
      }
      if (total > 0) app.log.info({ deleted: total, storedBefore: expire.cutoff(now()), days: options.days }, `retention: deleted ${total} statements stored more than ${options.days} days ago`);
      return total;
    };
    const run = (): Promise<number> => {
      if (!state.active) return Promise.resolve(0);
      running ??= runOnce().finally(() => {
        running = null;
      });
      return running;
    };
    app.decorate('retention', { run } satisfies RetentionService);

    if (options.days <= 0) return;
    if (!state.active) {
      app.log.warn(`retention: ${state.reason}`);
      return;
    }
    const sweep = () =>
      void run().catch((error: unknown) => {
        if (!closing) app.log.error({ err: error }, 'retention failed');
      });
    let timer: NodeJS.Timeout | null = null;
    app.addHook('onReady', async () => {
      app.log.info({ days: options.days, onlyForwarded: options.syncTarget !== null }, 'retention: statements expire after the set days');
      sweep();
      timer = setInterval(sweep, options.intervalMs ?? RETENTION_INTERVAL_MS);
      timer.unref();
    });
    app.addHook('preClose', async () => {
      closing = true;
      if (timer) clearInterval(timer);
      await running?.catch(() => 0);
    });
  },
  { name: 'ruyi-retention', fastify: '5.x', dependencies: ['ruyi-storage', 'ruyi-db-health'] },
);
