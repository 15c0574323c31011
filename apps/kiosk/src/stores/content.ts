import type { Pack } from '@ruyi/pack-schema';
import { create } from 'zustand';
import { fetchContent, fetchKioskConfig, type ContentResponse, type KioskConfig } from '../api/client.ts';

type ContentState =
  | { status: 'loading' }
  | { status: 'failed'; error: string }
  | {
      status: 'ready';
      content: ContentResponse;
      config: KioskConfig;
      /** Packs now broken on the server, shown from their last valid version (their problems are in content.problems). */
      stale: string[];
    };

interface ContentActions {
  /** Preview mode (`?preview=1`, set by `npm run pack -- preview`): content problems are shown over every screen. */
  preview: boolean;
  load: (overrides?: Partial<KioskConfig>) => Promise<void>;
  /** Fetches the content again and swaps it in (GET /api/content/events calls this on each change). */
  refresh: () => Promise<void>;
}

export const EVENTS_URL = '/api/content/events';
/** The Retry-After the server sends with a refused event stream. */
const STREAM_RETRY_MS = 60_000;
/** Waits between attempts to load the content when it could not be had at all; the last one repeats. */
const LOAD_RETRY_MS = [2_000, 5_000, 10_000, 15_000];

/** Loads the first content waits for (see holdFirstContent). */
const firstContentWaits: Promise<unknown>[] = [];

/**
 * Makes the first content wait for `loading` (lifecycle.ts: the code that resumes a kept visit, a chunk of its own), so
 * no screen shows the content before it is there. A failed load does not hold the content back.
 */
export function holdFirstContent(loading: Promise<unknown>): void {
  firstContentWaits.push(loading.catch(() => undefined));
}

/**
 * The park's content and this kiosk's settings. Loaded when the kiosk starts, then kept current: the server says when
 * the content changed (a pack installed, a file saved during preview) and the store fetches it again. A pack that turns
 * broken keeps its last valid version here, so nobody mid-scenario loses their screen; unchanged packs and scenarios
 * keep their identity, so only the screens of what changed render again.
 */
export const useContent = create<ContentState & ContentActions>((set, get) => {
  let overrides: Partial<KioskConfig> = {};
  let events: EventSource | null = null;
  let fetches = 0;
  let failures = 0;
  let retry: ReturnType<typeof setTimeout> | null = null;

  /** One stream per kiosk, for its whole life: the browser reconnects it by itself when the server restarts. */
  const subscribe = () => {
    if (events || typeof EventSource === 'undefined') return;
    events = new EventSource(EVENTS_URL);
    // Each event (the first one too: something may have changed since the first load) means "fetch again".
    events.onmessage = () => void (get().status === 'ready' ? get().refresh() : get().load(overrides));
    // A refused stream (the server's cap on streams per address or in total: 429/503) is closed for good by the
    // browser, unlike a dropped one; open a new one after the server's Retry-After, or content updates stop here.
    events.onerror = () => {
      if (events?.readyState !== EventSource.CLOSED) return;
      events = null;
      setTimeout(subscribe, STREAM_RETRY_MS);
    };
  };

  return {
    status: 'loading',
    preview: previewFlag(typeof window === 'undefined' ? '' : window.location.search),
    load: async (given = overrides) => {
      overrides = given;
      if (retry !== null) clearTimeout(retry);
      retry = null;
      try {
        const [content, config] = await Promise.all([fetchContent(), fetchKioskConfig(), ...firstContentWaits]);
        failures = 0;
        set({ status: 'ready', content, config: { ...config, ...overrides }, stale: [] });
      } catch (error) {
        // Neither the server nor the service worker's cache had it (a kiosk's very first start while its server is
        // down): say so, and keep trying; the stream's first event after the server is back loads it too.
        if (get().status === 'ready') return;
        set({ status: 'failed', error: error instanceof Error ? error.message : String(error) });
        const delay = LOAD_RETRY_MS[Math.min(failures++, LOAD_RETRY_MS.length - 1)];
        retry = setTimeout(() => void get().load(), delay);
      }
      subscribe();
    },
    refresh: async () => {
      const mine = ++fetches;
      let next: ContentResponse;
      try {
        next = await fetchContent();
      } catch (error) {
        // Keep what is on screen; the next change event tries again.
        console.warn('Kiosk: could not fetch the changed content:', error);
        return;
      }
      const state = get();
      if (mine !== fetches || state.status !== 'ready') return; // a later fetch is under way
      const merged = mergeContent(state.content, next);
      if (merged.content !== state.content) set({ content: merged.content, stale: merged.stale });
    },
  };
});

