import { describe, expect, it } from 'vitest';
import { decisionView } from './decisionView.ts';
import { firePack, play } from './testScenario.ts';

const { scenario } = firePack();
const toDecisions = [{ type: 'begin-hunt' }, { type: 'end-hunt' }, { type: 'begin-decisions' }] as const;
const start = scenario.decisions.nodes.find((n) => n.id === scenario.decisions.start)!;

describe('decisionView', () => {
  it('shows the first decision with the intro, nothing chosen', () => {
    expect(decisionView(scenario, play(scenario, [...toDecisions]))).toEqual({ node: start, chosen: null, first: true });
  });

  it('shows the consequence of a choice, and no intro any more', () => {
    const choice = start.choices[1]!;
    const view = decisionView(scenario, play(scenario, [...toDecisions, { type: 'choose', choiceId: choice.id }]));
    expect(view).toEqual({ node: start, chosen: choice, first: false });
  });

  it('moves on to the next decision without the intro, and ends with the drill', () => {
    const choice = start.choices[0]!;
    const state = play(scenario, [...toDecisions, { type: 'choose', choiceId: choice.id }, { type: 'continue' }]);
    expect(decisionView(scenario, state)).toMatchObject({ node: { id: choice.next }, chosen: null, first: false });
    expect(decisionView(scenario, play(scenario, []))).toBeNull();
  });
});
