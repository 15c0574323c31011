// Sound for visitors: read-aloud with captions, the short cues of a visit, and the station's volume.
export { installSound } from './install.ts';
export { StationSoundSettings } from './StationSoundSettings.tsx';
export { useNarration, type Narration } from './useNarration.ts';
export { useSoundSettings, type SoundSettings } from './settings.ts';
export { playCue } from './player.ts';
export type { Cue } from './cues.ts';
