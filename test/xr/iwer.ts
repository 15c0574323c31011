// Builds the IWER emulated-headset runtime (node_modules/iwer) into one IIFE, once per test process, and gives the
// init script that installs it in a page before the app's own scripts run. Nothing of IWER reaches the kiosk build.
import { buildSync } from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** Headset profiles IWER ships (lib/device/configs/headset/meta.js); each brings its own controllers. */
export const HEADSETS = ['metaQuest3', 'metaQuestPro', 'metaQuest2', 'oculusQuest1'] as const;
export type Headset = (typeof HEADSETS)[number];

export interface IwerOptions {
  /** Which headset to emulate; Meta Quest 3 (Touch Plus controllers) unless told. */
  headset?: Headset;
  /** Two eyes, as every real headset renders. IWER's own default is one (mono) view. */
  stereo?: boolean;
  /** Where the headset starts, in the session's reference space (local-floor): metres, eyes 1.6 m above the floor. */
  headsetPosition?: [number, number, number];
}

// The runtime and a small installer. The installer reads its options from window.__iwerConfig (set just before it),
// installs IWER over the navigator.xr headless Chromium already has (forceInstall), and counts XR frames on its own
// requestAnimationFrame loop, so input can be timed in frames independently of the app's counter.
const ENTRY = `
import * as IWER from 'iwer';
const config = window.__iwerConfig || {};
if (window.top === window && !window.__iwer) {
  const profile = IWER[config.headset || 'metaQuest3'];
  if (!profile) throw new Error('IWER has no headset profile ' + config.headset);
  const options = { stereoEnabled: config.stereo !== false };
  const device = new IWER.XRDevice(profile, options);
  if (config.headsetPosition) device.position.set(...config.headsetPosition);
  device.installRuntime({ forceInstall: true });
  const state = { frames: 0, sessions: 0, ended: 0, session: null };
  const xr = navigator.xr;
  const requestSession = xr.requestSession.bind(xr);
  xr.requestSession = async (...args) => {
    const session = await requestSession(...args);
    state.sessions++;
    state.session = session;
    state.frames = 0;
    const tick = () => { state.frames++; if (state.session === session) session.requestAnimationFrame(tick); };
    session.requestAnimationFrame(tick);
    session.addEventListener('end', () => { state.ended++; if (state.session === session) state.session = null; });
    return session;
  };
  window.__iwer = device;
  window.__iwerState = state;
  window.__iwerLib = IWER;
}
`;

let bundle: string | undefined;

/** The IIFE (IWER + installer), built with esbuild from node_modules on first use and kept for the process. */
export function iwerBundle(): string {
  if (bundle) return bundle;
  const iwerDir = dirname(require.resolve('iwer/package.json'));
  const result = buildSync({
    stdin: { contents: ENTRY, resolveDir: iwerDir, sourcefile: 'iwer-harness-entry.js', loader: 'js' },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    logLevel: 'silent',
    banner: { js: '/* IWER emulated WebXR runtime for Ruyi e2e tests: built by test/xr/iwer.ts */' },
  });
  bundle = result.outputFiles[0]!.text;
  // Kept on disk for anyone debugging a run (open it next to the page's sources).
  try {
    const dir = join('.e2e-data', 'iwer');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'iwer-harness.iife.js'), bundle);
  } catch {
    // not needed for the run
  }
  return bundle;
}

/** The script for page.addInitScript: options first, then the runtime and installer. */
export function iwerInitScript(options: IwerOptions = {}): string {
  return `window.__iwerConfig = ${JSON.stringify(options)};\n${iwerBundle()}`;
}
