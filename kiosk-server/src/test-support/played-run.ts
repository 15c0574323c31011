// A run played as a visitor plays it: each mechanic's stand-in visitor through the engine's `next`, each outcome made
// a record as the app makes it (recordBodyFor), so a test's scenario end is always one its run bears out. A forged
// end is made by editing it.
import { randomUUID } from 'node:crypto';
import type { VisitRecord } from '@ruyi/mechanics';
import type { Scenario } from '@ruyi/pack-schema';
import type { Platform, RecordBody } from '@ruyi/records';
import { envOf, next, recordBodyFor, runStartBody, startRun, stepOf } from '@ruyi/scenario-engine';

export type Skill = 'good' | 'poor';

export interface PlayPlan {
  /**
   * `good` gets everything right (default); `poor` makes a hurried visitor's mistakes (a wrong tap, a hazard left,
   * unsafe choices, every other question wrong). Per step id, for a run that is good in some steps and poor in others
   * (steps not named are played well).
   */
  skill?: Skill | Partial<Record<string, Skill>>;
  /** Events a step's visitor makes first, as it starts (e.g. a tap on a prop that is no hazard), before the stand-in. */
  first?: Partial<Record<string, { type: string; [field: string]: unknown }[]>>;
  seed?: number;
  platform?: Platform;
  at?: string;
}

export interface PlayedRun {
  visitId: string;
  runId: string;
  packId: string;
}

/** scenario-start, every step record, and the scenario-end, in the order the app makes them. */
export function playRun(scenario: Scenario, run: PlayedRun, plan: PlayPlan = {}): VisitRecord[] {
  const ref = { packId: run.packId, scenarioId: scenario.id, runId: run.runId };
  const seed = plan.seed ?? 4242;
  const skillAt = (stepId: string): Skill => (typeof plan.skill === 'object' ? (plan.skill[stepId] ?? 'good') : (plan.skill ?? 'good'));
  let now = 0;
  let state = startRun(scenario, now, seed);
  const bodies: RecordBody[] = [runStartBody(ref, seed)];
  const started = new Set<string>();
  for (let i = 0; i < 10_000 && state.current; i++) {
    const found = stepOf(scenario, state.current.stepId)!;
    const stepId = found.step.id;
    const firsts = started.has(stepId) ? [] : (plan.first?.[stepId] ?? []);
    started.add(stepId);
    const moves = firsts.length
      ? firsts.map((event) => ({ event, after: 2000 }))
      : [found.mechanic.autoplay?.(found.step, state.current.state, envOf(scenario, seed), skillAt(stepId))];
    for (const move of moves) {
      if (!move) throw new Error(`step '${stepId}' (${found.step.mechanic}) has no stand-in visitor or is stuck`);
      now += move.after;
      const t = next(scenario, state, { stepId, event: move.event, now });
      state = t.state;
      bodies.push(...t.outcomes.map((outcome) => recordBodyFor(outcome, ref)));
    }
  }
  if (state.current) throw new Error(`the run of '${scenario.id}' did not end`);
  const base = () => ({ id: randomUUID(), visitId: run.visitId, at: plan.at ?? '2026-06-01T09:30:00.000Z', platform: plan.platform ?? 'kiosk', locale: 'zh-CN' as const });
  return bodies.map((body) => ({ ...base(), ...body }) as VisitRecord);
}
