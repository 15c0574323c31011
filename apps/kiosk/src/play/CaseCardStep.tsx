import type { Pack, Scenario } from '@ruyi/pack-schema';
import { useTranslation } from 'react-i18next';
import { caseCardImage, caseCardNarration } from '../api/assets.ts';
import { AssetImage } from '../components/AssetImage.tsx';
import { NarrationButton } from '../components/NarrationButton.tsx';
import { useLocalize } from '../components/useLocalize.ts';
import { useVisit } from '../stores/visit.ts';
import { caseCardSources } from './caseCardView.ts';
import { runActions } from './runActions.ts';

export function CaseCardStep({ pack, scenario }: { pack: Pack; scenario: Scenario }) {
  const { t } = useTranslation();
  const l = useLocalize();
  const locale = useVisit((s) => s.locale);
  const card = scenario.caseCard;
  const sources = caseCardSources(pack, card);
  const image = caseCardImage(pack, card, locale);
  // Only in the visitor's language: no narration rather than the wrong one.
  const narration = caseCardNarration(pack, card, locale);
  return (
    <main className="step case-card">
      <article className={`card${image ? ' with-image' : ''}`}>
        <div className="case-card-text">
          <p className="eyebrow">{t('caseCard.heading')}</p>
          <h1>{l(card.title)}</h1>
          {narration && <NarrationButton key={narration} src={narration} lang={locale} />}
          <dl className="case-facts">
            <div>
              <dt>{t('caseCard.date')}</dt>
              <dd>{card.date}</dd>
            </div>
            <div>
              <dt>{t('caseCard.place')}</dt>
              <dd>{l(card.place)}</dd>
            </div>
          </dl>
          <h2>{t('caseCard.what')}</h2>
          <p>{l(card.what)}</p>
          <h2>{t('caseCard.cause')}</h2>
          <p>{l(card.cause)}</p>
          <h2>{t('caseCard.lesson')}</h2>
          <p>{l(card.lesson)}</p>
          <h2 className="small-heading">{t('caseCard.sources')}</h2>
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
      <div className="actions">
        <button type="button" className="primary" onClick={runActions.beginHunt}>
          {t('caseCard.begin')}
        </button>
      </div>
    </main>
  );
}
