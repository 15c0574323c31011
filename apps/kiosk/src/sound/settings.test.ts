import { describe, expect, it } from 'vitest';
import { DEFAULT_SOUND, effectiveVolume, parseSoundSettings } from './settings.ts';

describe('station sound settings', () => {
  it('read back what was stored', () => {
    expect(parseSoundSettings(JSON.stringify({ volume: 0.35, muted: true }))).toEqual({ volume: 0.35, muted: true });
  });

  it('fall back to the default for anything missing or malformed, and keep the volume within 0–1', () => {
    expect(parseSoundSettings(null)).toEqual(DEFAULT_SOUND);
    expect(parseSoundSettings('not json')).toEqual(DEFAULT_SOUND);
    expect(parseSoundSettings('{"volume":"loud","muted":"yes"}')).toEqual(DEFAULT_SOUND);
    expect(parseSoundSettings('{"volume":7}').volume).toBe(1);
    expect(parseSoundSettings('{"volume":-1}').volume).toBe(0);
  });

  it('play at nothing when muted, whatever the volume', () => {
    expect(effectiveVolume({ volume: 0.6, muted: false })).toBe(0.6);
    expect(effectiveVolume({ volume: 0.6, muted: true })).toBe(0);
  });
});
