// One play of a scenario as a state machine: next(state, event) → { state, outcomes }. Time comes in on the events,
// so every rule (hints, durations, scoring, branching) is testable without a clock, a browser or WebGL.
import type { Scenario } from '@ruyi/pack-schema';
import type { StepId } from '@ruyi/records';
import { scoreRun, type RunScore } from './score.ts';

export type Phase = 'case-card' | 'hazard-hunt' | 'hunt-review' | 'decisions' | 'quiz' | 'result';

export interface DecisionTaken {
  nodeId: string;
  choiceId: string;
  safe: boolean;
}

export interface AnswerGiven {
  choiceIds: string[];
  correct: boolean;
}

/** What the last tap in the hazard hunt turned out to be, for the feedback line. */
export type Inspection =
  | { propId: string; result: 'found'; hazardId: string }
  | { propId: string; result: 'already-found'; hazardId: string }
  | { propId: string; result: 'not-a-hazard' };

export interface RunState {
  scenarioId: string;
  phase: Phase;
  startedAt: number;
  /** When the current phase began: a step's duration is recorded when it ends. */
  phaseStartedAt: number;
  /** The last time the visitor made progress in the hunt; hints count from here. */
  lastProgressAt: number;
  found: string[];
  inspection: Inspection | null;
  decisions: DecisionTaken[];
  /** The decision on screen; null once the drill has ended. */
  nodeId: string | null;
  /** Set after a choice, while its consequence is shown and before the visitor continues. */
  pendingChoice: string | null;
  questionIndex: number;
  answers: Record<string, AnswerGiven>;
  finishedAt: number | null;
}

export type RunEvent =
  | { type: 'begin-hunt'; now: number }
  | { type: 'inspect'; propId: string; now: number }
  | { type: 'end-hunt'; now: number }
  | { type: 'begin-decisions'; now: number }
  | { type: 'choose'; choiceId: string; now: number }
  | { type: 'continue'; now: number }
  | { type: 'answer'; choiceIds: string[]; now: number }
  | { type: 'next-question'; now: number };

/** Facts worth recording, emitted by the transition that produced them. */
export type RunOutcome =
  | { kind: 'step-end'; step: StepId; durationMs: number }
  | { kind: 'hazard-found'; hazardId: string }
  | { kind: 'prop-checked'; propId: string }
  | { kind: 'decision'; nodeId: string; choiceId: string; safe: boolean }
  | { kind: 'answer'; questionId: string; choiceIds: string[]; correct: boolean }
  | { kind: 'scenario-end'; score: RunScore; passed: boolean; durationMs: number };

export interface Step {
  state: RunState;
  outcomes: RunOutcome[];
}

export function startRun(scenario: Scenario, now: number): RunState {
  return {
    scenarioId: scenario.id,
    phase: 'case-card',
    startedAt: now,
    phaseStartedAt: now,
    lastProgressAt: now,
    found: [],
    inspection: null,
    decisions: [],
    nodeId: null,
    pendingChoice: null,
    questionIndex: 0,
    answers: {},
    finishedAt: null,
  };
}

/** A transition that changes nothing worth recording (or nothing at all). */
const quiet = (state: RunState): Step => ({ state, outcomes: [] });

/** Leaves the current step for `phase`, recording how long the step took. */
function advance(state: RunState, phase: Phase, now: number, changes: Partial<RunState> = {}): Step {
  const step = state.phase as StepId;
  return {
    state: { ...state, ...changes, phase, phaseStartedAt: now },
    outcomes: [{ kind: 'step-end', step, durationMs: Math.max(0, now - state.phaseStartedAt) }],
  };
}

/** Whether the chosen ids are exactly the question's answer set (order does not matter). */
export function isCorrect(answer: readonly string[], choiceIds: readonly string[]): boolean {
  const chosen = new Set(choiceIds);
  return chosen.size === answer.length && answer.every((id) => chosen.has(id));
}

