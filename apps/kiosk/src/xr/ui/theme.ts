// The kiosk's palette (styles.css) for in-world UI, so a headset looks like the touch screens. Light grey on dark blue,
// never pure white on black: pure contrast glares in a headset.

export const COLOURS = {
  panel: '#172a43',
  panelEdge: '#2b4a74',
  button: '#213a5c',
  buttonEdge: '#c9d5e6',
  selected: '#2b4a74',
  text: '#f4f7fb',
  muted: '#c9d5e6',
  disabledText: '#a7b6cb',
  disabledEdge: '#5b6f8c',
  accent: '#ffb020',
  accentText: '#1a1200',
  safe: '#3ddc84',
  unsafe: '#ff6b5e',
  focus: '#7cc4ff',
} as const;

/**
 * Canvas pixels per metre of panel. A panel 1.2 m away spans ≈ 21 mm per degree; a Quest 3 shows ≈ 25 px per degree,
 * i.e. ≈ 1.2 px/mm: 1.4 px/mm keeps a little above that for mipmapped minification, and a 1 m panel within 2048 px.
 */
export const PX_PER_M = 1400;
/** No canvas side beyond this (GPU texture limits and memory). */
export const MAX_CANVAS_PX = 2048;
