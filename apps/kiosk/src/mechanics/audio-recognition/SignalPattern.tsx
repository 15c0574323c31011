// A signal drawn as its on/off pattern in real time, for visitors who cannot hear it: a tall bar where the siren
// sounds, a low line where it pauses (shape, not colour, tells them apart), with the pattern in words as the
// drawing's caption and text alternative. While the sound plays, a marker runs along it (not under reduced motion).
import { realSeconds, segments, type SirenPattern } from '@ruyi/mechanics/audio-recognition';
import { useId, type CSSProperties, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { useReducedMotion } from '../../components/useReducedMotion.ts';
import { duration, K } from './view.ts';

const WIDTH = 1000;
const HEIGHT = 100;
const BAR_TOP = 8;
const LINE_TOP = 84;
const LINE_HEIGHT = 8;

export interface SignalPatternProps {
  pattern: SirenPattern;
  /** The pattern in words (the caption and the text alternative). */
  words: string;
  /** The sound is playing: show the marker, started again for each play. */
  playing: boolean;
  plays: number;
  /** Played seconds the marker takes to cross. */
  playedSeconds: number;
}

export function SignalPattern({ pattern, words, playing, plays, playedSeconds }: SignalPatternProps): JSX.Element {
  const { t } = useTranslation();
  const reduced = useReducedMotion();
  const captionId = useId();
  const total = realSeconds(pattern);
  const x = (seconds: number) => (seconds / total) * WIDTH;
  return (
    <figure className="siren-pattern">
      <div className="siren-pattern-drawing">
        <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={captionId} data-testid="siren-pattern">
          {segments(pattern).map((s) =>
            s.on ? (
              <rect key={s.start} className="siren-on" x={x(s.start)} y={BAR_TOP} width={x(s.end) - x(s.start)} height={LINE_TOP + LINE_HEIGHT - BAR_TOP} rx={4} />
            ) : (
              <rect key={s.start} className="siren-off" x={x(s.start)} y={LINE_TOP} width={x(s.end) - x(s.start)} height={LINE_HEIGHT} />
            ),
          )}
        </svg>
        {playing && !reduced && (
          <span key={plays} className="siren-marker" aria-hidden="true" style={{ '--siren-seconds': `${playedSeconds}s` } as CSSProperties} />
        )}
      </div>
      <div className="siren-axis" aria-hidden="true">
        <span>0</span>
        <span className="siren-legend">
          <span className="siren-key siren-key-on" /> {t(`${K}.legendOn`)}
          <span className="siren-key siren-key-off" /> {t(`${K}.legendOff`)}
        </span>
        <span>{duration(t, total)}</span>
      </div>
      <figcaption id={captionId}>{words}</figcaption>
    </figure>
  );
}
