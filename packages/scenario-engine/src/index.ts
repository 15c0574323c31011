export { startRun, next, stepOf, envOf, type RunState, type RunEvent, type RunOutcome, type Transition, type PlayedStep } from './run.ts';
export { scoreRun, scoreSoFar, type RunScore, type StepScore } from './score.ts';
export { idleStatus, type IdleConfig, type IdleStatus } from './idle.ts';
export { noVisit, startVisit, chooseLocale, touch, visitIdleStatus, DEFAULT_LOCALE, type VisitState } from './visit.ts';
export { recordBodyFor, runStartBody, type RunRef } from './records.ts';
export { adaptRun } from './adapt.ts';
export { SETTLE_MS, OPEN_GATE, screenChanged, acceptsInput, msUntilOpen, type InputGate } from './settle.ts';
export { judgeScenarioEnd, replayRun, SCALED_TOLERANCE, type EndJudgement, type EvidenceField, type EvidenceProblem, type Replay, type ScenarioEndClaim } from './evidence.ts';
