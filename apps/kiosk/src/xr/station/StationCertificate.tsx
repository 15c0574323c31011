// The certificate of the visit that just left the headset, on the station's 2D page: the kiosk's own print button and
// dialog (classes/CertificateButton.tsx), for as long as the offer lasts (stationCertificate.ts). Said in words with an
// icon; staff can dismiss it.
import { useEffect, useId, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { CertificatePrint } from '../../classes/CertificateButton.tsx';
import { dropStationCertificate, offerExpiry, touchStationCertificate, useStationCertificate } from './stationCertificate.ts';
import { heldSeatWaitMs } from './stationVisit.ts';
import './stationClass.css';

export function StationCertificate({ title }: { title: string }): JSX.Element {
  const { t } = useTranslation();
  const id = useId();
  const offered = useStationCertificate((s) => s.offered);

  // Goes by itself when it runs out; input moves the expiry (a new `offered`), and this runs again.
  useEffect(() => {
    if (!offered) return;
    const timer = window.setTimeout(dropStationCertificate, Math.max(0, offerExpiry(offered, heldSeatWaitMs()) - Date.now()));
    return () => window.clearTimeout(timer);
  }, [offered]);

  // Input on the page keeps it: the student or staff are still printing.
  const showing = offered !== null;
  useEffect(() => {
    if (!showing) return;
    const onInput = () => touchStationCertificate();
    window.addEventListener('pointerdown', onInput, true);
    window.addEventListener('keydown', onInput, true);
    return () => {
      window.removeEventListener('pointerdown', onInput, true);
      window.removeEventListener('keydown', onInput, true);
    };
  }, [showing]);

  return (
    <section className="vr-station-certificate" aria-labelledby={showing ? `${id}-words` : undefined}>
      {/* Kept in the page while empty: a live region must be there before its words change. */}
      <p id={`${id}-words`} role="status" data-testid="station-certificate" className={showing ? 'vr-station-certificate-ready' : 'vr-station-no-class'}>
        {showing ? (
          <>
            <svg viewBox="0 0 24 24" width="32" height="32" aria-hidden="true" focusable="false">
              <path d="M4 3h16v13H4z" fill="none" stroke="currentColor" strokeWidth="2" />
              <path d="M8 8h8M8 11h5" stroke="currentColor" strokeWidth="2" />
              <circle cx="16" cy="17" r="3" fill="currentColor" />
              <path d="m14 19-1 4 3-1.5 3 1.5-1-4" fill="currentColor" />
            </svg>
            <span>{t('vr.station.certificate.ready', { title })}</span>
          </>
        ) : null}
      </p>
      {offered ? (
        <div className="vr-station-certificate-actions">
          <CertificatePrint offer={offered.offer} title={title} className="primary vr-station-certificate-print" />
          <button type="button" className="vr-station-certificate-dismiss" onClick={dropStationCertificate}>
            <span aria-hidden="true">✕ </span>
            {t('vr.station.certificate.dismiss')}
          </button>
        </div>
      ) : null}
    </section>
  );
}
