// Every mechanic, by the name packs use in `mechanic:`. Adding a mechanic is one line here (and its folder); the
// `satisfies` makes a mechanic missing a piece, or listed under another name than its own, fail to compile.
import type { Mechanic } from './contract.ts';
import { caseCard } from './case-card/index.ts';
import { audioRecognition } from './audio-recognition/index.ts';
import { decisions } from './decisions/index.ts';
import { hazardHunt } from './hazard-hunt/index.ts';
import { quiz } from './quiz/index.ts';
import { orderedSteps } from './ordered-steps/index.ts';
import { timedChoice } from './timed-choice/index.ts';
import { reaction } from './reaction/index.ts';
import { rhythm } from './rhythm/index.ts';

export const MECHANICS = {
  'case-card': caseCard,
  'audio-recognition': audioRecognition,
  'hazard-hunt': hazardHunt,
  decisions,
  quiz,
  'ordered-steps': orderedSteps,
  'timed-choice': timedChoice,
  reaction,
  rhythm,
} satisfies { [N in string]: Mechanic<N, any, any, any, any> };

export type MechanicName = keyof typeof MECHANICS;
export const MECHANIC_NAMES = Object.keys(MECHANICS) as MechanicName[];

type Parts<M> = M extends Mechanic<string, infer C, infer S, infer E, infer R> ? { config: C; state: S; event: E; record: R } : never;
/** A mechanic's step config (with the common fields), its state, its events and its records, by name. */
export type StepConfigOf<N extends MechanicName> = Parts<(typeof MECHANICS)[N]>['config'] & import('./common.ts').StepCommon & { mechanic: N };
export type StepStateOf<N extends MechanicName> = Parts<(typeof MECHANICS)[N]>['state'];
export type StepEventOf<N extends MechanicName> = Parts<(typeof MECHANICS)[N]>['event'];
export type StepRecordOf<N extends MechanicName> = Parts<(typeof MECHANICS)[N]>['record'];

export function mechanicOf(name: string): Mechanic<string, any, any, any, any> | undefined {
  return (MECHANICS as Record<string, Mechanic<string, any, any, any, any>>)[name];
}
