import { describe, expect, it } from 'vitest';
import { allFound, foundProps, huntFeedback, huntReview } from './huntView.ts';
import { firePack, l, play, t } from './testScenario.ts';

const { scenario } = firePack();
const [first, second] = scenario.hazardHunt.hazards;
const decoy = scenario.scene.props.find((p) => !scenario.hazardHunt.hazards.some((h) => h.prop === p.id))!;

describe('huntFeedback', () => {
  it('says nothing before the first tap', () => {
    expect(huntFeedback(scenario, null, t, l)).toBeNull();
  });

  it('names a found hazard and explains it', () => {
    const state = play(scenario, [{ type: 'begin-hunt' }, { type: 'inspect', propId: first!.prop }]);
    expect(huntFeedback(scenario, state.inspection, t, l)).toEqual({
      tone: 'good',
      title: `hunt.foundHazard {"name":${JSON.stringify(first!.name.en)}}`,
      body: first!.feedback.en,
    });
  });

  it('says when a hazard was already found, and when a prop is fine', () => {
    const again = play(scenario, [{ type: 'begin-hunt' }, { type: 'inspect', propId: first!.prop }, { type: 'inspect', propId: first!.prop }]);
    expect(huntFeedback(scenario, again.inspection, t, l)).toEqual({ tone: 'info', title: `hunt.alreadyFound {"name":${JSON.stringify(first!.name.en)}}` });
    const fine = play(scenario, [{ type: 'begin-hunt' }, { type: 'inspect', propId: decoy.id }]);
    expect(huntFeedback(scenario, fine.inspection, t, l)).toEqual({ tone: 'info', title: `hunt.notAHazard {"label":${JSON.stringify(decoy.label.en)}}` });
  });

  it('falls back to the prop id for a prop the scene no longer has', () => {
    expect(huntFeedback(scenario, { propId: 'gone', result: 'not-a-hazard' }, t, l)!.title).toBe('hunt.notAHazard {"label":"gone"}');
  });
});

describe('found props and the review', () => {
  it('lists found props, all-found, and every hazard as found or missed in pack order', () => {
    const state = play(scenario, [{ type: 'begin-hunt' }, { type: 'inspect', propId: second!.prop }]);
    expect(foundProps(scenario, state)).toEqual([second!.prop]);
    expect(allFound(scenario, state)).toBe(false);
    const review = huntReview(scenario, state);
    expect(review.map((r) => r.hazard.id)).toEqual(scenario.hazardHunt.hazards.map((h) => h.id));
    expect(review.filter((r) => r.found).map((r) => r.hazard.id)).toEqual([second!.id]);
    const every = play(scenario, [{ type: 'begin-hunt' }, ...scenario.hazardHunt.hazards.map((h) => ({ type: 'inspect' as const, propId: h.prop }))]);
    expect(allFound(scenario, every)).toBe(true);
  });
});
