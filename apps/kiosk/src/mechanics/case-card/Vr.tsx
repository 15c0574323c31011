// The accident's case card in the world: the same text as the touch screen's, paged when it is long.
import type { JSX } from 'react';
import { ContinueSheet } from '../../xr/steps/PanelSheet.tsx';
import type { TextBlock } from '../../xr/ui/index.ts';
import type { StepViewProps } from '../views.ts';
import { useMechanicText } from '../useMechanicText.ts';
import { caseCardSources, sourceLine } from './caseCardView.ts';

export function Vr({ pack, step: card, dispatch }: StepViewProps<'case-card'>): JSX.Element {
  const { k, l } = useMechanicText('case-card');
  const section = (heading: string, body: string): TextBlock[] => [
    { style: 'heading', text: heading, gap: 0.4, keepWithNext: true },
    { style: 'body', text: body },
  ];
  const blocks: TextBlock[] = [
    { style: 'small', text: k('heading'), tone: 'muted' },
    { style: 'title', text: l(card.title) },
    { style: 'body', text: k('fact', { label: k('date'), value: card.date }), tone: 'muted', gap: 0.2 },
    { style: 'body', text: k('fact', { label: k('place'), value: l(card.place) }), tone: 'muted' },
    ...section(k('what'), l(card.what)),
    ...section(k('cause'), l(card.cause)),
    ...section(k('lesson'), l(card.lesson)),
    { style: 'label', text: k('sources'), gap: 0.5, keepWithNext: true, tone: 'muted' },
    ...caseCardSources(pack, card).map<TextBlock>((s) => ({ style: 'small', text: sourceLine(s, l), tone: 'muted' })),
  ];
  return <ContinueSheet id="case-card" blocks={blocks} label={k('begin')} onContinue={() => dispatch({ type: 'continue' })} />;
}
