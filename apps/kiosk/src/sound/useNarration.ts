// A text's reading for a view: whether one can be offered (a recording, or a voice of the visitor's language, and the
// station not muted), whether it is playing, the caption being heard, and the toggle. It stops when the view goes.
import { useCallback, useEffect, useId, useMemo, useRef, type RefObject } from 'react';
import { useVisit } from '../stores/visit.ts';
import { chooseNarration, type NarrationSource } from './narration.ts';
import { startNarration, stopNarration, useNarrator } from './narrator.ts';
import { useSoundSettings } from './settings.ts';

export interface Narration {
  source: NarrationSource;
  /** A reading can be offered (false: no recording, no voice for the language, or the station is muted). */
  available: boolean;
  playing: boolean;
  /** The sentence being heard, while playing. */
  caption: string | null;
  toggle(): void;
  /** For the <audio> element a recording plays on (rendered by the caller while the source is a recording). */
  audioRef: RefObject<HTMLAudioElement | null>;
}

/** `recording`: the pack's recording of exactly this text in the visitor's language, if it has one. */
export function useNarration(text: string, recording?: string | null): Narration {
  const id = useId();
  const lang = useVisit((s) => s.locale);
  const speech = useNarrator((s) => s.speech);
  const voices = useNarrator((s) => s.voices);
  const failed = useNarrator((s) => (recording ? s.failed.includes(recording) : false));
  const muted = useSoundSettings((s) => s.muted || s.volume <= 0);
  const playing = useNarrator((s) => (s.playing?.id === id ? s.playing : null));
  const source = useMemo(() => chooseNarration({ lang, recording: failed ? null : recording, voices, speech }), [lang, recording, failed, voices, speech]);

  // Leaving the screen, or its text changing (another question, another language), ends its reading.
  useEffect(
    () => () => {
      if (useNarrator.getState().playing?.id === id) stopNarration();
    },
    [id, text, lang],
  );

  const audioRef = useRef<HTMLAudioElement>(null);
  const toggle = useCallback(() => {
    if (useNarrator.getState().playing?.id === id) stopNarration();
    else startNarration(id, source, text, audioRef.current);
  }, [id, source, text]);

  return {
    source,
    available: source.kind !== 'none' && !muted,
    playing: playing !== null,
    caption: playing ? (playing.chunks[playing.index] ?? null) : null,
    toggle,
    audioRef,
  };
}
