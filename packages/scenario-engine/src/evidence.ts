// What a scenario's end must be, judged from its run's own step records and the scenario alone. The records are played
// again through `next`, the reducer the app plays with, so the rules (phases, the drill's branches, one find per
// hazard, one answer per question in order, scoring) exist once: a record the play cannot produce at its place is not
// evidence, and the end must be the very end that play reaches. Maximum score and pass mark come from the scenario,
// never from the claim. Times do not matter here (durations are the device's to tell), so every event is at 0.
import type { Scenario } from '@ruyi/pack-schema';
import type { StepId, VisitRecord } from '@ruyi/records';
import { next, startRun, type Phase, type RunEvent, type RunOutcome, type RunState } from './run.ts';
import { scoreRun, type RunScore } from './score.ts';

type Of<T extends VisitRecord['type']> = Extract<VisitRecord, { type: T }>;

/** What a scenario end claims: the part the run has to bear out. */
export type ScenarioEndClaim = Pick<Of<'scenario-end'>, 'score' | 'passed'>;

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

const PHASE_NAMES: Record<Phase, string> = {
  'case-card': 'the case card',
  'hazard-hunt': 'the hazard hunt',
  'hunt-review': 'the hazard review',
  decisions: 'the decisions',
  quiz: 'the quiz',
  result: 'the result',
};

const STEP_EVENTS: Record<StepId, RunEvent['type']> = {
  'case-card': 'begin-hunt',
  'hazard-hunt': 'end-hunt',
  'hunt-review': 'begin-decisions',
  decisions: 'continue',
};

const list = (ids: readonly string[]) => ids.map((id) => `'${id}'`).join(', ');

/** The record an outcome becomes, compared by what matters for scoring and order (not durations). */
function sameOutcome(outcome: RunOutcome, record: VisitRecord): boolean {
  switch (outcome.kind) {
    case 'step-end':
      return record.type === 'step-end' && record.step === outcome.step;
    case 'hazard-found':
      return record.type === 'hazard-found' && record.hazardId === outcome.hazardId;
    case 'prop-checked':
      return record.type === 'prop-checked' && record.propId === outcome.propId;
    case 'decision':
      return record.type === 'decision' && record.nodeId === outcome.nodeId && record.choiceId === outcome.choiceId && record.safe === outcome.safe;
    case 'answer':
      return record.type === 'answer' && record.questionId === outcome.questionId && record.correct === outcome.correct;
    case 'scenario-end':
      return false;
  }
}

function apply(scenario: Scenario, state: RunState, events: readonly RunEvent[]): { state: RunState; outcomes: RunOutcome[] } {
  const outcomes: RunOutcome[] = [];
  for (const event of events) {
    const step = next(scenario, state, event);
    state = step.state;
    outcomes.push(...step.outcomes);
  }
  return { state, outcomes };
}

/**
 * Steps the visitor takes without anything being recorded, made before a record that needs them: "continue" to the
 * next decision after a consequence, "next" to the next quiz question. Only taken when they are silent, so a skipped
 * step-end is never made up.
 */
function silentSteps(scenario: Scenario, state: RunState, record: VisitRecord): RunState {
  const silent = (event: RunEvent) => {
    const step = next(scenario, state, event);
    return step.outcomes.length === 0 ? step.state : state;
  };
  if (record.type === 'decision' && state.phase === 'decisions' && state.pendingChoice !== null && state.nodeId !== record.nodeId)
    return silent({ type: 'continue', now: 0 });
  if (record.type === 'answer' && state.phase === 'quiz') {
    const current = scenario.quiz.questions[state.questionIndex];
    if (current && current.id !== record.questionId && state.answers[current.id]) return silent({ type: 'next-question', now: 0 });
  }
  return state;
}

