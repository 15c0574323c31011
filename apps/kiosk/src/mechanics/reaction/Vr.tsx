// The reaction drill in the headset: one split sheet (text left, actions right), pressed with the controller. At the
// cue the world shakes (WorldShake through ShakingWorld; still under reduced motion) while the panel stays put, so
// the buttons stay easy to aim at.
//
// Button target ids: button:reaction.ready · button:reaction.action.<actionId> · button:reaction.continue
import { reaction } from '@ruyi/mechanics/reaction';
import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocalize } from '../../components/useLocalize.ts';
import type { TextBlock } from '../../xr/ui/index.ts';
import { continueAction, type ActionSpec } from '../../xr/steps/ActionSpec.ts';
import { SplitSheet } from '../../xr/steps/SplitSheet.tsx';
import type { StepViewProps } from '../views.ts';
import { useReactionTimers } from './timers.ts';
import { k, liveLine, shownActions, verdict, wrongTaps } from './view.ts';
import { useShakeWorld } from './worldShaking.tsx';

export function Vr({ step, state, dispatch }: StepViewProps<'reaction'>): JSX.Element {
  const { t: tt } = useTranslation();
  const t = k(tt);
  const l = useLocalize();
  useReactionTimers(step, state, dispatch);
  const { stage } = state;
  useShakeWorld(stage === 'cue' && step.shaking);

  const blocks: TextBlock[] = [{ style: 'small', text: t('title'), tone: 'muted' }];
  let choices: ActionSpec[] = [];
  let action: ActionSpec | null = null;

  if (stage === 'instructions' || stage === 'waiting') blocks.push({ style: 'body', text: l(step.instructions), gap: 0.2 });
  if (stage === 'instructions') {
    blocks.push({ style: 'body', text: t('readyHelp'), gap: 0.4, tone: 'muted' });
    action = { id: 'button:reaction.ready', label: t('ready'), variant: 'primary', onPress: () => dispatch({ type: 'ready' }) };
  }
  if (stage === 'waiting') blocks.push({ style: 'label', text: t('waiting'), mark: 'hint', tone: 'hint', gap: 0.6 });
  if (stage === 'cue') {
    blocks.push({ style: 'label', text: `${t('cueHeading')} ${l(step.cue)}`, mark: 'warning', tone: 'bad', gap: 0.2 });
    blocks.push({ style: 'body', text: t('prompt'), gap: 0.4 });
    const live = liveLine(step, state, t, l);
    if (live) blocks.push({ style: 'body', text: live.text, mark: live.good ? 'check' : 'cross', tone: live.good ? 'good' : 'bad', gap: 0.6 });
    const done = t('done');
    const wrong = t('wrong');
    choices = shownActions(step, state, l).map((a) => ({
      id: `button:reaction.action.${a.id}`,
      label: a.label,
      labelStyle: 'choice' as const,
      // A box that fills with a check or a cross: the state shows as a mark and words, not colour alone.
      mark: a.spent === 'right' ? 'check' : a.spent === 'wrong' ? 'cross' : 'box',
      markTone: a.spent === 'right' ? 'good' : a.spent === 'wrong' ? 'bad' : undefined,
      tag: a.spent === 'right' ? done : a.spent === 'wrong' ? wrong : null,
      tagReserve: done.length > wrong.length ? done : wrong,
      disabled: a.spent !== null,
      onPress: () => dispatch({ type: 'tap', actionId: a.id }),
    }));
  }
  const result = verdict(step, state, t);
  if (stage === 'feedback' && result) {
    const { points, maxPoints } = reaction.score(step, state);
    const good = result.outcome === 'in-time';
    blocks.push(
      { style: 'label', text: result.text, mark: good ? 'check' : result.outcome === 'late' ? 'warning' : 'cross', tone: good ? 'good' : 'bad', gap: 0.2 },
      { style: 'body', text: t('points', { points, max: maxPoints }) },
      { style: 'heading', text: t('rightOrder'), gap: 0.5, keepWithNext: true },
      ...step.actions.map<TextBlock>((a, i) => ({
        style: 'body',
        text: `${i + 1}. ${l(a.label)}: ${l(a.feedback)}`,
        ...(i < state.progress ? { mark: 'check' as const, tone: 'good' as const } : {}),
      })),
    );
    const wrongs = wrongTaps(step, state, t, l);
    if (wrongs.length) {
      blocks.push({ style: 'heading', text: t('yourWrong'), gap: 0.5, keepWithNext: true });
      for (const w of wrongs) blocks.push({ style: 'body', text: `${w.label}: ${w.why}`, mark: 'cross', tone: 'bad' });
    }
    action = continueAction('reaction', t('continue'), () => dispatch({ type: 'continue' }));
  }
  return <SplitSheet id="reaction" blocks={blocks} choices={choices} action={action} />;
}
