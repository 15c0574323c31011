// The app's half of the mechanics' contract, checked for every registered mechanic the same way: at each state of its
// example play, its touch view renders with only texts from the pack or from its locale strings (no missing i18n key,
// nothing written into the code) and every control named, and its VR view renders in the headless renderer with a
// labelled target for each button, every button doing something the step accepts. A new mechanic is tested here by
// being registered. The engine's half (schemas, records, scoring, evidence) is packages/mechanics/src/contract.test.ts.
//
// The app's test set-up (test-support/reset.ts) renders outside a VR session, without reduced motion, with
// react-three-fiber's ES module build, and has server rendering read the stores' current state (the visitor's language
// and audience the test sets).
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { MECHANIC_NAMES, MECHANICS, type AnyMechanic, type MechanicName, type StepEnv } from '@ruyi/mechanics';
import { Pack, Scenario, SCHEMA_VERSION } from '@ruyi/pack-schema';
import { isDeepStrictEqual } from 'node:util';
import { act, createElement, type ReactNode } from 'react';
import { renderToString } from 'react-dom/server';
import { I18nextProvider, useTranslation } from 'react-i18next';
import type { Object3D } from 'three';
import { createI18n } from '../i18n.ts';
import { useVisit } from '../stores/visit.ts';
import { listXrTargets, type XrTargetInfo } from '../xr/targets.ts';
import { resetXrInputGate } from '../xr/ui/inputGate.ts';
import { MECHANIC_VIEWS } from './registry.ts';
import { clickObject, drawnTexts, mountVr, stubPage, type HeadlessVr } from './testing/headlessVr.ts';
import { accessibleName, controls, danglingIdRefs, parseHtml, visitorTexts } from './testing/html.ts';
import { knownTexts, localeStrings, packTexts, type KnownTexts } from './testing/knownTexts.ts';
import type { MechanicViews, StepViewProps, WorldWiring } from './views.ts';

type AnyViews = MechanicViews<MechanicName>;
type AnyProps = StepViewProps<MechanicName>;
type Locale = 'zh-CN' | 'en';
const LOCALES: Locale[] = ['zh-CN', 'en'];

const text = (en: string) => ({ 'zh-CN': `中文${en}`, en });
const SEED = 7;
// The run's clock is the kiosk's (Date.now()): the example's moments are now and just after, so timers in the views
// (countdowns, hints, cues) see a fresh step.
const T0 = Date.now();

/** A one-step scenario of the mechanic's example in a pack (with the source a case card cites), as the app gets it. */
function packOf(name: MechanicName): { pack: Pack; scenario: Scenario } {
  const example = (MECHANICS[name] as AnyMechanic).example;
  const props = (example.props ?? [{ id: 'thing', label: text('Thing') }]).map((p, i) => ({ id: p.id, kind: 'workbench', position: [i, 0, 0], label: p.label }));
  const scenario = Scenario.parse({
    id: 'contract',
    title: text('Contract'),
    summary: text('A contract test'),
    scene: { room: { width: 10, depth: 8, height: 4 }, camera: { position: [0, 2, 4], target: [0, 1, 0] }, props },
    steps: [{ id: 'the-step', mechanic: name, ...example.step }],
    result: { lessons: [text('Lesson')] },
  });
  const pack = Pack.parse({
    schemaVersion: SCHEMA_VERSION,
    id: 'contract-pack',
    version: '1.0.0',
    area: 'fire',
    title: text('Contract pack'),
    authors: ['Ruyi'],
    locales: ['zh-CN', 'en'],
    assets: [],
    sources: [{ id: 'report', title: text('Investigation report'), publisher: 'Publisher', url: 'https://example.org/report' }],
    scenarios: [scenario],
  });
  return { pack, scenario: pack.scenarios[0]! };
}

interface Shot {
  /** Where in the play: "start", "3: after act pull-pin". */
  label: string;
  state: unknown;
  /** The moment of the state, on the run's clock. */
  now: number;
  /** The example's event after this state, and its moment. */
  next: { event: { type: string }; at: number } | null;
}

const eventLabel = (e: object) =>
  [(e as { type?: unknown }).type, ...Object.entries(e).filter(([k]) => k !== 'type').map(([, v]) => (Array.isArray(v) ? v.join('+') : String(v)))].join(' ');

