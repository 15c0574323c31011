import type { Scenario } from '@ruyi/pack-schema';
import type { RunState } from '@ruyi/scenario-engine';
import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocalize } from '../../components/useLocalize.ts';
import { decisionView } from '../../play/decisionView.ts';
import { runActions } from '../../play/runActions.ts';
import type { TextBlock } from '../ui/index.ts';
import { SplitSheet } from './SplitSheet.tsx';

export function VrDecision({ scenario, state }: { scenario: Scenario; state: RunState }): JSX.Element | null {
  const { t } = useTranslation();
  const l = useLocalize();
  const view = decisionView(scenario, state);
  if (!view) return null;
  const { node, chosen, first } = view;
  const blocks: TextBlock[] = [{ style: 'small', text: t('decisions.heading'), tone: 'muted' }];
  if (first) blocks.push({ style: 'body', text: l(scenario.decisions.intro), gap: 0.2 });
  blocks.push({ style: 'label', text: l(node.prompt), gap: 0.4 });
  if (chosen)
    blocks.push(
      {
        style: 'label',
        text: t(chosen.safe ? 'decisions.safeChoice' : 'decisions.unsafeChoice', { choice: l(chosen.label) }),
        mark: chosen.safe ? 'check' : 'cross',
        tone: chosen.safe ? 'good' : 'bad',
        gap: 0.6,
      },
      { style: 'body', text: l(chosen.consequence) },
    );
  return (
    <SplitSheet
      id="decision"
      blocks={blocks}
      choices={chosen ? [] : node.choices.map((c) => ({ id: `button:decision.${c.id}`, label: l(c.label), labelStyle: 'choice' as const, onPress: () => runActions.choose(c.id) }))}
      action={chosen ? { id: 'button:decision.continue', label: t('decisions.continue'), variant: 'primary', onPress: runActions.continueDecisions } : null}
    />
  );
}
