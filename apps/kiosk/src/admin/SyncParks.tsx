import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AdminApiError, listParks, type ParkList } from './api.ts';
import { formatNumber, formatTime } from './format.ts';
import { secondsSince } from './syncView.ts';
import { useAdminErrorText } from './useAdminErrorText.ts';
import { useSyncText } from './useSyncText.ts';
import './SyncParks.css';

export interface SyncParksProps {
  token: string;
  onUnauthorized: () => void;
}

/**
 * On a hub's sync page: each park's client with its last delivery and the records it delivered. Read when the page
 * opens and when the operator asks (counting a city's records is not free, so it is not polled with the status). A
 * park's server has no parks: nothing is shown there. A refresh that fails keeps the last list and says why.
 */
export function SyncParks({ token, onUnauthorized }: SyncParksProps) {
  const { t, i18n } = useTranslation();
  const text = useSyncText();
  const errorText = useAdminErrorText();
  const id = useId();
  const unauthorized = useRef(onUnauthorized);
  const [list, setList] = useState<ParkList | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const controller = useRef<AbortController | null>(null);

  useEffect(() => {
    unauthorized.current = onUnauthorized;
  }, [onUnauthorized]);

  const load = useCallback(async () => {
    controller.current?.abort();
    const mine = new AbortController();
    controller.current = mine;
    setLoading(true);
    try {
      const answer = await listParks(token, mine.signal);
      if (mine.signal.aborted) return;
      setList(answer);
      setError(null);
    } catch (e) {
      if (mine.signal.aborted) return;
      if (e instanceof AdminApiError && e.status === 401) unauthorized.current();
      else setError(e);
    } finally {
      if (!mine.signal.aborted) setLoading(false);
    }
  }, [token]);

  useEffect(() => {
    void load();
    return () => controller.current?.abort();
  }, [load]);

  // Nothing until the server said it is a hub: a park's server shows no empty hub section, not even while asking.
  if (!list || list.mode === 'kiosk') return null;
  return (
    <section className="sync-parks" aria-labelledby={`${id}-heading`} aria-busy={loading}>
      <h3 id={`${id}-heading`}>{t('sync.parks.heading')}</h3>
      <p className="admin-muted">{t('sync.parks.intro')}</p>
      {error ? (
        <p className="admin-error" role="alert">
          {errorText(error)}
        </p>
      ) : null}
      {list.parks.length === 0 ? (
        <p>{t('sync.parks.empty')}</p>
      ) : (
        <table className="admin-table sync-parks-table" aria-labelledby={`${id}-heading`}>
          <thead>
            <tr>
              <th scope="col">{t('sync.parks.col.client')}</th>
              <th scope="col">{t('sync.parks.col.role')}</th>
              <th scope="col">{t('sync.parks.col.lastDelivery')}</th>
              <th scope="col" className="sync-parks-number">
                {t('sync.parks.col.delivered')}
              </th>
            </tr>
          </thead>
          <tbody>
            {list.parks.map((p) => (
              <tr key={p.client} data-client={p.client}>
                <th scope="row">
                  {p.client}
                  {p.revokedAt ? <div className="admin-muted">{t('sync.parks.revoked')}</div> : null}
                </th>
                <td>{t(`sync.parks.role.${p.role}`)}</td>
                <td>
                  {p.lastDeliveryAt
                    ? t('sync.parks.ago', { time: text.time(p.lastDeliveryAt), duration: text.duration(secondsSince(p.lastDeliveryAt, list.now)) })
                    : t('sync.never')}
                </td>
                <td className="sync-parks-number">{formatNumber(p.delivered, i18n.language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="admin-actions sync-parks-actions">
        <button type="button" disabled={loading} onClick={() => void load()}>
          {t('sync.parks.refresh')}
        </button>
        <p className="admin-muted">{t('sync.parks.listedAt', { time: formatTime(list.now, i18n.language) })}</p>
      </div>
    </section>
  );
}