/** Per-kiosk overrides in the start-up URL (e.g. `?idleSeconds=45`), for stations that need another timeout. */
export function configOverrides(search: string): Partial<KioskConfig> {
  const params = new URLSearchParams(search);
  const out: Partial<KioskConfig> = {};
  const idle = Number(params.get('idleSeconds'));
  if (Number.isInteger(idle) && idle >= 3 && idle <= 3600) out.idleSeconds = idle;
  const countdown = Number(params.get('idleCountdownSeconds'));
  if (Number.isInteger(countdown) && countdown >= 3 && countdown <= 60) out.idleCountdownSeconds = countdown;
  return out;
}

const PREVIEW_KEY = 'ruyi.preview';

/** `?preview=1` turns preview mode on for this browser tab (kept across reloads of the tab), `?preview=0` off. */
export function previewFlag(search: string): boolean {
  const flag = new URLSearchParams(search).get('preview');
  try {
    if (flag === '1') sessionStorage.setItem(PREVIEW_KEY, '1');
    else if (flag === '0') sessionStorage.removeItem(PREVIEW_KEY);
    return sessionStorage.getItem(PREVIEW_KEY) === '1';
  } catch {
    return flag === '1';
  }
}

/** The pack id a problem's folder stands for (`packs/<id>`, or `installed/<id>` for a pack installed by an admin). */
export const packIdOfDir = (dir: string) => dir.split('/').pop() ?? dir;

const sameJson = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);
const reuse = <T>(old: T | undefined, fresh: T): T => (old !== undefined && sameJson(old, fresh) ? old : fresh);

/**
 * The new content as the app shows it: what did not change keeps its old objects; a pack (or park.yaml) that is now
 * broken keeps its last valid version; a pack that is gone without a problem (removed) is gone.
 * Returns `previous` itself when nothing changed.
 */
export function mergeContent(previous: ContentResponse, next: ContentResponse): { content: ContentResponse; stale: string[] } {
  const broken = new Set(next.problems.map((p) => packIdOfDir(p.dir)));
  const packs: Pack[] = next.packs.map((pack) => {
    const old = previous.packs.find((p) => p.id === pack.id);
    if (!old) return pack;
    if (sameJson(old, pack)) return old;
    return { ...pack, scenarios: pack.scenarios.map((s) => reuse(old.scenarios.find((o) => o.id === s.id), s)) };
  });
  const stale: string[] = [];
  for (const old of previous.packs)
    if (!packs.some((p) => p.id === old.id) && broken.has(old.id)) {
      packs.push(old);
      stale.push(old.id);
    }
  const parkBroken = next.problems.some((p) => p.dir === '.');
  const park = next.park ? reuse(previous.park ?? undefined, next.park) : parkBroken ? previous.park : null;
  const problems = reuse(previous.problems, next.problems);
  const warnings = reuse(previous.warnings, next.warnings);

  const unchanged =
    park === previous.park &&
    problems === previous.problems &&
    warnings === previous.warnings &&
    packs.length === previous.packs.length &&
    packs.every((p, i) => p === previous.packs[i]);
  return { content: unchanged ? previous : { park, packs, problems, warnings }, stale };
}