/** The step's state at its start and after each event of the example, until the step is done (the run moves on then). */
function shotsOf(name: MechanicName): { pack: Pack; scenario: Scenario; step: AnyProps['step']; env: StepEnv; shots: Shot[] } {
  const { pack, scenario } = packOf(name);
  const step = scenario.steps[0]! as AnyProps['step'];
  const env: StepEnv = { props: scenario.scene.props, seed: SEED };
  const m = MECHANICS[name] as AnyMechanic;
  const play = m.example.play(step, env) as { event: { type: string }; at: number }[];
  let state: unknown = m.start(step, env, T0);
  const shots: Shot[] = [{ label: 'start', state, now: T0, next: play[0] ?? null }];
  play.forEach(({ event, at }, i) => {
    if (shots.length <= i) return;
    const tr = m.next(step, state, { ...event, now: T0 + at }, env);
    state = tr.state;
    if (!tr.done) shots.push({ label: `${i + 1}: after ${eventLabel(event)}`, state, now: T0 + at, next: play[i + 1] ?? null });
  });
  return { pack, scenario, step, env, shots };
}

// The page's document before the first mount: a change of language writes the page's `lang`.
stubPage();

// The app's real i18n, told to report every key it does not have.
const i18n = createI18n();
const missingKeys: string[] = [];
i18n.options.saveMissing = true;
i18n.options.missingKeyHandler = (_lngs, _ns, key) => {
  missingKeys.push(key);
};

async function useLocale(locale: Locale): Promise<void> {
  await i18n.changeLanguage(locale);
  useVisit.getState().setLocale(locale);
}

/** What a visitor of `locale` may be shown by this mechanic's views: the pack, the app's own strings and the mechanic's. */
function allowedTexts(name: MechanicName, pack: Pack, locale: Locale): KnownTexts {
  const { mechanics, ...own } = i18n.getResourceBundle(locale, 'translation') as { mechanics: Record<string, unknown> };
  return knownTexts([...packTexts(pack, locale), ...localeStrings(own), ...localeStrings(mechanics[name])]);
}

// react-dom/server leaves its mark on each context it rendered, so the first in-world render of the same context
// (i18n's) warns of two renderers at once: they take turns in this test process, and never meet in the app.
const RENDERER_CLASH = 'Detected multiple renderers concurrently rendering the same context provider';

/** React's complaints (a list without keys, a state update after unmount, an error caught by the renderer). */
const consoleErrors: string[] = [];
const realError = console.error.bind(console);
beforeAll(() => {
  // The run's clock stands still at each state's moment: the views' timers (countdowns, hints, cues) are set but
  // never fire during a test, so whatever a press sends is the press's.
  vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
  console.error = (...args: unknown[]) => {
    if (typeof args[0] === 'string' && args[0].startsWith(RENDERER_CLASH)) return;
    consoleErrors.push(args.map((a) => (a instanceof Error ? a.stack : typeof a === 'string' ? a : JSON.stringify(a))).join(' '));
  };
});
afterAll(() => {
  console.error = realError;
  vi.useRealTimers();
});

// The 3D view's canvas measures its box with a ResizeObserver (only once mounted in a page, never on the server).
(globalThis as { ResizeObserver?: unknown }).ResizeObserver ??= class {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
};

function withI18n(node: ReactNode): ReactNode {
  return createElement(I18nextProvider, { i18n }, node);
}

/** A name says something: a word or a number (a quiz's "119"), not only marks. */
/** What the view under test sent to the run. */
const dispatched: unknown[] = [];

/**
 * Presses every enabled button target in turn; buttons a press brings (a page of more choices) or enables (a quiz's
 * submit once a choice is ticked) are pressed next. Returns what each press sent.
 */
async function pressEveryButton(vr: HeadlessVr): Promise<{ events: { id: string; event: unknown }[]; seen: Map<string, XrTargetInfo>; problems: string[] }> {
  const events: { id: string; event: unknown }[] = [];
  const problems: string[] = [];
  const pressed = new Set<string>();
  const seen = new Map<string, XrTargetInfo>();
  for (let round = 0; round < 5; round++) {
    const buttons = listXrTargets().filter((t) => t.kind === 'button');
    for (const b of buttons) if (!seen.has(b.id)) seen.set(b.id, b);
    const todo = buttons.filter((t) => t.state !== 'disabled' && !pressed.has(t.id));
    if (todo.length === 0) break;
    for (const { id } of todo) {
      const target = listXrTargets().find((t) => t.id === id);
      if (!target || target.state === 'disabled') continue;
      pressed.add(id);
      const mesh = vr.scene.getObjectByName(id);
      if (!mesh) {
        problems.push(`button target ${id} is not in the scene`);
        continue;
      }
      const before = dispatched.length;
      consoleErrors.length = 0;
      try {
        // Each press here is a deliberate one, made after the scene settled: the ghost-press gate's timing has its
        // own tests (xr/ui/inputGate.test.ts).
        resetXrInputGate();
        await clickObject(mesh);
      } catch (error) {
        problems.push(`pressing ${id} throws: ${(error as Error).message}`);
        continue;
      }
      for (const e of consoleErrors) problems.push(`pressing ${id}: console.error: ${e.slice(0, 400)}`);
      events.push(...dispatched.slice(before).map((event) => ({ id, event })));
    }
  }
  return { events, seen, problems };
}

