import { MECHANIC_NAMES } from '@ruyi/mechanics';
import { describe, expect, it } from 'vitest';
// The registry's VR views import the XR kit, whose CommonJS build node would otherwise load: the app's test set-up
// routes it (test-support/reset.ts).
import { MECHANIC_VIEWS } from './registry.ts';
import { TOUCH_VIEWS } from './touchViews.ts';

describe('the touch views the screen imports', () => {
  it('are the registry’s, for every mechanic the engine knows', () => {
    expect(Object.keys(TOUCH_VIEWS).sort()).toEqual([...MECHANIC_NAMES].sort());
    for (const name of MECHANIC_NAMES) expect(TOUCH_VIEWS[name], name).toBe(MECHANIC_VIEWS[name].Touch);
  });
});
