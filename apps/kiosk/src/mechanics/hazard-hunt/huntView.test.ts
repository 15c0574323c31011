import { describe, expect, it } from 'vitest';
import { eventsTo, firePack, l, play, stepOfKind, stepState, t } from '../../play/testScenario.ts';
import { allFound, foundProps, huntFeedback, huntReview } from './huntView.ts';

const { scenario } = firePack();
const hunt = stepOfKind(scenario, 'hazard-hunt');
const [first, second] = hunt.hazards;
const decoy = scenario.scene.props.find((p) => !hunt.hazards.some((h) => h.prop === p.id))!;
const toHunt = eventsTo(scenario, hunt.id);
const inspect = (propId: string) => ({ stepId: hunt.id, event: { type: 'inspect', propId } });
const huntAfter = (...props: string[]) => stepState<'hazard-hunt'>(play(scenario, [...toHunt, ...props.map(inspect)]), hunt.id);

describe('huntFeedback', () => {
  it('says nothing before the first tap', () => {
    expect(huntFeedback(hunt, scenario.scene, null, t, l)).toBeNull();
  });

  it('names a found hazard and explains it', () => {
    expect(huntFeedback(hunt, scenario.scene, huntAfter(first!.prop).inspection, t, l)).toEqual({
      tone: 'good',
      title: `mechanics.hazard-hunt.foundHazard {"name":${JSON.stringify(first!.name.en)}}`,
      body: first!.feedback.en,
    });
  });

  it('says when a hazard was already found, and when a prop is fine', () => {
    expect(huntFeedback(hunt, scenario.scene, huntAfter(first!.prop, first!.prop).inspection, t, l)).toEqual({
      tone: 'info',
      title: `mechanics.hazard-hunt.alreadyFound {"name":${JSON.stringify(first!.name.en)}}`,
    });
    expect(huntFeedback(hunt, scenario.scene, huntAfter(decoy.id).inspection, t, l)).toEqual({
      tone: 'info',
      title: `mechanics.hazard-hunt.notAHazard {"label":${JSON.stringify(decoy.label.en)}}`,
    });
  });

  it('falls back to the prop id for a prop the scene no longer has', () => {
    expect(huntFeedback(hunt, scenario.scene, { propId: 'gone', result: 'not-a-hazard' }, t, l)!.title).toBe('mechanics.hazard-hunt.notAHazard {"label":"gone"}');
  });
});

describe('found props and the review', () => {
  it('lists found props, all-found, and every hazard as found or missed in pack order', () => {
    const state = huntAfter(second!.prop);
    expect(foundProps(hunt, state)).toEqual([second!.prop]);
    expect(allFound(hunt, state)).toBe(false);
    const review = huntReview(hunt, state);
    expect(review.map((r) => r.hazard.id)).toEqual(hunt.hazards.map((h) => h.id));
    expect(review.filter((r) => r.found).map((r) => r.hazard.id)).toEqual([second!.id]);
    expect(allFound(hunt, huntAfter(...hunt.hazards.map((h) => h.prop)))).toBe(true);
  });
});
