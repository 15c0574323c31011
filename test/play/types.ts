// What a touch player is: given the page on a step of a mechanic, it plays that step to its end by taps alone, finding
// every control by its accessible name from the pack's own texts (choices are shuffled per visit), and waits for the
// step's states, never for time.
import type { Page } from '@playwright/test';
import type { MechanicName, StepConfigOf } from '@ruyi/mechanics';
import type { Scenario } from '@ruyi/pack-schema';

export type Skill = 'good';
export type Locale = 'zh-CN' | 'en';

export interface PlayContext {
  page: Page;
  scenario: Scenario;
  locale: Locale;
  skill: Skill;
  /**
   * True when the page runs on Playwright's clock (installed before the app loaded): a player whose mechanic measures
   * real time between taps (rhythm) pauses it and steps it, so the pace is exact and the test does not wait for it.
   */
  clock: boolean;
  /**
   * Called by a player on each screen of its step worth checking (the step's first screen at least): the caller runs
   * axe-core there and, where the screen shows the 3D scene, reads its draw statistics.
   */
  checkpoint(screen: string): Promise<void>;
}

/** The points a step should have earned, as the result screen's breakdown shows them. */
export interface StepOutcome {
  /** Exact, or a range where the mechanic pays by time the test cannot fix (a hunt's early finds). */
  points: number | { atLeast: number; atMost: number };
  maxPoints: number;
}

export type TouchPlayer<N extends MechanicName> = (ctx: PlayContext, step: StepConfigOf<N>) => Promise<StepOutcome>;
