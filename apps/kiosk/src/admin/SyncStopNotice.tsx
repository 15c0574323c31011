import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncStatus } from './api.ts';
import { stopAdvice } from './syncView.ts';

export interface SyncStopNoticeProps {
  status: SyncStatus;
  busy: boolean;
  onResume: () => void;
}

/** A stopped forwarder, loud: what the operator should do (by the target's answer), the reason as the target gave it,
 * and the button that tries again once it is fixed. */
export function SyncStopNotice({ status, busy, onResume }: SyncStopNoticeProps) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="sync-stopped" role="group" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>
        <span className="sync-shape square" aria-hidden="true" />
        {t('sync.stoppedHeading')}
      </h3>
      <p className="sync-advice">{t(`sync.advice.${stopAdvice(status)}`)}</p>
      {status.stoppedReason ? <p className="sync-reason">{t('sync.reasonGiven', { reason: status.stoppedReason })}</p> : null}
      <button type="button" className="primary" disabled={busy} onClick={onResume}>
        {t('sync.resume')}
      </button>
    </div>
  );
}
