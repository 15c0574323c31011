// A drill of decisions: the story asks, the visitor chooses, the consequence shows. A choice may lead to another
// decision of the drill, or out of it to another step of the scenario. Choices show in an order shuffled per visit.
import { Id, LocalizedText, SourceRef } from '@ruyi/pack-schema/primitives';
import { coded, codedError } from '@ruyi/pack-schema/messages';
import { z } from 'zod';
import type { Mechanic, StepOf } from '../contract.ts';
import { duplicates, list, oneOf, pointsEach, shuffled, shuffleField, StepTarget, tally } from '../common.ts';
import { locales } from './locales.ts';

const Choice = z.strictObject({
  id: Id,
  label: LocalizedText,
  consequence: LocalizedText.describe('What happens next in the story when this is chosen.'),
  safe: z.boolean().describe('true for the safe choice; a visitor scores for safe choices.'),
  next: Id.describe('Optional: the id of the next decision in this drill; leave it out when the drill ends here.').optional(),
  goto: StepTarget.optional().describe('Optional, with no next: the step of the scenario the drill leads to after this choice (a step id, or end).'),
  source: SourceRef.optional(),
});

const Node = z.strictObject({
  id: Id.describe('The decision\'s id, unique in the scenario.'),
  prompt: LocalizedText,
  choices: z.array(Choice).min(2, { error: codedError('mechanic.decision-two-choices') }),
});

const fields = {
  intro: LocalizedText,
  start: Id.describe('The id of the first decision.'),
  pointsPerSafeChoice: pointsEach(),
  shuffle: shuffleField('the choices'),
  nodes: z.array(Node).min(1),
};

type Config = z.infer<z.ZodObject<typeof fields>>;
export type DecisionsStep = StepOf<Config>;
export type DecisionNode = z.infer<typeof Node>;
export type DecisionChoice = z.infer<typeof Choice>;

export interface DecisionTaken {
  nodeId: string;
  choiceId: string;
  safe: boolean;
}

export interface DecisionsState {
  /** The decision on screen. */
  nodeId: string;
  /** Set after a choice, while its consequence is shown and before the visitor continues. */
  pending: string | null;
  taken: DecisionTaken[];
}

export type DecisionsEvent = { type: 'choose'; choiceId: string } | { type: 'continue' };
type DecisionRecord = { type: 'decision'; nodeId: string; choiceId: string; safe: boolean; order: string[] };

/** The choices of a decision in the order this run shows them. */
export function choiceOrder(step: Pick<Config, 'shuffle'>, node: DecisionNode, seed: number): DecisionChoice[] {
  return step.shuffle ? shuffled(node.choices, seed, node.id) : [...node.choices];
}

const nodeOf = (step: DecisionsStep, id: string | null) => step.nodes.find((n) => n.id === id);

