import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncStatus } from './api.ts';
import { secondsUntil, showsProgress, STATE_SHAPES } from './syncView.ts';
import { SyncProgress } from './SyncProgress.tsx';
import { SyncStopNotice } from './SyncStopNotice.tsx';
import { useSyncText } from './useSyncText.ts';

/** One term of the facts list; `name` marks it for tests (data-fact). */
function Fact({ label, name, children }: { label: string; name?: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd data-fact={name}>{children}</dd>
    </div>
  );
}

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
            <Fact label={t('sync.target')}>
              <code>{status.target}</code>
            </Fact>
            <Fact label={t('sync.clientKey')}>
              <code>{status.clientKey}</code>
            </Fact>
            <Fact label={t('sync.backlog')} name="backlog">
              {status.backlog}
            </Fact>
            <Fact label={t('sync.lastSuccess')} name="last-success">
              {status.lastSuccessAt ? text.time(status.lastSuccessAt) : t('sync.never')}
            </Fact>
            <Fact label={t('sync.failures')} name="failures">
              {status.failures}
            </Fact>
            {status.nextAttemptAt ? (
              <Fact label={t('sync.nextAttempt')} name="next-attempt">
                {t('sync.nextAttemptIn', { time: text.time(status.nextAttemptAt), seconds: secondsUntil(status.nextAttemptAt, readAt) })}
              </Fact>
            ) : null}
            <Fact label={t('sync.lastError')} name="last-error">
              {status.lastError ? text.error(status.lastError) : t('sync.noError')}
            </Fact>
            {status.batchSize !== null ? <Fact label={t('sync.batchSize')}>{status.batchSize}</Fact> : null}
          </dl>
        </>
      )}
    </div>
  );
}
