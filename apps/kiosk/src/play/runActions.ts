// What each visitor action sends to the engine, in one place: the touch steps and the VR steps call these, so a tap on
// a screen and a trigger pull in a headset can never drift apart.
import type { Pack, Scenario } from '@ruyi/pack-schema';
import { useRun, type RunAction } from '../stores/run.ts';

const dispatch = (action: RunAction) => useRun.getState().dispatch(action);

export const runActions = {
  beginHunt: () => dispatch({ type: 'begin-hunt' }),
  inspect: (propId: string) => dispatch({ type: 'inspect', propId }),
  endHunt: () => dispatch({ type: 'end-hunt' }),
  beginDecisions: () => dispatch({ type: 'begin-decisions' }),
  choose: (choiceId: string) => dispatch({ type: 'choose', choiceId }),
  continueDecisions: () => dispatch({ type: 'continue' }),
  answer: (choiceIds: string[]) => dispatch({ type: 'answer', choiceIds }),
  nextQuestion: () => dispatch({ type: 'next-question' }),
  /** A fresh run of the same scenario (a new run id), back at the case card. */
  playAgain: (pack: Pack, scenario: Scenario) => useRun.getState().start(pack, scenario),
};
