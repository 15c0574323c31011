export { startRun, next, isCorrect, type Phase, type RunState, type RunEvent, type RunOutcome, type Step, type Inspection, type DecisionTaken, type AnswerGiven } from './run.ts';
export { scoreRun, type RunScore, type Tally } from './score.ts';
export { hintFor, msUntilHint } from './hint.ts';
export { idleStatus, type IdleConfig, type IdleStatus } from './idle.ts';
export { noVisit, startVisit, chooseLocale, touch, visitIdleStatus, DEFAULT_LOCALE, type VisitState } from './visit.ts';
export { recordBodyFor, type RunRef } from './records.ts';
export { adaptRun } from './adapt.ts';
export { judgeScenarioEnd, replayRun, SCALED_TOLERANCE, type EndJudgement, type EvidenceField, type EvidenceProblem, type Replay, type ScenarioEndClaim } from './evidence.ts';
