import type { FleetResponse } from '@ruyi/api-contract';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AdminApiError } from '../admin/api.ts';
import { useAdminErrorText } from '../admin/useAdminErrorText.ts';
import { useVisit } from '../stores/visit.ts';
import { fetchFleet } from './api.ts';
import { describeDevice, describeServer, type ContentNames, type Described, type WordsContext } from './deviceWords.ts';
import './fleet.css';

/** How often the page asks again: a device's heartbeat comes every ~30 s, a change within seconds. */
export const REFRESH_MS = 5_000;

function Row({ described }: { described: Described }) {
  const { t } = useTranslation();
  return (
    <li className={described.offline ? 'fleet-row fleet-offline' : 'fleet-row'}>
      {/* The state in a word as well as a colour. */}
      <span className="fleet-mark">{described.offline ? t('fleet.offlineMark') : t('fleet.onlineMark')}</span>
      <span className="fleet-words">{described.parts.join(' · ')}</span>
    </li>
  );
}

/** Every device (and, on a hub, every park server) in words, for staff; polled while the page is open. */
export function FleetView({ token, content, onUnauthorized }: { token: string; content: ContentNames | null; onUnauthorized: () => void }) {
  const { t } = useTranslation();
  const errorText = useAdminErrorText();
  const locale = useVisit((s) => s.locale);
  const [fleet, setFleet] = useState<FleetResponse | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const abort = new AbortController();
    const load = async () => {
      try {
        setFleet(await fetchFleet(token, abort.signal));
        setError(null);
      } catch (e) {
        if (abort.signal.aborted) return;
        if (e instanceof AdminApiError && e.status === 401) return onUnauthorized();
        setError(errorText(e));
      }
    };
    void load();
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => {
      abort.abort();
      clearInterval(timer);
    };
    // errorText and onUnauthorized change with renders; polling again for that is not needed.
  }, [token]);

  if (!fleet)
    return error ? (
      <p className="admin-error" role="alert">
        {error}
      </p>
    ) : (
      <p aria-busy="true">{t('fleet.loading')}</p>
    );

  const ctx: WordsContext = { t: (key, options) => t(key, options) as string, locale, now: Date.parse(fleet.now), offlineAfterMs: fleet.offlineAfterMs, content };
  const time = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium' }).format(new Date(fleet.now));
  const showDevices = fleet.mode === 'kiosk' || fleet.devices.length > 0;
  const showServers = fleet.mode === 'hub' || fleet.servers.length > 0;
  return (
    <>
      <p className="fleet-as-of">{t('fleet.asOf', { time })}</p>
      {error ? (
        <p className="admin-error" role="alert">
          {error}
        </p>
      ) : null}
      {showDevices ? (
        <section aria-labelledby="fleet-devices-heading" className="fleet">
          <h2 id="fleet-devices-heading">{t('fleet.heading')}</h2>
          {fleet.devices.length === 0 ? (
            <p>{t('fleet.none')}</p>
          ) : (
            <ul className="fleet-list">
              {fleet.devices.map((d) => (
                <Row key={`${d.binding}:${d.deviceId}:${d.address}`} described={describeDevice(d, ctx)} />
              ))}
            </ul>
          )}
        </section>
      ) : null}
      {showServers ? (
        <section aria-labelledby="fleet-servers-heading" className="fleet">
          <h2 id="fleet-servers-heading">{t('fleet.serversHeading')}</h2>
          {fleet.servers.length === 0 ? (
            <p>{t('fleet.noServers')}</p>
          ) : (
            <ul className="fleet-list">
              {fleet.servers.map((s) => (
                <Row key={s.client} described={describeServer(s, ctx)} />
              ))}
            </ul>
          )}
        </section>
      ) : null}
    </>
  );
}
