import type { Pack, Scenario } from '@ruyi/pack-schema';
import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocalize } from '../../components/useLocalize.ts';
import { caseCardSources, sourceLine } from '../../play/caseCardView.ts';
import { runActions } from '../../play/runActions.ts';
import type { TextBlock } from '../ui/index.ts';
import { PanelSheet } from './PanelSheet.tsx';
import { SHEETS } from './placement.ts';

/** The accident's case card, in the world: the same text as the touch screen's, paged when it is long. */
export function VrCaseCard({ pack, scenario }: { pack: Pack; scenario: Scenario }): JSX.Element {
  const { t } = useTranslation();
  const l = useLocalize();
  const card = scenario.caseCard;
  const section = (heading: string, body: string): TextBlock[] => [
    { style: 'heading', text: heading, gap: 0.4, keepWithNext: true },
    { style: 'body', text: body },
  ];
  const blocks: TextBlock[] = [
    { style: 'small', text: t('caseCard.heading'), tone: 'muted' },
    { style: 'title', text: l(card.title) },
    { style: 'body', text: t('vrSteps.fact', { label: t('caseCard.date'), value: card.date }), tone: 'muted', gap: 0.2 },
    { style: 'body', text: t('vrSteps.fact', { label: t('caseCard.place'), value: l(card.place) }), tone: 'muted' },
    ...section(t('caseCard.what'), l(card.what)),
    ...section(t('caseCard.cause'), l(card.cause)),
    ...section(t('caseCard.lesson'), l(card.lesson)),
    { style: 'label', text: t('caseCard.sources'), gap: 0.5, keepWithNext: true, tone: 'muted' },
    ...caseCardSources(pack, card).map<TextBlock>((s) => ({ style: 'small', text: sourceLine(s, l), tone: 'muted' })),
  ];
  return (
    <PanelSheet
      id="case-card"
      placement={SHEETS.wide}
      blocks={blocks}
      actionsShare={0.5}
      actions={[{ id: 'button:case-card.continue', label: t('caseCard.begin'), variant: 'primary', onPress: runActions.beginHunt }]}
    />
  );
}
