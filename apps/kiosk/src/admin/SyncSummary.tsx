import { useTranslation } from 'react-i18next';
import type { SyncStatus } from './api.ts';
import { secondsUntil, showsProgress, STATE_SHAPES } from './syncView.ts';
import { SyncProgress } from './SyncProgress.tsx';
import { SyncStopNotice } from './SyncStopNotice.tsx';
import { useSyncText } from './useSyncText.ts';

export interface SyncSummaryProps {
  status: SyncStatus;
  /** When the status was read (ms since the epoch): the countdown to the next attempt counts from it. */
  readAt: number;
  busy: boolean;
  onResume: () => void;
}

/** Where the statements go and how it is going: the state in words and a shape, the queue, the last success and error,
 * the backoff, a progress bar while a backlog drains, and a loud notice with "resume" when stopped. */
export function SyncSummary({ status, readAt, busy, onResume }: SyncSummaryProps) {
  const { t } = useTranslation();
  const text = useSyncText();
  const off = status.state === 'off';
  return (
    <div className="sync-summary" data-state={status.state}>
      {/* A live region of its own: the state is announced when it changes, not at every refresh. */}
      <p className="sync-state" role="status">
        <span className={`sync-shape ${STATE_SHAPES[status.state]}`} aria-hidden="true" />
        <span>
          {t('sync.stateLabel')}
          <strong>{t(`sync.state.${status.state}`)}</strong>
        </span>
      </p>
      {off ? (
        <div className="sync-off">
          <p>{t('sync.offHeading')}</p>
          <p>{t('sync.offHow')}</p>
        </div>
      ) : (
        <>
          {status.state === 'stopped' ? <SyncStopNotice status={status} busy={busy} onResume={onResume} /> : null}
          {showsProgress(status) ? <SyncProgress status={status} /> : null}
          <dl className="sync-facts">
            <div>
              <dt>{t('sync.target')}</dt>
              <dd>
                <code>{status.target}</code>
              </dd>
            </div>
            <div>
              <dt>{t('sync.clientKey')}</dt>
              <dd>
                <code>{status.clientKey}</code>
              </dd>
            </div>
            <div>
              <dt>{t('sync.backlog')}</dt>
              <dd data-fact="backlog">{status.backlog}</dd>
            </div>
            <div>
              <dt>{t('sync.lastSuccess')}</dt>
              <dd data-fact="last-success">{status.lastSuccessAt ? text.time(status.lastSuccessAt) : t('sync.never')}</dd>
            </div>
            <div>
              <dt>{t('sync.failures')}</dt>
              <dd data-fact="failures">{status.failures}</dd>
            </div>
            {status.nextAttemptAt ? (
              <div>
                <dt>{t('sync.nextAttempt')}</dt>
                <dd data-fact="next-attempt">
                  {t('sync.nextAttemptIn', { time: text.time(status.nextAttemptAt), seconds: secondsUntil(status.nextAttemptAt, readAt) })}
                </dd>
              </div>
            ) : null}
            <div>
              <dt>{t('sync.lastError')}</dt>
              <dd data-fact="last-error">{status.lastError ? text.error(status.lastError) : t('sync.noError')}</dd>
            </div>
            {status.batchSize !== null ? (
              <div>
                <dt>{t('sync.batchSize')}</dt>
                <dd>{status.batchSize}</dd>
              </div>
            ) : null}
          </dl>
        </>
      )}
    </div>
  );
}
