// Reads a text of the screen aloud, behind one button: the pack's recording when it has one, else the device's voice
// for the visitor's language. The sentence being heard shows as a caption (announced politely to screen readers).
// Never plays by itself. Without a recording or a voice, or with the station muted, there is no button: the text is on
// the screen all the same.
import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { recordingFailed } from '../sound/narrator.ts';
import { useNarration } from '../sound/useNarration.ts';
import '../sound/sound.css';

export interface NarrationButtonProps {
  /** The text as shown, in the visitor's language. */
  text: string;
  /** The pack's recording of this text in the visitor's language, if any. */
  recording?: string | null;
  /** What is read, for the button's name when a screen has several (e.g. "the question"); default: the text. */
  what?: string;
  className?: string;
}

export function NarrationButton({ text, recording, what, className }: NarrationButtonProps): JSX.Element | null {
  const { t } = useTranslation();
  const narration = useNarration(text, recording);
  if (!narration.available) return null;
  const { playing, caption } = narration;
  const recorded = narration.source.kind === 'recording' ? narration.source : null;
  return (
    <div className={['narration', className].filter(Boolean).join(' ')} data-narration-source={narration.source.kind}>
      <button
        type="button"
        className={`narration-button${playing ? ' playing' : ''}`}
        aria-label={what ? t(playing ? 'narration.stopWhat' : 'narration.playWhat', { what }) : undefined}
        onClick={narration.toggle}
      >
        <span className={`narration-icon ${playing ? 'pause' : 'play'}`} aria-hidden="true" />
        {playing ? t('narration.stop') : t('narration.play')}
      </button>
      {recorded && (
        <audio ref={narration.audioRef} src={recorded.src} lang={recorded.lang} preload="metadata" onError={() => recordingFailed(recorded.src)} />
      )}
      <p className="narration-caption" aria-live="polite" data-testid="narration-caption">
        {caption}
      </p>
    </div>
  );
}
