// Runs played through the real engine on the real fire pack (content/packs) are borne out by their own records;
// ends no run bears out are refused with the field named.
import { readContent } from '@ruyi/pack-schema/node';
import type { Scenario } from '@ruyi/pack-schema';
import type { VisitRecord } from '@ruyi/records';
import { describe, expect, it } from 'vitest';
import { judgeScenarioEnd } from './evidence.ts';
import { recordBodyFor } from './records.ts';
import { next, startRun, type RunEvent, type RunOutcome } from './run.ts';

const content = readContent(new URL('../../../content/', import.meta.url).pathname);
const pack = content.packs.find((p) => p.id === 'fire-dehui-2013')!;
const fire: Scenario = pack.scenarios[0]!;
const scenario = fire;

interface Plan {
  /** How many of the scenario's hazards the visitor finds before ending the hunt. */
  finds?: number;
  /** Taps on a prop that is not a hazard, and the same hazard twice (silent). */
  wrongTaps?: boolean;
  /** Which choice of each decision node the visitor takes. */
  choose?: 'safe' | 'unsafe';
  /** Answers right, or the first wrong choice. */
  answers?: 'right' | 'wrong';
}

type Action = RunEvent extends infer E ? (E extends RunEvent ? Omit<E, 'now'> : never) : never;

let counter = 0;
const RUN = { packId: pack.id, scenarioId: scenario.id, runId: '6e0b5c2a-1f3d-4c7e-9a8b-00000000aaaa' };
const VISIT = { visitId: '3f1c2a9e-5b7d-4e8f-9a0b-1c2d3e4f5a6b', at: '2027-06-01T09:30:00.000Z', platform: 'kiosk' as const, locale: 'zh-CN' as const };
const toRecord = (outcome: RunOutcome): VisitRecord =>
  ({ ...recordBodyFor(outcome, RUN), ...VISIT, id: `6e0b5c2a-1f3d-4c7e-9a8b-${String(++counter).padStart(12, '0')}` }) as VisitRecord;

/** Plays the scenario as a visitor would through `next`, and returns the records the app makes of it. */
function play(plan: Plan = {}, scenario: Scenario = fire): { steps: VisitRecord[]; end: Extract<VisitRecord, { type: 'scenario-end' }> } {
  let state = startRun(scenario, 0);
  let now = 0;
  const outcomes: RunOutcome[] = [];
  const act = (event: Action) => {
    const step = next(scenario, state, { ...event, now: (now += 1000) } as RunEvent);
    state = step.state;
    outcomes.push(...step.outcomes);
  };
  act({ type: 'begin-hunt' });
  const hazards = scenario.hazardHunt.hazards.slice(0, plan.finds ?? scenario.hazardHunt.hazards.length);
  for (const hazard of hazards) act({ type: 'inspect', propId: hazard.prop });
  if (plan.wrongTaps) {
    const plain = scenario.scene.props.find((p) => !scenario.hazardHunt.hazards.some((h) => h.prop === p.id))!;
    act({ type: 'inspect', propId: plain.id });
    if (hazards[0]) act({ type: 'inspect', propId: hazards[0].prop });
  }
  act({ type: 'end-hunt' });
  act({ type: 'begin-decisions' });
  while (state.phase === 'decisions') {
    const node = scenario.decisions.nodes.find((n) => n.id === state.nodeId)!;
    const choice = node.choices.find((c) => c.safe === (plan.choose !== 'unsafe')) ?? node.choices[0]!;
    act({ type: 'choose', choiceId: choice.id });
    act({ type: 'continue' });
  }
  for (const question of scenario.quiz.questions) {
    const wrong = question.choices.find((c) => !question.answer.includes(c.id))!;
    act({ type: 'answer', choiceIds: plan.answers === 'wrong' ? [wrong.id] : question.answer });
    act({ type: 'next-question' });
  }
  const records = outcomes.map(toRecord);
  const end = records.pop()!;
  if (end.type !== 'scenario-end') throw new Error('the play did not end');
  return { steps: records, end };
}

const fields = (problems: { field: string }[]) => problems.map((p) => p.field);

