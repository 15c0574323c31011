// Drives a forwarder with timers: it pumps when woken (a statement was stored: nudge()), on a slow idle poll (for
// statements stored without a nudge), and when a backoff delay ends. A nudge never cuts a backoff short, so a busy
// park does not hammer a hub that is down. close() clears every timer, aborts the request in flight and waits for the
// pump to end, so nothing touches the store after it resolves. Timers come in as arguments (tests drive them).
import type { Forwarder, PumpResult } from './forwarder.ts';
import type { Logger } from './ports.ts';

export interface Timers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export const realTimers: Timers = {
  set: (fn, ms) => {
    const handle = setTimeout(fn, ms);
    // A pending poll must not keep a process (a CLI, a test runner) alive on its own.
    handle.unref?.();
    return handle;
  },
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface RunnerOptions {
  forwarder: Forwarder;
  timers?: Timers;
  /** How often to look for statements stored without a nudge, ms. */
  idlePollMs?: number;
  /** After the store itself failed (not the target), ms. */
  faultDelayMs?: number;
  log?: Logger;
}

export type RunnerMode = 'idle' | 'sending' | 'backing-off' | 'stopped' | 'closed';

export interface Runner {
  start(): Promise<void>;
  /** New statements were committed: send them now, unless backing off or stopped. */
  nudge(): void;
  /** Lifts a stop (or a backoff) and starts sending at once; settled() waits for that pump. */
  resume(): Promise<void>;
  /** Resolves when the pump in progress (if any) has ended. */
  settled(): Promise<void>;
  mode(): RunnerMode;
  close(): Promise<void>;
}

export const IDLE_POLL_MS = 30_000;

export function createRunner(options: RunnerOptions): Runner {
  const { forwarder, log } = options;
  const timers = options.timers ?? realTimers;
  const idlePollMs = options.idlePollMs ?? IDLE_POLL_MS;
  const faultDelayMs = options.faultDelayMs ?? 30_000;
  const controller = new AbortController();
  let mode: RunnerMode = 'idle';
  let timer: unknown = null;
  let running: Promise<void> | null = null;
  let again = false;
  /** resume() was called during a pump: pump again after it, whatever it ended with. */
  let resumed = false;

  function schedule(ms: number) {
    if (timer !== null) timers.clear(timer);
    timer = timers.set(() => {
      timer = null;
      void wake();
    }, ms);
  }

  function after(result: PumpResult) {
    if (mode === 'closed') return;
    switch (result.kind) {
      case 'caught-up':
        mode = 'idle';
        schedule(idlePollMs);
        break;
      case 'retry':
        mode = 'backing-off';
        schedule(result.delayMs);
        break;
      case 'stopped':
        mode = 'stopped';
        break;
      case 'aborted':
        break;
    }
  }

  function wake(): Promise<void> {
    if (mode === 'closed') return Promise.resolve();
    if (running) {
      // Statements committed while a pump reads the store may miss it: pump once more after it.
      again = true;
      return running;
    }
    if (timer !== null) timers.clear(timer);
    timer = null;
    mode = 'sending';
    running = forwarder
      .pump(controller.signal)
      .then(after, (error: unknown) => {
        // The store failed (disk full, database closed): not the target's fault; try again later.
        log?.error(`statement sync failed: ${error instanceof Error ? error.message : String(error)}`);
        if (mode !== 'closed') {
          mode = 'backing-off';
          schedule(faultDelayMs);
        }
      })
      .finally(() => {
        running = null;
        const repeat = (again && mode === 'idle') || (resumed && mode !== 'closed');
        again = false;
        resumed = false;
        if (repeat) void wake();
      });
    return running;
  }

  return {
    async start() {
      await forwarder.start();
      await wake();
    },
    nudge() {
      if (mode === 'idle') void wake();
      else if (mode === 'sending') again = true;
    },
    async resume() {
      if (mode === 'closed') return;
      await forwarder.resume();
      // A pump in progress picks the change up itself; otherwise start one now (cutting a backoff short).
      if (running) resumed = true;
      else if ((mode as RunnerMode) !== 'closed') {
        mode = 'idle';
        void wake();
      }
    },
    async settled() {
      while (running) await running;
    },
    mode: () => mode,
    async close() {
      mode = 'closed';
      if (timer !== null) timers.clear(timer);
      timer = null;
      controller.abort();
      await running;
    },
  };
}
