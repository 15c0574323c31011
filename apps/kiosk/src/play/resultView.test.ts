import { scoreRun } from '@ruyi/scenario-engine';
import { describe, expect, it } from 'vitest';
import { caseCardSources, sourceLine } from './caseCardView.ts';
import { resultView } from './resultView.ts';
import { firePack, l, play, t } from './testScenario.ts';

const { pack, scenario } = firePack();

describe('resultView', () => {
  it('words the engine\'s score: total, verdict and one line per part', () => {
    const state = play(scenario, [{ type: 'begin-hunt' }, { type: 'inspect', propId: scenario.hazardHunt.hazards[0]!.prop }]);
    const score = scoreRun(scenario, state);
    const view = resultView(scenario, state, t);
    expect(view.score).toEqual(score);
    expect(view.scoreText).toBe(`result.score {"raw":${score.raw},"max":${score.max},"percent":${Math.round(score.scaled * 100)}}`);
    expect(view.passed).toBe(false);
    expect(view.verdict).toBe('result.failed');
    expect(view.breakdown).toEqual([
      `result.hazards ${JSON.stringify(score.hazards)}`,
      `result.decisions ${JSON.stringify(score.decisions)}`,
      `result.quiz ${JSON.stringify(score.quiz)}`,
    ]);
  });
});

describe('case card sources', () => {
  it('resolves the card\'s sources in its order and writes each as one line', () => {
    const sources = caseCardSources(pack, scenario.caseCard);
    expect(sources.map((s) => s.id)).toEqual(scenario.caseCard.sources);
    const s = sources[0]!;
    expect(sourceLine(s, l)).toBe([s.title.en, s.publisher, s.url].filter(Boolean).join(' · '));
  });
});
