import { MECHANICS, STEP_SCHEMAS, type StepConfigOf, type StepEnv } from '@ruyi/mechanics';
import { actionOrder, type OrderedStepsEvent, type OrderedStepsState } from '@ruyi/mechanics/ordered-steps';
import type { Pack, Scenario } from '@ruyi/pack-schema';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { Touch } from './Touch.tsx';
import { actionFeedback, actionProps, choiceFeedback, doneActions, propsDone, shownActions, shownOptions } from './view.ts';

const m = MECHANICS['ordered-steps'];
const env: StepEnv = { props: m.example.props!, seed: 99 };
const stepOf = (extra: Record<string, unknown> = {}) =>
  STEP_SCHEMAS['ordered-steps'].parse({ id: 'drill', mechanic: 'ordered-steps', ...m.example.step, ...extra }) as StepConfigOf<'ordered-steps'>;

function played(step: StepConfigOf<'ordered-steps'>, events: OrderedStepsEvent[]): OrderedStepsState {
  let state = m.start(step, env, 0);
  events.forEach((e, i) => (state = m.next(step, state, { ...e, now: i * 100 }, env).state));
  return state;
}

describe('ordered-steps view', () => {
  it('shows options and actions in the run order, each once, with what is spent', () => {
    const step = stepOf();
    expect(shownOptions(step, env.seed).map((o) => o.id).sort()).toEqual(['co2', 'water']);
    const state = played(step, [
      { type: 'choose', optionId: 'water' },
      { type: 'continue' },
      { type: 'act', actionId: 'pull-pin' },
      { type: 'act', actionId: 'throw-water' },
    ]);
    const shown = shownActions(step, state, env.seed);
    expect(shown.map((a) => a.id)).toEqual(actionOrder(step, env.seed));
    expect(Object.fromEntries(shown.map((a) => [a.id, a.spent]))).toEqual({
      'pull-pin': { kind: 'done', n: 1 },
      'throw-water': { kind: 'wrong' },
      'aim-base': null,
      squeeze: null,
    });
    expect(doneActions(step, state).map((a) => a.id)).toEqual(['pull-pin']);
    expect(choiceFeedback(step, state)).toMatchObject({ good: false, key: 'wrongChoice' });
    expect(actionFeedback(step, state)).toMatchObject({ good: false, key: 'distractor', body: { en: 'You could be shocked.' } });
  });

  it('says why for each kind of tap', () => {
    const step = stepOf({ choose: undefined });
    expect(actionFeedback(step, played(step, []))).toBeNull();
    expect(actionFeedback(step, played(step, [{ type: 'act', actionId: 'squeeze' }]))).toMatchObject({ key: 'tooEarly', body: step.wrongOrderFeedback });
    expect(actionFeedback(step, played(step, [{ type: 'act', actionId: 'pull-pin' }]))).toMatchObject({ key: 'done', good: true, body: { en: 'Unlock it first.' } });
    expect(actionProps(step)).toEqual(['extinguisher', 'fire']);
    expect(propsDone(step, played(step, [{ type: 'act', actionId: 'pull-pin' }, { type: 'act', actionId: 'aim-base' }]))).toEqual(['extinguisher', 'fire']);
    expect(propsDone(step, played(step, [{ type: 'act', actionId: 'pull-pin' }]))).toEqual(['extinguisher']);
  });
});

describe('ordered-steps touch view', () => {
  // English app strings as the app merges them (i18n.ts); pack texts in the visit's language (zh-CN before a visit).
  const i18n = i18next.createInstance();
  void i18n.use(initReactI18next).init({
    resources: { en: { translation: { mechanics: { 'ordered-steps': m.locales.en } } } },
    lng: 'en',
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  const pack = {} as Pack;
  const scenario = { scene: { props: [] } } as unknown as Scenario;
  // Without props the drill is a column of buttons (the scene needs a browser).
  const step = stepOf({
    choose: undefined,
    actions: (m.example.step.actions as { prop?: string }[]).map(({ prop: _prop, ...a }) => a),
  });
  const render = (state: OrderedStepsState) =>
    renderToStaticMarkup(createElement(I18nextProvider, { i18n }, createElement(Touch, { pack, scenario, step, state, env, dispatch: () => {} })));

  it('renders every action as a named button, marks spent ones in words, and the verdict live', () => {
    const html = render(played(step, [{ type: 'act', actionId: 'aim-base' }, { type: 'act', actionId: 'pull-pin' }]));
    for (const label of ['拔掉保险销', '对准火焰根部', '压下压把', '泼水']) expect(html).toContain(label);
    expect(html).toContain('Done · step 1');
    expect(html).toContain('1 of 3 steps done');
    expect(html).toContain('Mistakes: 1');
    expect(html).toMatch(/aria-live="polite"[^>]*>.*Right: 拔掉保险销/);
    expect(html).not.toContain('mechanics.ordered-steps');
  });

  it('offers finish only when every step is done', () => {
    expect(render(played(step, []))).not.toContain('>Finish<');
    const done = played(step, ['pull-pin', 'aim-base', 'squeeze'].map((actionId) => ({ type: 'act' as const, actionId })));
    expect(render(done)).toContain('>Finish<');
  });

  it('asks the question first, then shows its verdict and the way on', () => {
    const withChoose = stepOf({ actions: step.actions });
    const html = (state: OrderedStepsState) =>
      renderToStaticMarkup(createElement(I18nextProvider, { i18n }, createElement(Touch, { pack, scenario, step: withChoose, state, env, dispatch: () => {} })));
    const open = html(played(withChoose, []));
    expect(open).toContain('电气火灾用哪种灭火器？');
    expect(open).toContain('data-option="co2"');
    const chosen = html(played(withChoose, [{ type: 'choose', optionId: 'co2' }]));
    expect(chosen).toContain('Right: 二氧化碳灭火器');
    expect(chosen).toContain('Start the steps');
    expect(chosen).not.toContain('data-option');
  });
});
