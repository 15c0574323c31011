// Plays a siren plan (@ruyi/mechanics/audio-recognition: sirenPlan) with the Web Audio API: one oscillator whose
// pitch and loudness follow the plan's curves. Nothing is downloaded. A device without Web Audio, or one that refuses
// to start it, plays nothing and says so; it never throws into the step.
import type { SirenPlan } from '@ruyi/mechanics/audio-recognition';
import { effectiveVolume, useSoundSettings } from '../../sound/settings.ts';

/** A sawtooth through a low-pass filter: the buzz of a motor siren without the harshness of the bare wave. */
const WAVE: OscillatorType = 'sawtooth';
const LOW_PASS_HZ = 2200;
/** Scheduling a little ahead: ramps set for a time already past jump instead of gliding. */
const LEAD_SECONDS = 0.05;

export type SirenStatus = 'idle' | 'playing' | 'silent';

export interface SirenPlayer {
  /**
   * Plays `plan` from now, cutting off whatever was playing. `onEnd` is called when it finishes by itself (not after
   * `stop`). Returns 'silent' when this device plays no sound.
   */
  play(plan: SirenPlan, onEnd: () => void): SirenStatus;
  stop(): void;
  /** Stops and lets the audio device go (on unmount). */
  close(): void;
}

type AudioContextClass = new () => AudioContext;

function audioContextClass(): AudioContextClass | undefined {
  const w = globalThis as { AudioContext?: AudioContextClass; webkitAudioContext?: AudioContextClass };
  return w.AudioContext ?? w.webkitAudioContext;
}

export function createSirenPlayer(): SirenPlayer {
  let context: AudioContext | null = null;
  let voice: { oscillator: OscillatorNode; nodes: AudioNode[] } | null = null;

  const stop = () => {
    const playing = voice;
    voice = null;
    if (!playing) return;
    playing.oscillator.onended = null;
    try {
      playing.oscillator.stop();
    } catch {
      // Already stopped: nothing to do.
    }
    for (const node of playing.nodes) node.disconnect();
  };

  const play = (plan: SirenPlan, onEnd: () => void): SirenStatus => {
    stop();
    // The station's volume (staff set it): a muted station plays no siren and says so.
    const volume = effectiveVolume(useSoundSettings.getState());
    if (volume <= 0) return 'silent';
    try {
      if (!context) {
        const Context = audioContextClass();
        if (!Context) return 'silent';
        context = new Context();
      }
      const ctx = context;
      // Suspended until the page has been touched (autoplay rules): the sound starts when the browser allows it.
      if (ctx.state === 'suspended') ctx.resume().catch(() => {});
      if (ctx.state === 'closed') return 'silent';

      const t0 = ctx.currentTime + LEAD_SECONDS;
      const oscillator = ctx.createOscillator();
      oscillator.type = WAVE;
      const filter = ctx.createBiquadFilter();
      filter.type = 'lowpass';
      filter.frequency.value = LOW_PASS_HZ;
      const gain = ctx.createGain();

      const [firstGain, ...gains] = plan.gain;
      gain.gain.setValueAtTime((firstGain?.value ?? 0) * volume, t0);
      for (const p of gains) gain.gain.linearRampToValueAtTime(p.value * volume, t0 + p.at);
      const [firstPitch, ...pitches] = plan.frequency;
      oscillator.frequency.setValueAtTime(firstPitch?.value ?? 500, t0);
      for (const p of pitches) oscillator.frequency.linearRampToValueAtTime(p.value, t0 + p.at);

      oscillator.connect(filter);
      filter.connect(gain);
      gain.connect(ctx.destination);
      const current = { oscillator, nodes: [oscillator, filter, gain] };
      voice = current;
      oscillator.onended = () => {
        if (voice !== current) return;
        stop();
        onEnd();
      };
      oscillator.start(t0);
      oscillator.stop(t0 + plan.duration);
      return 'playing';
    } catch {
      stop();
      return 'silent';
    }
  };

  return {
    play,
    stop,
    close() {
      stop();
      const ctx = context;
      context = null;
      try {
        ctx?.close().catch(() => {});
      } catch {
        // A context that cannot close is let go all the same.
      }
    },
  };
}