/** The event a record is the outcome of; null when it names something the scenario does not have (not evidence). */
function eventFor(scenario: Scenario, record: VisitRecord): RunEvent | null {
  switch (record.type) {
    case 'step-end':
      return { type: STEP_EVENTS[record.step], now: 0 } as RunEvent;
    case 'hazard-found': {
      const hazard = scenario.hazardHunt.hazards.find((h) => h.id === record.hazardId);
      return hazard ? { type: 'inspect', propId: hazard.prop, now: 0 } : null;
    }
    case 'prop-checked':
      return { type: 'inspect', propId: record.propId, now: 0 };
    case 'decision':
      return { type: 'choose', choiceId: record.choiceId, now: 0 };
    case 'answer':
      return { type: 'answer', choiceIds: record.choiceIds, now: 0 };
    default:
      return null;
  }
}

/** Why a record does not fit the run where it stands, in the run's terms. */
function misfit(scenario: Scenario, state: RunState, record: VisitRecord): string {
  const at = `the run is at ${PHASE_NAMES[state.phase]}`;
  switch (record.type) {
    case 'step-end':
      if (record.step === 'decisions' && state.phase === 'decisions')
        return state.pendingChoice === null
          ? `decision '${state.nodeId}' was not taken`
          : `the drill goes on after choice '${state.pendingChoice}' of decision '${state.nodeId}'`;
      return `${at}, not at ${PHASE_NAMES[record.step]}`;
    case 'hazard-found':
      if (state.phase !== 'hazard-hunt') return `${at}, not in the hazard hunt`;
      return state.found.includes(record.hazardId) ? `hazard '${record.hazardId}' was already found` : `hazard '${record.hazardId}' cannot be found here`;
    case 'prop-checked': {
      if (state.phase !== 'hazard-hunt') return `${at}, not in the hazard hunt`;
      const hazard = scenario.hazardHunt.hazards.find((h) => h.prop === record.propId);
      return hazard ? `prop '${record.propId}' is hazard '${hazard.id}'` : `prop '${record.propId}' is not in the scene`;
    }
    case 'decision':
      if (state.phase !== 'decisions' || state.nodeId === null) return `${at}, not in the decisions`;
      if (state.nodeId === record.nodeId) return `decision '${record.nodeId}' was already taken`;
      return `decision '${record.nodeId}' does not follow the choices before it: the drill is at decision '${state.nodeId}'`;
    case 'answer': {
      if (state.phase !== 'quiz') return `${at}, not in the quiz`;
      const current = scenario.quiz.questions[state.questionIndex];
      if (state.answers[record.questionId]) return `question '${record.questionId}' was already answered`;
      return `question '${record.questionId}' is not next: the quiz is at question '${current?.id}'`;
    }
    default:
      return `${record.type} is not a step of a run`;
  }
}

const STEP_TYPES = new Set<VisitRecord['type']>(['step-end', 'hazard-found', 'prop-checked', 'decision', 'answer']);

/**
 * Plays a run's step records (in the order they were made) through the engine. Records of other types are passed
 * over, and so are records naming a hazard, prop, decision, choice or question the scenario does not have (a run
 * carried over to a new version of its pack, see adaptRun, keeps such records behind it). Any other record the play
 * cannot produce where it stands is a problem and is left out.
 */
export function replayRun(scenario: Scenario, records: readonly VisitRecord[]): Replay {
  let state = startRun(scenario, 0);
  const misfits: string[] = [];
  for (const record of records) {
    if (!STEP_TYPES.has(record.type)) continue;
    const event = eventFor(scenario, record);
    if (!event || !knows(scenario, record)) continue;
    const before = silentSteps(scenario, state, record);
    const step = apply(scenario, before, [event]);
    if (step.outcomes.length === 1 && sameOutcome(step.outcomes[0]!, record)) state = step.state;
    else misfits.push(`has ${describe(record)} (record ${record.id}) where it does not fit: ${misfit(scenario, before, record)}`);
  }
  const problems: EvidenceProblem[] = misfits.slice(0, MAX_MISFITS).map((message) => ({ field: 'run', message }));
  if (misfits.length > MAX_MISFITS) problems.push({ field: 'run', message: `has ${misfits.length - MAX_MISFITS} more records that do not fit` });
  return { state, problems };
}

