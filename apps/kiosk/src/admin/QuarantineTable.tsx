import { useTranslation } from 'react-i18next';
import type { QuarantinedStatement } from './api.ts';
import { refusalKind } from './syncView.ts';
import { useSyncText } from './useSyncText.ts';

export interface QuarantineTableProps {
  /** The statements still waiting for a decision (discarded ones left out). */
  statements: QuarantinedStatement[];
  busy: boolean;
  onRetry: (statement: QuarantinedStatement) => void;
  onDiscard: (statement: QuarantinedStatement) => void;
}

/** The statements the target refused, each with the target's answer and reason, and "retry" and "discard". */
export function QuarantineTable({ statements, busy, onRetry, onDiscard }: QuarantineTableProps) {
  const { t } = useTranslation();
  const text = useSyncText();
  if (statements.length === 0) return <p>{t('sync.quarantineEmpty')}</p>;
  return (
    <table className="admin-table sync-quarantine">
      <thead>
        <tr>
          <th scope="col">{t('sync.col.seq')}</th>
          <th scope="col">{t('sync.col.id')}</th>
          <th scope="col">{t('sync.col.status')}</th>
          <th scope="col">{t('sync.col.reason')}</th>
          <th scope="col">{t('sync.col.when')}</th>
          <th scope="col">{t('sync.col.attempts')}</th>
          <th scope="col">{t('sync.col.actions')}</th>
        </tr>
      </thead>
      <tbody>
        {statements.map((s) => (
          <tr key={s.seq} data-seq={s.seq}>
            <th scope="row">{s.seq}</th>
            <td>
              <code>{s.id}</code>
            </td>
            <td>
              {text.httpStatus(s.status)}
              <div className="admin-muted">{t(`sync.refusal.${refusalKind(s.status)}`)}</div>
            </td>
            <td className="sync-reason-cell">{s.reason}</td>
            <td>{text.time(s.quarantinedAt)}</td>
            <td>{s.attempts}</td>
            <td>
              <div className="admin-actions">
                <button type="button" disabled={busy} onClick={() => onRetry(s)}>
                  {t('sync.retry', { seq: s.seq })}
                </button>
                <button type="button" className="danger" disabled={busy} onClick={() => onDiscard(s)}>
                  {t('sync.discard', { seq: s.seq })}
                </button>
              </div>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
