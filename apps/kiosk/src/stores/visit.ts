// One visitor's visit, and everything that belongs to it: language, the children's version, the seat they chose in a
// headset, the scenario being played. All of it is one value, `Visit`; a new visit starts from `initialVisit()` as a
// whole, so nothing a visitor chose can be left set for the next one (a value that is not a field of Visit has no place
// in this store, which the store's test checks).
import type { Audience, Pack, Scenario } from '@ruyi/pack-schema';
import { chooseLocale, noVisit, startVisit, touch, type RunState, type VisitState } from '@ruyi/scenario-engine';
import { create } from 'zustand';

export type Posture = 'seated' | 'standing';

/** The scenario being played: the pack and scenario versions its state was made with, and the engine's state. */
export interface ActiveRun {
  pack: Pack;
  scenario: Scenario;
  runId: string;
  state: RunState;
}

export interface Visit extends VisitState {
  /** Whom the pack's texts are for: a visitor may choose the children's version. */
  audience: Audience;
  /** In a headset: seated visitors get the world raised to their eyes and every panel within reach. */
  posture: Posture;
  /** The scenario being played (one at a time); null on the map. */
  run: ActiveRun | null;
}

/** A kiosk with nobody at it: what every visit starts from. */
export function initialVisit(now: number): Visit {
  return { ...noVisit(now), audience: 'general', posture: 'standing', run: null };
}

interface VisitActions {
  begin(): void;
  setLocale(locale: string): void;
  setAudience(audience: Audience): void;
  setPosture(posture: Posture): void;
  touch(): void;
  /** The run's new state (run.ts is the only writer). */
  setRun(run: ActiveRun | null): void;
  /** A visit read back from the device after a reload (lifecycle.ts). */
  restore(visit: Visit): void;
  /** Back to a clean kiosk for the next visitor. */
  clear(): void;
}

export const useVisit = create<Visit & VisitActions>((set, get) => ({
  ...initialVisit(Date.now()),
  begin: () => set(startVisit(get(), crypto.randomUUID(), Date.now())),
  setLocale: (locale) => set(chooseLocale(get(), locale, Date.now())),
  setAudience: (audience) => set({ ...touch(get(), Date.now()), audience }),
  setPosture: (posture) => set({ ...touch(get(), Date.now()), posture }),
  touch: () => set(touch(get(), Date.now())),
  setRun: (run) => set({ run }),
  // Every field of Visit, replaced at once: a restored or a new visit keeps nothing of the one before.
  restore: (visit) => set(visit satisfies Visit),
  clear: () => set(initialVisit(Date.now())),
}));

/** The visit alone, without the store's actions (for saving it). */
export function visitOf(state: Visit & Partial<VisitActions>): Visit {
  const visit = {} as Record<string, unknown>;
  for (const [key, value] of Object.entries(state)) if (typeof value !== 'function') visit[key] = value;
  return visit as unknown as Visit;
}
