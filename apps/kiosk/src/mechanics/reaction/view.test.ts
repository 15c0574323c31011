import { MECHANICS, STEP_SCHEMAS, type StepConfigOf, type StepEnv } from '@ruyi/mechanics';
import { cueDelayMs, type ReactionEvent, type ReactionState } from '@ruyi/mechanics/reaction';
import type { Pack, Scenario } from '@ruyi/pack-schema';
import i18next from 'i18next';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { motion } from '../../test-support/reducedMotion.ts';
import { Touch } from './Touch.tsx';
import { k, liveLine, shownActions, verdict, verdictMark, wrongTaps } from './view.ts';

// No browser here: the visitor's motion setting comes from the test (the app's test set-up routes it), and the 3D
// scene is its loading placeholder (server rendering does not wait for the scene's lazy chunk).

const m = MECHANICS.reaction;
const env: StepEnv = { props: [], seed: 20080512 };
const step = STEP_SCHEMAS.reaction.parse({ id: 'drill', mechanic: 'reaction', ...m.example.step }) as StepConfigOf<'reaction'>;
const en = (key: string, options?: Record<string, unknown>) =>
  (m.locales.en as Record<string, string>)[key.replace('mechanics.reaction.', '')]!.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(options?.[name]));
const t = k(en);
const l = (text: { en: string }) => text.en;

/** Ready at 0, the cue on time, then taps `ms` after the cue. */
function played(taps: [string, number][], extra: ReactionEvent[] = []): ReactionState {
  let state = m.start(step, env, 0);
  const cueAt = cueDelayMs(step, env.seed);
  const events: (ReactionEvent & { now: number })[] = [
    { type: 'ready', now: 0 },
    { type: 'cue', now: cueAt },
    ...taps.map(([actionId, ms]) => ({ type: 'tap' as const, actionId, now: cueAt + ms })),
    ...extra.map((e) => ({ ...e, now: cueAt + 60_000 })),
  ];
  for (const event of events) state = m.next(step, state, event).state;
  return state;
}

describe('reaction view', () => {
  it('shows every action once in the run order, marking the spent ones', () => {
    const state = played([['run-out', 100], ['drop', 200]]);
    const shown = shownActions(step, state, l);
    expect(shown.map((a) => a.id)).toEqual(state.order);
    expect(Object.fromEntries(shown.map((a) => [a.id, a.spent]))).toEqual({ 'run-out': 'wrong', drop: 'right', cover: null, 'hold-on': null });
  });

  it('says what the last tap was: right, not yet (naming the next), or wrong with why', () => {
    expect(liveLine(step, played([]), t, l)).toBeNull();
    expect(liveLine(step, played([['drop', 100]]), t, l)).toEqual({ good: true, text: 'Right: Drop' });
    expect(liveLine(step, played([['hold-on', 100]]), t, l)).toEqual({ good: false, text: 'Not yet: Hold on. First: Drop' });
    expect(liveLine(step, played([['run-out', 100]]), t, l)).toEqual({ good: false, text: 'Wrong: Run outside Running while it shakes is the most dangerous.' });
  });

  it('gives the verdict in words and a mark for each outcome', () => {
    const right: [string, number][] = [['drop', 500], ['cover', 1000], ['hold-on', 2340]];
    expect(verdict(step, played(right.slice(0, 2)), t)).toBeNull();
    expect(verdict(step, played(right), t)).toEqual({ outcome: 'in-time', text: 'In time! You did the right actions in order in 2.3 s (within 5 s).' });
    expect(verdict(step, played([['drop', 500], ['cover', 1000], ['hold-on', 6000]]), t)!.outcome).toBe('late');
    expect(verdict(step, played([['cover', 100], ...right]), t)!.text).toBe('Some actions were wrong or out of order.');
    expect(verdict(step, played([['drop', 500]], [{ type: 'timeout' }]), t)!.text).toBe('Time ran out: the right actions were not all done within 10 s.');
    expect(['in-time', 'late', 'wrong', 'timed-out'].map((o) => verdictMark(o as never))).toEqual(['✔', '⚠', '✘', '✘']);
  });

  it('lists each wrong tap once, with why', () => {
    const state = played([['cover', 100], ['run-out', 200], ['cover', 300], ['drop', 400], ['cover', 500], ['hold-on', 600]]);
    expect(wrongTaps(step, state, t, l)).toEqual([
      { id: 'cover', label: 'Cover', why: 'Out of order: this action comes later.' },
      { id: 'run-out', label: 'Run outside', why: 'Running while it shakes is the most dangerous.' },
    ]);
  });
});

