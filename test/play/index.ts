// A touch player for every registered mechanic: the type makes a mechanic without a player fail to compile, so a new
// mechanic's scenario cannot slip past the spec that plays every scenario.
import type { MechanicName } from '@ruyi/mechanics';
import { playAudioRecognition } from './audio-recognition.ts';
import { playCaseCard } from './case-card.ts';
import { playDecisions } from './decisions.ts';
import { playHazardHunt } from './hazard-hunt.ts';
import { playOrderedSteps } from './ordered-steps.ts';
import { playQuiz } from './quiz.ts';
import { playReaction } from './reaction.ts';
import { playRhythm } from './rhythm.ts';
import { playTimedChoice } from './timed-choice.ts';
import type { TouchPlayer } from './types.ts';

export const TOUCH_PLAYERS = {
  'case-card': playCaseCard,
  'hazard-hunt': playHazardHunt,
  decisions: playDecisions,
  quiz: playQuiz,
  'ordered-steps': playOrderedSteps,
  rhythm: playRhythm,
  reaction: playReaction,
  'audio-recognition': playAudioRecognition,
  'timed-choice': playTimedChoice,
} satisfies { [N in MechanicName]: TouchPlayer<N> };

/** The mechanics whose players step the page's clock (they count the time between touches): install it for them. */
export const NEEDS_CLOCK: ReadonlySet<MechanicName> = new Set<MechanicName>(['rhythm', 'reaction', 'timed-choice']);

export type { PlayContext, StepOutcome, TouchPlayer, Skill, Locale } from './types.ts';
