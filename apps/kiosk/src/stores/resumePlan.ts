// What becomes of the visit the device kept, once the content is back. Fitting a saved run to the content's version of
// its scenario needs the engine and its mechanics, so this loads beside the content (lifecycle.ts), not with the first
// screen's code.
import type { Pack } from '@ruyi/pack-schema';
import { adaptRun, visitIdleStatus, type IdleConfig } from '@ruyi/scenario-engine';
import type { SavedVisit } from './savedVisit.ts';
import { initialVisit, type Visit } from './visit.ts';

export type Resume =
  | { kind: 'none' }
  /** Carry on: the same visit, step and progress. */
  | { kind: 'resume'; visit: Visit }
  /** End it as it would have ended had the page stayed (`visit` is the one to end: its id and language). */
  | { kind: 'end'; visit: Visit; reason: 'timeout' | 'finished' };

/**
 * What becomes of a saved visit once the app is back with the park's content: a visit whose idle time ran out while
 * the page was gone ends as timed out; one whose scenario is gone from the content ends; else it goes on, in the
 * content's version of its scenario.
 */
export function planResume(saved: SavedVisit | null, packs: readonly Pack[], now: number, idle: IdleConfig): Resume {
  if (!saved) return { kind: 'none' };
  // A value the saving app did not know yet starts as in a new visit.
  const visit: Visit = { ...initialVisit(now), ...saved.visit, run: null };
  if (visitIdleStatus(visit, now, { idleSeconds: idle.idleSeconds, countdownSeconds: idle.countdownSeconds })?.kind === 'expired')
    return { kind: 'end', visit, reason: 'timeout' };
  if (!saved.run) return { kind: 'resume', visit };
  const pack = packs.find((p) => p.id === saved.run!.packId);
  const scenario = pack?.scenarios.find((s) => s.id === saved.run!.scenario.id);
  if (!pack || !scenario) return { kind: 'end', visit, reason: 'finished' };
  const state = adaptRun(scenario, saved.run.state, saved.run.scenario);
  return { kind: 'resume', visit: { ...visit, run: { pack, scenario, runId: saved.run.runId, state } } };
}
