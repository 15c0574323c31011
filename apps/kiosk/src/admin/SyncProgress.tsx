import { useTranslation } from 'react-i18next';
import type { SyncStatus } from './api.ts';
import { secondsLeft } from './syncView.ts';
import { useSyncText } from './useSyncText.ts';

/** A draining backlog: how far it got (a progressbar with a name and a value in words), how fast, and how long still. */
export function SyncProgress({ status }: { status: SyncStatus }) {
  const { t } = useTranslation();
  const text = useSyncText();
  const { sent, total } = status.progress;
  const valueText = t('sync.progressText', { sent, total });
  const left = secondsLeft(status);
  return (
    <div className="sync-progress">
      <progress max={total} value={sent} aria-label={t('sync.progressLabel')} aria-valuetext={valueText} />
      <p>
        <span>{valueText}</span>
        <span>{t('sync.rate', { rate: status.ratePerSecond })}</span>
        <span>{left === null ? t('sync.timeLeftUnknown') : t('sync.timeLeft', { duration: text.duration(left) })}</span>
      </p>
    </div>
  );
}
