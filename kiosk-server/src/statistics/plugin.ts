// The statistics follower as a service: `app.rollup`. With settings (a real server), it rolls up what was stored since
// its last run every few seconds, in batches, yielding to requests between them; closing waits for the batch under
// way (what is left is rolled up at the next start). The timer never keeps the process alive. Without settings
// (tests), it runs only when asked (`app.rollup.catchUp()`).
import fp from 'fastify-plugin';
import { setImmediate as yieldToRequests } from 'node:timers/promises';
import type { StatisticsSettings } from '../config.ts';
import { CHINA_OFFSET_MINUTES } from '@ruyi/statistics';
import { parkCodeOf } from './facts.ts';
import { createRollup, RollupRaced, type Rollup } from './rollup.ts';

export interface RollupPluginOptions {
  /** Where Ruyi's activity IRIs start, and this park's IRI. */
  xapi: { base: string; parkIri: string };
  settings?: StatisticsSettings;
}

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
    });
    let closing = false;
    let running: Promise<number> | null = null;
    const catchUp = (): Promise<number> => {
      running ??= (async () => {
        let total = 0;
        for (;;) {
          if (closing) break;
          let n: number;
          try {
            n = await rollup.step();
          } catch (error) {
            // Another hub process rolled this batch up first: go on from where it left off.
            if (error instanceof RollupRaced) continue;
            throw error;
          }
          total += n;
          if (n === 0) break;
          await yieldToRequests();
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
    const tick = () =>
      void catchUp().catch((error: unknown) => {
        if (!closing) app.log.error({ err: error }, 'statistics: rolling up failed; retrying at the next tick');
      });
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