export function next(scenario: Scenario, state: RunState, event: RunEvent): Step {
  switch (event.type) {
    case 'begin-hunt':
      if (state.phase !== 'case-card') return quiet(state);
      return advance(state, 'hazard-hunt', event.now, { lastProgressAt: event.now });

    case 'inspect': {
      if (state.phase !== 'hazard-hunt') return quiet(state);
      const hazard = scenario.hazardHunt.hazards.find((h) => h.prop === event.propId);
      if (!hazard) {
        // A wrong guess is a choice too: recorded, so a report can tell guessing from searching.
        if (!scenario.scene.props.some((p) => p.id === event.propId)) return quiet(state);
        return {
          state: { ...state, inspection: { propId: event.propId, result: 'not-a-hazard' } },
          outcomes: [{ kind: 'prop-checked', propId: event.propId }],
        };
      }
      if (state.found.includes(hazard.id))
        return quiet({ ...state, inspection: { propId: event.propId, result: 'already-found', hazardId: hazard.id } });
      return {
        state: {
          ...state,
          found: [...state.found, hazard.id],
          lastProgressAt: event.now,
          inspection: { propId: event.propId, result: 'found', hazardId: hazard.id },
        },
        outcomes: [{ kind: 'hazard-found', hazardId: hazard.id }],
      };
    }

    case 'end-hunt':
      if (state.phase !== 'hazard-hunt') return quiet(state);
      return advance(state, 'hunt-review', event.now, { inspection: null });

    case 'begin-decisions':
      if (state.phase !== 'hunt-review') return quiet(state);
      return advance(state, 'decisions', event.now, { nodeId: scenario.decisions.start, pendingChoice: null });

    case 'choose': {
      if (state.phase !== 'decisions' || state.nodeId === null || state.pendingChoice !== null) return quiet(state);
      const node = scenario.decisions.nodes.find((n) => n.id === state.nodeId);
      const choice = node?.choices.find((c) => c.id === event.choiceId);
      if (!node || !choice) return quiet(state);
      const taken = { nodeId: node.id, choiceId: choice.id, safe: choice.safe };
      return {
        state: { ...state, decisions: [...state.decisions, taken], pendingChoice: choice.id },
        outcomes: [{ kind: 'decision', ...taken }],
      };
    }

    case 'continue': {
      if (state.phase !== 'decisions' || state.pendingChoice === null) return quiet(state);
      const node = scenario.decisions.nodes.find((n) => n.id === state.nodeId);
      const nextId = node?.choices.find((c) => c.id === state.pendingChoice)?.next ?? null;
      if (nextId !== null) return quiet({ ...state, nodeId: nextId, pendingChoice: null });
      return advance(state, 'quiz', event.now, { nodeId: null, pendingChoice: null, questionIndex: 0 });
    }

    case 'answer': {
      const question = state.phase === 'quiz' ? scenario.quiz.questions[state.questionIndex] : undefined;
      if (!question || state.answers[question.id]) return quiet(state);
      const known = new Set(question.choices.map((c) => c.id));
      const choiceIds = [...new Set(event.choiceIds)].filter((id) => known.has(id));
      if (choiceIds.length === 0 || (question.kind === 'single' && choiceIds.length !== 1)) return quiet(state);
      const correct = isCorrect(question.answer, choiceIds);
      return {
        state: { ...state, answers: { ...state.answers, [question.id]: { choiceIds, correct } } },
        outcomes: [{ kind: 'answer', questionId: question.id, choiceIds, correct }],
      };
    }

    case 'next-question': {
      const question = state.phase === 'quiz' ? scenario.quiz.questions[state.questionIndex] : undefined;
      if (!question || !state.answers[question.id]) return quiet(state);
      if (state.questionIndex + 1 < scenario.quiz.questions.length)
        return quiet({ ...state, questionIndex: state.questionIndex + 1 });
      const finished: RunState = { ...state, phase: 'result', finishedAt: event.now };
      const score = scoreRun(scenario, finished);
      return {
        state: finished,
        outcomes: [{ kind: 'scenario-end', score, passed: score.passed, durationMs: Math.max(0, event.now - state.startedAt) }],
      };
    }
  }
}
