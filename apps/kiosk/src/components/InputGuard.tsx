// The one place that keeps ghost taps off the visitor's screens (the rule is in @ruyi/scenario-engine's settle.ts):
// whenever controls appear on a screen (a new step, a new situation, a new route, the result), the screen ignores
// taps and clicks until it has been still for SETTLE_MS. It watches the app's root rather than each view, so no view
// can forget it. (The headset's buttons are drawn in the 3D scene, not in the page: xr/ui/inputGate.ts guards them.)
import { OPEN_GATE, acceptsInput, msUntilOpen, screenChanged, type InputGate } from '@ruyi/scenario-engine';
import { useEffect } from 'react';

/**
 * What makes a new screen: a way on, a choice, a link, an answer, a 3D scene to tap. (A control that only joins the
 * screen, such as a narration button beside new feedback, does not: the visitor is not moved anywhere.)
 */
const SCREEN_CONTROLS = 'button.primary, .choice, [data-option], [data-action], a[href], input, label, select, textarea, canvas';
/** Swallowed while the screen settles; window-level listeners (the idle guard's) still see them: the visitor is there. */
const PRESS_EVENTS = ['pointerdown', 'pointerup', 'mousedown', 'mouseup', 'click'] as const;
/** Staff screens are not a visitor's: no waiting there. */
const STAFF = /^\/(admin|operator|enroll)(\/|$)/;

/**
 * The browser's own clock for input, which the page's timers cannot shift (tests stop the page's clock while a drill
 * counts seconds; a visitor's double tap still happens in real time). Event times are on the same clock.
 */
export const inputNow = (): number => new Event('ruyi-now').timeStamp;

const addsControl = (node: Node) => node instanceof Element && (node.matches(SCREEN_CONTROLS) || node.querySelector(SCREEN_CONTROLS) !== null);

export function InputGuard(): null {
  useEffect(() => {
    const root = document.getElementById('root') ?? document.body;
    let gate: InputGate = OPEN_GATE;
    let waking = false;

    // While closed the screen says so (aria-disabled on the root): assistive technology and automated players wait.
    const show = (closed: boolean) => {
      if (closed) root.setAttribute('aria-disabled', 'true');
      else root.removeAttribute('aria-disabled');
    };
    const wakeWhenOpen = () => {
      const wait = msUntilOpen(gate, inputNow());
      if (wait <= 0) {
        waking = false;
        show(false);
        return;
      }
      waking = true;
      // Whichever comes first: a timer (prompt, but a page clock that is held, as tests hold it while a drill counts
      // seconds, holds it too) or an animation's end (on the display's clock, which nothing holds, but only as
      // often as frames are drawn).
      let woken = false;
      const wake = () => {
        if (woken) return;
        woken = true;
        wakeWhenOpen();
      };
      window.setTimeout(wake, wait);
      if (typeof root.animate === 'function') root.animate([], { duration: wait }).finished.then(wake, wake);
    };

    const observer = new MutationObserver((mutations) => {
      if (STAFF.test(window.location.pathname)) return;
      if (!mutations.some((m) => Array.from(m.addedNodes).some(addsControl))) return;
      gate = screenChanged(gate, inputNow());
      show(true);
      if (!waking) wakeWhenOpen();
    });
    observer.observe(root, { childList: true, subtree: true });

    const onPress = (event: Event) => {
      // A click from the keyboard (Enter, Space) has no pointer behind it and cannot land by accident.
      if (event.type === 'click' && (event as MouseEvent).detail === 0) return;
      if (acceptsInput(gate, event.timeStamp)) return;
      event.preventDefault();
      event.stopPropagation();
    };
    PRESS_EVENTS.forEach((type) => document.addEventListener(type, onPress, { capture: true }));
    return () => {
      observer.disconnect();
      PRESS_EVENTS.forEach((type) => document.removeEventListener(type, onPress, { capture: true }));
      show(false);
    };
  }, []);
  return null;
}
