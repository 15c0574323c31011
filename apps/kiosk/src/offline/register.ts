/// <reference types="vite-plugin-pwa/client" />
// Registers the kiosk's service worker (sw-config.ts) and keeps it current: a kiosk asks for a new version about every
// minute, and a new version takes over (which reloads the page) only between two visits, never in the middle of one.
// Also fills the worker's caches once it controls the page, and when the server is back after an outage sends what
// waited and fetches the content again at once.
import { registerSW } from 'virtual:pwa-register';
import { useContent } from '../stores/content.ts';
import { flushStatements } from '../stores/record.ts';
import { useVisit } from '../stores/visit.ts';
import { mayActivateUpdate } from './attention.ts';
import { useReachability, watchReachability } from './reachability.ts';
import { CONTENT_URLS, packAssetUrls, warm } from './warm.ts';

const UPDATE_CHECK_MS = 60_000;

let started = false;

export function startOffline(): void {
  if (started || typeof window === 'undefined') return;
  started = true;
  watchReachability();
  useReachability.subscribe((state, previous) => {
    if (state.reachable !== true || previous.reachable !== false) return;
    void flushStatements();
    const content = useContent.getState();
    void (content.status === 'ready' ? content.refresh() : content.load());
  });
  if (!('serviceWorker' in navigator)) return;

  let waiting = false;
  const updateSW = registerSW({
    // After the page's load event: installing fetches the whole app (~7 MB), which must not slow the first screen.
    immediate: false,
    onNeedRefresh() {
      waiting = true;
      activateIfBetweenVisits();
    },
    onRegisteredSW(_url, registration) {
      if (!registration) return;
      // A server that is down answers nothing: the next check tries again.
      setInterval(() => void registration.update().catch(() => undefined), UPDATE_CHECK_MS);
    },
    onRegisterError(error: unknown) {
      // A browser that refuses workers (private mode, a test run) still plays; it is only not offline-ready.
      console.info('Ruyi: no service worker, the kiosk needs its server to start:', String(error));
    },
  });
  const activateIfBetweenVisits = () => {
    if (!mayActivateUpdate(waiting, useVisit.getState().visitId)) return;
    waiting = false;
    // workbox-window reloads by itself only for a page that was controlled when it registered; a kiosk open since the
    // worker's first install must reload too, or it would run the old app against the new worker's files.
    navigator.serviceWorker.addEventListener('controllerchange', () => window.location.reload(), { once: true });
    void updateSW(true);
  };
  useVisit.subscribe((state, previous) => {
    if (state.visitId !== previous.visitId) activateIfBetweenVisits();
  });

  const controlled = () => navigator.serviceWorker.controller !== null;
  const warmAssets = () => {
    const content = useContent.getState();
    if (controlled() && content.status === 'ready') void warm(packAssetUrls(content.content.packs));
  };
  // The page that installed the worker fetched the content before the worker took control.
  navigator.serviceWorker.addEventListener('controllerchange', () => void warm(CONTENT_URLS).then(warmAssets));
  useContent.subscribe((state, previous) => {
    if (state.status === 'ready' && (previous.status !== 'ready' || state.content !== previous.content)) warmAssets();
  });
  warmAssets();
}
