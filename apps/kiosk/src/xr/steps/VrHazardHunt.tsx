import type { Scenario } from '@ruyi/pack-schema';
import type { RunState } from '@ruyi/scenario-engine';
import { useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocalize } from '../../components/useLocalize.ts';
import { allFound as everyHazardFound, huntFeedback } from '../../play/huntView.ts';
import { runActions } from '../../play/runActions.ts';
import { useHuntHint } from '../../play/useHuntHint.ts';
import type { TextBlock } from '../ui/index.ts';
import { PanelSheet } from './PanelSheet.tsx';
import { SHEETS } from './placement.ts';

/**
 * The hunt's panel, low and to the right so the room stays in view. The props themselves are pointed at in the world
 * (wired by the XR shell to runActions.inspect); this shows the count, what the last one turned out to be and the
 * hint, and the instructions until the first check.
 */
export function VrHazardHunt({ scenario, state }: { scenario: Scenario; state: RunState }): JSX.Element {
  const { t } = useTranslation();
  const l = useLocalize();
  const hint = useHuntHint(scenario, state);
  // A hint shows when the visitor asks for it, and only the hint it was asked for: the next one is asked for again.
  const [hintShownFor, setHintShownFor] = useState<string | null>(null);
  const allFound = everyHazardFound(scenario, state);
  const feedback = huntFeedback(scenario, state.inspection, t, l);
  const hintAvailable = hint !== null && !allFound;
  const hintShown = hintAvailable && hintShownFor === hint.id;

  const blocks: TextBlock[] = [
    { style: 'small', text: t('play.steps.hazard-hunt'), tone: 'muted' },
    { style: 'label', text: t('hunt.found', { found: state.found.length, total: scenario.hazardHunt.hazards.length }) },
  ];
  if (feedback) {
    blocks.push({ style: 'label', text: feedback.title, mark: feedback.tone === 'good' ? 'warning' : 'info', tone: feedback.tone === 'good' ? 'hint' : 'muted', gap: 0.4 });
    if (feedback.body) blocks.push({ style: 'body', text: feedback.body });
  }
  if (allFound) blocks.push({ style: 'label', text: t('hunt.allFound'), mark: 'check', tone: 'good', gap: 0.4 });
  if (hintShown) blocks.push({ style: 'body', text: t('hunt.hint', { hint: l(hint.hint) }), mark: 'hint', tone: 'hint', gap: 0.4 });
  // The instructions until the first check: after it the panel's little room goes to what the visitor found, which
  // would otherwise be split across pages.
  if (!state.inspection)
    blocks.push(
      { style: 'body', text: l(scenario.hazardHunt.instructions), gap: 0.6 },
      { style: 'small', text: t('vrSteps.huntHowTo'), tone: 'muted', gap: 0.2 },
    );

  return (
    <PanelSheet
      id="hunt"
      placement={SHEETS.hunt}
      blocks={blocks}
      actions={[
        {
          id: 'button:hunt.hint',
          label: !hintAvailable ? t('vrSteps.hintLater') : hintShown ? t('vrSteps.hintHide') : t('vrSteps.hintShow'),
          mark: 'hint',
          disabled: !hintAvailable,
          state: hintShown ? 'on' : 'off',
          onPress: () => setHintShownFor(hintShown ? null : (hint?.id ?? null)),
        },
        {
          id: 'button:hunt.done',
          label: t('hunt.done'),
          variant: allFound ? 'primary' : 'secondary',
          onPress: runActions.endHunt,
        },
      ]}
    />
  );
}
