// A visit's beginning and end, and its life across a reload: the visit is kept on the device while it lasts (a reload
// or a browser crash resumes it, with no second visit-start) and removed from the device when it ends.
import { holdFirstContent, useContent } from './content.ts';
import { record } from './record.ts';
import { parseSaved, placeOf, saveOf, SAVED_VISIT_KEY } from './savedVisit.ts';
import { useVisit, visitOf } from './visit.ts';

export function beginVisit(): void {
  if (useVisit.getState().visitId) return;
  useVisit.getState().begin();
  record({ type: 'visit-start' });
}

/** Ends the visit: its end is recorded, then the kiosk starts from a new, empty visit (language, run, posture, all). */
export function endVisit(reason: 'finished' | 'timeout'): void {
  if (useVisit.getState().visitId) record({ type: 'visit-end', reason });
  useVisit.getState().clear();
}

function storage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    // Storage off (a locked-down profile): visits still work, a reload just starts afresh.
    return null;
  }
}

let restored = false;

// Fitting a saved run to the content needs the engine and its mechanics: a chunk of its own, loaded at start beside
// the content (which needs the same modules to be read); the first content waits for it, so a kept visit is resumed
// before any screen shows (a tap on the attract screen in between would start a second visit).
let planner: typeof import('./resumePlan.ts') | null = null;
let loadingPlanner: Promise<void> | null = null;
const loadPlanner = (): Promise<void> =>
  (loadingPlanner ??= import('./resumePlan.ts').then(
    (loaded) => {
      planner = loaded;
    },
    (error: unknown) => {
      loadingPlanner = null;
      throw error;
    },
  ));

function save(): void {
  if (!restored) return; // never overwrite a saved visit before it was read back
  const saved = saveOf(visitOf(useVisit.getState()));
  try {
    if (saved) storage()?.setItem(SAVED_VISIT_KEY, JSON.stringify(saved));
    else storage()?.removeItem(SAVED_VISIT_KEY);
  } catch (error) {
    console.warn('Kiosk: the visit could not be kept on the device:', error);
  }
}

/** Screens of a visit (where an ended visit must not stay) and the kiosk's start, where a resumed one is taken back. */
const visitorPlace = (path: string) => path === '/map' || path.startsWith('/play/');

/**
 * Reads back the visit the device kept (once, with the first content: its end is recorded with the content's IRIs and
 * its run needs the packs), then keeps every change of the visit on the device.
 */
export function resumeSavedVisit(): void {
  const content = useContent.getState();
  if (restored || content.status !== 'ready') return;
  if (!planner) {
    // The planner failed to load with the first content: resume as soon as it is here (wouter follows the history change).
    loadPlanner().then(resumeSavedVisit, (error: unknown) => console.warn('Kiosk: the kept visit could not be resumed:', error));
    return;
  }
  const plan = planner.planResume(parseSaved(storage()?.getItem(SAVED_VISIT_KEY) ?? null), content.content.packs, Date.now(), {
    idleSeconds: content.config.idleSeconds,
    countdownSeconds: content.config.idleCountdownSeconds,
  });
  restored = true;
  const path = window.location.pathname;
  if (plan.kind === 'none') {
    save();
    return;
  }
  useVisit.getState().restore(plan.visit);
  if (plan.kind === 'end') {
    endVisit(plan.reason);
    if (visitorPlace(path)) history.replaceState(null, '', '/');
  } else if (path === '/') {
    // A kiosk restarted after a crash opens its start page: take the visitor back to where they were.
    history.replaceState(null, '', placeOf(plan.visit));
  }
  save();
}

if (typeof window !== 'undefined') {
  const planning = loadPlanner();
  planning.catch((error: unknown) => console.warn('Kiosk: the kept visit could not be resumed:', error));
  holdFirstContent(planning);
  useVisit.subscribe(save);
  // Before the screens render with the first content (this runs inside the content store's update).
  useContent.subscribe(resumeSavedVisit);
}

