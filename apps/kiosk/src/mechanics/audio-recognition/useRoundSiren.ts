// The round's signal as sound: played once by itself when a round starts, again on request, stopped when the visitor
// picks an answer and when the step goes away. The touch and the headset views share it, so both play the same sound.
import type { StepConfigOf, StepStateOf } from '@ruyi/mechanics';
import { roundSignal, sirenPlan } from '@ruyi/mechanics/audio-recognition';
import { useCallback, useEffect, useRef, useState } from 'react';
import { createSirenPlayer, type SirenPlayer, type SirenStatus } from './siren.ts';

export interface RoundSiren {
  status: SirenStatus;
  /** Counts plays, so a drawing of the playback can start again with each. */
  plays: number;
  /** Played seconds of the round's signal. */
  duration: number;
  play(): void;
}

export function useRoundSiren(step: StepConfigOf<'audio-recognition'>, state: StepStateOf<'audio-recognition'>): RoundSiren {
  const player = useRef<SirenPlayer | null>(null);
  const [status, setStatus] = useState<SirenStatus>('idle');
  const [plays, setPlays] = useState(0);
  const signal = roundSignal(step, state.round);
  const plan = signal ? sirenPlan(signal.pattern, step.timeScale, signal.frequencyHz) : null;
  const planKey = JSON.stringify(plan);

  useEffect(() => {
    const created = createSirenPlayer();
    player.current = created;
    return () => {
      created.close();
      player.current = null;
    };
  }, []);

  const play = useCallback(() => {
    const p = player.current;
    if (!p || planKey === 'null') return;
    const playing = p.play(JSON.parse(planKey), () => setStatus('idle'));
    setStatus(playing);
    setPlays((n) => n + 1);
  }, [planKey]);

  // Each round plays its signal by itself (the same signal twice in a row too: the round, not the signal, is the key).
  useEffect(() => {
    play();
  }, [state.round, play]);

  useEffect(() => {
    if (state.chosen === null) return;
    player.current?.stop();
    setStatus((s) => (s === 'playing' ? 'idle' : s));
  }, [state.chosen]);

  return { status, plays, duration: plan?.duration ?? 0, play };
}
