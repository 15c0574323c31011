import { scoreRun, type RunEvent } from '@ruyi/scenario-engine';
import { describe, expect, it } from 'vitest';
import { caseCardSources, sourceLine } from '../mechanics/case-card/caseCardView.ts';
import { celebrationWords, resultView } from './resultView.ts';
import { eventsTo, firePack, l, play, stepOfKind, t } from './testScenario.ts';

const { pack, scenario } = firePack();
const card = stepOfKind(scenario, 'case-card');
const hunt = stepOfKind(scenario, 'hazard-hunt');
const drill = stepOfKind(scenario, 'decisions');
const quiz = stepOfKind(scenario, 'quiz');
type Event = Omit<RunEvent, 'now'>;

/** A whole run: `found` hazards, the safe choice at every decision, and the quiz with `rightAnswers` questions right. */
function wholeRun(found: number, rightAnswers: number) {
  const events: Event[] = [...eventsTo(scenario, hunt.id)];
  for (const h of hunt.hazards.slice(0, found)) events.push({ stepId: hunt.id, event: { type: 'inspect', propId: h.prop } });
  events.push({ stepId: hunt.id, event: { type: 'end-search' } }, { stepId: hunt.id, event: { type: 'continue' } });
  let node = drill.nodes.find((n) => n.id === drill.start);
  while (node) {
    const safe = node.choices.find((c) => c.safe)!;
    events.push({ stepId: drill.id, event: { type: 'choose', choiceId: safe.id } }, { stepId: drill.id, event: { type: 'continue' } });
    node = drill.nodes.find((n) => n.id === safe.next);
  }
  quiz.questions.forEach((q, i) => {
    const choiceIds = i < rightAnswers ? q.answer : [q.choices.find((c) => !q.answer.includes(c.id))!.id];
    events.push({ stepId: quiz.id, event: { type: 'answer', choiceIds } }, { stepId: quiz.id, event: { type: 'next' } });
  });
  const run = play(scenario, events);
  expect(run.current).toBeNull();
  return run;
}

describe('resultView', () => {
  it('a run with everything right passes: its total, its verdict, a line per step with points, nothing missed', () => {
    const run = wholeRun(hunt.hazards.length, quiz.questions.length);
    const score = scoreRun(scenario, run);
    const view = resultView(scenario, run, t, l);
    expect(view.score).toEqual(score);
    expect(view.passed).toBe(true);
    expect(view.scoreText).toBe(`result.score {"raw":${score.raw},"max":${score.max},"percent":100}`);
    expect(view.verdict).toBe('result.passed');
    expect(view.breakdown).toEqual(
      score.steps.filter((s) => s.tally.maxPoints > 0).map((s) => `result.stepScore {"name":"mechanics.${s.mechanic}.title","points":${s.tally.points},"max":${s.tally.maxPoints}}`),
    );
    expect(view.missed).toEqual([]);
    expect(view.celebration).toEqual({ level: 'excellent', stars: 3, burst: true });
    expect(celebrationWords(view.celebration, t)).toBe('result.celebration.excellent {"stars":3,"max":3}');
  });

  it('1 right quiz answer fails the knowledge check, whatever the points, and says so; the missed questions are listed', () => {
    const run = wholeRun(hunt.hazards.length, 1);
    const view = resultView(scenario, run, t, l);
    expect(view.passed).toBe(false);
    expect(view.verdict).toBe(`result.failedCheck {"step":"mechanics.quiz.title","right":1,"total":${quiz.questions.length},"needed":60}`);
    expect(view.verdict).not.toContain('passed');
    expect(view.celebration.level).toBe('try-again');
    expect(celebrationWords(view.celebration, t)).toBe('result.celebration.tryAgain');
    expect(view.missed).toEqual([{ stepId: quiz.id, name: 'mechanics.quiz.title', items: quiz.questions.slice(1).map((q) => q.prompt.en) }]);
  });

  it('too few points fails on the score; missed hazards show under the hunt', () => {
    // Nothing found and the quiz just passed: the knowledge check holds, the points (against a stricter pass mark) do not.
    const strict = { ...scenario, result: { ...scenario.result, passScore: 0.9 } };
    const run = wholeRun(0, Math.ceil(quiz.questions.length * 0.6));
    const score = scoreRun(strict, run);
    expect(score.steps.every((s) => s.passed !== false)).toBe(true);
    expect(score.scaled).toBeLessThan(0.9);
    const view = resultView(strict, run, t, l);
    expect(view.passed).toBe(false);
    expect(view.verdict).toBe(`result.failedScore {"percent":${Math.round(score.scaled * 100)},"needed":90}`);
    expect(view.missed[0]).toEqual({ stepId: hunt.id, name: 'mechanics.hazard-hunt.title', items: hunt.hazards.map((h) => h.name.en) });
  });
});

describe('case card sources', () => {
  it('resolves the card\'s sources in its order and writes each as one line', () => {
    const sources = caseCardSources(pack, card);
    expect(sources.map((s) => s.id)).toEqual(card.sources);
    const s = sources[0]!;
    expect(sourceLine(s, l)).toBe([s.title.en, s.publisher, s.url].filter(Boolean).join(' · '));
  });
});
