// What the report's ids are called in the staff's language, from the packs and park the server has loaded (the same
// content index /operator reads): areas, scenarios ("pack/scenario"), questions, decisions and their choices, hazards.
// An id the loaded content does not know (a pack since removed, another park's pack on a hub) shows as itself.
import { localize, type LocalizedText } from '@ruyi/pack-schema';
import type { ContentResponse } from '../api/client.ts';

export interface Names {
  area(id: string): string;
  /** A scenario by its report key, `pack/scenario`. */
  scenario(key: string): string;
  /** A question, decision or hazard of a scenario's step. */
  item(scenario: string, step: string, item: string): string;
  /** A choice of a question or decision; a multiple-choice answer (`a[,]b`) lists each choice. */
  choice(scenario: string, step: string, item: string, choice: string): string;
  /** Where a decision's choice leads: the next decision of the drill (its prompt), or null when the drill ends there. */
  next(scenario: string, step: string, item: string, choice: string): string | null;
}

interface Choice {
  id: string;
  label: LocalizedText;
  /** A decision's choice: the next decision of the drill. */
  next?: string;
}
interface Item {
  id: string;
  prompt?: LocalizedText;
  name?: LocalizedText;
  choices?: Choice[];
}
/** The parts of a step the names come from: a quiz's questions, a drill's decisions, a hunt's hazards. */
interface NamedStep {
  id: string;
  questions?: Item[];
  nodes?: Item[];
  hazards?: Item[];
}

const key = (...parts: string[]) => parts.join('\u0000');

export function namesOf(content: Pick<ContentResponse, 'park' | 'packs'> | null, locale: string): Names {
  const areas = new Map<string, string>();
  const scenarios = new Map<string, string>();
  const items = new Map<string, string>();
  const choices = new Map<string, string>();
  const nexts = new Map<string, string>();
  for (const area of content?.park?.areas ?? []) areas.set(area.id, localize(area.name, locale));
  for (const pack of content?.packs ?? [])
    for (const scenario of pack.scenarios) {
      const s = `${pack.id}/${scenario.id}`;
      scenarios.set(s, localize(scenario.title, locale));
      for (const step of scenario.steps as unknown as NamedStep[])
        for (const item of [...(step.questions ?? []), ...(step.nodes ?? []), ...(step.hazards ?? [])]) {
          const text = item.prompt ?? item.name;
          if (text) items.set(key(s, step.id, item.id), localize(text, locale));
          for (const c of item.choices ?? []) {
            choices.set(key(s, step.id, item.id, c.id), localize(c.label, locale));
            if (c.next) nexts.set(key(s, step.id, item.id, c.id), c.next);
          }
        }
    }
  return {
    area: (id) => areas.get(id) ?? id,
    scenario: (k) => scenarios.get(k) ?? k,
    item: (s, step, item) => items.get(key(s, step, item)) ?? item,
    choice: (s, step, item, choice) =>
      choice
        .split('[,]')
        .map((c) => choices.get(key(s, step, item, c)) ?? c)
        .join(' + '),
    next: (s, step, item, choice) => {
      const next = nexts.get(key(s, step, item, choice));
      return next === undefined ? null : (items.get(key(s, step, next)) ?? next);
    },
  };
}
