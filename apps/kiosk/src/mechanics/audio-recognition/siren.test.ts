import { sirenPlan } from '@ruyi/mechanics/audio-recognition';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSirenPlayer } from './siren.ts';

function param() {
  const calls: [string, number, number][] = [];
  return {
    calls,
    value: 0,
    setValueAtTime: (v: number, at: number) => calls.push(['set', v, at]),
    linearRampToValueAtTime: (v: number, at: number) => calls.push(['ramp', v, at]),
  };
}
const node = () => ({ connect: vi.fn((n: unknown) => n), disconnect: vi.fn() });
const oscillator = () => ({ ...node(), type: '', frequency: param(), start: vi.fn(), stop: vi.fn(), onended: null as null | (() => void) });

/** A stand-in for the browser's AudioContext that keeps what was scheduled on it. */
class FakeContext {
  static made: FakeContext[] = [];
  state: AudioContextState = 'running';
  currentTime = 10;
  destination = {};
  oscillators: ReturnType<typeof oscillator>[] = [];
  closed = false;
  resumed = 0;
  constructor() {
    FakeContext.made.push(this);
  }
  createOscillator() {
    const o = oscillator();
    this.oscillators.push(o);
    return o;
  }
  createBiquadFilter() {
    return { ...node(), type: '', frequency: param() };
  }
  createGain() {
    return { ...node(), gain: param() };
  }
  resume() {
    this.resumed++;
    return Promise.resolve();
  }
  close() {
    this.closed = true;
    this.state = 'closed';
    return Promise.resolve();
  }
}

const plan = sirenPlan({ onSeconds: 6, offSeconds: 6, cycles: 2 }, 6);

afterEach(() => {
  vi.unstubAllGlobals();
  FakeContext.made = [];
});

describe('createSirenPlayer', () => {
  it('plays nothing and says so where there is no Web Audio', () => {
    vi.stubGlobal('AudioContext', undefined);
    const player = createSirenPlayer();
    expect(player.play(plan, () => {})).toBe('silent');
    expect(() => player.stop()).not.toThrow();
    expect(() => player.close()).not.toThrow();
  });

  it('plays nothing, without throwing, when the device refuses to make a context', () => {
    vi.stubGlobal(
      'AudioContext',
      class {
        constructor() {
          throw new Error('NotAllowedError');
        }
      },
    );
    expect(createSirenPlayer().play(plan, () => {})).toBe('silent');
  });

  it('schedules the plan\'s curves from a moment ahead and stops the oscillator at its end', () => {
    vi.stubGlobal('AudioContext', FakeContext);
    const player = createSirenPlayer();
    expect(player.play(plan, () => {})).toBe('playing');
    const ctx = FakeContext.made[0]!;
    const osc = ctx.oscillators[0]!;
    const t0 = 10.05;
    expect(osc.start).toHaveBeenCalledWith(t0);
    expect(osc.stop).toHaveBeenCalledWith(t0 + plan.duration);
    expect(osc.frequency.calls[0]).toEqual(['set', plan.frequency[0]!.value, t0]);
    expect(osc.frequency.calls.slice(1)).toEqual(plan.frequency.slice(1).map((p) => ['ramp', p.value, t0 + p.at]));
  });

  it('resumes a suspended context and schedules all the same', () => {
    vi.stubGlobal('AudioContext', FakeContext);
    const player = createSirenPlayer();
    player.play(plan, () => {});
    const ctx = FakeContext.made[0]!;
    ctx.state = 'suspended';
    expect(player.play(plan, () => {})).toBe('playing');
    expect(ctx.resumed).toBe(1);
    // One context for the player's life: a second play reuses it and cuts off the first sound.
    expect(FakeContext.made).toHaveLength(1);
    expect(ctx.oscillators[0]!.disconnect).toHaveBeenCalled();
  });

  it('tells when a play ends by itself, not after a stop or a newer play', () => {
    vi.stubGlobal('AudioContext', FakeContext);
    const player = createSirenPlayer();
    const ended = vi.fn();
    player.play(plan, ended);
    const first = FakeContext.made[0]!.oscillators[0]!;
    player.play(plan, ended);
    first.onended?.();
    expect(ended).not.toHaveBeenCalled();
    FakeContext.made[0]!.oscillators[1]!.onended?.();
    expect(ended).toHaveBeenCalledTimes(1);
    player.play(plan, ended);
    const third = FakeContext.made[0]!.oscillators[2]!;
    player.stop();
    expect(third.onended).toBeNull();
  });

  it('lets the audio device go on close, and plays again with a new context after', () => {
    vi.stubGlobal('AudioContext', FakeContext);
    const player = createSirenPlayer();
    player.play(plan, () => {});
    player.close();
    expect(FakeContext.made[0]!.closed).toBe(true);
    expect(FakeContext.made[0]!.oscillators[0]!.stop).toHaveBeenCalled();
  });
});
