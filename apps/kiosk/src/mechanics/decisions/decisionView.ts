import { choiceOrder, type DecisionChoice, type DecisionNode, type DecisionsState, type DecisionsStep } from '@ruyi/mechanics';

export interface DecisionView {
  node: DecisionNode;
  /** The node's choices in the order this run shows them (shuffled by the run's seed unless the step says not to). */
  choices: DecisionChoice[];
  /** The choice just taken, while its consequence shows; null while the visitor decides. */
  chosen: DecisionChoice | null;
  /** The drill's first decision, still open: the intro is shown with it. */
  first: boolean;
}

/** The decision on screen, or null when the state names none of the step's decisions. */
export function decisionView(step: DecisionsStep, state: DecisionsState, seed: number): DecisionView | null {
  const node = step.nodes.find((n) => n.id === state.nodeId);
  if (!node) return null;
  const chosen = node.choices.find((c) => c.id === state.pending) ?? null;
  return { node, choices: choiceOrder(step, node, seed), chosen, first: state.taken.length === 0 && !chosen };
}
