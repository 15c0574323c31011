import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocalize } from '../components/useLocalize.ts';
import { useContent } from '../stores/content.ts';
import { useVisit } from '../stores/visit.ts';
import { certificateOffer, type CertificateOffer, type OfferRun } from './certificateOffer.ts';
import { useCurrentSeat } from './membership.ts';

const CertificateDialog = lazy(() => import('./CertificateDialog.tsx'));

/** The certificate this screen's visit may ask for with this run (certificateOffer.ts), or null. */
export function useCertificateOffer(run: OfferRun): CertificateOffer | null {
  const seat = useCurrentSeat();
  const visitId = useVisit((s) => s.visitId);
  return certificateOffer(visitId, seat, run);
}

/** On the result of a completed scenario in a class visit: "Print certificate". Nothing outside a class visit. */
export function CertificateButton({ run, title }: { run: OfferRun; title: string }) {
  const offer = useCertificateOffer(run);
  return offer ? <CertificatePrint offer={offer} title={title} /> : null;
}

/** "Print certificate" for an offer (certificateOffer.ts), and the dialog that asks the server for it and prints it. */
export function CertificatePrint({ offer, title, className = 'certificate-button' }: { offer: CertificateOffer; title: string; className?: string }) {
  const l = useLocalize();
  const park = useContent((s) => (s.status === 'ready' ? s.content.park?.name : undefined));
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className={className} onClick={() => setOpen(true)}>
        <span aria-hidden="true">🎓 </span>
        {t('classes.certificate.print')}
      </button>
      {open ? (
        <Suspense fallback={null}>
          <CertificateDialog
            visitId={offer.visitId}
            scenario={offer.scenario}
            seatToken={offer.seatToken}
            words={{ park: park ? l(park) : '', scenario: title }}
            onClose={() => setOpen(false)}
          />
        </Suspense>
      ) : null}
    </>
  );
}
