import { errorLocation, WHOLE_ARCHIVE } from '@ruyi/pack-schema';
import { useTranslation } from 'react-i18next';
import { useProblemText } from '../admin/useProblemText.ts';

interface Problem {
  file?: string;
  line?: number;
  column?: number;
  path: string;
  message: string;
  code?: string;
  params?: Record<string, string | number>;
  severity?: 'warning';
}

/** Validator messages as staff read them (operator screen, admin page), in their language: file:line:column, document path, message. */
export function ProblemTable({ problems }: { problems: readonly Problem[] }) {
  const { t } = useTranslation();
  const text = useProblemText();
  return (
    <table className="admin-table admin-problems">
      <thead>
        <tr>
          <th scope="col">{t('problems.file')}</th>
          <th scope="col">{t('problems.where')}</th>
          <th scope="col">{t('problems.message')}</th>
        </tr>
      </thead>
      <tbody>
        {problems.map((p, i) => (
          <tr key={i} className={p.severity === 'warning' ? 'admin-warning' : undefined}>
            <td>{p.file === WHOLE_ARCHIVE ? t('problems.wholeArchive') : errorLocation(p) || '—'}</td>
            <td>{p.path || '—'}</td>
            <td>{p.severity === 'warning' ? `${t('problems.warningMark')} ${text(p)}` : text(p)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
