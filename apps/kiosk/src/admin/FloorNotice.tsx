import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatSize } from './floorView.ts';
import { useAdminErrorText } from './useAdminErrorText.ts';
import { useFloorStatus } from './useFloorStatus.ts';

export interface FloorNoticeProps {
  token: string;
  onUnauthorized: () => void;
}

/**
 * Free disk space against the floor under which the server stops saving statements (507). While writes are stopped,
 * a loud notice says why and what staff should do, with a shape and a heading, not only a colour; otherwise one line.
 */
export function FloorNotice({ token, onUnauthorized }: FloorNoticeProps) {
  const { t, i18n } = useTranslation();
  const errorText = useAdminErrorText();
  const id = useId();
  const { status, error } = useFloorStatus(token, onUnauthorized);
  const size = (bytes: number) => formatSize(bytes, i18n.language);
  const disk = status?.disk;
  const refused = status ? status.refused.overBudget + status.refused.tooLarge + status.refused.diskLow : 0;

  return (
    <section aria-labelledby={`${id}-heading`} className="floor-status" data-low={disk?.low ? 'true' : 'false'}>
      <h2 id={`${id}-heading`}>{t('floor.heading')}</h2>
      {/* Present from the start, so a notice appearing in it is announced. */}
      <div role="alert">
        {disk?.low ? (
          <div className="sync-stopped floor-low">
            <h3>
              <span className="sync-shape square" aria-hidden="true" />
              {t('floor.lowHeading')}
            </h3>
            <p>{t('floor.lowBody', { free: size(disk.freeBytes ?? 0), floor: size(disk.floorBytes) })}</p>
            <p className="sync-advice">{t('floor.lowAction')}</p>
          </div>
        ) : null}
      </div>
      {disk && !disk.low ? (
        <p>{disk.freeBytes === null ? t('floor.unknown') : t('floor.ok', { free: size(disk.freeBytes), floor: size(disk.floorBytes) })}</p>
      ) : null}
      {status && refused > 0 ? <p>{t('floor.refused', status.refused)}</p> : null}
      {error ? <p className="admin-error">{errorText(error)}</p> : null}
      {!status && !error ? <p aria-busy="true">{t('admin.loading')}</p> : null}
    </section>
  );
}
