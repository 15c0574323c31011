// What each outcome of a run becomes as a visit record (and, through @ruyi/xapi, as xAPI statements).
import type { RecordBody } from '@ruyi/records';
import type { RunOutcome } from './run.ts';

export interface RunRef {
  packId: string;
  scenarioId: string;
  runId: string;
}

export function recordBodyFor(outcome: RunOutcome, run: RunRef): RecordBody {
  switch (outcome.kind) {
    case 'record':
      return { ...outcome.record, ...run, stepId: outcome.stepId };
    case 'step-end':
      return { type: 'step-end', ...run, stepId: outcome.stepId, durationMs: outcome.durationMs };
    case 'scenario-end': {
      const { raw, max, scaled } = outcome.score;
      return { type: 'scenario-end', ...run, score: { raw, max, scaled }, passed: outcome.passed, durationMs: outcome.durationMs };
    }
  }
}

/** The record of a run's start: its seed goes with it, so the server can replay the run. */
export function runStartBody(run: RunRef, seed: number): RecordBody {
  return { type: 'scenario-start', ...run, seed };
}
