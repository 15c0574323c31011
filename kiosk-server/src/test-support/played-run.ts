// A run played as a visitor plays it: events through the engine's `next`, each outcome made a record as the app makes
// it (recordBodyFor), so a test's scenario end is always one its run bears out. A forged end is made by editing it.
import { randomUUID } from 'node:crypto';
import type { Scenario } from '@ruyi/pack-schema';
import type { Platform, VisitRecord } from '@ruyi/records';
import { next, recordBodyFor, startRun, type RunEvent, type RunOutcome } from '@ruyi/scenario-engine';

type Action = RunEvent extends infer E ? (E extends RunEvent ? Omit<E, 'now'> : never) : never;

export interface PlayPlan {
  /** How many hazards are found (in pack order) before the hunt ends; all unless given. */
  finds?: number;
  /** Also tap a prop that is not a hazard (a prop-checked record). */
  wrongTap?: boolean;
  /** Take the safe choice of each decision (default), or an unsafe one. */
  safe?: boolean;
  /** How many quiz questions (in order) are answered right; the rest wrong. All unless given. */
  right?: number;
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
  let state = startRun(scenario, 0);
  let now = 0;
  const outcomes: RunOutcome[] = [];
  const act = (event: Action) => {
    const step = next(scenario, state, { ...event, now: (now += 1500) } as RunEvent);
    state = step.state;
    outcomes.push(...step.outcomes);
  };
  act({ type: 'begin-hunt' });
  const hazards = scenario.hazardHunt.hazards;
  hazards.slice(0, plan.finds ?? hazards.length).forEach((h) => act({ type: 'inspect', propId: h.prop }));
  if (plan.wrongTap) {
    const plain = scenario.scene.props.find((p) => !hazards.some((h) => h.prop === p.id));
    if (plain) act({ type: 'inspect', propId: plain.id });
  }
  act({ type: 'end-hunt' });
  act({ type: 'begin-decisions' });
  while (state.phase === 'decisions') {
    const node = scenario.decisions.nodes.find((n) => n.id === state.nodeId)!;
    const choice = node.choices.find((c) => c.safe === (plan.safe ?? true)) ?? node.choices[0]!;
    act({ type: 'choose', choiceId: choice.id });
    act({ type: 'continue' });
  }
  scenario.quiz.questions.forEach((question, i) => {
    const wrong = question.choices.find((c) => !question.answer.includes(c.id))!;
    act({ type: 'answer', choiceIds: i < (plan.right ?? Infinity) ? question.answer : [wrong.id] });
    act({ type: 'next-question' });
  });
  if (state.phase !== 'result') throw new Error('the play did not reach the result');

  const ref = { packId: run.packId, scenarioId: scenario.id, runId: run.runId };
  const base = () => ({ id: randomUUID(), visitId: run.visitId, at: plan.at ?? '2026-06-01T09:30:00.000Z', platform: plan.platform ?? 'kiosk', locale: 'zh-CN' as const });
  return [
    { ...base(), ...ref, type: 'scenario-start' },
    ...outcomes.map((outcome) => ({ ...base(), ...recordBodyFor(outcome, ref) }) as VisitRecord),
  ];
}
