// Whether this kiosk's server answers. The service worker hides an outage from the app's content fetches (it answers
// from its cache), so the kiosk asks /api/health itself, often while the server is away and seldom while it is there;
// statement posts report what they see in between.
import { create } from 'zustand';
import { probeDelayMs } from './attention.ts';

interface Reachability {
  /** null until the first answer or failure. */
  reachable: boolean | null;
}

export const useReachability = create<Reachability>(() => ({ reachable: null }));

/** Any HTTP answer means the server is there (even a 503 from a damaged database: staff see that on /admin). */
export function reportReachable(reachable: boolean): void {
  if (useReachability.getState().reachable !== reachable) useReachability.setState({ reachable });
}

const PROBE_TIMEOUT_MS = 4_000;

async function probe(): Promise<void> {
  try {
    await fetch('/api/health', { cache: 'no-store', signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
    reportReachable(true);
  } catch {
    reportReachable(false);
  }
}

let timer: ReturnType<typeof setTimeout> | null = null;

/** Starts checking (once per page); each change of the state reschedules the next check. */
export function watchReachability(): void {
  if (timer !== null || typeof window === 'undefined') return;
  const next = () => {
    timer = setTimeout(() => void probe().finally(next), probeDelayMs(useReachability.getState().reachable));
  };
  void probe().finally(next);
  // Back from an outage: check at once rather than at the next tick.
  window.addEventListener('online', () => void probe());
}
