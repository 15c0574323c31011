// A timed choice in the headset: the situation and its countdown (in words) on the panel's text side, the choices as
// controller-pressable buttons beside it, then the verdict and the safe choice explained above "continue".
// Button ids: button:timed-choice.start · button:timed-choice.<choiceId> · button:timed-choice.continue
import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocalize } from '../../components/useLocalize.ts';
import { verdictBlock } from '../../xr/steps/verdictBlock.ts';
import type { TextBlock } from '../../xr/ui/index.ts';
import { continueAction } from '../../xr/steps/ActionSpec.ts';
import { SplitSheet } from '../../xr/steps/SplitSheet.tsx';
import type { StepViewProps } from '../views.ts';
import { useCountdown } from './useCountdown.ts';
import { timedChoiceView } from './view.ts';

const K = 'mechanics.timed-choice';
const ID = 'timed-choice';

export function Vr({ step, state, dispatch }: StepViewProps<'timed-choice'>): JSX.Element | null {
  const { t } = useTranslation();
  const l = useLocalize();
  const { seconds } = useCountdown(step, state, dispatch);
  const view = timedChoiceView(step, state);
  if (!view) return null;

  if (view.kind === 'intro')
    return (
      <SplitSheet
        id={ID}
        blocks={[
          { style: 'heading', text: t(`${K}.heading`) },
          { style: 'body', text: l(step.intro), gap: 0.4 },
          { style: 'body', text: t(`${K}.introNote`), tone: 'muted', gap: 0.4 },
        ]}
        choices={[]}
        action={{ id: `button:${ID}.start`, label: t(`${K}.start`), variant: 'primary', onPress: () => dispatch({ type: 'begin' }) }}
      />
    );

  const { situation } = view;
  const blocks: TextBlock[] = [
    { style: 'small', text: `${t(`${K}.title`)} · ${t(`${K}.progress`, { n: view.n, total: view.total })}`, tone: 'muted' },
    { style: 'label', text: l(situation.prompt), gap: 0.3 },
  ];
  if (view.kind === 'choosing') {
    blocks.push({ style: 'heading', text: t(`${K}.secondsLeft`, { count: seconds }), mark: 'info', tone: 'hint', gap: 0.5 });
    return (
      <SplitSheet
        id={ID}
        blocks={blocks}
        choices={view.choices.map((c) => ({
          id: `button:${ID}.${c.id}`,
          label: l(c.label),
          labelStyle: 'choice' as const,
          onPress: () => dispatch({ type: 'choose', choiceId: c.id }),
        }))}
        action={null}
      />
    );
  }

  blocks.push(
    verdictBlock(view.safe, view.chosen ? t(view.safe ? `${K}.safeChoice` : `${K}.unsafeChoice`, { choice: l(view.chosen.label) }) : t(`${K}.tooLate`), { gap: 0.6 }),
    { style: 'body', text: view.chosen ? l(view.chosen.feedback) : l(situation.timeoutFeedback) },
  );
  if (view.explain.length > 0) {
    blocks.push({ style: 'label', text: t(`${K}.whatToDo`), gap: 0.6, keepWithNext: true });
    for (const c of view.explain)
      blocks.push({ style: 'label', text: l(c.label), mark: 'check', tone: 'good', gap: 0.3, keepWithNext: true }, { style: 'body', text: l(c.feedback) });
  }
  const onContinue = () => dispatch({ type: 'continue' });
  return <SplitSheet id={ID} blocks={blocks} choices={[]} action={continueAction(ID, t(view.last ? `${K}.finish` : `${K}.continue`), onContinue)} />;
}
