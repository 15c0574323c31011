import type { DecisionChoice, DecisionNode, Scenario } from '@ruyi/pack-schema';
import type { RunState } from '@ruyi/scenario-engine';

export interface DecisionView {
  node: DecisionNode;
  /** The choice just taken, while its consequence shows; null while the visitor decides. */
  chosen: DecisionChoice | null;
  /** The drill's first decision, still open: the intro is shown with it. */
  first: boolean;
}

/** The decision on screen, or null once the drill has ended. */
export function decisionView(scenario: Scenario, state: RunState): DecisionView | null {
  const node = scenario.decisions.nodes.find((n) => n.id === state.nodeId);
  if (!node) return null;
  const chosen = node.choices.find((c) => c.id === state.pendingChoice) ?? null;
  return { node, chosen, first: state.decisions.length === 0 && !chosen };
}
