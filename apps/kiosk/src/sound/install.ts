// Wires sound to the app once, at start: the first-touch gate, the device's voices, the run's sounds (one subscriber
// to the visit store, which holds the run, so no view plays a cue itself) and the countdown's ticks; the end of a
// visit silences everything.
import { useVisit } from '../stores/visit.ts';
import { tickDue } from './cues.ts';
import { closeSoundGate, watchFirstTouch } from './gate.ts';
import { readVoices, stopNarration } from './narrator.ts';
import { playCue } from './player.ts';
import { effectiveVolume, useSoundSettings } from './settings.ts';

/** How often a running countdown is looked at: often enough that a tick is never late by a noticeable amount. */
const COUNTDOWN_POLL_MS = 100;

let installed: (() => void) | null = null;

export function installSound(): () => void {
  if (installed) return installed;
  const stops: (() => void)[] = [watchFirstTouch(window)];

  if ('speechSynthesis' in window) {
    readVoices();
    // Browsers list their voices late (Chrome: after the first getVoices call).
    window.speechSynthesis.addEventListener('voiceschanged', readVoices);
    stops.push(() => window.speechSynthesis.removeEventListener('voiceschanged', readVoices));
  }

  // A run's sounds need the mechanics and the engine: loaded now, after the first screen's code. A run only starts on
  // the play screen, a lazy chunk of its own that needs them too, so they are here before any run changes.
  let runCues: typeof import('./runCues.ts') | null = null;
  import('./runCues.ts').then(
    (loaded) => {
      runCues = loaded;
      if (installed) checkCountdown(); // a run restored before they loaded may be counting down already
    },
    (error: unknown) => console.warn('Ruyi: the run sounds did not load:', error),
  );

  let lastSeconds: number | null = null;
  let ticker: ReturnType<typeof setInterval> | null = null;
  const checkCountdown = () => {
    const active = useVisit.getState().run;
    const seconds = active && runCues ? runCues.countdownOf(active.scenario, active.state, Date.now()) : null;
    if (tickDue(lastSeconds, seconds)) playCue('tick');
    lastSeconds = seconds;
    if (seconds === null && ticker) {
      clearInterval(ticker);
      ticker = null;
    } else if (seconds !== null && !ticker) ticker = setInterval(checkCountdown, COUNTDOWN_POLL_MS);
  };
  stops.push(() => {
    if (ticker) clearInterval(ticker);
  });

  // The run is a field of the visit: one subscriber hears both the run's changes and the visit's end.
  stops.push(
    useVisit.subscribe((now, before) => {
      const a = now.run;
      const b = before.run;
      if (a && b && a !== b && a.runId === b.runId && now.visitId === before.visitId) {
        const cue = runCues?.cueForChange(a.scenario, b.state, a.state);
        if (cue) playCue(cue);
      }
      if (a !== b) checkCountdown();
      if (before.visitId !== null && now.visitId !== before.visitId) {
        stopNarration();
        closeSoundGate();
      }
    }),
  );

  stops.push(
    useSoundSettings.subscribe((now) => {
      if (effectiveVolume(now) <= 0) stopNarration();
    }),
  );

  installed = () => {
    for (const stop of stops) stop();
    installed = null;
  };
  return installed;
}
