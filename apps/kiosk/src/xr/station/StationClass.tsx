// "Join a class" on the VR station's 2D page, before the headset goes on: the kiosk's keypad (classes/), with the seat
// taken for the 'vr' platform and held by the station until the session's visit takes it (heldSeat.ts). Once joined, it
// names the class and seat, and staff can let the seat go (the wrong student, or a visit that will not be the class's).
import { useEffect, useRef, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { JoinClassControl } from '../../classes/JoinClassControl.tsx';
import { dropHeldSeat, heldSeatExpiry, holdSeat, touchHeldSeat, useHeldSeat } from './heldSeat.ts';
import { heldSeatWaitMs } from './stationVisit.ts';
import './stationClass.css';

export function StationClass({ afterJoin }: { afterJoin?: () => void }): JSX.Element {
  const { t } = useTranslation();
  const held = useHeldSeat((s) => s.held);
  const leave = useRef<HTMLButtonElement>(null);
  const justJoined = useRef(false);

  // Let go when it runs out, so the page never shows a seat the headset would not take.
  useEffect(() => {
    if (!held) return;
    // Input moves the expiry (a new `held`), and this runs again.
    const timer = window.setTimeout(dropHeldSeat, Math.max(0, heldSeatExpiry(held, heldSeatWaitMs()) - Date.now()));
    return () => window.clearTimeout(timer);
  }, [held]);

  // Input on the page keeps it: staff are still fitting the headset.
  const holding = held !== null;
  useEffect(() => {
    if (!holding) return;
    const onInput = () => touchHeldSeat();
    window.addEventListener('pointerdown', onInput, true);
    window.addEventListener('keydown', onInput, true);
    return () => {
      window.removeEventListener('pointerdown', onInput, true);
      window.removeEventListener('keydown', onInput, true);
    };
  }, [holding]);

  // The keypad closed on a join: focus goes on to the next step (its own button was removed with it).
  useEffect(() => {
    if (!holding || !justJoined.current) return;
    justJoined.current = false;
    if (afterJoin) afterJoin();
    else leave.current?.focus();
  }, [holding, afterJoin]);

  const seat = held?.seat;
  return (
    <section className="vr-station-class" aria-label={t('vr.station.classHeading')}>
      <p role="status" data-testid="station-class" className={seat ? 'vr-station-joined' : 'vr-station-no-class'}>
        {seat ? (
          <>
            <svg viewBox="0 0 24 24" width="28" height="28" aria-hidden="true" focusable="false">
              <path d="M2 9 12 4l10 5-10 5z" fill="currentColor" />
              <path d="M6 11v5c3 2.5 9 2.5 12 0v-5" fill="none" stroke="currentColor" strokeWidth="2" />
            </svg>
            <span>{t('vr.station.joined', { class: t('classes.className', { grade: seat.grade, label: seat.label }), seat: seat.seat })}</span>
          </>
        ) : null}
      </p>
      {seat ? (
        <button ref={leave} type="button" className="vr-station-leave" onClick={dropHeldSeat}>
          {t('vr.station.leaveClass')}
        </button>
      ) : (
        <JoinClassControl
          className="vr-station-join"
          platform="vr"
          joined={false}
          onJoined={(joined) => {
            justJoined.current = true;
            holdSeat(joined);
          }}
        />
      )}
    </section>
  );
}