describe('reaction touch view', () => {
  const i18n = i18next.createInstance();
  void i18n.use(initReactI18next).init({
    resources: { en: { translation: { mechanics: { reaction: m.locales.en } } } },
    lng: 'en',
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  const pack = { id: 'p', assets: [] } as unknown as Pack;
  const scenario = { scene: { props: [], room: { width: 8, depth: 8, height: 3 }, camera: { position: [0, 1.6, 4], target: [0, 1, 0] } } } as unknown as Scenario;
  const render = (state: ReactionState) =>
    renderToStaticMarkup(createElement(I18nextProvider, { i18n }, createElement(Touch, { pack, scenario, step, state, env, dispatch: () => {} })));

  it('shows the instructions and the ready button, then the wait, without the actions', () => {
    const first = render(m.start(step, env, 0));
    expect(first).toContain('>I am ready</button>');
    expect(first).not.toContain('data-action');
    const waiting = render(m.next(step, m.start(step, env, 0), { type: 'ready', now: 0 }).state);
    expect(waiting).toContain('Stay alert');
    expect(waiting).not.toContain('I am ready');
    expect(waiting).toContain('data-shaking="false"');
  });

  it('at the cue: the cue as an alert, the scene shaking, every action a button with its state in words', () => {
    const html = render(played([['drop', 100], ['run-out', 200]]));
    expect(html).toContain('role="alert"');
    expect(html).toContain('地面开始晃动！'); // pack texts in the visit's language: zh-CN before a visit
    expect(html).toContain('data-shaking="true"');
    expect(html.match(/<button/g)).toHaveLength(4);
    expect(html).toMatch(/data-action="drop"[^>]*>趴下<span class="choice-mark"><span aria-hidden="true">✔ <\/span>done/);
    expect(html).toMatch(/data-action="run-out"[^>]*>往外跑<span class="choice-mark"><span aria-hidden="true">✘ <\/span>wrong/);
    expect(html).toMatch(/aria-live="polite"><p><span aria-hidden="true">✘ <\/span>Wrong: 往外跑 晃动时跑最危险。/);
  });

  it('keeps the scene still under reduced motion', () => {
    motion.reduced = true;
    try {
      expect(render(played([['drop', 100]]))).toContain('data-shaking="false"');
    } finally {
      motion.reduced = false;
    }
  });

  it('keeps the scene still when the step does not shake', () => {
    const calm = { ...step, shaking: false };
    let state = m.start(calm, env, 0);
    state = m.next(calm, state, { type: 'ready', now: 0 }).state;
    state = m.next(calm, state, { type: 'cue', now: 60_000 }).state;
    const html = renderToStaticMarkup(createElement(I18nextProvider, { i18n }, createElement(Touch, { pack, scenario, step: calm, state, env, dispatch: () => {} })));
    expect(html).toContain('data-shaking="false"');
  });

  it('after the drill: the verdict, the points, the right order with why, the wrong taps, and continue', () => {
    const html = render(played([['run-out', 100], ['drop', 500], ['cover', 1000], ['hold-on', 2000]]));
    expect(html).toContain('data-outcome="wrong"');
    expect(html).toContain('Points: 0 of 20');
    expect(html).toContain('The right actions, in order');
    expect(html).toContain('躲到桌下。');
    expect(html).toContain('Actions you got wrong');
    expect(html).toContain('>Continue</button>');
    expect(html).not.toContain('data-action');
    expect(render(played([['drop', 500], ['cover', 1000], ['hold-on', 2000]]))).toContain('Points: 20 of 20');
  });
});
