// Audio recognition in the headset: the round's signal plays through the same Web Audio code as on screens, and the
// panel's text side says how much faster it plays and gives the pattern in words (for visitors who cannot hear it);
// the signals are controller-pressable buttons beside it. After a pick, the verdict and what to do above "continue".
// Button ids: button:audio-recognition.choice.<signalId> · button:audio-recognition.play · button:audio-recognition.continue
import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocalize } from '../../components/useLocalize.ts';
import { continueAction } from '../../xr/steps/ActionSpec.ts';
import { SplitSheet } from '../../xr/steps/SplitSheet.tsx';
import { verdictBlock } from '../../xr/steps/verdictBlock.ts';
import type { TextBlock } from '../../xr/ui/index.ts';
import type { StepViewProps } from '../views.ts';
import { useRoundSiren } from './useRoundSiren.ts';
import { K, patternWords, roundView } from './view.ts';

const ID = 'audio-recognition';

export function Vr({ step, state, dispatch }: StepViewProps<'audio-recognition'>): JSX.Element | null {
  const { t } = useTranslation();
  const l = useLocalize();
  const siren = useRoundSiren(step, state);
  const view = roundView(step, state);
  if (!view) return null;
  const { signal, chosen, right } = view;

  const blocks: TextBlock[] = [{ style: 'small', text: `${t(`${K}.title`)} · ${t(`${K}.progress`, { n: view.n, total: view.total })}`, tone: 'muted' }];
  if (view.n === 1 && !chosen) blocks.push({ style: 'body', text: l(step.instructions), gap: 0.2 });
  if (step.timeScale !== 1) blocks.push({ style: 'small', text: t(`${K}.speed`, { n: step.timeScale }), mark: 'info', tone: 'hint', gap: 0.3 });
  blocks.push(
    { style: 'small', text: t(`${K}.patternHeading`), tone: 'muted', gap: 0.3, keepWithNext: true },
    { style: 'label', text: patternWords(t, signal.pattern) },
  );
  if (siren.status === 'silent') blocks.push({ style: 'small', text: t(`${K}.noSound`), mark: 'warning', gap: 0.3 });

  if (!chosen) {
    blocks.push({ style: 'label', text: t(`${K}.question`), gap: 0.4 });
    return (
      <SplitSheet
        id={ID}
        blocks={blocks}
        choices={view.options.map((s) => ({
          id: `button:${ID}.choice.${s.id}`,
          label: l(s.name),
          labelStyle: 'choice' as const,
          onPress: () => dispatch({ type: 'choose', signalId: s.id }),
        }))}
        action={{ id: `button:${ID}.play`, label: t(`${K}.playAgain`), onPress: siren.play }}
      />
    );
  }

  blocks.push(
    verdictBlock(right, t(right ? `${K}.right` : `${K}.wrong`, { name: l(signal.name), chosen: l(chosen.name) }), { gap: 0.6 }),
    { style: 'body', text: `${t(`${K}.whatToDo`)} ${l(signal.meaning)}` },
  );
  const onContinue = () => dispatch({ type: 'continue' });
  return <SplitSheet id={ID} blocks={blocks} choices={[]} action={continueAction(ID, t(view.last ? `${K}.finish` : `${K}.continue`), onContinue)} />;
}
