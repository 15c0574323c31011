// What a scenario's end must be, judged from its run's own records and the scenario alone. The records are played
// again through `next`, the reducer the app plays with, each step by its mechanic (which says which events made each
// of its records), so the rules exist once: a record the play cannot produce at its place is not evidence, and the
// end must be the very end that play reaches. Maximum score and pass mark come from the scenario, never the claim.
// Each step starts at time 0 in the replay; a mechanic's records carry their times from their step's start.
import { recordEntry, type RecordPayload, type VisitRecord } from '@ruyi/mechanics';
import type { Scenario } from '@ruyi/pack-schema';
import { next, startRun, stepOf, type RunOutcome, type RunState } from './run.ts';
import { scoreRun, type RunScore } from './score.ts';

/** What a scenario end claims: the part the run has to bear out. */
export interface ScenarioEndClaim {
  score: { raw: number; max: number; scaled: number };
  passed: boolean;
}

/** `run`: the run's evidence as a whole; the others name the end's own field. */
export type EvidenceField = 'run' | 'score.raw' | 'score.max' | 'score.scaled' | 'passed';

export interface EvidenceProblem {
  field: EvidenceField;
  message: string;
}

export interface Replay {
  /** Where the records took the run. */
  state: RunState;
  /** Records the play could not produce where they stand (not evidence). */
  problems: EvidenceProblem[];
}

export interface EndJudgement {
  /** The score the run's evidence gives (what is stored and counted). */
  score: RunScore;
  problems: EvidenceProblem[];
}

/** Scaled scores travel rounded (4 decimals); allow for that and no more. */
export const SCALED_TOLERANCE = 0.001;
/** A forged run can hold thousands of misplaced records; the first few say enough. */
const MAX_MISFITS = 5;

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** A produced record and a received one agree on every field the mechanic records (not who sent it or when). */
function sameRecord(produced: RecordPayload, record: VisitRecord): boolean {
  const entry = recordEntry(produced.type);
  if (!entry || produced.type !== record.type) return false;
  const r = record as Record<string, unknown>;
  return Object.keys(entry.spec.fields).every((field) => sameJson(produced[field], r[field]));
}

type Step = { state: RunState; outcomes: RunOutcome[] };

function apply(scenario: Scenario, state: RunState, stepId: string, events: readonly { type: string; now: number }[]): Step {
  const outcomes: RunOutcome[] = [];
  for (const { now, ...event } of events) {
    const t = next(scenario, state, { stepId, event, now });
    state = t.state;
    outcomes.push(...t.outcomes);
  }
  return { state, outcomes };
}

/** A step record's step and item ids exist in the scenario (else it is left behind by a newer pack version). */
function knows(scenario: Scenario, record: VisitRecord): boolean {
  const entry = recordEntry(record.type);
  const found = 'stepId' in record ? stepOf(scenario, record.stepId) : undefined;
  if (!entry || !found || found.step.mechanic !== entry.mechanic) return false;
  const item = (record as Record<string, unknown>)[entry.spec.itemField];
  return item === found.step.id || found.mechanic.ids(found.step).includes(item as string) || scenario.scene.props.some((p) => p.id === item);
}

/**
 * Plays a run's records (in the order they were made) through the engine. Visit and run records are passed over, and
 * so are step records naming a step or item the scenario does not have (a run carried over to a new version of its
 * pack keeps such records behind it). Any other record the play cannot produce where it stands is a problem and is
 * left out.
 */
