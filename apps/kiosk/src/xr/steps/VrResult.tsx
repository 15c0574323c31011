import type { Pack, Scenario } from '@ruyi/pack-schema';
import type { RunState } from '@ruyi/scenario-engine';
import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { useCertificateOffer } from '../../classes/CertificateButton.tsx';
import { useLocalize } from '../../components/useLocalize.ts';
import { resultView } from '../../play/resultView.ts';
import { runActions } from '../../play/runActions.ts';
import type { TextBlock } from '../ui/index.ts';
import { PanelSheet } from './PanelSheet.tsx';
import { SHEETS } from './placement.ts';
import { verdictBlock } from './verdictBlock.ts';

export function VrResult({ pack, scenario, state, onExit }: { pack: Pack; scenario: Scenario; state: RunState; onExit?: () => void }): JSX.Element {
  const { t } = useTranslation();
  const l = useLocalize();
  const [, navigate] = useLocation();
  const view = resultView(scenario, state, t, l);
  // Nothing in a headset prints: a class visit's certificate waits on the screen (the station's page, or the touch
  // screen's result), by the same rule as the kiosk's certificate button.
  const certificate = useCertificateOffer({ pack, scenario, state }) !== null;
  const blocks: TextBlock[] = [
    { style: 'title', text: t('result.heading') },
    { style: 'heading', text: view.scoreText },
    verdictBlock(view.passed, view.verdict, { gap: 0.2 }),
    ...(certificate ? [{ style: 'label', text: t('vrSteps.certificateAtScreen'), mark: 'info', gap: 0.3 } satisfies TextBlock] : []),
    ...view.breakdown.map<TextBlock>((line, i) => ({ style: 'body', text: line, tone: 'muted', gap: i === 0 ? 0.3 : 0 })),
    ...(view.missed.length > 0 ? [{ style: 'heading', text: t('result.missed'), gap: 0.5, keepWithNext: true } satisfies TextBlock] : []),
    ...view.missed.flatMap<TextBlock>((step) => [
      { style: 'label', text: t('result.missedIn', { name: step.name }), gap: 0.3, keepWithNext: true },
      ...step.items.map<TextBlock>((item) => ({ style: 'body', text: item, mark: 'cross', tone: 'bad' })),
    ]),
    { style: 'heading', text: t('result.lessons'), gap: 0.5, keepWithNext: true },
    ...scenario.result.lessons.map<TextBlock>((lesson, i) => ({ style: 'body', text: t('vrSteps.lessonItem', { n: i + 1, lesson: l(lesson) }), gap: i === 0 ? 0 : 0.15 })),
  ];
  return (
    <PanelSheet
      id="result"
      placement={SHEETS.wide}
      blocks={blocks}
      actionsShare={0.64}
      actions={[
        // Without a headset session to end (a preview), leaving goes where the touch screen's link goes.
        { id: 'button:result.exit', label: t('vrSteps.exit'), onPress: onExit ?? (() => navigate('/map')) },
        { id: 'button:result.again', label: t('result.playAgain'), variant: 'primary', onPress: () => runActions.playAgain(pack, scenario) },
      ]}
    />
  );
}
