// Do the steps of a procedure in their order (fire extinguisher: pull the pin, aim at the base, squeeze, sweep), with
// feedback on each: a right step says why it comes now, a step too early or one that is always wrong says why not.
// An optional question comes first (which extinguisher for this fire). The steps and the always-wrong actions show as
// one list in an order shuffled per visit, so the list itself never gives the order away.
import { Id, LocalizedText, SourceRef } from '@ruyi/pack-schema/primitives';
import { coded, codedError } from '@ruyi/pack-schema/messages';
import { z } from 'zod';
import type { Mechanic, StepEnv, StepOf, Tally, Transition } from '../contract.ts';
import { duplicates, elapsed, list, pointsEach, shuffled, shuffleField, tally } from '../common.ts';
import { locales } from './locales.ts';

const MAX_MS = 24 * 3600 * 1000;
const MAX_ITEMS = 20;

const Option = z.strictObject({
  id: Id.describe('The option\'s id, unique in the scenario.'),
  label: LocalizedText.describe('The option as the visitor sees it, e.g. a CO2 extinguisher.'),
  right: z.boolean().describe('Whether this is a right choice (at least one option must be).'),
  feedback: LocalizedText.describe('Shown after it is chosen: why it is right or why it is wrong.'),
});

const Choose = z
  .strictObject({
    prompt: LocalizedText.describe('The question asked before the steps, e.g. which extinguisher is right for this fire.'),
    pointsIfRight: z.number().int().min(0).max(100).default(10).describe('Points for a right choice (default 10).'),
    options: z.array(Option).min(2, { error: codedError('mechanic.choice-two-options') }).max(MAX_ITEMS),
  })
  .describe('Optional: one question asked before the steps, answered by picking one option.');

const Action = z.strictObject({
  id: Id.describe('The step\'s id, unique in the scenario.'),
  label: LocalizedText.describe('The step as a button shows it, e.g. pull the pin.'),
  feedback: LocalizedText.describe('Shown when the step is done at its turn: why it is done, and why now.'),
  prop: Id.describe('Optional: the id of the scene prop (scene.props) the step is done on; in VR, pointing at it and pulling the trigger does the step.').optional(),
  source: SourceRef.describe('Optional: the id of the pack source (pack.yaml sources:) this comes from.').optional(),
});

const Distractor = z.strictObject({
  id: Id.describe('The action\'s id, unique in the scenario.'),
  label: LocalizedText.describe('The action as a button shows it, e.g. go in after the collapsed worker.'),
  feedback: LocalizedText.describe('Shown when it is tapped: why it is always wrong.'),
});

const fields = {
  instructions: LocalizedText.describe('What the visitor is to do, shown above the steps.'),
  pointsPerStep: pointsEach('step done at its turn with no wrong tap just before it'),
  choose: Choose.optional(),
  actions: z
    .array(Action)
    .min(1, { error: codedError('mechanic.drill-one-step') })
    .max(MAX_ITEMS)
    .describe('The steps, listed IN THE RIGHT ORDER (visitors see them shuffled, with the distractors).'),
  distractors: z.array(Distractor).max(MAX_ITEMS).default([]).describe('Optional: actions that are always wrong, shown among the steps.'),
  wrongOrderFeedback: LocalizedText.describe('Shown when a right step is done too early.'),
  shuffle: shuffleField('the options and the steps'),
};

export type OrderedStepsConfig = z.output<z.ZodObject<typeof fields>>;
type Config = OrderedStepsConfig;
export type OrderedStepsStep = StepOf<Config>;

/** What the last tap turned out to be, while its feedback shows. */
export type Outcome = 'done' | 'too-early' | 'distractor';

export interface OrderedStepsState {
  startedAt: number;
  /** 'choose' while the question (if any) is open or its feedback shows; then 'actions'. */
  stage: 'choose' | 'actions';
  /** The option picked, once picked. */
  chosen: string | null;
  /** The steps done, in order (always a prefix of the step's actions). */
  done: string[];
  /** The steps done at their turn with no wrong tap since the step before: the ones that score. */
  clean: string[];
  /** Every wrong tap, in order (a step too early or a distractor). */
  wrong: string[];
  /** A wrong tap came since the last step done: the next step done does not score. */
  slipped: boolean;
  /** The last tap and what it was, for its feedback. */
  last: { id: string; outcome: Outcome } | null;
}

export type OrderedStepsEvent =
  | { type: 'choose'; optionId: string }
  | { type: 'act'; actionId: string }
  /** A tap on (or, in VR, a trigger pull at) a scene prop: does the step that prop stands for (see actionForProp). */
  | { type: 'inspect'; propId: string }
  | { type: 'continue' };

