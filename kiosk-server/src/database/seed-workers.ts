// The seed command's worker threads: each makes whole batches of visits (generation, statements, validation,
// admission: the CPU-heavy part) while the main thread stores them in order, so seeding uses more than one core.
// This one module is both sides: imported, it runs batches on workers; run as a worker, it makes them.
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { SeedPlan } from '@ruyi/xapi/seed';
import { indexContent } from '../records/check.ts';
import type { PreparedBatch } from './seed.ts';

interface Job {
  plan: SeedPlan;
  batch: number;
  batches: number;
  base: string;
  workers: number;
}

/** Worker threads that leave a core for the thread that stores (at least one). */
export const defaultWorkers = () => Math.max(1, Math.min(8, availableParallelism() - 1));

/** Batches in flight per worker: enough to keep it busy while the last one travels, few enough to bound memory. */
const AHEAD = 2;

/** Runs the job's batches on workers and hands each to `store` in batch order, one at a time. */
export async function makeBatches(job: Job, store: (b: number, prepared: PreparedBatch) => Promise<void>): Promise<void> {
  const ready = new Map<number, PreparedBatch>();
  let nextToHand = 0;
  let nextToMake = 0;
  let storing: Promise<void> = Promise.resolve();
  let failed: unknown = null;
  const inFlight = new Map<Worker, number>();
  await new Promise<void>((resolve, reject) => {
    const fail = (error: unknown) => {
      if (failed) return;
      failed = error;
      reject(error);
    };
    // Each worker keeps AHEAD batches in hand, within reach of the batch being stored: a slow store must not let the
    // workers fill the memory. Called whenever a batch comes back or is stored.
    const topUp = () => {
      for (const [worker, n] of inFlight)
        for (let k = n; k < AHEAD && nextToMake < job.batches && nextToMake <= nextToHand + AHEAD * job.workers; k++) {
          worker.postMessage(nextToMake++);
          inFlight.set(worker, inFlight.get(worker)! + 1);
        }
    };
    const handOn = () => {
      storing = storing
        .then(async () => {
          while (!failed && ready.has(nextToHand)) {
            const prepared = ready.get(nextToHand)!;
            ready.delete(nextToHand);
            await store(nextToHand, prepared);
            nextToHand++;
            topUp();
          }
          if (nextToHand === job.batches) resolve();
        })
        .catch(fail);
    };
    for (let w = 0; w < Math.min(job.workers, job.batches); w++) {
      // A worker does not inherit the TypeScript loader the server runs under (tsx): it registers it, then loads this module.
      const boot = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(import.meta.url)}); })`;
      const worker = new Worker(boot, { eval: true, workerData: { ruyiSeed: job } });
      inFlight.set(worker, 0);
      worker.on('message', (message: { b: number; prepared: PreparedBatch } | { error: string }) => {
        if ('error' in message) return fail(new Error(message.error));
        inFlight.set(worker, inFlight.get(worker)! - 1);
        ready.set(message.b, message.prepared);
        handOn();
        topUp();
      });
      worker.on('error', fail);
    }
    topUp();
    if (job.batches === 0) resolve();
  }).finally(() => Promise.all([...inFlight.keys()].map((w) => w.terminate())));
  await storing;
}

async function work(job: Job): Promise<void> {
  const { batchAdmission, batchVisits, prepareBatch } = await import('./seed.ts');
  const packs = new Map(job.plan.packs.map((p) => [p.id, p]));
  const admission = batchAdmission(indexContent({ packs: [...job.plan.packs] }), job.base);
  // One batch at a time, in the order asked.
  let queue = Promise.resolve();
  parentPort!.on('message', (b: number) => {
    queue = queue.then(async () => {
      try {
        const prepared = await prepareBatch(batchVisits(job.plan, job.batch, b), packs, job.base, admission, false);
        parentPort!.postMessage({ b, prepared });
      } catch (error) {
        parentPort!.postMessage({ error: error instanceof Error ? error.message : String(error) });
      }
    });
  });
}

if (!isMainThread && (workerData as { ruyiSeed?: Job } | null)?.ruyiSeed) void work((workerData as { ruyiSeed: Job }).ruyiSeed);
