// What the hazard hunt and its review show, derived from the run: shared by the touch and VR steps.
import type { Hazard, Scenario } from '@ruyi/pack-schema';
import type { Inspection, RunState } from '@ruyi/scenario-engine';
import type { Localize, Translate } from './viewText.ts';

export interface HuntFeedback {
  /** good: a hazard was found; info: anything else. */
  tone: 'good' | 'info';
  title: string;
  body?: string;
}

/** The line about the visitor's last tap (or trigger pull) on a prop; null before the first. */
export function huntFeedback(scenario: Scenario, inspection: Inspection | null, t: Translate, l: Localize): HuntFeedback | null {
  if (!inspection) return null;
  const hazard = (id: string) => scenario.hazardHunt.hazards.find((h) => h.id === id)!;
  if (inspection.result === 'found') {
    const h = hazard(inspection.hazardId);
    return { tone: 'good', title: t('hunt.foundHazard', { name: l(h.name) }), body: l(h.feedback) };
  }
  if (inspection.result === 'already-found') return { tone: 'info', title: t('hunt.alreadyFound', { name: l(hazard(inspection.hazardId).name) }) };
  const prop = scenario.scene.props.find((p) => p.id === inspection.propId);
  return { tone: 'info', title: t('hunt.notAHazard', { label: prop ? l(prop.label) : inspection.propId }) };
}

/** Props whose hazard has been found (the scene marks them). */
export function foundProps(scenario: Scenario, state: RunState): string[] {
  return scenario.hazardHunt.hazards.filter((h) => state.found.includes(h.id)).map((h) => h.prop);
}

export function allFound(scenario: Scenario, state: RunState): boolean {
  return state.found.length === scenario.hazardHunt.hazards.length;
}

/** Every hazard of the scenario, in pack order, found or missed. */
export function huntReview(scenario: Scenario, state: RunState): { hazard: Hazard; found: boolean }[] {
  return scenario.hazardHunt.hazards.map((hazard) => ({ hazard, found: state.found.includes(hazard.id) }));
}
