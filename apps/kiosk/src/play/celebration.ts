// How the result celebrates: matched to the run's score, so a visitor who did well gets stars and a burst of
// confetti, and one who did not gets warm words and "try again" up front. Stars are always said in words too.

export type CelebrationLevel = 'excellent' | 'passed' | 'try-again';

export interface Celebration {
  level: CelebrationLevel;
  /** 0 to MAX_STARS. */
  stars: number;
  /** Confetti for the best runs only (and never under reduced motion: the view decides that). */
  burst: boolean;
}

export const MAX_STARS = 3;
/** The share of the points from which a passed run earns three stars, and two. */
export const EXCELLENT_FROM = 0.9;
export const GOOD_FROM = 0.7;

export function celebration(score: { passed: boolean; scaled: number }): Celebration {
  if (!score.passed) return { level: 'try-again', stars: 0, burst: false };
  if (score.scaled >= EXCELLENT_FROM) return { level: 'excellent', stars: 3, burst: true };
  return { level: 'passed', stars: score.scaled >= GOOD_FROM ? 2 : 1, burst: false };
}

export interface ConfettiPiece {
  /** Where it flies to, from the badge's centre, in the burst's units (the badge is 100 across). */
  dx: number;
  dy: number;
  /** Degrees it turns on the way. */
  turn: number;
  colour: string;
  shape: 'rect' | 'circle';
  /** Seconds before it sets off. */
  delay: number;
}

const COLOURS = ['#ffb020', '#3ddc84', '#7cc4ff', '#ff6b5e', '#f4f7fb', '#ffd166'];

/** `count` pieces spread evenly round the circle at two distances: the same burst every time, no randomness. */
export function confetti(count: number): ConfettiPiece[] {
  return Array.from({ length: count }, (_, i) => {
    const angle = (i / count) * Math.PI * 2;
    const reach = i % 2 === 0 ? 150 : 105;
    return {
      dx: Math.round(Math.cos(angle) * reach),
      dy: Math.round(Math.sin(angle) * reach),
      turn: (i % 3) * 120 + 90,
      colour: COLOURS[i % COLOURS.length]!,
      shape: i % 3 === 0 ? 'circle' : 'rect',
      delay: (i % 4) * 0.08,
    };
  });
}
