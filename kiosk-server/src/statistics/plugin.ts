// The statistics follower as a service: `app.rollup`. With settings (a real server), it rolls up what was stored since
// its last run every few seconds, in batches, resting between them, and waits while the server is busy (a peak
// of statements comes first); closing waits for the batch under way (what is left is rolled up at the next start). The timer never keeps the process alive. Without settings
// (tests), it runs only when asked (`app.rollup.catchUp()`).
import fp from 'fastify-plugin';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { StatisticsSettings } from '../config.ts';
import { CHINA_OFFSET_MINUTES } from '@ruyi/statistics';
import { parkCodeOf } from './facts.ts';
import { createRollup, RollupRaced, type Rollup } from './rollup.ts';

export interface RollupPluginOptions {
  /** Where Ruyi's activity IRIs start, and this park's IRI. */
  xapi: { base: string; parkIri: string };
  settings?: StatisticsSettings;
}

/** Statements per background batch. */
export const BACKGROUND_BATCH = 500;
/** The share of the event loop's time above which the server counts as busy. */
const BUSY = 0.5;
/** The longest the statistics wait for a busy server. */
const MAX_LAG_MS = 5 * 60_000;

declare module 'fastify' {
  interface FastifyInstance {
    rollup: Rollup;
  }
}

export default fp<RollupPluginOptions>(
  async (app, options) => {
    const settings = options.settings;
    const ownPark = parkCodeOf(options.xapi.parkIri);
    const rollup = createRollup(app.storage, {
      context: { base: options.xapi.base, districtOf: (park) => (park === ownPark ? (settings?.district ?? null) : null) },
      utcOffsetMinutes: settings?.utcOffsetMinutes ?? CHINA_OFFSET_MINUTES,
      batchSize: settings ? BACKGROUND_BATCH : undefined,
    });
    let closing = false;
    let running: Promise<number> | null = null;
    const catchUp = (): Promise<number> => {
      running ??= (async () => {
        let total = 0;
        for (;;) {
          if (closing) break;
          let n: number;
          const started = performance.now();
          try {
            n = await rollup.step();
          } catch (error) {
            // Another hub process rolled this batch up first: go on from where it left off.
            if (error instanceof RollupRaced) continue;
            throw error;
          }
          total += n;
          if (n === 0) break;
          // On SQLite a batch holds the event loop: rest twice as long as it took, so requests always come first.
          await sleep(Math.max(5, 2 * (performance.now() - started)));
        }
        return total;
      })().finally(() => {
        running = null;
      });
      return running;
    };
    app.decorate('rollup', { ...rollup, catchUp });
    if (!settings) return;

    let timer: NodeJS.Timeout | null = null;
    // A server busy storing statements comes first: while its event loop was mostly busy since the last tick, the
    // statistics wait (at most MAX_LAG_MS), and catch up when the peak is over.
    let lastElu = performance.eventLoopUtilization();
    let lastRun = Date.now();
    const tick = () => {
      const elu = performance.eventLoopUtilization(lastElu);
      lastElu = performance.eventLoopUtilization();
      if (elu.utilization > BUSY && Date.now() - lastRun < MAX_LAG_MS) return;
      lastRun = Date.now();
      void catchUp().catch((error: unknown) => {
        if (!closing) app.log.error({ err: error }, 'statistics: rolling up failed; retrying at the next tick');
      });
    };
    app.addHook('onReady', async () => {
      tick();
      timer = setInterval(tick, settings.intervalMs);
      timer.unref();
    });
    app.addHook('preClose', async () => {
      closing = true;
      if (timer) clearInterval(timer);
      await running?.catch(() => 0);
    });
  },
  { name: 'ruyi-rollup', fastify: '5.x', dependencies: ['ruyi-storage'] },
);
