// The one reading playing in the app (starting one stops any other): a pack recording on an <audio> element, or the
// text spoken sentence by sentence with speech synthesis. Either way the sentence being heard is the caption. A
// visitor who is listening is not idle, so a reading counts as activity.
import { create } from 'zustand';
import { useVisit } from '../stores/visit.ts';
import { soundAllowed } from './gate.ts';
import { captionChunks, chunkAt, type NarrationSource, type VoiceInfo } from './narration.ts';
import { effectiveVolume, useSoundSettings } from './settings.ts';

export interface Playing {
  /** Which reading (a button's own id). */
  id: string;
  chunks: string[];
  /** The caption showing. */
  index: number;
}

interface NarratorState {
  playing: Playing | null;
  /** Whether this browser has speech synthesis at all. */
  speech: boolean;
  voices: VoiceInfo[];
  /** Recordings that failed to load or play: their texts are spoken instead, where a voice allows. */
  failed: string[];
}

export const useNarrator = create<NarratorState>(() => ({ playing: null, speech: false, voices: [], failed: [] }));

/** How often a reading tells the idle guard the visitor is still here. */
const ACTIVITY_EVERY_MS = 5_000;

let audio: HTMLAudioElement | null = null;
let activity: ReturnType<typeof setInterval> | null = null;
/** Each start gets a new token: callbacks of a reading already stopped do nothing. */
let token = 0;

const synth = (): SpeechSynthesis | null => (typeof window !== 'undefined' && 'speechSynthesis' in window ? window.speechSynthesis : null);

/** The device's voices, as the browser reports them (it may report them late: call again on `voiceschanged`). */
export function readVoices(): void {
  const s = synth();
  if (!s) return;
  const voices = s.getVoices().map((v) => ({ voiceURI: v.voiceURI, name: v.name, lang: v.lang, localService: v.localService, default: v.default }));
  useNarrator.setState({ speech: true, voices });
}

/** A recording that cannot be loaded or played: its text is read by a voice instead, or not offered. */
export function recordingFailed(src: string): void {
  if (useNarrator.getState().failed.includes(src)) return;
  console.warn(`Ruyi: the narration ${src} could not be loaded.`);
  useNarrator.setState((s) => ({ failed: [...s.failed, src] }));
}

export function stopNarration(): void {
  token++;
  if (activity) clearInterval(activity);
  activity = null;
  if (audio) {
    audio.pause();
    audio.ontimeupdate = audio.onended = audio.onerror = null;
    audio = null;
  }
  const s = synth();
  if (s && (s.speaking || s.pending)) s.cancel();
  if (useNarrator.getState().playing) useNarrator.setState({ playing: null });
}

const showing = (mine: number, index: number) => {
  const playing = useNarrator.getState().playing;
  if (mine === token && playing && playing.index !== index) useNarrator.setState({ playing: { ...playing, index } });
};

/**
 * Reads `text` from `source` as reading `id`; returns whether it started. A recording plays on `element` when given
 * (the button's own <audio>, which goes with it), else on an element of its own.
 */
export function startNarration(id: string, source: NarrationSource, text: string, element?: HTMLAudioElement | null): boolean {
  stopNarration();
  const volume = effectiveVolume(useSoundSettings.getState());
  const chunks = captionChunks(text);
  if (source.kind === 'none' || !soundAllowed() || volume <= 0 || chunks.length === 0) return false;
  const mine = token;
  useNarrator.setState({ playing: { id, chunks, index: 0 } });
  const end = () => {
    if (mine === token) stopNarration();
  };
  if (source.kind === 'recording') {
    const el = element ?? new Audio(source.src);
    audio = el;
    if (el.ended) el.currentTime = 0;
    el.volume = volume;
    el.ontimeupdate = () => {
      if (el.duration > 0) showing(mine, chunkAt(chunks, el.currentTime / el.duration));
    };
    el.onended = end;
    el.onerror = () => {
      if (mine !== token) return;
      recordingFailed(source.src);
      end();
    };
    el.play().catch((error: unknown) => {
      if (error instanceof DOMException && error.name === 'AbortError') return;
      // Refused by the browser (no touch yet, by its count): not the recording's fault, so it is offered again.
      if (error instanceof DOMException && error.name === 'NotAllowedError') return end();
      el.onerror?.(new Event('error'));
    });
  } else {
    const s = synth();
    const voice = s?.getVoices().find((v) => v.voiceURI === source.voice.voiceURI);
    if (!s || !voice) {
      stopNarration();
      return false;
    }
    const speak = (index: number) => {
      if (mine !== token) return;
      if (index >= chunks.length) return end();
      showing(mine, index);
      const u = new SpeechSynthesisUtterance(chunks[index]!);
      u.lang = source.lang;
      u.voice = voice;
      u.volume = volume;
      u.onend = () => speak(index + 1);
      u.onerror = (e) => {
        if (mine !== token || e.error === 'interrupted' || e.error === 'canceled') return;
        console.warn(`Ruyi: speech synthesis stopped: ${e.error}`);
        end();
      };
      s.speak(u);
    };
    // One utterance per caption: the caption is what is being heard, and no engine cuts a long text short.
    speak(0);
  }
  activity = setInterval(() => useVisit.getState().touch(), ACTIVITY_EVERY_MS);
  return true;
}
