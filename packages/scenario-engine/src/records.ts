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
    case 'step-end':
      return { type: 'step-end', ...run, step: outcome.step, durationMs: outcome.durationMs };
    case 'prop-checked':
      return { type: 'prop-checked', ...run, propId: outcome.propId };
    case 'hazard-found':
      return { type: 'hazard-found', ...run, hazardId: outcome.hazardId };
    case 'decision':
      return { type: 'decision', ...run, nodeId: outcome.nodeId, choiceId: outcome.choiceId, safe: outcome.safe };
    case 'answer':
      return { type: 'answer', ...run, questionId: outcome.questionId, choiceIds: outcome.choiceIds, correct: outcome.correct };
    case 'scenario-end': {
      const { raw, max, scaled } = outcome.score;
      return { type: 'scenario-end', ...run, score: { raw, max, scaled }, passed: outcome.passed, durationMs: outcome.durationMs };
    }
  }
}
