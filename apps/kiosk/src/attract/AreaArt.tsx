// Small drawings of the park's areas, shared by the attract loop (animated) and the map (still). Plain SVG with a
// handful of shapes each, so the first screen needs no 3D and costs little to draw; decorative only (aria-hidden):
// every drawing sits next to the area's name in text. Movement comes from art.css and only inside `.art-live`.
import type { ReactNode } from 'react';
import './art.css';

const INK = '#0b1524';
const SKIN = '#f2c9a0';

function Workshop() {
  return (
    <>
      <polygon points="18,62 48,40 48,62 78,40 78,62 108,40 108,62 138,40 138,62 182,62 182,122 18,122" fill="#3b5b86" />
      <rect x="30" y="70" width="26" height="20" fill="#9fd3ff" />
      <rect x="144" y="82" width="26" height="40" fill="#24456e" />
      <rect x="64" y="96" width="56" height="26" rx="3" fill="#8a96a8" />
      <circle cx="112" cy="96" r="10" fill="#c9d5e6" stroke={INK} strokeWidth="3" />
      <g className="art-spark">
        <path d="M124 90 l14 -8 M124 96 l18 0 M124 102 l14 8 M120 86 l6 -12" stroke="#ffd166" strokeWidth="4" strokeLinecap="round" />
        <circle cx="124" cy="96" r="4" fill="#fff4c2" />
      </g>
      <rect x="10" y="122" width="180" height="8" fill="#51606f" />
    </>
  );
}

function Crossing() {
  return (
    <>
      <rect x="0" y="84" width="200" height="40" fill="#3a4150" />
      {[70, 86, 102, 118, 134].map((x) => (
        <rect key={x} x={x} y="86" width="9" height="36" fill="#f4f7fb" />
      ))}
      <rect x="26" y="26" width="6" height="60" fill="#8a96a8" />
      <rect x="18" y="14" width="22" height="46" rx="5" fill={INK} />
      <circle className="art-blink" cx="29" cy="24" r="6" fill="#ff6b5e" />
      <circle cx="29" cy="37" r="6" fill="#5a4a1a" />
      <circle cx="29" cy="50" r="6" fill="#1d4d33" />
      <g className="art-drive">
        <rect x="120" y="60" width="58" height="28" rx="4" fill="#ffb020" />
        <rect x="160" y="48" width="26" height="24" rx="4" fill="#ffb020" />
        <rect x="166" y="53" width="14" height="10" fill="#9fd3ff" />
        <circle cx="134" cy="92" r="7" fill={INK} />
        <circle cx="172" cy="92" r="7" fill={INK} />
      </g>
    </>
  );
}

function SmokyStair() {
  return (
    <>
      <rect x="0" y="24" width="200" height="106" fill="#2a3342" />
      <path d="M20 124 h30 v-16 h30 v-16 h30 v-16 h30 v-16 h40 v80 z" fill="#8a96a8" />
      <rect x="138" y="28" width="44" height="22" rx="3" fill="#3ddc84" />
      <path d="M148 39 h18 m-6 -6 l6 6 l-6 6" stroke={INK} strokeWidth="3" fill="none" strokeLinecap="round" />
      <g className="art-flicker">
        <path d="M34 124 q-10 -14 0 -30 q4 10 10 12 q2 -10 8 -16 q10 18 0 34 z" fill="#ff7a1a" />
        <path d="M40 124 q-4 -8 2 -16 q4 8 8 16 z" fill="#ffd166" />
      </g>
      <g className="art-smoke" fill="#c9d5e6" opacity="0.75">
        <circle cx="46" cy="70" r="14" />
        <circle cx="64" cy="56" r="16" />
        <circle cx="86" cy="46" r="13" />
        <circle cx="106" cy="36" r="11" />
      </g>
    </>
  );
}

function ShakingClassroom() {
  return (
    <>
      <path d="M20 128 l14 -8 l10 6 l12 -10" stroke="#ff6b5e" strokeWidth="3" fill="none" />
      <g className="art-shake">
        <rect x="14" y="18" width="172" height="104" fill="#3b5b86" />
        <rect x="30" y="30" width="84" height="46" fill="#1d4d33" stroke="#8a6a3a" strokeWidth="4" />
        <path d="M44 48 h30 M44 60 h46" stroke="#f4f7fb" strokeWidth="3" strokeLinecap="round" />
        <g className="art-swing">
          <path d="M150 18 v22" stroke="#c9d5e6" strokeWidth="2" />
          <path d="M138 50 h24 l-6 -10 h-12 z" fill="#ffd166" />
        </g>
        <rect x="96" y="92" width="74" height="8" fill="#b07a3a" />
        <rect x="100" y="100" width="6" height="22" fill="#b07a3a" />
        <rect x="160" y="100" width="6" height="22" fill="#b07a3a" />
        <circle cx="124" cy="108" r="7" fill={SKIN} />
        <path d="M130 104 q14 2 16 18 h-20 z" fill="#ff6b5e" />
        <path d="M116 102 q8 -6 16 0" stroke={INK} strokeWidth="3" fill="none" />
      </g>
    </>
  );
}

