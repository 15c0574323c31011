// The ordered-steps drill in the headset, by controller alone: a split sheet (text left, buttons right) for the
// question and its verdict; then every step and distractor as a button in the shuffled order, on a narrow sheet low
// and to the right when steps are done on objects of the room (SplitSheet's side layout), so the room ahead stays
// clear. A step done on a scene object (its `prop`) is also done by pointing the controller at that object and pulling
// the trigger (useWorld): take the extinguisher by pointing at it, then aim at the fire the same way; the world
// highlights what the ray is on.
//
// Button target ids: button:ordered-steps.option.<optionId> · button:ordered-steps.start ·
// button:ordered-steps.action.<actionId> · button:ordered-steps.finish · button:ordered-steps.choices-page (the
// column's next page of buttons) · button:ordered-steps.page (the text's next page)
// World targets: `prop:<propId>` (registered by the world).
import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocalize } from '../../components/useLocalize.ts';
import type { ActionSpec } from '../../xr/steps/ActionSpec.ts';
import { SplitSheet } from '../../xr/steps/SplitSheet.tsx';
import type { TextBlock } from '../../xr/ui/index.ts';
import type { StepViewProps, WorldWiring } from '../views.ts';
import { actionFeedback, actionProps, choiceFeedback, finished, K, propsDone, shownActions, shownOptions } from './view.ts';

const ID = 'ordered-steps';

export function Vr({ step, state, env, dispatch }: StepViewProps<'ordered-steps'>): JSX.Element {
  const { t } = useTranslation();
  const l = useLocalize();
  const allDone = finished(step, state);
  const props = actionProps(step);

  const blocks: TextBlock[] = [{ style: 'small', text: t(`${K}.heading`), tone: 'muted' }];
  let choices: ActionSpec[] = [];
  let action: ActionSpec | null = null;

  if (state.stage === 'choose' && step.choose) {
    if (state.chosen === null) blocks.push({ style: 'body', text: l(step.instructions), gap: 0.2 });
    blocks.push({ style: 'label', text: l(step.choose.prompt), gap: 0.4 });
    const verdict = choiceFeedback(step, state);
    if (verdict) {
      const label = l(verdict.label);
      blocks.push(
        { style: 'label', text: t(`${K}.${verdict.key}`, { choice: label }), mark: verdict.good ? 'check' : 'cross', tone: verdict.good ? 'good' : 'bad', gap: 0.6 },
        { style: 'body', text: l(verdict.body) },
      );
      action = { id: `button:${ID}.start`, label: t(`${K}.start`), variant: 'primary', onPress: () => dispatch({ type: 'continue' }) };
    } else
      choices = shownOptions(step, env.seed).map((o) => ({
        id: `button:${ID}.option.${o.id}`,
        label: l(o.label),
        labelStyle: 'choice' as const,
        onPress: () => dispatch({ type: 'choose', optionId: o.id }),
      }));
  }

  if (state.stage === 'actions') {
    // The instructions until the first tap; after it the text side's room goes to the verdicts.
    if (state.last === null) blocks.push({ style: 'body', text: l(step.instructions), gap: 0.2 });
    const progress = t(`${K}.progress`, { done: state.done.length, total: step.actions.length });
    const mistakes = state.wrong.length > 0 ? ` · ${t(`${K}.mistakes`, { count: state.wrong.length })}` : '';
    blocks.push({ style: 'label', text: progress + mistakes, gap: 0.4 });
    const verdict = actionFeedback(step, state);
    if (verdict)
      blocks.push(
        {
          style: 'label',
          text: t(`${K}.${verdict.key}`, { action: l(verdict.label) }),
          mark: verdict.good ? 'check' : 'cross',
          tone: verdict.good ? 'good' : 'bad',
          gap: 0.5,
        },
        { style: 'body', text: l(verdict.body) },
      );
    if (allDone) {
      blocks.push({ style: 'label', text: t(`${K}.allDone`), mark: 'check', tone: 'good', gap: 0.5 });
      action = { id: `button:${ID}.finish`, label: t(`${K}.finish`), variant: 'primary', onPress: () => dispatch({ type: 'continue' }) };
    } else {
      if (props.length > 0 && state.last === null) blocks.push({ style: 'small', text: t(`${K}.pointHint`), mark: 'hint', tone: 'muted', gap: 0.4 });
      const doneTag = t(`${K}.doneTag`, { n: 9 });
      const wrongTag = t(`${K}.wrongTag`);
      choices = shownActions(step, state, env.seed).map((a) => ({
        id: `button:${ID}.action.${a.id}`,
        label: l(a.label),
        labelStyle: 'choice' as const,
        // A box that fills with a check or a cross: the state shows as a mark and words, not colour alone.
        mark: a.spent?.kind === 'done' ? 'check' : a.spent?.kind === 'wrong' ? 'cross' : 'box',
        markTone: a.spent?.kind === 'done' ? 'good' : a.spent?.kind === 'wrong' ? 'bad' : undefined,
        tag: a.spent?.kind === 'done' ? t(`${K}.doneTag`, { n: a.spent.n }) : a.spent?.kind === 'wrong' ? wrongTag : null,
        tagReserve: doneTag.length > wrongTag.length ? doneTag : wrongTag,
        disabled: a.spent !== null,
        onPress: () => dispatch({ type: 'act', actionId: a.id }),
      }));
    }
  }

  // Steps done on objects: the sheet moves low and to the right, so it never stands between the controller and them.
  if (state.stage === 'actions' && props.length > 0) return <SplitSheet layout="side" id={ID} blocks={blocks} choices={choices} action={action} />;
  return <SplitSheet id={ID} blocks={blocks} choices={choices} action={action} />;
}

/**
 * The VR world during the drill: a prop a step is done on does that step when pointed at with the trigger. The engine
 * picks which step (the one due on it, else its first one left: too early) and ignores a tap outside the steps, so the
 * tap is always wired. Objects whose steps are all done are marked.
 */
export function useOrderedStepsWorld({ step, state, dispatch }: StepViewProps<'ordered-steps'>): WorldWiring {
  return { found: propsDone(step, state), hinted: null, onProp: (propId: string) => dispatch({ type: 'inspect', propId }) };
}
