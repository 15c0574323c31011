import { visitIdleStatus, type IdleStatus } from '@ruyi/scenario-engine';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { endVisit } from '../stores/lifecycle.ts';
import { useVisit } from '../stores/visit.ts';

const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel'] as const;

/** Watches for a visitor who walked away: warns with a countdown, then ends the visit and returns to the start. */
export function IdleGuard({ idleSeconds, countdownSeconds }: { idleSeconds: number; countdownSeconds: number }) {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const visitId = useVisit((s) => s.visitId);
  const [status, setStatus] = useState<IdleStatus | null>(null);
  const stayButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!visitId) return;
    const onActivity = () => useVisit.getState().touch();
    ACTIVITY_EVENTS.forEach((e) => window.addEventListener(e, onActivity, { capture: true, passive: true }));
    const timer = window.setInterval(() => {
      const s = visitIdleStatus(useVisit.getState(), Date.now(), { idleSeconds, countdownSeconds });
      if (s?.kind === 'expired') {
        endVisit('timeout');
        navigate('/', { replace: true });
      }
      setStatus((prev) => (prev?.kind === s?.kind && (s?.kind !== 'warning' || (prev?.kind === 'warning' && prev.secondsLeft === s.secondsLeft)) ? prev : s));
    }, 250);
    return () => {
      ACTIVITY_EVENTS.forEach((e) => window.removeEventListener(e, onActivity, { capture: true }));
      window.clearInterval(timer);
      setStatus(null);
    };
  }, [visitId, idleSeconds, countdownSeconds, navigate]);

  const warning = status?.kind === 'warning';
  useEffect(() => {
    if (warning) stayButton.current?.focus();
  }, [warning]);

  if (!warning) return null;
  return (
    <div className="overlay" role="alertdialog" aria-modal="true" aria-labelledby="idle-title" aria-describedby="idle-body">
      <div className="dialog">
        <h2 id="idle-title">{t('idle.title')}</h2>
        <p id="idle-body" aria-live="polite">
          {t('idle.body', { seconds: status.secondsLeft })}
        </p>
        <button ref={stayButton} type="button" className="primary" onClick={() => useVisit.getState().touch()}>
          {t('idle.stay')}
        </button>
      </div>
    </div>
  );
}