function GasKitchen() {
  return (
    <>
      <rect x="0" y="20" width="200" height="110" fill="#3b4f6a" />
      <rect x="140" y="30" width="44" height="40" fill="#9fd3ff" stroke="#f4f7fb" strokeWidth="4" />
      <path d="M162 30 v40" stroke="#f4f7fb" strokeWidth="3" />
      <rect x="28" y="84" width="96" height="40" fill="#c9d5e6" />
      <rect x="36" y="76" width="80" height="10" rx="2" fill="#51606f" />
      <path d="M48 72 h40 v-16 q0 -8 -8 -8 h-24 q-8 0 -8 8 z" fill="#8a96a8" />
      <circle cx="46" cy="104" r="6" fill="#51606f" />
      <circle cx="106" cy="104" r="6" fill="#51606f" />
      <path d="M124 96 h30 v28" stroke="#ffb020" strokeWidth="5" fill="none" />
      <g className="art-gas" stroke="#7ee0a8" strokeWidth="4" fill="none" strokeLinecap="round" opacity="0.85">
        <path d="M96 46 q8 -8 0 -16 q-8 -8 0 -16" />
        <path d="M110 52 q8 -8 0 -16 q-8 -8 0 -16" />
        <path d="M82 50 q8 -8 0 -16" />
      </g>
      <circle cx="20" cy="44" r="9" fill="#f4f7fb" />
      <circle className="art-blink" cx="20" cy="44" r="4" fill="#ff6b5e" />
    </>
  );
}

function CprManikin() {
  return (
    <>
      <rect x="0" y="108" width="200" height="22" fill="#2f5d3a" />
      <circle cx="36" cy="98" r="12" fill={SKIN} />
      <rect x="48" y="88" width="96" height="22" rx="10" fill="#5b8fd6" />
      <rect x="140" y="94" width="44" height="12" rx="6" fill="#24456e" />
      <g className="art-press">
        <circle cx="92" cy="30" r="12" fill={SKIN} />
        <path d="M80 46 q12 -6 24 0 l6 30 h-36 z" fill="#ffb020" />
        <path d="M82 52 l8 34 M102 52 l-8 34" stroke={SKIN} strokeWidth="7" strokeLinecap="round" />
      </g>
      <g className="art-beat">
        <path d="M160 40 q-8 -12 -18 -4 q-8 8 4 20 l14 12 l14 -12 q12 -12 4 -20 q-10 -8 -18 4 z" fill="#ff6b5e" />
      </g>
      <rect x="16" y="36" width="36" height="30" rx="4" fill="#3ddc84" />
      <path d="M36 40 l-8 12 h8 l-4 12 l10 -14 h-8 z" fill="#ffd166" />
    </>
  );
}

function Crowd() {
  const row = (y: number, colour: string, offset: number) =>
    [0, 1, 2, 3, 4, 5].map((i) => {
      const x = 22 + offset + i * 30;
      return (
        <g key={`${y}-${i}`}>
          <circle cx={x} cy={y} r="9" fill={SKIN} />
          <path d={`M${x - 13} ${y + 30} q0 -20 13 -20 q13 0 13 20 z`} fill={colour} />
        </g>
      );
    });
  return (
    <>
      <rect x="0" y="0" width="200" height="130" fill="#2a3342" />
      <path d="M0 20 h200" stroke="#ffd166" strokeWidth="3" strokeDasharray="2 10" strokeLinecap="round" />
      <g className="art-sway">{row(44, '#5b8fd6', 0)}</g>
      <g className="art-sway art-sway-late">{row(72, '#ff6b5e', 14)}</g>
      <g className="art-sway">{row(100, '#3ddc84', 0)}</g>
    </>
  );
}

function Siren() {
  return (
    <>
      <rect x="0" y="112" width="200" height="18" fill="#2f5d3a" />
      <rect x="66" y="40" width="8" height="74" fill="#8a96a8" />
      <path d="M70 30 l-30 -12 v36 z" fill="#c9d5e6" />
      <path d="M70 30 l30 -12 v36 z" fill="#c9d5e6" />
      <circle cx="70" cy="36" r="8" fill="#51606f" />
      <g className="art-rays" stroke="#ffd166" strokeWidth="4" fill="none" strokeLinecap="round">
        <path d="M110 18 q10 18 0 36" />
        <path d="M122 10 q16 26 0 52" />
        <path d="M30 18 q-10 18 0 36" />
      </g>
      <path d="M132 112 v-30 a22 22 0 0 1 44 0 v30 z" fill="#51606f" />
      <path d="M140 112 v-26 a14 14 0 0 1 28 0 v26 z" fill={INK} />
      <rect x="132" y="58" width="44" height="14" rx="3" fill="#3ddc84" />
      <path d="M144 65 h20 m-6 -5 l6 5 l-6 5" stroke={INK} strokeWidth="3" fill="none" strokeLinecap="round" />
    </>
  );
}

function Pavilion() {
  return (
    <>
      <rect x="0" y="112" width="200" height="18" fill="#2f5d3a" />
      <path d="M52 58 q48 -34 96 0 z" fill="#ff6b5e" />
      <rect x="64" y="58" width="8" height="54" fill="#b07a3a" />
      <rect x="128" y="58" width="8" height="54" fill="#b07a3a" />
      <circle cx="28" cy="80" r="20" fill="#3ddc84" />
      <rect x="25" y="96" width="6" height="18" fill="#8a6a3a" />
    </>
  );
}

const DRAWINGS: Record<string, () => ReactNode> = {
  production: Workshop,
  traffic: Crossing,
  fire: SmokyStair,
  earthquake: ShakingClassroom,
  home: GasKitchen,
  health: CprManikin,
  'public-safety': Crowd,
  'civil-defence': Siren,
};

/** The drawing for an area of the park; an area the park adds later gets a pavilion until it has its own drawing. */
export function AreaArt({ area, live = false, className = '' }: { area: string; live?: boolean; className?: string }) {
  const Drawing = DRAWINGS[area] ?? Pavilion;
  return (
    <svg
      className={`area-art ${live ? 'art-live' : ''} ${className}`.trim()}
      viewBox="0 0 200 130"
      aria-hidden="true"
      focusable="false"
      data-art={area}
    >
      <Drawing />
    </svg>
  );
}
