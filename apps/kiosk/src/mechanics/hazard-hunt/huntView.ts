// What the hazard hunt and its review show, derived from the step's state: shared by the touch and VR views.
import type { HazardDef, HazardHuntStep, HuntState, Inspection } from '@ruyi/mechanics';
import type { Scene } from '@ruyi/pack-schema';
import type { Localize, Translate } from '../../play/viewText.ts';

export interface HuntFeedback {
  /** good: a hazard was found; info: anything else. */
  tone: 'good' | 'info';
  title: string;
  body?: string;
}

/** The line about the visitor's last tap (or trigger pull) on a prop; null before the first. */
export function huntFeedback(step: HazardHuntStep, scene: Scene, inspection: Inspection | null, t: Translate, l: Localize): HuntFeedback | null {
  if (!inspection) return null;
  const hazard = (id: string) => step.hazards.find((h) => h.id === id);
  if (inspection.result === 'found') {
    const h = hazard(inspection.hazardId);
    if (h) return { tone: 'good', title: t('mechanics.hazard-hunt.foundHazard', { name: l(h.name) }), body: l(h.feedback) };
  }
  if (inspection.result === 'already-found') {
    const h = hazard(inspection.hazardId);
    if (h) return { tone: 'info', title: t('mechanics.hazard-hunt.alreadyFound', { name: l(h.name) }) };
  }
  const prop = scene.props.find((p) => p.id === inspection.propId);
  return { tone: 'info', title: t('mechanics.hazard-hunt.notAHazard', { label: prop ? l(prop.label) : inspection.propId }) };
}

const isFound = (state: HuntState, hazardId: string) => state.found.some((f) => f.hazardId === hazardId);

/** Props whose hazard has been found (the scene marks them). */
export function foundProps(step: HazardHuntStep, state: HuntState): string[] {
  return step.hazards.filter((h) => isFound(state, h.id)).map((h) => h.prop);
}

export function allFound(step: HazardHuntStep, state: HuntState): boolean {
  return step.hazards.every((h) => isFound(state, h.id));
}

/** Every hazard of the step, in pack order, found or missed. */
export function huntReview(step: HazardHuntStep, state: HuntState): { hazard: HazardDef; found: boolean }[] {
  return step.hazards.map((hazard) => ({ hazard, found: isFound(state, hazard.id) }));
}
