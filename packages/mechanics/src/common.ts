// The fields every step has, whatever its mechanic, and the small helpers the mechanics share.
import { Id } from '@ruyi/pack-schema/primitives';
import { coded, codedError, type CodedMessage } from '@ruyi/pack-schema/messages';
import { z } from 'zod';

/** Where a step leads: another step's id, or `end` for the result. */
export const StepTarget = Id.describe('A step id of this scenario, or end to go to the result.');

export const Branch = z
  .strictObject({
    scoreBelow: z.number().min(0).max(1).optional().describe('Taken when the score so far (0 to 1, of the steps played) is below this.'),
    scoreAtLeast: z.number().min(0).max(1).optional().describe('Taken when the score so far (0 to 1) is at least this.'),
    to: StepTarget,
  })
  .refine((b) => b.scoreBelow !== undefined || b.scoreAtLeast !== undefined, { error: codedError('mechanic.branch-score') })
  .describe('A branch on the score so far: { scoreBelow: 0.5, to: <step id> }.');

export const stepCommonFields = {
  id: Id.describe('The step\'s id, unique in the scenario: records and reports name it.'),
  next: StepTarget.optional().describe('Optional: the step that follows (a step id, or end). Default: the next step in the list.'),
  branches: z.array(Branch).optional().describe('Optional: branches on the score so far, checked in order when the step ends, before next.'),
  passAt: z
    .number()
    .min(0)
    .max(1)
    .optional()
    .describe('Optional: makes the step a knowledge check: the scenario is passed only if the step earns at least this share of its points. A quiz is one at 0.6 unless set.'),
};

/** A step's points for each thing done right (`what`, for the description editors see): 0 to 100, default 10. */
export function pointsEach(what?: string) {
  const field = z.number().int().min(0).max(100).default(10);
  return what ? field.describe(`Points for each ${what} (default 10).`) : field;
}

/** Whether a step shows `what` (its choices) in an order shuffled for each visit: on unless the step says not. */
export const shuffleField = (what: string) => z.boolean().default(true).describe(`Show ${what} in an order shuffled for each visit (default true).`);

export interface StepCommon {
  id: string;
  mechanic: string;
  next?: string | undefined;
  branches?: { scoreBelow?: number | undefined; scoreAtLeast?: number | undefined; to: string }[] | undefined;
  passAt?: number | undefined;
}

/** A small, fast PRNG (mulberry32): the same seed gives the same numbers on every device and on the server. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A number from a string, to give each shuffled list its own stream of the run's seed. */
function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** `items` in the order the run shows them: shuffled by the run's seed and the list's own name (Fisher–Yates). */
export function shuffled<T>(items: readonly T[], seed: number, salt: string): T[] {
  const next = random((seed ^ hash(salt)) >>> 0);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** A number in [min, max] drawn from the run's seed for one purpose (`salt`). */
export function drawn(seed: number, salt: string, min: number, max: number): number {
  return min + random((seed ^ hash(salt)) >>> 0)() * (max - min);
}

export const tally = (right: number, total: number, points: number, maxPoints: number) => ({ right, total, points, maxPoints });

/** How long since `since`, never negative (clocks on kiosks do step back). */
export const elapsed = (now: number, since: number) => Math.max(0, Math.round(now - since));

export const list = (ids: readonly string[]) => (ids.length ? ids.map((id) => `'${id}'`).join(', ') : '(none)');

/** A problem found in a step, with its catalogue code (the validator shows it in the editor's language). */
export type Issue = { path: (string | number)[] } & CodedMessage;

/** Ids listed twice in one list, each reported at its second place: `<what> id 'x' is used twice (first at index 0)`. */
export function duplicates<T>(
  items: readonly T[],
  idOf: (item: T) => string,
  at: (i: number) => (string | number)[],
  what: string,
  code: 'mechanic.id-twice' | 'mechanic.prop-one-hazard' = 'mechanic.id-twice',
): Issue[] {
  const seen = new Map<string, number>();
  const issues: Issue[] = [];
  items.forEach((item, i) => {
    const id = idOf(item);
    const first = seen.get(id);
    if (first === undefined) seen.set(id, i);
    else issues.push({ path: at(i), ...coded(code, { what, id, first }) });
  });
  return issues;
}

/** Ids as an editor reads a list of them: `a, b, c`. */
export const oneOf = (ids: Iterable<string>) => [...ids].join(', ') || '(none defined)';
