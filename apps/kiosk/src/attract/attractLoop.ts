// The attract loop's pace: one area at a time, in the map's order, each for a few seconds; never moving while the page
// is hidden or the visitor asked for reduced motion.

/** How long each area is shown before the next. */
export const SCENE_MS = 6000;

export const nextScene = (index: number, count: number) => (count > 0 ? (index + 1) % count : 0);

/** Whether the loop should move on at all. */
export const loopRuns = ({ count, hidden, reducedMotion }: { count: number; hidden: boolean; reducedMotion: boolean }) =>
  count > 1 && !hidden && !reducedMotion;
