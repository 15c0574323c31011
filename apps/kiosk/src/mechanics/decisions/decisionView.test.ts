import { choiceOrder, type DecisionsStep } from '@ruyi/mechanics';
import { describe, expect, it } from 'vitest';
import { eventsTo, firePack, play, SEED, stepOfKind, stepState } from '../../play/testScenario.ts';
import { decisionView } from './decisionView.ts';

const { scenario } = firePack();
const drill = stepOfKind(scenario, 'decisions');
const toDecisions = eventsTo(scenario, drill.id);
const start = drill.nodes.find((n) => n.id === drill.start)!;
const drillAfter = (...events: { type: string; choiceId?: string }[]) =>
  stepState<'decisions'>(play(scenario, [...toDecisions, ...events.map((event) => ({ stepId: drill.id, event }))]), drill.id);

describe('decisionView', () => {
  it('shows the first decision with the intro, nothing chosen', () => {
    expect(decisionView(drill, drillAfter(), SEED)).toEqual({ node: start, choices: choiceOrder(drill, start, SEED), chosen: null, first: true });
  });

  it('shows the consequence of a choice, and no intro any more', () => {
    const choice = start.choices[1]!;
    expect(decisionView(drill, drillAfter({ type: 'choose', choiceId: choice.id }), SEED)).toMatchObject({ node: start, chosen: choice, first: false });
  });

  it('moves on to the next decision without the intro', () => {
    const choice = start.choices.find((c) => c.next)!;
    const view = decisionView(drill, drillAfter({ type: 'choose', choiceId: choice.id }, { type: 'continue' }), SEED);
    expect(view).toMatchObject({ node: { id: choice.next }, chosen: null, first: false });
    expect(decisionView(drill, { nodeId: 'gone', pending: null, taken: [] }, SEED)).toBeNull();
  });

  it('shows the choices in the run\'s order: shuffled by the seed when the step shuffles, else as written', () => {
    const shuffled: DecisionsStep = { ...drill, shuffle: true };
    const seeds = [1, 2, 3, 4, 5, 6, 7, 8];
    const orders = seeds.map((seed) => decisionView(shuffled, drillAfter(), seed)!.choices.map((c) => c.id).join());
    expect(orders).toEqual(seeds.map((seed) => choiceOrder(shuffled, start, seed).map((c) => c.id).join()));
    expect(new Set(orders).size).toBeGreaterThan(1);
    expect([...orders[0]!.split(',')].sort()).toEqual(start.choices.map((c) => c.id).sort());
    expect(decisionView({ ...drill, shuffle: false }, drillAfter(), 1)!.choices).toEqual(start.choices);
  });
});
