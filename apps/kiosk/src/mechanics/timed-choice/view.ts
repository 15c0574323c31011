// What the timed-choice views show, from the step and its state: one place for the touch and the headset views.
import type { StepConfigOf, StepStateOf } from '@ruyi/mechanics';

type Step = StepConfigOf<'timed-choice'>;
type State = StepStateOf<'timed-choice'>;
type Situation = Step['situations'][number];
type Choice = Situation['choices'][number];

export type TimedChoiceView =
  | { kind: 'intro' }
  | { kind: 'choosing'; situation: Situation; n: number; total: number; choices: Choice[] }
  | {
      kind: 'feedback';
      situation: Situation;
      n: number;
      total: number;
      /** What was chosen in time; null when time ran out. */
      chosen: Choice | null;
      safe: boolean;
      /** The safe choices, explained after a wrong choice or none: nobody leaves without the lesson. */
      explain: Choice[];
      last: boolean;
    };

export function timedChoiceView(step: Step, state: State): TimedChoiceView | null {
  if (state.phase === 'intro') return { kind: 'intro' };
  const situation = step.situations[state.index];
  if (!situation || state.phase === 'done') return null;
  const n = state.index + 1;
  const total = step.situations.length;
  if (state.phase === 'choosing') {
    const choices = state.order.map((id) => situation.choices.find((c) => c.id === id)).filter((c) => c !== undefined);
    return { kind: 'choosing', situation, n, total, choices };
  }
  const answer = state.answers.findLast((a) => a.situationId === situation.id);
  const chosen = situation.choices.find((c) => c.id === answer?.choiceId) ?? null;
  const safe = answer?.safe ?? false;
  return { kind: 'feedback', situation, n, total, chosen, safe, explain: safe ? [] : situation.choices.filter((c) => c.safe), last: n === total };
}
