// The station's sound for staff: a volume slider, mute, and a sample to hear the setting. Kept on this device, for
// every visit, until staff change it.
import { useId, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { playCue } from './player.ts';
import { useSoundSettings } from './settings.ts';
import './sound.css';

export function StationSoundSettings(): JSX.Element {
  const { t } = useTranslation();
  const id = useId();
  const { volume, muted, setVolume, setMuted } = useSoundSettings();
  const percent = Math.round(volume * 100);
  return (
    <section className="station-sound" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('sound.heading')}</h2>
      <p>{t('sound.help')}</p>
      <div className="station-sound-volume">
        <label htmlFor={`${id}-volume`}>{t('sound.volume')}</label>
        <input
          id={`${id}-volume`}
          type="range"
          min={0}
          max={100}
          step={5}
          value={percent}
          aria-valuetext={t('sound.volumeValue', { percent })}
          disabled={muted}
          onChange={(e) => setVolume(Number(e.currentTarget.value) / 100)}
        />
        <output htmlFor={`${id}-volume`}>{t('sound.volumeValue', { percent })}</output>
      </div>
      <label>
        <input type="checkbox" checked={muted} onChange={(e) => setMuted(e.currentTarget.checked)} />
        {t('sound.mute')}
      </label>
      <p role="status">{muted ? t('sound.isMuted') : t('sound.isOn', { percent })}</p>
      <div className="actions">
        <button
          type="button"
          className="secondary"
          disabled={muted}
          onClick={() => playCue('result-good')}
        >
          {t('sound.sample')}
        </button>
      </div>
    </section>
  );
}
