import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { joinCodeFrom } from './code.ts';
import { useCurrentSeat } from './membership.ts';
import './badge.css';

// The keypad and the join request (with the API's schemas) load when a student opens it, not with the first screen.
const JoinDialog = lazy(() => import('./JoinDialog.tsx'));

/** The code of the join link the app was opened with (`/?join=CODE`, the teacher's QR code), offered once. */
let linkCode: string | null = typeof window === 'undefined' ? null : joinCodeFrom(window.location.search);

/**
 * "Join a class": opens the code keypad; once joined, the visit goes on at the map with the class's badge. Hidden while
 * the visit is in a class already. Opened by itself when the app came from a join link.
 */
export function JoinClassControl({ className }: { className?: string }) {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const seat = useCurrentSeat();
  const [initial] = useState(linkCode);
  const [open, setOpen] = useState(initial !== null);
  // Offered once: back on this screen after the visit, the link's code is not offered again.
  useEffect(() => {
    linkCode = null;
  }, []);
  if (seat) return null;
  return (
    <>
      <button type="button" className={`join-class-button ${className ?? ''}`} onClick={() => setOpen(true)}>
        <svg viewBox="0 0 24 24" width="28" height="28" aria-hidden="true" focusable="false">
          <path d="M2 9 12 4l10 5-10 5z" fill="none" stroke="currentColor" strokeWidth="2" strokeLinejoin="round" />
          <path d="M6 11v5c3 2.5 9 2.5 12 0v-5" fill="none" stroke="currentColor" strokeWidth="2" />
        </svg>
        <span>{t('classes.join.open')}</span>
      </button>
      {open ? (
        <Suspense fallback={null}>
          <JoinDialog
            initialCode={initial}
            onClose={() => setOpen(false)}
            onJoined={() => {
              setOpen(false);
              navigate('/map');
            }}
          />
        </Suspense>
      ) : null}
    </>
  );
}
