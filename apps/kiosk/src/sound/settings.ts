// The station's sound, set by staff and kept on the device (not per visit): how loud, or muted. Narration and the
// short sounds both follow it.
import { create } from 'zustand';

export interface SoundSettings {
  /** 0–1. */
  volume: number;
  muted: boolean;
}

export const DEFAULT_SOUND: SoundSettings = { volume: 0.8, muted: false };
export const SOUND_SETTINGS_KEY = 'ruyi.station.sound';

/** Stored settings read back; anything missing or malformed is the default (a bad value never silences a station). */
export function parseSoundSettings(raw: string | null): SoundSettings {
  if (!raw) return DEFAULT_SOUND;
  try {
    const data = JSON.parse(raw) as Partial<Record<keyof SoundSettings, unknown>>;
    const volume = typeof data.volume === 'number' && Number.isFinite(data.volume) ? Math.min(1, Math.max(0, data.volume)) : DEFAULT_SOUND.volume;
    const muted = typeof data.muted === 'boolean' ? data.muted : DEFAULT_SOUND.muted;
    return { volume, muted };
  } catch {
    return DEFAULT_SOUND;
  }
}

/** The loudness to play at (0 when muted). */
export const effectiveVolume = (s: SoundSettings): number => (s.muted ? 0 : s.volume);

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

interface SoundSettingsStore extends SoundSettings {
  setVolume(volume: number): void;
  setMuted(muted: boolean): void;
}

export const useSoundSettings = create<SoundSettingsStore>((set, get) => {
  const save = (next: SoundSettings) => {
    set(next);
    try {
      storage()?.setItem(SOUND_SETTINGS_KEY, JSON.stringify(next));
    } catch {
      // A full or refused storage keeps the setting for this session only.
    }
  };
  return {
    ...parseSoundSettings(storage()?.getItem(SOUND_SETTINGS_KEY) ?? null),
    setVolume: (volume) => save({ volume: parseSoundSettings(JSON.stringify({ volume })).volume, muted: get().muted }),
    setMuted: (muted) => save({ volume: get().volume, muted }),
  };
});

// Another tab of the same station (the /operator page open beside the kiosk) changes the setting: follow it.
if (typeof window !== 'undefined')
  window.addEventListener('storage', (e) => {
    if (e.key === SOUND_SETTINGS_KEY) useSoundSettings.setState(parseSoundSettings(e.newValue));
  });
