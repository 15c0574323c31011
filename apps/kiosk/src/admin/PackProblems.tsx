import { useTranslation } from 'react-i18next';
import type { ErrorDetail } from './api.ts';

/** Every validator message of a rejected pack: file:line, document path, message. */
export function PackProblems({ details }: { details: ErrorDetail[] }) {
  const { t } = useTranslation();
  return (
    <table className="admin-table admin-problems">
      <thead>
        <tr>
          <th scope="col">{t('admin.colFile')}</th>
          <th scope="col">{t('admin.colWhere')}</th>
          <th scope="col">{t('admin.colMessage')}</th>
        </tr>
      </thead>
      <tbody>
        {details.map((d, i) => (
          <tr key={i} className={d.severity === 'warning' ? 'admin-warning' : undefined}>
            <td>{d.file ? (d.line ? `${d.file}:${d.line}${d.column ? `:${d.column}` : ''}` : d.file) : '—'}</td>
            <td>{d.path || '—'}</td>
            <td>{d.severity === 'warning' ? `${t('admin.warningMark')} ${d.message}` : d.message}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
