import type { Scenario } from '@ruyi/pack-schema';
import type { RunState } from '@ruyi/scenario-engine';
import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocalize } from '../../components/useLocalize.ts';
import { huntReview } from '../../play/huntView.ts';
import { runActions } from '../../play/runActions.ts';
import type { TextBlock } from '../ui/index.ts';
import { PanelSheet } from './PanelSheet.tsx';
import { SHEETS } from './placement.ts';

export function VrHuntReview({ scenario, state }: { scenario: Scenario; state: RunState }): JSX.Element {
  const { t } = useTranslation();
  const l = useLocalize();
  const blocks: TextBlock[] = [
    { style: 'title', text: t('review.heading') },
    { style: 'body', text: t('review.summary', { found: state.found.length, total: scenario.hazardHunt.hazards.length }) },
    ...huntReview(scenario, state).flatMap<TextBlock>(({ hazard, found }) => [
      {
        style: 'label',
        text: t('vrSteps.reviewItem', { mark: found ? t('review.foundMark') : t('review.missedMark'), name: l(hazard.name) }),
        mark: found ? 'check' : 'cross',
        tone: found ? 'good' : 'bad',
        gap: 0.5,
        keepWithNext: true,
      },
      { style: 'body', text: l(hazard.feedback) },
    ]),
  ];
  return (
    <PanelSheet
      id="review"
      placement={SHEETS.wide}
      blocks={blocks}
      actionsShare={0.5}
      actions={[{ id: 'button:review.continue', label: t('review.continue'), variant: 'primary', onPress: runActions.beginDecisions }]}
    />
  );
}
