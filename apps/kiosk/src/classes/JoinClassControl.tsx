import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { joinCodeFrom } from './code.ts';
import { joinVisit } from './joinVisit.ts';
import { useCurrentSeat, type JoinedSeat } from './membership.ts';
import './badge.css';

// The keypad and the join request (with the API's schemas) load when a student opens it, not with the first screen.
const JoinDialog = lazy(() => import('./JoinDialog.tsx'));

/** The code of the join link the app was opened with (`/?join=CODE`, the teacher's QR code), offered once. */
let linkCode: string | null = typeof window === 'undefined' ? null : joinCodeFrom(window.location.search);

/**
 * "Join a class": opens the code keypad. On a kiosk or a school PC (the default) the seat joins this visit (or starts
 * one), which goes on at the map with the class's badge; a screen whose visit starts later (the VR station: in the
 * headset) takes the seat itself with `onJoined` and says with `joined` when it holds one. Hidden while joined. Opened by
 * itself when the app came from a join link.
 */
export function JoinClassControl({
  className,
  platform,
  joined,
  onJoined,
}: {
  className?: string;
  platform?: 'kiosk' | 'web' | 'vr';
  /** Whether this screen is in a class already; by default, whether the visit under way has a seat. */
  joined?: boolean;
  onJoined?: (seat: JoinedSeat) => void;
}) {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const seat = useCurrentSeat();
  const [initial] = useState(linkCode);
  const [open, setOpen] = useState(initial !== null);
  // Offered once: back on this screen after the visit, the link's code is not offered again.
  useEffect(() => {
    linkCode = null;
  }, []);
  if (joined ?? seat !== undefined) return null;
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
            platform={platform}
            onClose={() => setOpen(false)}
            onJoined={(joinedSeat) => {
              setOpen(false);
              if (onJoined) return onJoined(joinedSeat);
              joinVisit(joinedSeat);
              navigate('/map');
            }}
          />
        </Suspense>
      ) : null}
    </>
  );
}
