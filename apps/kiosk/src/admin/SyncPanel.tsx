import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatTime } from './format.ts';
import { AdminApiError, discardQuarantined, resumeSync, retryQuarantined, type QuarantinedStatement } from './api.ts';
import { ConfirmDialog } from './ConfirmDialog.tsx';
import { QuarantineTable } from './QuarantineTable.tsx';
import { splitQuarantine } from './syncView.ts';
import { SyncParks } from './SyncParks.tsx';
import { SyncSummary } from './SyncSummary.tsx';
import { useAdminErrorText } from './useAdminErrorText.ts';
import { useSyncStatus } from './useSyncStatus.ts';
import { useSyncText } from './useSyncText.ts';

type Message = { text: string; tone: 'ok' | 'warning' | 'error' };

export interface SyncPanelProps {
  token: string;
  onUnauthorized: () => void;
}

/**
 * The operators' view of statement sync (/api/admin/sync): where statements go and how it is going, refreshed every
 * few seconds while the page is open, and the operator's actions: resume after a stop, retry or discard a statement
 * the target refused. Each action's outcome is announced. On a hub, also what each park delivered here.
 */
export function SyncPanel({ token, onUnauthorized }: SyncPanelProps) {
  const { t, i18n } = useTranslation();
  const errorText = useAdminErrorText();
  const text = useSyncText();
  const id = useId();
  const quarantineHeading = useRef<HTMLHeadingElement>(null);
  const { snapshot, error, refresh, setStatus } = useSyncStatus(token, onUnauthorized);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message | null>(null);
  const [discarding, setDiscarding] = useState<QuarantinedStatement | null>(null);

  /** Runs one action; its outcome becomes the announced message, then the page reads the new state. */
  const act = async (work: () => Promise<Message>) => {
    setBusy(true);
    setMessage(null);
    try {
      setMessage(await work());
    } catch (e) {
      if (e instanceof AdminApiError && e.status === 401) return onUnauthorized();
      setMessage({ text: errorText(e), tone: 'error' });
    } finally {
      setBusy(false);
    }
    await refresh();
  };

  const retry = (s: QuarantinedStatement) =>
    act(async () => {
      const r = await retryQuarantined(token, s.seq);
      // The reason as the target gave it already names its status; the status alone when it gave none.
      const reason = r.reason ?? (r.status === null ? '' : text.httpStatus(r.status));
      if (r.outcome === 'delivered') quarantineHeading.current?.focus();
      return { text: t(`sync.retryOutcome.${r.outcome}`, { seq: r.seq, reason }), tone: r.outcome === 'delivered' ? 'ok' : 'warning' };
    });

  // A statement that leaves the quarantine takes its row and buttons with it: focus goes to the list's heading, so a
  // keyboard user stays in the same place on the page.
  const discard = (s: QuarantinedStatement) => {
    setDiscarding(null);
    void act(async () => {
      const discarded = await discardQuarantined(token, s.seq);
      quarantineHeading.current?.focus();
      return { text: t('sync.discarded', { seq: discarded.seq }), tone: 'ok' };
    });
  };

  const resume = () =>
    act(async () => {
      const status = await resumeSync(token);
      setStatus(status);
      return { text: t('sync.resumed'), tone: 'ok' };
    });

  const quarantine = snapshot ? splitQuarantine(snapshot.quarantine) : null;
  return (
    <section className="sync" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('sync.heading')}</h2>
      <p className="admin-muted">{t('sync.intro')}</p>
      <div aria-live="polite">
        {message ? (
          <p className={message.tone === 'ok' ? 'admin-ok' : message.tone === 'warning' ? 'sync-warning' : 'admin-error'} role={message.tone === 'error' ? 'alert' : 'status'}>
            {message.text}
          </p>
        ) : null}
      </div>
      {error ? (
        <p className="admin-error" role="alert">
          {snapshot ? t('sync.stale', { message: errorText(error) }) : errorText(error)}
        </p>
      ) : null}
      {!snapshot ? (
        error ? null : <p aria-busy="true">{t('admin.loading')}</p>
      ) : (
        <>
          <SyncSummary status={snapshot.status} readAt={snapshot.at} busy={busy} onResume={() => void resume()} />
          {snapshot.status.state !== 'off' && quarantine ? (
            <div className="sync-quarantine-section">
              <h3 ref={quarantineHeading} tabIndex={-1}>
                {t('sync.quarantineHeading')}
              </h3>
              <p className="admin-muted">{t('sync.quarantineIntro')}</p>
              <QuarantineTable statements={quarantine.pending} busy={busy} onRetry={(s) => void retry(s)} onDiscard={setDiscarding} />
              {quarantine.discarded > 0 ? <p className="admin-muted">{t('sync.discardedCount', { n: quarantine.discarded })}</p> : null}
            </div>
          ) : null}
          <p className="admin-muted">{t('sync.updatedAt', { time: formatTime(snapshot.at, i18n.language) })}</p>
        </>
      )}
      <SyncParks token={token} onUnauthorized={onUnauthorized} />
      {discarding ? (
        <ConfirmDialog
          message={t('sync.confirmDiscard', { seq: discarding.seq, id: discarding.id })}
          confirmLabel={t('sync.confirmDiscardButton')}
          onConfirm={() => discard(discarding)}
          onCancel={() => setDiscarding(null)}
        />
      ) : null}
    </section>
  );
}
