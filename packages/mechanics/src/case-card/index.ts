// The accident case a scenario starts with: what happened, why, and what it teaches. Read, then go on.
import { Id, LOCALES, LocalizedText, SourceRef, type Locale } from '@ruyi/pack-schema/primitives';
import { codedError } from '@ruyi/pack-schema/messages';
import { z } from 'zod';
import type { Mechanic, StepOf } from '../contract.ts';
import { tally } from '../common.ts';
import { locales } from './locales.ts';

/** A recorded reading of the case card, per language: audio asset ids. A visitor only ever hears their own language. */
export const Narration = z
  .strictObject(Object.fromEntries(LOCALES.map((l) => [l, Id.optional()])) as Record<Locale, z.ZodOptional<typeof Id>>)
  .describe('Optional: a recorded reading of the case card, per language: { zh-CN: <audio asset id>, en: … }. A visitor whose language has none hears nothing.');

const fields = {
  title: LocalizedText.describe('The accident\'s name, as the case card shows it.'),
  date: z.iso.date({ error: codedError('mechanic.date') }).describe('When it happened: YYYY-MM-DD.'),
  place: LocalizedText.describe('Where it happened.'),
  what: LocalizedText.describe('What happened, in a few sentences.'),
  cause: LocalizedText.describe('Why it happened.'),
  lesson: LocalizedText.describe('What it teaches.'),
  sources: z
    .array(SourceRef)
    .min(1, { error: codedError('mechanic.case-source') })
    .describe('Ids of the pack\'s sources (pack.yaml sources:) the facts come from.'),
  image: Id.describe('Optional: the id of an image asset (listed under assets: in pack.yaml) shown on the case card.').optional(),
  narration: Narration.optional(),
};

export type CaseCardStep = StepOf<z.infer<z.ZodObject<typeof fields>>>;
export type CaseCardEvent = { type: 'continue' };

export const caseCard = {
  name: 'case-card',
  stepActivity: 'lesson',
  description: 'The accident case: what happened, why, and its lesson, with its sources. The visitor reads it and goes on.',
  fields,
  knowledgePassAt: null,
  start: () => ({}),
  next: (_step, state, event) => (event.type === 'continue' ? { state, records: [], done: true } : { state, records: [] }),
  score: () => tally(0, 0, 0, 0),
  missed: () => [],
  records: {},
  eventsFor: () => null,
  endEvents: () => [{ type: 'continue' }],
  ids: () => [],
  targets: () => [],
  references: () => [],
  locales,
  autoplay: () => ({ event: { type: 'continue' as const }, after: 20_000 }),
  example: {
    step: {
      title: { 'zh-CN': '案例', en: 'A case' },
      date: '2013-06-03',
      place: { 'zh-CN': '某地', en: 'Somewhere' },
      what: { 'zh-CN': '发生了火灾。', en: 'A fire broke out.' },
      cause: { 'zh-CN': '电线短路。', en: 'A short circuit.' },
      lesson: { 'zh-CN': '立即报警。', en: 'Raise the alarm at once.' },
      sources: ['report'],
    },
    play: () => [{ event: { type: 'continue' }, at: 5000 }],
    forged: () => null,
  },
} satisfies Mechanic<'case-card', z.infer<z.ZodObject<typeof fields>>, Record<string, never>, CaseCardEvent, never>;