export type OrderedStepsRecord =
  | { type: 'option-chosen'; stepRef: string; optionId: string; right: boolean; order: string[]; atMs: number }
  | { type: 'action-taken'; actionId: string; right: boolean; atMs: number };

/** The options of the question in the order this run shows them. */
export function optionOrder(step: Pick<OrderedStepsStep, 'id' | 'choose' | 'shuffle'>, seed: number): string[] {
  const ids = (step.choose?.options ?? []).map((o) => o.id);
  return step.shuffle ? shuffled(ids, seed, `${step.id}:choose`) : ids;
}

/** The steps and distractors in the order this run shows them. */
export function actionOrder(step: Pick<OrderedStepsStep, 'id' | 'actions' | 'distractors' | 'shuffle'>, seed: number): string[] {
  const ids = [...step.actions, ...step.distractors].map((a) => a.id);
  return step.shuffle ? shuffled(ids, seed, `${step.id}:actions`) : ids;
}

/** The step due next, or null when every step is done. */
export const dueAction = (step: OrderedStepsStep, state: OrderedStepsState) => step.actions[state.done.length] ?? null;

export const allDone = (step: OrderedStepsStep, state: OrderedStepsState) => state.done.length >= step.actions.length;

/**
 * The action a press on a scene prop does (in VR, pointing at it): the step due next if it is done on that prop, else
 * the first step not yet done on that prop (too early, so it teaches the order); null if the prop has none left.
 */
export function actionForProp(step: OrderedStepsStep, state: OrderedStepsState, propId: string): string | null {
  if (state.stage !== 'actions') return null;
  const due = dueAction(step, state);
  if (due?.prop === propId) return due.id;
  return step.actions.find((a) => a.prop === propId && !state.done.includes(a.id))?.id ?? null;
}

function score(step: OrderedStepsStep, state: OrderedStepsState): Tally {
  const choice = step.choose?.options.find((o) => o.id === state.chosen);
  const chooseRight = choice?.right ? 1 : 0;
  const chooseTotal = step.choose ? 1 : 0;
  const choosePoints = step.choose ? step.choose.pointsIfRight : 0;
  // Clean steps are a subset of the actions, each at most once: never above the maximum.
  const clean = Math.min(state.clean.length, step.actions.length);
  return tally(clean + chooseRight, step.actions.length + chooseTotal, clean * step.pointsPerStep + chooseRight * choosePoints, step.actions.length * step.pointsPerStep + choosePoints);
}

const labelOf = (step: OrderedStepsStep, id: string) =>
  step.actions.find((a) => a.id === id)?.label ?? step.distractors.find((d) => d.id === id)?.label;

