// Plays the cues' notes with Web Audio: one AudioContext for the page, made at the first cue (after the first touch,
// so the browser lets it start), each note an oscillator through its own envelope into a master gain set to the
// station's volume. A device without Web Audio plays nothing; a cue never throws into the visit.
import { CUE_NOTES, type Cue } from './cues.ts';
import { soundAllowed } from './gate.ts';
import { effectiveVolume, useSoundSettings } from './settings.ts';

type AudioContextClass = new () => AudioContext;

/** Scheduling a little ahead: an envelope set for a time already past clicks instead of rising. */
const LEAD_SECONDS = 0.02;
const ATTACK_SECONDS = 0.01;
/** An exponential fade cannot reach zero: it stops here, inaudible. */
const FLOOR = 0.0001;

let context: AudioContext | null = null;

function audioContext(): AudioContext | null {
  if (context) return context;
  const w = globalThis as { AudioContext?: AudioContextClass; webkitAudioContext?: AudioContextClass };
  const Context = w.AudioContext ?? w.webkitAudioContext;
  if (!Context) return null;
  context = new Context();
  return context;
}

/** Plays `cue` now if the gate is open and the station is not muted; returns whether it was played. */
export function playCue(cue: Cue): boolean {
  const volume = effectiveVolume(useSoundSettings.getState());
  if (!soundAllowed() || volume <= 0) return false;
  try {
    const ctx = audioContext();
    if (!ctx || ctx.state === 'closed') return false;
    if (ctx.state === 'suspended') ctx.resume().catch(() => {});
    const master = ctx.createGain();
    master.gain.value = volume;
    master.connect(ctx.destination);
    const t0 = ctx.currentTime + LEAD_SECONDS;
    const notes = CUE_NOTES[cue];
    let last: OscillatorNode | null = null;
    let end = 0;
    for (const n of notes) {
      const osc = ctx.createOscillator();
      osc.type = n.wave;
      osc.frequency.setValueAtTime(n.hz, t0 + n.at);
      const env = ctx.createGain();
      env.gain.setValueAtTime(FLOOR, t0 + n.at);
      env.gain.linearRampToValueAtTime(n.peak, t0 + n.at + ATTACK_SECONDS);
      env.gain.exponentialRampToValueAtTime(FLOOR, t0 + n.at + n.seconds);
      osc.connect(env);
      env.connect(master);
      osc.start(t0 + n.at);
      osc.stop(t0 + n.at + n.seconds + 0.02);
      osc.onended = () => {
        osc.disconnect();
        env.disconnect();
      };
      if (n.at + n.seconds >= end) {
        end = n.at + n.seconds;
        last = osc;
      }
    }
    if (last) last.addEventListener('ended', () => master.disconnect());
    return true;
  } catch (error) {
    console.warn(`Ruyi: the sound ${cue} could not be played:`, error);
    return false;
  }
}
