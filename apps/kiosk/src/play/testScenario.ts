// For the view tests: the real fire pack, played through the real engine, with text functions that show their inputs.
import { localize, type Pack, type Scenario } from '@ruyi/pack-schema';
import { readContent } from '@ruyi/pack-schema/node';
import { next, startRun, type RunEvent, type RunState } from '@ruyi/scenario-engine';
import type { Localize, Translate } from './viewText.ts';

export function firePack(): { pack: Pack; scenario: Scenario } {
  const pack = readContent('content').packs.find((p) => p.id === 'fire-dehui-2013');
  if (!pack) throw new Error('the fire pack did not load');
  return { pack, scenario: pack.scenarios[0]! };
}

type Event = RunEvent extends infer E ? (E extends unknown ? Omit<E, 'now'> : never) : never;

export function play(scenario: Scenario, events: Event[]): RunState {
  return events.reduce((s, e, i) => next(scenario, s, { ...e, now: 1000 * (i + 1) } as RunEvent).state, startRun(scenario, 0));
}

/** `key {"a":1}`: what was asked for, readable in expectations. */
export const t: Translate = (key, options) => (options ? `${key} ${JSON.stringify(options)}` : key);
export const l: Localize = (text) => localize(text, 'en');
