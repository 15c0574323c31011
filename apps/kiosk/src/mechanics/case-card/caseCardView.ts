import type { CaseCardStep } from '@ruyi/mechanics';
import type { Pack, Source } from '@ruyi/pack-schema';
import type { Localize } from '../../play/viewText.ts';

/** The pack sources a case card cites, in the card's order. */
export function caseCardSources(pack: Pack, card: Pick<CaseCardStep, 'sources'>): Source[] {
  return card.sources.map((id) => pack.sources.find((s) => s.id === id)).filter((s) => s !== undefined);
}

/** A source as one line of text: title · publisher · address. */
export function sourceLine(source: Source, l: Localize): string {
  return `${l(source.title)}${source.publisher ? ` · ${source.publisher}` : ''}${source.url ? ` · ${source.url}` : ''}`;
}

/** The card as it is read aloud: the title, then each part under its heading (the sources are left to the eye). */
export function caseCardReading(
  card: Pick<CaseCardStep, 'title' | 'place' | 'what' | 'cause' | 'lesson'>,
  k: (key: string, options?: Record<string, unknown>) => string,
  l: Localize,
): string {
  const fact = (label: string, value: string) => k('fact', { label: k(label), value });
  return [l(card.title), fact('place', l(card.place)), fact('what', l(card.what)), fact('cause', l(card.cause)), fact('lesson', l(card.lesson))].join('\n');
}
