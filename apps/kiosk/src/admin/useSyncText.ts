import { useTranslation } from 'react-i18next';
import type { SyncStatus } from './api.ts';
import { durationParts } from './syncView.ts';
import { formatDateTime } from './format.ts';

/** The sync page's times, durations and errors in the operator's language. */
export function useSyncText() {
  const { t, i18n } = useTranslation();
  const time = (iso: string) => formatDateTime(iso, i18n.language);
  const duration = (seconds: number) => {
    const d = durationParts(seconds);
    return d.unit === 'hours' ? t('sync.duration.hours', { h: d.h, m: d.m }) : t(`sync.duration.${d.unit}`, { n: d.n });
  };
  const httpStatus = (status: number | null) => (status === null ? t('sync.networkError') : t('sync.httpStatus', { status }));
  const error = (e: NonNullable<SyncStatus['lastError']>) => t('sync.errorLine', { status: httpStatus(e.status), message: e.message, time: time(e.at) });
  return { time, duration, httpStatus, error };
}
