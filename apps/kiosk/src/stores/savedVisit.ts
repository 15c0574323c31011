// A visit as the device keeps it between a reload or a browser crash and the restart: the visit's values, and the run
// by ids (the pack itself comes from the content again) with the scenario version its state was made with, so a
// scenario edited in between can be fitted (resumePlan.ts). Nothing of a person: ids, choices and the engine's state.
import type { Scenario } from '@ruyi/pack-schema';
import type { RunState } from '@ruyi/scenario-engine';
import type { Visit } from './visit.ts';

export const SAVED_VISIT_KEY = 'ruyi.visit';
const VERSION = 1;

export interface SavedRun {
  packId: string;
  runId: string;
  scenario: Scenario;
  state: RunState;
}

export interface SavedVisit {
  version: typeof VERSION;
  visit: Omit<Visit, 'run'>;
  run: SavedRun | null;
}

/** What to keep of a visit; null when there is none (the device then keeps nothing). */
export function saveOf(visit: Visit): SavedVisit | null {
  if (!visit.visitId) return null;
  const { run, ...rest } = visit;
  return { version: VERSION, visit: rest, run: run && { packId: run.pack.id, runId: run.runId, scenario: run.scenario, state: run.state } };
}

/** The saved visit in `text`, or null for none or anything unreadable (an older app's, a damaged one). */
export function parseSaved(text: string | null): SavedVisit | null {
  if (!text) return null;
  try {
    const saved = JSON.parse(text) as Partial<SavedVisit> | null;
    if (!saved || saved.version !== VERSION || !saved.visit || typeof saved.visit.visitId !== 'string') return null;
    if (typeof saved.visit.lastActivityAt !== 'number' || typeof saved.visit.locale !== 'string') return null;
    const run = saved.run ?? null;
    if (run && (typeof run.packId !== 'string' || typeof run.runId !== 'string' || !run.scenario?.steps || !run.state)) return null;
    return { version: VERSION, visit: saved.visit, run };
  } catch {
    return null;
  }
}

/** Where a resumed visit was: its scenario, or the map. */
export function placeOf(visit: Visit): string {
  return visit.run ? `/play/${visit.run.pack.id}/${visit.run.scenario.id}` : '/map';
}
