import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocalize } from '../components/useLocalize.ts';
import { useContent } from '../stores/content.ts';
import { useVisit } from '../stores/visit.ts';
import { useCurrentSeat } from './membership.ts';

const CertificateDialog = lazy(() => import('./CertificateDialog.tsx'));

/** On the result of a completed scenario in a class visit: "Print certificate". Nothing outside a class visit. */
export function CertificateButton({ scenario, title }: { scenario: string; title: string }) {
  const l = useLocalize();
  const park = useContent((s) => (s.status === 'ready' ? s.content.park?.name : undefined));
  const { t } = useTranslation();
  const seat = useCurrentSeat();
  const visitId = useVisit((s) => s.visitId);
  const [open, setOpen] = useState(false);
  if (!seat || !visitId) return null;
  return (
    <>
      <button type="button" className="certificate-button" onClick={() => setOpen(true)}>
        <span aria-hidden="true">🎓 </span>
        {t('classes.certificate.print')}
      </button>
      {open ? (
        <Suspense fallback={null}>
          <CertificateDialog visitId={visitId} scenario={scenario} seatToken={seat.token} words={{ park: park ? l(park) : '', scenario: title }} onClose={() => setOpen(false)} />
        </Suspense>
      ) : null}
    </>
  );
}
