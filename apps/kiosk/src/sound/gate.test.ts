import { afterEach, describe, expect, it } from 'vitest';
import { closeSoundGate, soundAllowed, watchFirstTouch } from './gate.ts';

describe('the first-touch gate', () => {
  afterEach(closeSoundGate);

  it('stays shut for events a script makes, and for events that are no touch', () => {
    const target = new EventTarget();
    const stop = watchFirstTouch(target as unknown as Window);
    // Events made by a script are never trusted (only the browser's own input is).
    for (const type of ['pointerdown', 'keydown', 'touchstart', 'click', 'scroll']) target.dispatchEvent(new Event(type));
    expect(soundAllowed()).toBe(false);
    stop();
  });

  it('closes again when told (the end of a visit)', () => {
    const target = new EventTarget();
    const stop = watchFirstTouch(target as unknown as Window);
    // A trusted touch, as the browser would deliver it.
    const touch = new Event('pointerdown');
    Object.defineProperty(touch, 'isTrusted', { value: true });
    target.dispatchEvent(touch);
    expect(soundAllowed()).toBe(true);
    closeSoundGate();
    expect(soundAllowed()).toBe(false);
    stop();
    target.dispatchEvent(touch);
    expect(soundAllowed()).toBe(false);
  });
});
