export type { Mechanic, StepCue, AnyMechanic, Tally, RecordPayload, StepEnv, Transition, StatementResult, InteractionTexts, RecordSpec, StepOf, Example } from './contract.ts';
export { stepCommonFields, Branch, StepTarget, random, shuffled, drawn, tally, elapsed, duplicates, oneOf, type StepCommon, type Issue } from './common.ts';
export { MECHANICS, MECHANIC_NAMES, mechanicOf, type MechanicName, type StepConfigOf, type StepStateOf, type StepEventOf, type StepRecordOf } from './registry.ts';
export { Step, STEP_SCHEMAS } from './schemas.ts';
export { VisitRecord, STEP_RECORDS, RECORD_TYPES, recordEntry, isCoreRecord, type RecordEntry, type StepRecord, type RecordType } from './records.ts';
export { caseCard, Narration, type CaseCardStep } from './case-card/index.ts';
export { hazardHunt, findShare, hintFor, msUntilHint, type HazardHuntStep, type HazardDef, type HuntState, type HuntEvent, type Inspection } from './hazard-hunt/index.ts';
export { decisions, choiceOrder, type DecisionsStep, type DecisionNode, type DecisionChoice, type DecisionsState, type DecisionsEvent, type DecisionTaken } from './decisions/index.ts';
export { quiz, isCorrect, quizChoiceOrder, type QuizStep, type Question, type QuizState, type QuizEvent, type AnswerGiven } from './quiz/index.ts';