const hasWords = (s: string) => /[\p{L}\p{N}]/u.test(s);

describe('every mechanic has views', () => {
  it('registered under the names the engine knows, no more and no fewer', () => {
    expect(Object.keys(MECHANIC_VIEWS).sort()).toEqual([...MECHANIC_NAMES].sort());
    for (const name of MECHANIC_NAMES) {
      const views = MECHANIC_VIEWS[name] as AnyViews;
      expect(typeof views.Touch, `${name} Touch`).toBe('function');
      expect(typeof views.Vr, `${name} Vr`).toBe('function');
    }
  });
});

describe.each(MECHANIC_NAMES)('mechanic %s: views', (name) => {
  const { pack, scenario, step, env, shots } = shotsOf(name);
  const views = MECHANIC_VIEWS[name] as AnyViews;
  const m = MECHANICS[name] as AnyMechanic;
  const propIds = scenario.scene.props.map((p) => p.id);

  it.each(shots.map((s) => [s.label, s] as const))('touch, at %s: renders with known texts and named controls', async (_label, shot) => {
    const problems: string[] = [];
    for (const locale of LOCALES) {
      await useLocale(locale);
      vi.setSystemTime(shot.now);
      missingKeys.length = 0;
      consoleErrors.length = 0;
      const props = { pack, scenario, step, state: shot.state, env, dispatch: () => undefined } as AnyProps;
      let html: string;
      try {
        html = renderToString(withI18n(createElement(views.Touch, props)));
      } catch (error) {
        problems.push(`[${locale}] throws: ${(error as Error).stack}`);
        continue;
      }
      const where = `[${locale}]`;
      if (!html.trim()) problems.push(`${where} renders nothing`);
      for (const key of new Set(missingKeys)) problems.push(`${where} missing i18n key: ${key}`);
      for (const e of consoleErrors) problems.push(`${where} console.error: ${e.slice(0, 400)}`);
      const root = parseHtml(html);
      const allowed = allowedTexts(name, pack, locale);
      for (const t of visitorTexts(root)) {
        if (t.includes('{{')) problems.push(`${where} text with a placeholder left in: "${t}"`);
        else {
          const unknown = allowed.unknownPart(t);
          if (unknown !== null) problems.push(`${where} text not from the pack or the locale strings: "${t}" (from "${unknown}")`);
        }
      }
      const all = controls(root);
      for (const c of all) {
        const accName = accessibleName(c, root);
        if (!hasWords(accName)) problems.push(`${where} <${c.tag}${c.attrs.type ? ` type=${c.attrs.type}` : ''}> without an accessible name (named "${accName}")`);
      }
      for (const d of danglingIdRefs(root)) problems.push(`${where} refers to a missing id: ${d}`);
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it.each(shots.map((s) => [s.label, s] as const))('VR, at %s: renders headless, every button a labelled target that does what the step accepts', async (_label, shot) => {
    const problems: string[] = [];
    for (const locale of LOCALES) {
      await useLocale(locale);
      vi.setSystemTime(shot.now);
      missingKeys.length = 0;
      consoleErrors.length = 0;
      const where = `[${locale}]`;
      dispatched.length = 0;
      let wiring: WorldWiring | null = null;
      const props = { pack, scenario, step, state: shot.state, env, dispatch: (e: unknown) => void dispatched.push(e) } as AnyProps;
      const useWorld = views.useWorld;
      function World(): null {
        wiring = useWorld!(props);
        return null;
      }
      let vr: HeadlessVr;
      try {
        vr = await mountVr(withI18n([createElement(views.Vr, { ...props, key: 'view' }), useWorld ? createElement(World, { key: 'world' }) : null]));
      } catch (error) {
        problems.push(`${where} throws: ${(error as Error).stack}`);
        continue;
      }
      try {
        for (const e of consoleErrors) problems.push(`${where} console.error: ${e.slice(0, 400)}`);
        for (const key of new Set(missingKeys)) problems.push(`${where} missing i18n key: ${key}`);
        const meshes: Object3D[] = [];
        vr.scene.traverse((o) => void meshes.push(o));
        if (!meshes.some((o) => o.name.startsWith('sheet:') || o.name.startsWith('panel:'))) problems.push(`${where} draws no sheet or panel`);
        for (const t of drawnTexts) if (t.includes('{{')) problems.push(`${where} panel text with a placeholder left in: "${t}"`);

        const buttons = listXrTargets().filter((t) => t.kind === 'button');
        // A mesh named as a button but not the registered target of its id: two buttons under one id.
        const registered = new Set(buttons.map((b) => b.id));
        const named = meshes.filter((o) => o.name.startsWith('button:'));
        for (const o of named) if (!registered.has(o.name)) problems.push(`${where} button mesh ${o.name} is not a registered target`);
        const ids = named.map((o) => o.name);
        for (const id of new Set(ids.filter((id, i) => ids.indexOf(id) !== i))) problems.push(`${where} two buttons share the target id ${id}`);

        const w = wiring as WorldWiring | null;
        if (w) {
          for (const id of w.found) if (!propIds.includes(id)) problems.push(`${where} world marks ${id}, not a prop of the scene`);
          if (w.hinted !== null && !propIds.includes(w.hinted)) problems.push(`${where} world hints at ${w.hinted}, not a prop of the scene`);
        }
        // Press each button as a controller's trigger would: whatever it sends, the step must take.
        const sends = await pressEveryButton(vr);
        problems.push(...sends.problems.map((p) => `${where} ${p}`));
        // Every button seen, also those a press brought, says something known in the visitor's language.
        const allowed = allowedTexts(name, pack, locale);
        for (const b of sends.seen.values()) {
          if (!b.id.startsWith('button:')) problems.push(`${where} button target id "${b.id}" does not start with button:`);
          if (!hasWords(b.label)) problems.push(`${where} button ${b.id} has no label ("${b.label}")`);
          else if (b.label.includes('{{')) problems.push(`${where} button ${b.id} label with a placeholder left in: "${b.label}"`);
          else {
            const unknown = allowed.unknownPart(b.label);
            if (unknown !== null) problems.push(`${where} button ${b.id} label not from the pack or the locale strings: "${b.label}" (from "${unknown}")`);
          }
        }
        for (const { id, event } of sends.events) {
          try {
            const tr = m.next(step, shot.state, { ...(event as object), now: shot.now + 500 }, env);
            if (!tr.done && tr.records.length === 0 && isDeepStrictEqual(tr.state, shot.state))
              problems.push(`${where} pressing ${id} sends ${JSON.stringify(event)}, which the step ignores here`);
          } catch (error) {
            problems.push(`${where} pressing ${id} sends ${JSON.stringify(event)}, which the step throws on: ${(error as Error).message}`);
          }
        }

        // The example's next event can come from this view: a press, a tap on a prop (the world's wiring) or the
        // view's own timers once the example's time has passed (a cue, a countdown running out).
        if (shot.next) {
          for (const propId of propIds) w?.onProp?.(propId);
          consoleErrors.length = 0;
          await act(async () => {
            vi.advanceTimersByTime(Math.max(0, T0 + shot.next!.at - shot.now) + 1000);
          });
          for (const e of consoleErrors) problems.push(`${where} while time passes: console.error: ${e.slice(0, 400)}`);
          const types = new Set(dispatched.map((e) => (e as { type: string }).type));
          if (!types.has(shot.next.event.type))
            problems.push(`${where} nothing in the VR view sends the example's next event (${eventLabel(shot.next.event)}); it sent: ${[...types].join(', ') || 'nothing'}`);
        }
      } finally {
        await vr.unmount();
      }
      const left = listXrTargets().filter((t) => t.kind === 'button');
      if (left.length > 0) problems.push(`${where} button targets still registered after unmount: ${left.map((t) => t.id).join(', ')}`);
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });
});

describe('the checks themselves', () => {
  const { pack } = packOf('quiz');

  it('catch a key the locale files do not have', async () => {
    await useLocale('zh-CN');
    missingKeys.length = 0;
    function Missing(): ReactNode {
      const { t } = useTranslation();
      return createElement('p', null, t('mechanics.quiz.notAKey'));
    }
    renderToString(withI18n(createElement(Missing)));
    expect(missingKeys).toContain('mechanics.quiz.notAKey');
  });

  it('catch a text written into the code, a text in the other language and an id shown as a label', () => {
    const allowed = allowedTexts('quiz', pack, 'zh-CN');
    const zhSubmit = (i18n.getResourceBundle('zh-CN', 'translation') as { mechanics: { quiz: { submit: string } } }).mechanics.quiz.submit;
    expect(allowed.unknownPart(zhSubmit)).toBeNull();
    expect(allowed.unknownPart(`✔ ${zhSubmit} · 3 / 10`)).toBeNull();
    expect(allowed.unknownPart('Submit')).not.toBeNull();
    expect(allowed.unknownPart('The fire number is?')).not.toBeNull();
    expect(allowed.unknownPart('火警电话是？')).toBeNull();
    expect(allowed.unknownPart('n119')).not.toBeNull();
  });

  it('catch a control without a name', () => {
    const root = parseHtml('<main><button type="button"><span aria-hidden="true">✔</span></button><label><input type="radio"/>是</label><button aria-label="关闭">×</button></main>');
    expect(controls(root).map((c) => accessibleName(c, root))).toEqual(['', '是', '关闭']);
  });
});
