// The accident's case card on a screen: what happened, why, the lesson and the sources, with the picture and the
// recorded reading where the pack has them.
import type { JSX } from 'react';
import { caseCardImage, caseCardNarration } from '../../api/assets.ts';
import { AssetImage } from '../../components/AssetImage.tsx';
import { NarrationButton } from '../../components/NarrationButton.tsx';
import { useVisit } from '../../stores/visit.ts';
import { ContinueBar } from '../ContinueBar.tsx';
import type { StepViewProps } from '../views.ts';
import { useMechanicText } from '../useMechanicText.ts';
import { caseCardReading, caseCardSources } from './caseCardView.ts';

export function Touch({ pack, step: card, dispatch }: StepViewProps<'case-card'>): JSX.Element {
  const { k, l } = useMechanicText('case-card');
  const locale = useVisit((s) => s.locale);
  const sources = caseCardSources(pack, card);
  const image = caseCardImage(pack, card, locale);
  // Only in the visitor's language: no narration rather than the wrong one.
  const narration = caseCardNarration(pack, card, locale);
  return (
    <main className="step case-card">
      <article className={`card${image ? ' with-image' : ''}`}>
        <div className="case-card-text">
          <p className="eyebrow">{k('heading')}</p>
          <h1>{l(card.title)}</h1>
          <NarrationButton key={narration ?? locale} text={caseCardReading(card, k, l)} recording={narration} />
          <dl className="case-facts">
            <div>
              <dt>{k('date')}</dt>
              <dd>{card.date}</dd>
            </div>
            <div>
              <dt>{k('place')}</dt>
              <dd>{l(card.place)}</dd>
            </div>
          </dl>
          <h2>{k('what')}</h2>
          <p>{l(card.what)}</p>
          <h2>{k('cause')}</h2>
          <p>{l(card.cause)}</p>
          <h2>{k('lesson')}</h2>
          <p>{l(card.lesson)}</p>
          <h2 className="small-heading">{k('sources')}</h2>
          <ul className="sources">
            {sources.map((s) => (
              <li key={s.id}>
                {l(s.title)}
                {s.publisher ? ` · ${s.publisher}` : ''}
                {s.url ? <span className="source-url"> · {s.url}</span> : null}
              </li>
            ))}
          </ul>
        </div>
        {image && <AssetImage key={image.url} src={image.url} alt={image.alt} className="case-card-image" />}
      </article>
      <ContinueBar label={k('begin')} onContinue={() => dispatch({ type: 'continue' })} />
    </main>
  );
}