describe('judgeScenarioEnd on played runs of the fire pack', () => {
  it.each<[string, Plan]>([
    ['a perfect run', {}],
    ['a hunt ended early, with wrong taps', { finds: 2, wrongTaps: true }],
    ['no hazard found at all', { finds: 0 }],
    ['every unsafe branch, every answer wrong', { choose: 'unsafe', answers: 'wrong' }],
    ['unsafe choices, a short hunt, right answers', { choose: 'unsafe', finds: 1, answers: 'right' }],
  ])('accepts %s, and gives the score the engine gave', (_name, plan) => {
    const { steps, end } = play(plan);
    const judged = judgeScenarioEnd(scenario, steps, end);
    expect(judged.problems).toEqual([]);
    expect({ raw: judged.score.raw, max: judged.score.max, scaled: judged.score.scaled, passed: judged.score.passed }).toEqual({ ...end.score, passed: end.passed });
  });

  it('takes an unsafe branch into its extra decisions and counts them against the decisions faced', () => {
    // The fire pack's drill has one path; a variant where an unsafe choice leads through one more decision.
    const [first, ...rest] = scenario.decisions.nodes;
    const detour = { id: 'detour', prompt: first!.prompt, choices: first!.choices.map((c) => ({ ...c, next: first!.choices[0]!.next })) };
    const branching: Scenario = {
      ...scenario,
      decisions: { ...scenario.decisions, nodes: [{ ...first!, choices: first!.choices.map((c) => (c.safe ? c : { ...c, next: 'detour' })) }, detour, ...rest] },
    };
    const unsafe = play({ choose: 'unsafe' }, branching);
    const safe = play({ choose: 'safe' }, branching);
    const decisions = (steps: VisitRecord[]) => steps.filter((r) => r.type === 'decision').map((r) => r.type === 'decision' && r.nodeId);
    expect(decisions(unsafe.steps)).toEqual([first!.id, 'detour', ...decisions(safe.steps).slice(1)]);
    expect(unsafe.end.score.max).toBeGreaterThan(safe.end.score.max);
    expect(judgeScenarioEnd(branching, unsafe.steps, unsafe.end).problems).toEqual([]);
    expect(judgeScenarioEnd(branching, safe.steps, safe.end).problems).toEqual([]);
    // Judged by the pack's own drill, which has no such branch, the detour counts for nothing.
    expect(fields(judgeScenarioEnd(scenario, unsafe.steps, unsafe.end).problems)).toContain('score.max');
  });

  it('refuses a perfect end with nothing behind it, naming raw, max, passed and the missing steps', () => {
    const { end } = play();
    const claim = { score: { raw: 1, max: 1, scaled: 1 }, passed: true };
    const judged = judgeScenarioEnd(scenario, [], claim);
    expect(fields(judged.problems)).toEqual(['score.raw', 'score.max', 'score.scaled', 'passed', 'run']);
    const hazards = scenario.hazardHunt.hazards.length;
    const questions = scenario.quiz.questions.length;
    expect(judged.problems[0]!.message).toBe(
      `the run found 0 of ${hazards} hazards, took 0 safe decisions of 0 and answered 0 of ${questions} questions right: its score is 0, not 1`,
    );
    expect(judged.problems[4]!.message).toMatch(/never left the case card/);
    // The genuine end's claim is refused too: the evidence, not the claim, decides.
    expect(fields(judgeScenarioEnd(scenario, [], end).problems)).toContain('score.raw');
  });

  it('derives the maximum from the pack, not from the claim', () => {
    const { steps, end } = play({ finds: 1, choose: 'unsafe', answers: 'wrong' });
    const judged = judgeScenarioEnd(scenario, steps, { ...end, score: { raw: end.score.raw, max: end.score.raw, scaled: 1 }, passed: true });
    expect(fields(judged.problems)).toEqual(['score.max', 'score.scaled', 'passed']);
    expect(judged.score.max).toBe(end.score.max);
  });

  it('refuses an end whose quiz is not fully answered', () => {
    const { steps, end } = play();
    const lastAnswer = steps.findLastIndex((r) => r.type === 'answer');
    const judged = judgeScenarioEnd(scenario, steps.toSpliced(lastAnswer, 1), end);
    const lastQuestion = scenario.quiz.questions.at(-1)!.id;
    expect(judged.problems).toContainEqual({ field: 'run', message: `is not finished: the run never answered question '${lastQuestion}'` });
    expect(fields(judged.problems)).toContain('score.raw');
  });

  it('refuses a hazard found twice (a forged find adds nothing)', () => {
    const { steps, end } = play({ finds: 2 });
    const find = steps.find((r) => r.type === 'hazard-found')!;
    const twice = steps.toSpliced(steps.indexOf(find) + 1, 0, { ...find, id: '6e0b5c2a-1f3d-4c7e-9a8b-0000000fffff' });
    const judged = judgeScenarioEnd(scenario, twice, end);
    expect(judged.problems).toEqual([{ field: 'run', message: expect.stringMatching(/already found/) }]);
    // Claiming the duplicate's points is refused on the score as well.
    const greedy = judgeScenarioEnd(scenario, twice, { ...end, score: { ...end.score, raw: end.score.raw + 10, scaled: (end.score.raw + 10) / end.score.max } });
    expect(fields(greedy.problems)).toEqual(['score.raw', 'score.scaled', 'run']);
  });

  it('refuses a decision that does not follow the branch taken before it', () => {
    const { steps, end } = play();
    const decisions = steps.filter((r) => r.type === 'decision');
    // Skipping the first decision: the second is not reachable from the start.
    const judged = judgeScenarioEnd(scenario, steps.filter((r) => r !== decisions[0]), end);
    expect(judged.problems).toContainEqual({ field: 'run', message: expect.stringMatching(new RegExp(`decision '${decisions[1]!.type === 'decision' && decisions[1]!.nodeId}' does not follow`)) });
  });

  it('refuses steps out of order (an answer before the quiz)', () => {
    const { steps, end } = play();
    const answer = steps.find((r) => r.type === 'answer')!;
    const early = [answer, ...steps.filter((r) => r !== answer)];
    const judged = judgeScenarioEnd(scenario, early, end);
    expect(judged.problems).toContainEqual({ field: 'run', message: expect.stringMatching(/not in the quiz/) });
  });

  it('passes over records of things the scenario no longer has (a run carried over to a new version)', () => {
    const { steps, end } = play();
    const gone = { ...steps.find((r) => r.type === 'hazard-found')!, id: '6e0b5c2a-1f3d-4c7e-9a8b-0000000eeeee', hazardId: 'removed-hazard' } as VisitRecord;
    expect(judgeScenarioEnd(scenario, [gone, ...steps], end).problems).toEqual([]);
  });
});
