// Plays a recorded reading of pack text (the case card's narration) on a real <audio> element, behind one big
// play/pause button. Never plays by itself; stops when it leaves the screen (a new step, the end of the visit, another
// language: give it `key={src}`). A visitor who is listening is not idle, so playback counts as activity.
import { useEffect, useRef, useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { useVisit } from '../stores/visit.ts';

export interface NarrationButtonProps {
  /** The audio file, in the visitor's language. */
  src: string;
  /** The language of the recording (for `lang` on the control). */
  lang: string;
  className?: string;
}

/** How often playback tells the idle guard the visitor is still here. */
const ACTIVITY_EVERY_MS = 5_000;

export function NarrationButton({ src, lang, className }: NarrationButtonProps): JSX.Element {
  const { t } = useTranslation();
  const audioRef = useRef<HTMLAudioElement>(null);
  const [playing, setPlaying] = useState(false);
  const [failed, setFailed] = useState(false);
  const lastActivity = useRef(0);

  useEffect(() => {
    const audio = audioRef.current;
    // Leaving the screen stops the reading (the element itself goes with the component).
    return () => audio?.pause();
  }, []);

  const toggle = (): void => {
    const audio = audioRef.current;
    if (!audio) return;
    if (!audio.paused) {
      audio.pause();
      return;
    }
    if (audio.ended) audio.currentTime = 0;
    audio.play().catch((error: unknown) => {
      // Not an error for the visitor: the button just stays a play button.
      if (error instanceof DOMException && error.name === 'AbortError') return;
      console.warn(`Ruyi: the narration ${src} could not be played:`, error);
      setPlaying(false);
    });
  };

  const onTimeUpdate = (): void => {
    const now = Date.now();
    if (now - lastActivity.current < ACTIVITY_EVERY_MS) return;
    lastActivity.current = now;
    useVisit.getState().touch();
  };

  return (
    <div className={['narration', className].filter(Boolean).join(' ')}>
      <button type="button" className={`narration-button${playing ? ' playing' : ''}`} onClick={toggle} disabled={failed}>
        <span className={`narration-icon ${playing ? 'pause' : 'play'}`} aria-hidden="true" />
        {failed ? t('narration.unavailable') : playing ? t('narration.pause') : t('narration.play')}
      </button>
      <audio
        ref={audioRef}
        src={src}
        lang={lang}
        preload="metadata"
        onPlay={() => setPlaying(true)}
        onPause={() => setPlaying(false)}
        onEnded={() => setPlaying(false)}
        onTimeUpdate={onTimeUpdate}
        onError={() => {
          setPlaying(false);
          setFailed(true);
          console.warn(`Ruyi: the narration ${src} could not be loaded.`);
        }}
      />
    </div>
  );
}