export const decisions = {
  name: 'decisions',
  stepActivity: 'simulation',
  description: 'A drill of decisions: each shows a situation and choices; a choice shows its consequence and leads to the next decision or another step.',
  fields,
  knowledgePassAt: null,
  start: (step) => ({ nodeId: step.start, pending: null, taken: [] }),
  next(step, state, event, env) {
    const node = nodeOf(step, state.nodeId);
    if (!node) return { state, records: [] };
    if (event.type === 'choose') {
      const choice = node.choices.find((c) => c.id === event.choiceId);
      if (state.pending !== null || !choice) return { state, records: [] };
      const taken = { nodeId: node.id, choiceId: choice.id, safe: choice.safe };
      const order = choiceOrder(step, node, env.seed).map((c) => c.id);
      return { state: { ...state, taken: [...state.taken, taken], pending: choice.id }, records: [{ type: 'decision', ...taken, order }] };
    }
    if (state.pending === null) return { state, records: [] };
    const choice = node.choices.find((c) => c.id === state.pending);
    if (choice?.next) return { state: { ...state, nodeId: choice.next, pending: null }, records: [] };
    return { state, records: [], done: true, ...(choice?.goto ? { goto: choice.goto } : {}) };
  },
  // Counted against the decisions faced: an unsafe choice can branch into extra decisions, and a longer path must not
  // lower the best reachable score.
  score: (step, state) => {
    const safe = state.taken.filter((d) => d.safe).length;
    return tally(safe, state.taken.length, safe * step.pointsPerSafeChoice, state.taken.length * step.pointsPerSafeChoice);
  },
  missed: (step, state) => state.taken.filter((d) => !d.safe).flatMap((d) => nodeOf(step, d.nodeId)?.prompt ?? []),
  records: {
    decision: {
      fields: { nodeId: Id, choiceId: Id, safe: z.boolean(), order: z.array(Id).max(20) },
      segment: 'decisions',
      itemField: 'nodeId',
      activityType: 'interaction',
      verb: 'answered',
      interaction: (step, r) => {
        const node = nodeOf(step, r.nodeId);
        // Every safe choice is a right response: a drill may have more than one.
        return node && { prompt: node.prompt, choices: node.choices, patterns: node.choices.filter((c) => c.safe).map((c) => c.id) };
      },
      check(step, r) {
        const node = nodeOf(step, r.nodeId);
        const choice = node?.choices.find((c) => c.id === r.choiceId);
        if (!node) return [{ field: 'nodeId', message: `unknown decision '${r.nodeId}' in step '${step.id}': its decisions are ${list(step.nodes.map((n) => n.id))}` }];
        if (!choice) return [{ field: 'choiceId', message: `unknown choice '${r.choiceId}' in decision '${node.id}': its choices are ${list(node.choices.map((c) => c.id))}` }];
        if (r.safe !== choice.safe)
          return [{ field: 'safe', message: `must be ${choice.safe}: choice '${choice.id}' of decision '${node.id}' is ${choice.safe ? 'safe' : 'unsafe'} in the pack` }];
        return [];
      },
      extensions: ['choice-order'],
      toResult: (r) => ({ response: r.choiceId, success: r.safe, extensions: { 'choice-order': r.order } }),
      fromResult: (result) => ({ choiceId: result.response, safe: result.success, order: result.extensions?.['choice-order'] }),
    },
  },
  eventsFor(step, state, record) {
    const node = nodeOf(step, record.nodeId);
    if (!node?.choices.some((c) => c.id === record.choiceId)) return null;
    const choose = { type: 'choose' as const, choiceId: record.choiceId, now: 0 };
    // "Continue" after the last consequence is silent: made again before a choice of another decision.
    return state.pending !== null && state.nodeId !== record.nodeId ? [{ type: 'continue', now: 0 }, choose] : [choose];
  },
  endEvents: (_step, state) => (state.pending !== null ? [{ type: 'continue' }] : []),
  ids: (step) => step.nodes.map((n) => n.id),
  targets: (step) =>
    step.nodes.flatMap((n, i) => n.choices.flatMap((c, j) => (c.goto ? [{ path: ['nodes', i, 'choices', j, 'goto'], to: c.goto }] : []))),
  references(step) {
    const issues = duplicates(step.nodes, (n) => n.id, (i) => ['nodes', i, 'id'], 'decision');
    const ids = [...new Set(step.nodes.map((n) => n.id))];
    if (!ids.includes(step.start)) issues.push({ path: ['start'], ...coded('mechanic.decision-unknown', { id: step.start, known: oneOf(ids) }) });
    step.nodes.forEach((node, n) => {
      issues.push(...duplicates(node.choices, (c) => c.id, (i) => ['nodes', n, 'choices', i, 'id'], 'choice'));
      node.choices.forEach((c, i) => {
        if (c.next !== undefined && !ids.includes(c.next))
          issues.push({ path: ['nodes', n, 'choices', i, 'next'], ...coded('mechanic.decision-unknown', { id: c.next, known: oneOf(ids) }) });
        if (c.next !== undefined && c.goto !== undefined)
          issues.push({ path: ['nodes', n, 'choices', i, 'goto'], ...coded('mechanic.next-or-goto') });
      });
      if (!node.choices.some((c) => c.safe)) issues.push({ path: ['nodes', n, 'choices'], ...coded('mechanic.decision-safe') });
    });
    // Every decision reachable from the start, and no loop: a visitor's drill always ends.
    const byId = new Map(step.nodes.map((n) => [n.id, n]));
    const mark = new Map<string, 'visiting' | 'done'>();
    const visit = (id: string): void => {
      mark.set(id, 'visiting');
      const node = byId.get(id)!;
      node.choices.forEach((c, j) => {
        if (!c.next || !byId.has(c.next)) return;
        const m = mark.get(c.next);
        if (m === 'visiting')
          issues.push({ path: ['nodes', step.nodes.indexOf(node), 'choices', j, 'next'], ...coded('mechanic.decision-loop', { to: c.next }) });
        else if (m === undefined) visit(c.next);
      });
      mark.set(id, 'done');
    };
    if (byId.has(step.start)) {
      visit(step.start);
      step.nodes.forEach((node, n) => {
        if (!mark.has(node.id)) issues.push({ path: ['nodes', n, 'id'], ...coded('mechanic.decision-unreachable', { id: node.id, start: step.start }) });
      });
    }
    return issues;
  },
  locales,
  autoplay(step, state, _env, skill) {
    if (state.pending !== null) return { event: { type: 'continue' as const }, after: 5000 };
    const node = nodeOf(step, state.nodeId);
    const choice = node && (skill === 'good' ? node.choices.find((c) => c.safe) : (node.choices.find((c) => !c.safe) ?? node.choices[0]));
    return choice ? { event: { type: 'choose' as const, choiceId: choice.id }, after: 7000 } : null;
  },
  cue: (_step, before, after) => (after.taken.length > before.taken.length ? (after.taken.at(-1)!.safe ? 'find' : 'wrong') : null),
  example: {
    step: {
      intro: { 'zh-CN': '着火了。', en: 'There is a fire.' },
      start: 'first',
      nodes: [
        {
          id: 'first',
          prompt: { 'zh-CN': '怎么办？', en: 'What do you do?' },
          choices: [
            { id: 'alarm', label: { 'zh-CN': '报警', en: 'Raise the alarm' }, consequence: { 'zh-CN': '好。', en: 'Good.' }, safe: true, next: 'second' },
            { id: 'wait', label: { 'zh-CN': '等待', en: 'Wait' }, consequence: { 'zh-CN': '火变大了。', en: 'The fire grows.' }, safe: false, next: 'second' },
          ],
        },
        {
          id: 'second',
          prompt: { 'zh-CN': '然后呢？', en: 'And then?' },
          choices: [
            { id: 'leave', label: { 'zh-CN': '撤离', en: 'Leave' }, consequence: { 'zh-CN': '安全了。', en: 'You are safe.' }, safe: true },
            { id: 'lift', label: { 'zh-CN': '乘电梯', en: 'Take the lift' }, consequence: { 'zh-CN': '危险。', en: 'Dangerous.' }, safe: false },
          ],
        },
      ],
    },
    play: () => [
      { event: { type: 'choose', choiceId: 'alarm' }, at: 2000 },
      { event: { type: 'continue' }, at: 3000 },
      { event: { type: 'choose', choiceId: 'leave' }, at: 4000 },
      { event: { type: 'continue' }, at: 5000 },
    ],
    forged: () => ({ type: 'decision', nodeId: 'first', choiceId: 'alarm', safe: true, order: ['alarm', 'wait'] }),
  },
} satisfies Mechanic<'decisions', Config, DecisionsState, DecisionsEvent, DecisionRecord>;