export const orderedSteps = {
  name: 'ordered-steps',
  stepActivity: 'performance',
  description:
    'A procedure done step by step in its order (e.g. pull the pin, aim, squeeze, sweep), with feedback on every step and on a wrong one; optionally after one question (e.g. which extinguisher).',
  fields,
  knowledgePassAt: null,
  start: (step: OrderedStepsStep, _env: StepEnv, now: number): OrderedStepsState => ({
    startedAt: now,
    stage: step.choose ? 'choose' : 'actions',
    chosen: null,
    done: [],
    clean: [],
    wrong: [],
    slipped: false,
    last: null,
  }),
  next(step: OrderedStepsStep, state: OrderedStepsState, event: OrderedStepsEvent & { now: number }, env: StepEnv): Transition<OrderedStepsState> {
    const quiet = { state, records: [] };
    const atMs = elapsed(event.now, state.startedAt);
    switch (event.type) {
      case 'choose': {
        const option = step.choose?.options.find((o) => o.id === event.optionId);
        if (state.stage !== 'choose' || state.chosen !== null || !option) return quiet;
        return {
          state: { ...state, chosen: option.id },
          records: [{ type: 'option-chosen', stepRef: step.id, optionId: option.id, right: option.right, order: optionOrder(step, env.seed), atMs }],
        };
      }
      case 'inspect':
      case 'act': {
        if (state.stage !== 'actions' || allDone(step, state)) return quiet;
        const id = event.type === 'act' ? event.actionId : actionForProp(step, state, event.propId);
        if (id === null) return quiet;
        const isAction = step.actions.some((a) => a.id === id);
        const isDistractor = step.distractors.some((d) => d.id === id);
        // A step already done, or a distractor already shown wrong, is marked so on its button: pressing it again says
        // nothing new and costs nothing.
        if ((!isAction && !isDistractor) || state.done.includes(id) || (isDistractor && state.wrong.includes(id))) return quiet;
        if (dueAction(step, state)?.id === id) {
          return {
            state: {
              ...state,
              done: [...state.done, id],
              clean: state.slipped ? state.clean : [...state.clean, id],
              slipped: false,
              last: { id, outcome: 'done' },
            },
            records: [{ type: 'action-taken', actionId: id, right: true, atMs }],
          };
        }
        return {
          state: { ...state, wrong: [...state.wrong, id], slipped: true, last: { id, outcome: isDistractor ? 'distractor' : 'too-early' } },
          records: [{ type: 'action-taken', actionId: id, right: false, atMs }],
        };
      }
      case 'continue':
        if (state.stage === 'choose') return state.chosen !== null ? { state: { ...state, stage: 'actions' }, records: [] } : quiet;
        return allDone(step, state) ? { state, records: [], done: true } : quiet;
    }
    return quiet;
  },
  score,
  // A step not earned (done after a wrong tap, or never done), and why the chosen option was wrong.
  missed: (step, state) => {
    const option = step.choose?.options.find((o) => o.id === state.chosen);
    const wrongChoice = option && !option.right ? [option.feedback] : [];
    return [...wrongChoice, ...step.actions.filter((a) => !state.clean.includes(a.id)).map((a) => a.label)];
  },
  records: {
    'option-chosen': {
      fields: {
        stepRef: Id,
        optionId: Id,
        right: z.boolean(),
        order: z.array(Id).max(MAX_ITEMS),
        atMs: z.number().int().min(0).max(MAX_MS),
      },
      segment: 'choose',
      itemField: 'stepRef',
      activityType: 'interaction',
      verb: 'answered',
      name: (step) => step.choose?.prompt,
      interaction: (step) =>
        step.choose && {
          prompt: step.choose.prompt,
          choices: step.choose.options,
          // Every right option is a right response on its own.
          patterns: step.choose.options.filter((o) => o.right).map((o) => o.id),
        },
      extensions: ['choice-order', 'at-ms'],
      toResult: (r) => ({ response: r.optionId, success: r.right, extensions: { 'choice-order': r.order, 'at-ms': r.atMs } }),
      fromResult: (result) => ({
        optionId: result.response,
        right: result.success,
        order: result.extensions?.['choice-order'],
        atMs: result.extensions?.['at-ms'],
      }),
    },
    'action-taken': {
      fields: { actionId: Id, right: z.boolean(), atMs: z.number().int().min(0).max(MAX_MS) },
      segment: 'actions',
      itemField: 'actionId',
      activityType: 'drill-action',
      verb: 'interacted',
      name: (step, r) => labelOf(step, r.actionId),
      extensions: ['at-ms'],
      toResult: (r) => ({ success: r.right, extensions: { 'at-ms': r.atMs } }),
      fromResult: (result) => ({ right: result.success, atMs: result.extensions?.['at-ms'] }),
    },
  },
  eventsFor(step: OrderedStepsStep, state: OrderedStepsState, record: OrderedStepsRecord): (OrderedStepsEvent & { now: number })[] | null {
    const now = state.startedAt + record.atMs;
    if (record.type === 'option-chosen') {
      if (record.stepRef !== step.id || !step.choose?.options.some((o) => o.id === record.optionId)) return null;
      return [{ type: 'choose', optionId: record.optionId, now }];
    }
    if (!labelOf(step, record.actionId)) return null;
    // "Continue" after the question's feedback is silent: made again before the first step.
    const before = state.stage === 'choose' && state.chosen !== null ? [{ type: 'continue' as const, now }] : [];
    return [...before, { type: 'act', actionId: record.actionId, now }];
  },
  endEvents: (step: OrderedStepsStep, state: OrderedStepsState): OrderedStepsEvent[] => {
    if (state.stage === 'choose') return state.chosen !== null ? [{ type: 'continue' }] : [];
    return allDone(step, state) ? [{ type: 'continue' }] : [];
  },
  ids: (step) => [...(step.choose?.options ?? []), ...step.actions, ...step.distractors].map((x) => x.id),
  targets: () => [],
  references(step, { props }) {
    // Actions and distractors are tapped by id: one id twice and the drill could never be finished.
    const issues = duplicates([...step.actions, ...(step.distractors ?? [])], (a) => a.id, (i) => (i < step.actions.length ? ['actions', i, 'id'] : ['distractors', i - step.actions.length, 'id']), 'action');
    if (step.choose) issues.push(...duplicates(step.choose.options, (o) => o.id, (i) => ['choose', 'options', i, 'id'], 'option'));
    const propIds = props.map((p) => p.id);
    step.actions.forEach((a, i) => {
      if (a.prop !== undefined && !propIds.includes(a.prop))
        issues.push({ path: ['actions', i, 'prop'], ...coded('mechanic.prop-not-in-scene', { prop: a.prop, known: list(propIds) }) });
    });
    if (step.choose && !step.choose.options.some((o) => o.right))
      issues.push({ path: ['choose', 'options'], ...coded('mechanic.right-option') });
    return issues;
  },
  locales,
  // A good visitor picks a right option and does each step at its turn; a poor one picks a wrong option, then taps a
  // distractor and a step too early before getting on with it.
  autoplay(step: OrderedStepsStep, state: OrderedStepsState, _env: StepEnv, skill: 'good' | 'poor'): { event: OrderedStepsEvent; after: number } | null {
    if (state.stage === 'choose') {
      if (state.chosen !== null) return { event: { type: 'continue' }, after: 2500 };
      const options = step.choose?.options ?? [];
      const pick = (skill === 'poor' ? options.find((o) => !o.right) : undefined) ?? options.find((o) => o.right) ?? options[0];
      return pick ? { event: { type: 'choose', optionId: pick.id }, after: 4000 } : null;
    }
    if (allDone(step, state)) return { event: { type: 'continue' }, after: 2000 };
    const due = dueAction(step, state)!;
    if (skill === 'poor' && state.wrong.length < 2) {
      const distractor = step.distractors.find((d) => !state.wrong.includes(d.id));
      const early = step.actions[state.done.length + 1];
      const mistake = state.wrong.length === 0 ? (distractor ?? early) : (early ?? distractor);
      if (mistake) return { event: { type: 'act', actionId: mistake.id }, after: 1200 };
    }
    return { event: { type: 'act', actionId: due.id }, after: skill === 'good' ? 3000 : 1500 };
  },
  cue(step, before, after) {
    if (after.wrong.length > before.wrong.length) return 'wrong';
    if (after.done.length > before.done.length) return 'find';
    if (after.chosen !== null && before.chosen === null) return step.choose?.options.find((o) => o.id === after.chosen)?.right ? 'find' : 'wrong';
    return null;
  },
  example: {
    step: {
      instructions: { 'zh-CN': '用灭火器灭火。', en: 'Put out the fire with the extinguisher.' },
      choose: {
        prompt: { 'zh-CN': '电气火灾用哪种灭火器？', en: 'Which extinguisher for an electrical fire?' },
        options: [
          { id: 'co2', label: { 'zh-CN': '二氧化碳灭火器', en: 'CO2 extinguisher' }, right: true, feedback: { 'zh-CN': '不导电。', en: 'It does not conduct.' } },
          { id: 'water', label: { 'zh-CN': '水基灭火器', en: 'Water extinguisher' }, right: false, feedback: { 'zh-CN': '水会导电。', en: 'Water conducts.' } },
        ],
      },
      actions: [
        { id: 'pull-pin', label: { 'zh-CN': '拔掉保险销', en: 'Pull the pin' }, feedback: { 'zh-CN': '先解锁。', en: 'Unlock it first.' }, prop: 'extinguisher' },
        { id: 'aim-base', label: { 'zh-CN': '对准火焰根部', en: 'Aim at the base' }, feedback: { 'zh-CN': '扑灭火源。', en: 'Hit the fuel.' }, prop: 'fire' },
        { id: 'squeeze', label: { 'zh-CN': '压下压把', en: 'Squeeze the handle' }, feedback: { 'zh-CN': '喷射。', en: 'It sprays.' } },
      ],
      distractors: [{ id: 'throw-water', label: { 'zh-CN': '泼水', en: 'Throw water' }, feedback: { 'zh-CN': '会触电。', en: 'You could be shocked.' } }],
      wrongOrderFeedback: { 'zh-CN': '顺序不对。', en: 'Not in that order.' },
    },
    props: [
      { id: 'extinguisher', label: { 'zh-CN': '灭火器', en: 'Extinguisher' } },
      { id: 'fire', label: { 'zh-CN': '火', en: 'Fire' } },
    ],
    play: (): { event: OrderedStepsEvent; at: number }[] => [
      { event: { type: 'choose', optionId: 'co2' }, at: 3000 },
      { event: { type: 'continue' }, at: 5000 },
      { event: { type: 'act', actionId: 'pull-pin' }, at: 7000 },
      { event: { type: 'act', actionId: 'squeeze' }, at: 8000 },
      { event: { type: 'act', actionId: 'aim-base' }, at: 9000 },
      { event: { type: 'act', actionId: 'squeeze' }, at: 10000 },
      { event: { type: 'continue' }, at: 12000 },
    ],
    // A distractor is never right, however the run went.
    forged: () => ({ type: 'action-taken', actionId: 'throw-water', right: true, atMs: 12500 }),
  },
} satisfies Mechanic<'ordered-steps', Config, OrderedStepsState, OrderedStepsEvent, OrderedStepsRecord>;