export function replayRun(scenario: Scenario, records: readonly VisitRecord[], seed: number): Replay {
  let state = startRun(scenario, 0, seed);
  /** A step a record's events already ended (its end record is then expected, with nothing to replay). */
  let ended: string | null = null;
  const misfits: string[] = [];
  const misfit = (record: VisitRecord, why: string) => misfits.push(`has ${describe(record)} (record ${record.id}) where it does not fit: ${why}`);
  const at = () => (state.current ? `the run is at step '${state.current.stepId}'` : 'the run has ended');

  for (const record of records) {
    if (record.type === 'step-end') {
      const stepId = (record as { stepId: string }).stepId;
      if (ended === stepId) {
        ended = null;
        continue;
      }
      const found = stepOf(scenario, state.current?.stepId);
      if (!found || state.current!.stepId !== stepId) {
        misfit(record, at());
        continue;
      }
      const events = found.mechanic.endEvents(found.step, state.current!.state).map((e: { type: string }) => ({ ...e, now: 0 }));
      const t = apply(scenario, state, stepId, events);
      if (t.outcomes.some((o) => o.kind === 'record') || !t.outcomes.some((o) => o.kind === 'step-end' && o.stepId === stepId))
        misfit(record, `step '${stepId}' (${found.step.mechanic}) was not finished`);
      else state = t.state;
      continue;
    }
    if (!recordEntry(record.type) || !knows(scenario, record)) continue;
    ended = null;
    const stepId = (record as { stepId: string }).stepId;
    const found = stepOf(scenario, state.current?.stepId);
    if (!found || state.current!.stepId !== stepId) {
      misfit(record, `${at()}, not at step '${stepId}'`);
      continue;
    }
    const events = found.mechanic.eventsFor(found.step, state.current!.state, record);
    const t = events ? apply(scenario, state, stepId, events) : null;
    const made = t?.outcomes.filter((o) => o.kind === 'record') ?? [];
    if (t && made.length === 1 && sameRecord(made[0]!.record, record)) {
      state = t.state;
      if (t.outcomes.some((o) => o.kind === 'step-end')) ended = stepId;
    } else misfit(record, `step '${stepId}' (${found.step.mechanic}) cannot make it at this point`);
  }
  const problems: EvidenceProblem[] = misfits.slice(0, MAX_MISFITS).map((message) => ({ field: 'run', message }));
  if (misfits.length > MAX_MISFITS) problems.push({ field: 'run', message: `has ${misfits.length - MAX_MISFITS} more records that do not fit` });
  return { state, problems };
}

function describe(record: VisitRecord): string {
  const entry = recordEntry(record.type);
  const r = record as Record<string, unknown>;
  if (record.type === 'step-end') return `the end of step '${r.stepId}'`;
  return entry ? `${record.type} '${String(r[entry.spec.itemField])}' of step '${String(r.stepId)}'` : record.type;
}

const tallyText = (score: RunScore) =>
  score.steps.map((s) => `${s.stepId} ${s.tally.points} of ${s.tally.maxPoints} (${s.tally.right} of ${s.tally.total} right)`).join(', ') || 'nothing (no step was finished)';

/**
 * Judges a claimed scenario end against its run's records (made before it, in order) and the run's seed (from its
 * start). The problems name the end's field: `score.raw`, `score.max`, `score.scaled` and `passed`, then the evidence
 * as a whole (`run`: a step never finished, a record out of place). The returned score is the one the evidence gives,
 * whatever was claimed.
 */
export function judgeScenarioEnd(scenario: Scenario, records: readonly VisitRecord[], claim: ScenarioEndClaim, seed: number): EndJudgement {
  const replay = replayRun(scenario, records, seed);
  const problems: EvidenceProblem[] = [];
  const score = scoreRun(scenario, replay.state);
  if (claim.score.raw !== score.raw) problems.push({ field: 'score.raw', message: `the run's steps scored ${tallyText(score)}: its score is ${score.raw}, not ${claim.score.raw}` });
  if (claim.score.max !== score.max)
    problems.push({ field: 'score.max', message: `the run's maximum is ${score.max} (the steps it played: ${score.steps.map((s) => `${s.stepId} ${s.tally.maxPoints}`).join(', ') || 'none'}), not ${claim.score.max}` });
  if (Math.abs(claim.score.scaled - score.scaled) >= 0.001)
    problems.push({ field: 'score.scaled', message: `must be ${score.scaled} (${score.raw}/${score.max}), not ${claim.score.scaled}` });
  if (claim.passed !== score.passed) {
    const failedChecks = score.steps.filter((s) => s.passed === false).map((s) => `'${s.stepId}' (needs ${s.passAt})`);
    problems.push({
      field: 'passed',
      message: `must be ${score.passed}: the run's scaled score is ${score.scaled} and scenario '${scenario.id}' is passed at ${scenario.result.passScore} or more${failedChecks.length ? `, with its knowledge checks passed (not: ${failedChecks.join(', ')})` : ' with its knowledge checks passed'}`,
    });
  }
  // The claim's fields first (what is wrong), then the run's evidence (why).
  if (replay.state.current) {
    const found = stepOf(scenario, replay.state.current.stepId);
    problems.push({ field: 'run', message: `is not finished: the run never ended step '${replay.state.current.stepId}'${found ? ` (${found.step.mechanic})` : ''}` });
  }
  problems.push(...replay.problems);
  return { score, problems };
}

