// The hazard hunt in the headset. The search's panel stands low and to the right so the room stays in view; the props
// themselves are pointed at in the world (useWorld below wires the VR world's taps to this step). The review follows
// in the same step, on a wide panel.
import { useState, type JSX } from 'react';
import { ContinueSheet, PanelSheet } from '../../xr/steps/PanelSheet.tsx';
import { verdictBlock } from '../../xr/steps/verdictBlock.ts';
import { SHEETS } from '../../xr/steps/placement.ts';
import type { TextBlock } from '../../xr/ui/index.ts';
import type { StepViewProps, WorldWiring } from '../views.ts';
import { useMechanicText } from '../useMechanicText.ts';
import { allFound as everyHazardFound, foundProps, huntFeedback, huntReview } from './huntView.ts';
import { useHuntHint } from './useHuntHint.ts';

export function Vr(props: StepViewProps<'hazard-hunt'>): JSX.Element {
  return props.state.stage === 'review' ? <Review {...props} /> : <Search {...props} />;
}

/** The world during the hunt: found props marked, the hinted one pulsing, a prop's tap checks it. */
export function useHuntWorld({ step, state, dispatch }: StepViewProps<'hazard-hunt'>): WorldWiring {
  const hint = useHuntHint(step, state);
  return {
    found: foundProps(step, state),
    hinted: state.stage === 'search' ? (hint?.prop ?? null) : null,
    onProp: (propId) => dispatch({ type: 'inspect', propId }),
  };
}

function Search({ scenario, step, state, dispatch }: StepViewProps<'hazard-hunt'>): JSX.Element {
  const { t, k, l } = useMechanicText('hazard-hunt');
  const hint = useHuntHint(step, state);
  // A hint shows when the visitor asks for it, and only the hint it was asked for: the next one is asked for again.
  const [hintShownFor, setHintShownFor] = useState<string | null>(null);
  const allFound = everyHazardFound(step, state);
  const feedback = huntFeedback(step, scenario.scene, state.inspection, t, l);
  const hintAvailable = hint !== null && !allFound;
  const hintShown = hintAvailable && hintShownFor === hint.id;

  const blocks: TextBlock[] = [
    { style: 'small', text: k('title'), tone: 'muted' },
    { style: 'label', text: k('found', { found: state.found.length, total: step.hazards.length }) },
  ];
  if (feedback) {
    blocks.push({ style: 'label', text: feedback.title, mark: feedback.tone === 'good' ? 'warning' : 'info', tone: feedback.tone === 'good' ? 'hint' : 'muted', gap: 0.4 });
    if (feedback.body) blocks.push({ style: 'body', text: feedback.body });
  }
  if (allFound) blocks.push({ style: 'label', text: k('allFound'), mark: 'check', tone: 'good', gap: 0.4 });
  if (hintShown) blocks.push({ style: 'body', text: k('hint', { hint: l(hint.hint) }), mark: 'hint', tone: 'hint', gap: 0.4 });
  // The instructions until the first check: after it the panel's little room goes to what the visitor found, which
  // would otherwise be split across pages.
  if (!state.inspection)
    blocks.push({ style: 'body', text: l(step.instructions), gap: 0.6 }, { style: 'small', text: k('vrHowTo'), tone: 'muted', gap: 0.2 });

  return (
    <PanelSheet
      id="hunt"
      placement={SHEETS.hunt}
      blocks={blocks}
      actions={[
        {
          id: 'button:hunt.hint',
          label: !hintAvailable ? k('vrHintLater') : hintShown ? k('vrHintHide') : k('vrHintShow'),
          mark: 'hint',
          disabled: !hintAvailable,
          state: hintShown ? 'on' : 'off',
          onPress: () => setHintShownFor(hintShown ? null : (hint?.id ?? null)),
        },
        {
          id: 'button:hunt.done',
          label: k('done'),
          variant: allFound ? 'primary' : 'secondary',
          onPress: () => dispatch({ type: 'end-search' }),
        },
      ]}
    />
  );
}

function Review({ step, state, dispatch }: StepViewProps<'hazard-hunt'>): JSX.Element {
  const { k, l } = useMechanicText('hazard-hunt');
  const blocks: TextBlock[] = [
    { style: 'title', text: k('reviewTitle') },
    { style: 'body', text: k('reviewSummary', { found: state.found.length, total: step.hazards.length }) },
    ...huntReview(step, state).flatMap<TextBlock>(({ hazard, found }) => [
      verdictBlock(found, k('vrReviewItem', { mark: found ? k('foundMark') : k('missedMark'), name: l(hazard.name) }), { gap: 0.5, keepWithNext: true }),
      { style: 'body', text: l(hazard.feedback) },
    ]),
  ];
  return <ContinueSheet id="review" blocks={blocks} label={k('reviewContinue')} onContinue={() => dispatch({ type: 'continue' })} />;
}
