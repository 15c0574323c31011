import { useTranslation } from 'react-i18next';
import { useContent } from '../stores/content.ts';
import { useLocalize } from '../components/useLocalize.ts';
import type { AdminPack } from './api.ts';
import { useAdminFormat } from './useAdminFormat.ts';

export interface PackTableProps {
  packs: AdminPack[];
  busy: boolean;
  onRollback: (pack: AdminPack) => void;
  onRemove: (pack: AdminPack) => void;
}

/** Every pack the server knows: built in or installed, the version in force, and the versions kept for rollback. */
export function PackTable({ packs, busy, onRollback, onRemove }: PackTableProps) {
  const { t } = useTranslation();
  const format = useAdminFormat();
  const localize = useLocalize();
  // Areas by their names in the staff's language, not their ids.
  const areas = useContent((s) => (s.status === 'ready' ? (s.content.park?.areas ?? []) : []));
  const areaName = (id: string) => {
    const area = areas.find((a) => a.id === id);
    return area ? localize(area.name) : id;
  };
  if (packs.length === 0) return <p>{t('admin.noPacks')}</p>;
  return (
    <table className="admin-table admin-packs">
      <thead>
        <tr>
          <th scope="col">{t('admin.colId')}</th>
          <th scope="col">{t('admin.colVersion')}</th>
          <th scope="col">{t('admin.colArea')}</th>
          <th scope="col">{t('admin.colSource')}</th>
          <th scope="col">{t('admin.colPrevious')}</th>
          <th scope="col">{t('admin.colActions')}</th>
        </tr>
      </thead>
      <tbody>
        {packs.map((pack) => (
          <tr key={pack.id} data-pack={pack.id}>
            <th scope="row">{pack.id}</th>
            <td>
              {pack.version ?? '—'}
              {pack.live ? null : <span className="admin-warning"> {t('admin.notLive')}</span>}
            </td>
            <td>{pack.area ? areaName(pack.area) : '—'}</td>
            <td>
              {pack.source === 'installed' ? t('admin.sourceInstalled') : t('admin.sourceBuiltIn')}
              {pack.source === 'installed' && pack.builtIn ? <span> {t('admin.overridesBuiltIn')}</span> : null}
              {pack.installedAt ? (
                <div className="admin-muted" data-installed-at={pack.installedAt}>
                  {t('admin.installedAt', { at: format.dateTime(pack.installedAt) })}
                </div>
              ) : null}
            </td>
            <td>{pack.previousVersions.length ? pack.previousVersions.map((v) => v.version).join(', ') : '—'}</td>
            <td>
              <div className="admin-actions">
                {pack.previousVersions.length ? (
                  <button type="button" disabled={busy} onClick={() => onRollback(pack)}>
                    {t('admin.rollback', { id: pack.id })}
                  </button>
                ) : null}
                {pack.source === 'installed' ? (
                  <button type="button" className="danger" disabled={busy} onClick={() => onRemove(pack)}>
                    {t('admin.remove', { id: pack.id })}
                  </button>
                ) : null}
              </div>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
