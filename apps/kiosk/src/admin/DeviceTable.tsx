import { useTranslation } from 'react-i18next';
import type { Device } from './api.ts';
import { useAdminFormat } from './useAdminFormat.ts';

export interface DeviceTableProps {
  devices: Device[];
  busy: boolean;
  onRevoke: (device: Device) => void;
}


/** Every enrolled device: its name, when it was enrolled and last seen, and whether it may still send records. */
export function DeviceTable({ devices, busy, onRevoke }: DeviceTableProps) {
  const { t } = useTranslation();
  const when = useAdminFormat().dateTime;
  if (devices.length === 0) return <p>{t('devices.none')}</p>;
  return (
    <table className="admin-table admin-devices">
      <thead>
        <tr>
          <th scope="col">{t('devices.colLabel')}</th>
          <th scope="col">{t('devices.colEnrolled')}</th>
          <th scope="col">{t('devices.colSeen')}</th>
          <th scope="col">{t('devices.colState')}</th>
          <th scope="col">{t('devices.colActions')}</th>
        </tr>
      </thead>
      <tbody>
        {devices.map((device) => (
          <tr key={device.id} data-device={device.id}>
            <th scope="row">{device.label}</th>
            <td>{when(device.enrolledAt)}</td>
            <td>{device.lastSeenAt ? when(device.lastSeenAt) : t('devices.never')}</td>
            <td>{device.revokedAt ? <span className="admin-warning">{t('devices.revokedAt', { at: when(device.revokedAt) })}</span> : t('devices.active')}</td>
            <td>
              {device.revokedAt ? null : (
                <button type="button" className="danger" disabled={busy} onClick={() => onRevoke(device)}>
                  {t('devices.revoke', { label: device.label })}
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
