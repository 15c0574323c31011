// The result's badge: a medal with its stars for a pass (and a burst of confetti for the best runs), a "keep going"
// sign with an arrow for a run not passed. Decorative (aria-hidden): the words next to it say the same. Under reduced
// motion it is drawn still and without confetti.
import type { CSSProperties } from 'react';
import { confetti, MAX_STARS, type Celebration } from './celebration.ts';
import './result.css';

function starPoints(cx: number, cy: number, outer: number, inner: number): string {
  return Array.from({ length: 10 }, (_, i) => {
    const r = i % 2 === 0 ? outer : inner;
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    return `${(cx + Math.cos(a) * r).toFixed(1)},${(cy + Math.sin(a) * r).toFixed(1)}`;
  }).join(' ');
}

const PIECES = confetti(28);

export function CelebrationBadge({ celebration, still }: { celebration: Celebration; still: boolean }) {
  const { level, stars, burst } = celebration;
  const medal = level === 'excellent' ? '#ffb020' : '#7cc4ff';
  return (
    <svg className={`celebration-badge ${still ? 'still' : 'moving'}`} viewBox="-160 -160 320 320" aria-hidden="true" focusable="false" data-level={level}>
      {burst && !still && (
        <g className="celebration-burst">
          {PIECES.map((p, i) => {
            const style = { '--dx': `${p.dx}px`, '--dy': `${p.dy}px`, '--turn': `${p.turn}deg`, animationDelay: `${p.delay}s` } as CSSProperties;
            return p.shape === 'circle' ? (
              <circle key={i} className="confetti" r="6" fill={p.colour} style={style} />
            ) : (
              <rect key={i} className="confetti" x="-4" y="-8" width="8" height="16" rx="2" fill={p.colour} style={style} />
            );
          })}
        </g>
      )}
      {level === 'try-again' ? (
        <g className="celebration-medal">
          <circle r="86" fill="#213a5c" stroke="#7cc4ff" strokeWidth="8" strokeDasharray="18 10" />
          <path d="M0 48 v-76 m-34 32 l34 -36 l34 36" stroke="#3ddc84" strokeWidth="16" fill="none" strokeLinecap="round" strokeLinejoin="round" />
        </g>
      ) : (
        <g className="celebration-medal">
          <path d="M-52 40 l-26 100 l34 -16 l22 30 l22 -84 z M52 40 l26 100 l-34 -16 l-22 30 l-22 -84 z" fill="#c2473a" />
          <circle r="88" fill={medal} stroke="#f4f7fb" strokeWidth="8" />
          <circle r="68" fill="none" stroke="#0b1524" strokeWidth="4" opacity="0.35" />
          {Array.from({ length: MAX_STARS }, (_, i) => {
            const x = (i - 1) * 50;
            const y = i === 1 ? -14 : 6;
            const earned = i < stars;
            return (
              <polygon
                key={i}
                className={earned ? 'star earned' : 'star'}
                points={starPoints(x, y, 24, 10)}
                fill={earned ? '#fff4c2' : 'none'}
                stroke="#0b1524"
                strokeWidth="4"
                strokeLinejoin="round"
              />
            );
          })}
        </g>
      )}
    </svg>
  );
}
