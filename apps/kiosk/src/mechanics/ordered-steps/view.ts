// What the ordered-steps views show, from the step and its state: the question's options and the actions in the
// order this run shows them, each with its state, and the feedback line of the last tap. Pure, so both views (and
// tests) read the same.
import { actionOrder, allDone, optionOrder, type OrderedStepsState, type OrderedStepsStep } from '@ruyi/mechanics/ordered-steps';
import type { LocalizedText } from '@ruyi/pack-schema';

export const K = 'mechanics.ordered-steps';

export interface ShownOption {
  id: string;
  label: LocalizedText;
}

export interface ShownAction {
  id: string;
  label: LocalizedText;
  /** Done at its turn (with its place in the order), or a distractor already shown wrong: spent either way. */
  spent: { kind: 'done'; n: number } | { kind: 'wrong' } | null;
}

export interface Feedback {
  good: boolean;
  /** The i18n key (under K) of the verdict line, which takes the tapped label as {{action}} or {{choice}}. */
  key: 'done' | 'tooEarly' | 'distractor' | 'rightChoice' | 'wrongChoice';
  label: LocalizedText;
  body: LocalizedText;
}

export function shownOptions(step: OrderedStepsStep, seed: number): ShownOption[] {
  const options = step.choose?.options ?? [];
  return optionOrder(step, seed).flatMap((id) => options.filter((o) => o.id === id));
}

export function shownActions(step: OrderedStepsStep, state: OrderedStepsState, seed: number): ShownAction[] {
  return actionOrder(step, seed).flatMap((id): ShownAction[] => {
    const action = step.actions.find((a) => a.id === id);
    if (action) {
      const n = state.done.indexOf(id);
      return [{ id, label: action.label, spent: n >= 0 ? { kind: 'done', n: n + 1 } : null }];
    }
    const distractor = step.distractors.find((d) => d.id === id);
    return distractor ? [{ id, label: distractor.label, spent: state.wrong.includes(id) ? { kind: 'wrong' } : null }] : [];
  });
}

/** The steps done so far, in their order. */
export const doneActions = (step: OrderedStepsStep, state: OrderedStepsState) =>
  state.done.flatMap((id) => step.actions.filter((a) => a.id === id));

/** The option picked, while its feedback shows (before the steps). */
export function choiceFeedback(step: OrderedStepsStep, state: OrderedStepsState): Feedback | null {
  const option = step.choose?.options.find((o) => o.id === state.chosen);
  if (!option) return null;
  return { good: option.right, key: option.right ? 'rightChoice' : 'wrongChoice', label: option.label, body: option.feedback };
}

/** What the last tap on a step or distractor was, and why. */
export function actionFeedback(step: OrderedStepsStep, state: OrderedStepsState): Feedback | null {
  const last = state.last;
  if (!last) return null;
  const action = step.actions.find((a) => a.id === last.id);
  if (last.outcome === 'done' && action) return { good: true, key: 'done', label: action.label, body: action.feedback };
  if (last.outcome === 'too-early' && action) return { good: false, key: 'tooEarly', label: action.label, body: step.wrongOrderFeedback };
  const distractor = step.distractors.find((d) => d.id === last.id);
  return distractor ? { good: false, key: 'distractor', label: distractor.label, body: distractor.feedback } : null;
}

export const finished = allDone;

/** The props the steps are done on (in VR, pointing at them does the step), each once. */
export const actionProps = (step: OrderedStepsStep): string[] => [...new Set(step.actions.flatMap((a) => (a.prop ? [a.prop] : [])))];

/** The props whose steps are all done (the scene marks them). */
export const propsDone = (step: OrderedStepsStep, state: OrderedStepsState): string[] =>
  actionProps(step).filter((p) => step.actions.every((a) => a.prop !== p || state.done.includes(a.id)));
