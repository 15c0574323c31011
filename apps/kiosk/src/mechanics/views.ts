// What a mechanic shows: one view for screens (touch, mouse, keyboard) and one for the headset. Both only render the
// step's state and dispatch its events; the rules are the mechanic's engine (@ruyi/mechanics).
import type { MechanicName, StepConfigOf, StepEnv, StepEventOf, StepStateOf } from '@ruyi/mechanics';
import type { Pack, Scenario } from '@ruyi/pack-schema';
import type { ComponentType } from 'react';

export interface StepViewProps<N extends MechanicName> {
  pack: Pack;
  scenario: Scenario;
  step: StepConfigOf<N>;
  state: StepStateOf<N>;
  env: StepEnv;
  /** Sends one of the step's events to the run (the run adds the time). */
  dispatch(event: StepEventOf<N>): void;
}

/** What the VR world shows and does while a step is on: props marked as found, the prop a hint points at, a prop's tap. */
export interface WorldWiring {
  found: readonly string[];
  hinted: string | null;
  /** A tap (or trigger pull) on a prop of the scene; without it props do nothing during the step. */
  onProp?: (propId: string) => void;
}

export interface MechanicViews<N extends MechanicName> {
  /** The step on a screen, below the top bar: every control a button with an accessible name, large text. */
  Touch: ComponentType<StepViewProps<N>>;
  /**
   * The step in the headset: panels (xr/steps: SplitSheet, PanelSheet) with controller-pressable buttons, and world
   * targets where the step is done on an object. Button target ids are `button:<mechanic>.<what>` (xr/targets.ts).
   */
  Vr: ComponentType<StepViewProps<N>>;
  /**
   * Optional, for a step done on the scene's props: a hook (called while the step is on, by a component keyed by the
   * step's id) telling the VR world what to mark and what a prop's tap does. The touch view draws its own scene.
   */
  useWorld?: (props: StepViewProps<N>) => WorldWiring;
}
