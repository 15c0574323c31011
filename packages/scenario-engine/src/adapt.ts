// A run carried over to a new version of its scenario (an editor saved a file during preview, or an admin installed a
// new pack version while a visitor was playing). The visitor keeps their place: the phase and the progress made stay,
// and only what no longer exists in the new version is dropped, so every later event still fits the state.
import type { Scenario } from '@ruyi/pack-schema';
import { isCorrect, type AnswerGiven, type DecisionTaken, type Inspection, type RunState } from './run.ts';

/**
 * Returns `state` fitted to `scenario` (same id, maybe other content):
 * - found hazards whose id is gone are dropped, and so is the last tap's feedback if its prop or hazard is gone;
 * - decisions whose node or choice is gone are dropped; a decision's `safe` follows the new version;
 * - if the decision on screen is gone, the drill starts again from `decisions.start` (its decisions are cleared, so the
 *   visitor does not face the same node twice in the score); a pending choice that is gone is withdrawn;
 * - answers to questions that are gone are dropped; the rest keep the choices that still exist and are marked again
 *   against the new answer key (an answer left with no choice is dropped);
 * - in the quiz, the question on screen stays on screen when `previous` (the version the state was made with) is given
 *   and the question still exists; otherwise the question index is kept, clamped to the questions there are.
 * Returns the very same object when nothing had to change.
 */
export function adaptRun(scenario: Scenario, state: RunState, previous?: Scenario): RunState {
  const hazardIds = new Set(scenario.hazardHunt.hazards.map((h) => h.id));
  const propIds = new Set(scenario.scene.props.map((p) => p.id));
  const nodes = new Map(scenario.decisions.nodes.map((n) => [n.id, n]));
  const questions = scenario.quiz.questions;

  const found = state.found.filter((id) => hazardIds.has(id));
  const inspection = keepInspection(state.inspection, propIds, hazardIds);

  let decisions: DecisionTaken[] = [];
  for (const d of state.decisions) {
    const choice = nodes.get(d.nodeId)?.choices.find((c) => c.id === d.choiceId);
    if (choice) decisions.push(choice.safe === d.safe ? d : { ...d, safe: choice.safe });
  }
  let { nodeId, pendingChoice } = state;
  if (nodeId !== null && !nodes.has(nodeId)) {
    // The drill only ever shows a node while in the decisions phase; after it, nodeId is null.
    nodeId = scenario.decisions.start;
    pendingChoice = null;
    decisions = [];
  } else if (nodeId !== null && pendingChoice !== null && !nodes.get(nodeId)!.choices.some((c) => c.id === pendingChoice)) {
    pendingChoice = null;
  }

  const answers: Record<string, AnswerGiven> = {};
  for (const [questionId, given] of Object.entries(state.answers)) {
    const question = questions.find((q) => q.id === questionId);
    if (!question) continue;
    const known = new Set(question.choices.map((c) => c.id));
    const choiceIds = given.choiceIds.filter((id) => known.has(id));
    if (choiceIds.length === 0 || (question.kind === 'single' && choiceIds.length !== 1)) continue;
    answers[questionId] = { choiceIds, correct: isCorrect(question.answer, choiceIds) };
  }

  let questionIndex = state.questionIndex;
  const onScreen = previous?.quiz.questions[state.questionIndex]?.id;
  const followed = onScreen === undefined ? -1 : questions.findIndex((q) => q.id === onScreen);
  if (followed >= 0) questionIndex = followed;
  questionIndex = Math.max(0, Math.min(questionIndex, questions.length - 1));

  const adapted: RunState = {
    ...state,
    scenarioId: scenario.id,
    found: sameList(found, state.found) ? state.found : found,
    inspection,
    decisions: sameDecisions(decisions, state.decisions) ? state.decisions : decisions,
    nodeId,
    pendingChoice,
    questionIndex,
    answers: sameAnswers(answers, state.answers) ? state.answers : answers,
  };
  const changed = (Object.keys(adapted) as (keyof RunState)[]).some((key) => adapted[key] !== state[key]);
  return changed ? adapted : state;
}

function keepInspection(inspection: Inspection | null, propIds: Set<string>, hazardIds: Set<string>): Inspection | null {
  if (!inspection || !propIds.has(inspection.propId)) return null;
  if (inspection.result !== 'not-a-hazard' && !hazardIds.has(inspection.hazardId)) return null;
  return inspection;
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

const sameDecisions = (a: readonly DecisionTaken[], b: readonly DecisionTaken[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

function sameAnswers(a: Record<string, AnswerGiven>, b: Record<string, AnswerGiven>): boolean {
  const keys = Object.keys(b);
  if (Object.keys(a).length !== keys.length) return false;
  return keys.every((k) => {
    const x = a[k];
    const y = b[k]!;
    return x !== undefined && x.correct === y.correct && sameList(x.choiceIds, y.choiceIds);
  });
}
