import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AdminApiError, createEnrollmentCode, listDevices, revokeDevice, type Device, type EnrollmentCode } from './api.ts';
import { ConfirmDialog } from './ConfirmDialog.tsx';
import { DeviceQr } from './DeviceQr.tsx';
import { DeviceTable } from './DeviceTable.tsx';
import { usePanelMessage } from './usePanelMessage.ts';
import { StatusMessage } from './StatusMessage.tsx';

export interface DevicePanelProps {
  token: string;
  onUnauthorized: () => void;
}

/** While a code is shown, the list is read again this often, so the device that used it appears by itself. */
const POLL_MS = 5000;

const LOOPBACK_HOSTS = new Set(['localhost', '[::1]', '::1']);
const isLoopback = (hostname: string) => LOOPBACK_HOSTS.has(hostname) || hostname.startsWith('127.');

/**
 * Staff enroll the park's kiosks, VR stations and school PCs here: a one-time code, shown large and as a QR code of
 * the enrollment address, with its countdown; and the list of devices, each of which can be revoked. A server
 * without devices (a hub answers 404) shows nothing.
 */
export function DevicePanel({ token, onUnauthorized }: DevicePanelProps) {
  const { t } = useTranslation();
  const id = useId();
  const codeHeading = useRef<HTMLHeadingElement>(null);
  const listHeading = useRef<HTMLHeadingElement>(null);
  const [devices, setDevices] = useState<Device[] | null>(null);
  const [absent, setAbsent] = useState(false);
  const [label, setLabel] = useState('');
  const [code, setCode] = useState<EnrollmentCode | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const [busy, setBusy] = useState(false);
  const [revoking, setRevoking] = useState<Device | null>(null);

  const { message, setMessage, fail } = usePanelMessage(onUnauthorized);

  const refresh = useCallback(async () => {
    try {
      setDevices(await listDevices(token));
    } catch (error) {
      if (error instanceof AdminApiError && error.status === 404) setAbsent(true);
      else fail(error);
    }
  }, [token, fail]);

  useEffect(() => void refresh(), [refresh]);

  const expiresAt = code ? Date.parse(code.expiresAt) : 0;
  const live = code !== null && expiresAt > now;
  useEffect(() => {
    if (!code) return;
    const tick = window.setInterval(() => setNow(Date.now()), 1000);
    const poll = window.setInterval(() => void refresh(), POLL_MS);
    return () => {
      window.clearInterval(tick);
      window.clearInterval(poll);
    };
  }, [code, refresh]);

  const create = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setMessage(null);
    // The code shown may have been used already: never leave it up while its successor is on the way.
    setCode(null);
    try {
      const created = await createEnrollmentCode(token, label);
      setNow(Date.now());
      setCode(created);
      setLabel('');
      codeHeading.current?.focus();
    } catch (error) {
      fail(error);
    } finally {
      setBusy(false);
    }
  };

  const revoke = async (device: Device) => {
    setRevoking(null);
    setBusy(true);
    setMessage(null);
    try {
      const revoked = await revokeDevice(token, device.id);
      setMessage({ text: t('devices.revoked', { label: revoked.label }), error: false });
      listHeading.current?.focus();
    } catch (error) {
      fail(error);
    } finally {
      setBusy(false);
    }
    await refresh();
  };

  if (absent) return null;
  const remaining = Math.max(0, Math.ceil((expiresAt - now) / 1000));
  const enrollHost = code ? new URL(code.enrollUrl).hostname : '';
  return (
    <section className="devices" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('devices.heading')}</h2>
      <p>{t('devices.intro')}</p>

      <form className="devices-create" onSubmit={create} aria-labelledby={`${id}-enroll`}>
        <h3 id={`${id}-enroll`}>{t('devices.enrollHeading')}</h3>
        <label htmlFor={`${id}-label`}>{t('devices.label')}</label>
        <input
          id={`${id}-label`}
          type="text"
          autoComplete="off"
          maxLength={40}
          required
          value={label}
          onChange={(e) => setLabel(e.target.value)}
          aria-describedby={`${id}-hint`}
        />
        <p id={`${id}-hint`} className="admin-muted">
          {t('devices.labelHint')}
        </p>
        <button type="submit" className="primary" disabled={busy || label.trim() === ''}>
          {busy ? t('devices.creating') : t('devices.create')}
        </button>
      </form>

      {code ? (
        <div className="devices-code" data-live={live}>
          <h3 ref={codeHeading} tabIndex={-1}>
            {t('devices.codeHeading', { label: code.label })}
          </h3>
          {live ? (
            <>
              <p className="devices-code-text" data-code={code.code}>
                {code.code}
              </p>
              <DeviceQr text={code.enrollUrl} label={t('devices.qrLabel', { url: code.enrollUrl })} />
              <p>{t('devices.codeHelp')}</p>
              <p>
                <code>{code.enrollUrl}</code>
              </p>
              {/* A timer is not announced on every tick (its live region is off); it is read when reached. */}
              <p className="devices-countdown" role="timer">
                {t('devices.expiresIn', { minutes: Math.floor(remaining / 60), seconds: remaining % 60 })}
              </p>
              {isLoopback(enrollHost) ? (
                <p className="admin-warning" role="note">
                  ⚠ {t('devices.loopbackWarning', { host: enrollHost })}
                </p>
              ) : null}
            </>
          ) : (
            <p className="admin-warning" role="status">
              {t('devices.expired')}
            </p>
          )}
        </div>
      ) : null}

      <h3 ref={listHeading} tabIndex={-1} id={`${id}-list`}>
        {t('devices.listHeading')}
      </h3>
      <StatusMessage message={message} />
      <button type="button" onClick={() => void refresh()}>
        {t('devices.refresh')}
      </button>
      {devices ? <DeviceTable devices={devices} busy={busy} onRevoke={setRevoking} /> : <p aria-busy="true">{t('admin.loading')}</p>}
      {revoking ? (
        <ConfirmDialog
          message={t('devices.confirmRevoke', { label: revoking.label })}
          confirmLabel={t('devices.confirmRevokeButton')}
          onConfirm={() => void revoke(revoking)}
          onCancel={() => setRevoking(null)}
        />
      ) : null}
    </section>
  );
}