function knows(scenario: Scenario, record: VisitRecord): boolean {
  switch (record.type) {
    case 'prop-checked':
      return scenario.scene.props.some((p) => p.id === record.propId);
    case 'decision':
      return scenario.decisions.nodes.some((n) => n.id === record.nodeId && n.choices.some((c) => c.id === record.choiceId));
    case 'answer':
      return scenario.quiz.questions.some((q) => q.id === record.questionId);
    default:
      return true;
  }
}

function describe(record: VisitRecord): string {
  switch (record.type) {
    case 'step-end':
      return `the end of ${PHASE_NAMES[record.step]}`;
    case 'hazard-found':
      return `the find of hazard '${record.hazardId}'`;
    case 'prop-checked':
      return `the check of prop '${record.propId}'`;
    case 'decision':
      return `choice '${record.choiceId}' of decision '${record.nodeId}'`;
    case 'answer':
      return `the answer to question '${record.questionId}'`;
    default:
      return record.type;
  }
}

/** What a run still lacks before its scenario can end (the end comes after the last quiz question). */
function unfinished(scenario: Scenario, state: RunState): string {
  switch (state.phase) {
    case 'case-card':
    case 'hazard-hunt':
    case 'hunt-review':
      return `the run never left ${PHASE_NAMES[state.phase]}: it has no evidence of the steps after it`;
    case 'decisions':
      return state.pendingChoice === null
        ? `the run never took decision '${state.nodeId}'`
        : `the run never ended the decisions after choice '${state.pendingChoice}' of decision '${state.nodeId}'`;
    case 'quiz': {
      const open = scenario.quiz.questions.filter((q) => !state.answers[q.id]).map((q) => q.id);
      return `the run never answered question${open.length === 1 ? '' : 's'} ${list(open)}`;
    }
    case 'result':
      return 'the run has already ended';
  }
}

/**
 * Judges a claimed scenario end against its run's step records (made before it, in order). The problems name the
 * end's field: `score.raw`, `score.max`, `score.scaled` and `passed`, then the evidence as a whole (`run`: a step
 * never finished, a record out of place). The returned score is the one the evidence gives, whatever was claimed.
 */
export function judgeScenarioEnd(scenario: Scenario, records: readonly VisitRecord[], claim: ScenarioEndClaim): EndJudgement {
  const replay = replayRun(scenario, records);
  const problems: EvidenceProblem[] = [];
  const end = next(scenario, replay.state, { type: 'next-question', now: 0 }).outcomes.find((o) => o.kind === 'scenario-end');
  const score = end?.kind === 'scenario-end' ? end.score : scoreRun(scenario, replay.state);

  const { hazards, decisions, quiz } = score;
  if (claim.score.raw !== score.raw)
    problems.push({
      field: 'score.raw',
      message: `the run found ${hazards.right} of ${hazards.total} hazards, took ${decisions.right} safe decisions of ${decisions.total} and answered ${quiz.right} of ${quiz.total} questions right: its score is ${score.raw}, not ${claim.score.raw}`,
    });
  if (claim.score.max !== score.max)
    problems.push({
      field: 'score.max',
      message: `the run's maximum is ${score.max} (${hazards.total} hazards × ${scenario.hazardHunt.pointsPerHazard} + ${decisions.total} decisions faced × ${scenario.decisions.pointsPerSafeChoice} + ${quiz.total} questions × ${scenario.quiz.pointsPerQuestion} points), not ${claim.score.max}`,
    });
  if (Math.abs(claim.score.scaled - score.scaled) >= SCALED_TOLERANCE)
    problems.push({ field: 'score.scaled', message: `must be ${score.scaled} (${score.raw}/${score.max}), not ${claim.score.scaled}` });
  if (claim.passed !== score.passed)
    problems.push({
      field: 'passed',
      message: `must be ${score.passed}: the run's scaled score is ${score.scaled} and scenario '${scenario.id}' is passed at ${scenario.result.passScore} or more`,
    });
  // The claim's fields first (what is wrong), then the run's evidence (why).
  if (!end) problems.push({ field: 'run', message: `is not finished: ${unfinished(scenario, replay.state)}` });
  problems.push(...replay.problems);
  return { score, problems };
}
