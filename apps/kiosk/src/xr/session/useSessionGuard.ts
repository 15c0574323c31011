// Ends a VR session nobody is using any more: the headset taken off (session or page hidden for HIDDEN_END_MS) or the
// visit idle past the kiosk's idle time and countdown (guard.ts). Also tells the visit that someone is there: a
// trigger, a pinch or a head that moves, since in VR no DOM pointer or key ever reaches the kiosk's idle guard.
import { visitIdleStatus, type IdleConfig } from '@ruyi/scenario-engine';
import { useEffect, useState } from 'react';
import { useVisit } from '../../stores/visit.ts';
import { head } from '../comfort/head.ts';
import { guardVerdict, headMoved } from './guard.ts';
import { endXrSession } from './xrStore.ts';

/** Seconds left of the idle countdown while the in-world warning is due, else null. */
export function useSessionGuard(session: XRSession | undefined, config: IdleConfig | null): number | null {
  const [secondsLeft, setSecondsLeft] = useState<number | null>(null);
  useEffect(() => {
    if (!session) return;
    let hiddenSince: number | null = null;
    const onVisibility = () => {
      const hidden = document.visibilityState === 'hidden' || session.visibilityState === 'hidden';
      if (!hidden) hiddenSince = null;
      else hiddenSince ??= Date.now();
    };
    const touch = () => useVisit.getState().touch();
    document.addEventListener('visibilitychange', onVisibility);
    session.addEventListener('visibilitychange', onVisibility);
    session.addEventListener('selectstart', touch);
    session.addEventListener('squeezestart', touch);
    onVisibility();

    const lastHead = { x: head.x, y: head.y, z: head.z, yaw: head.yaw };
    let lastHeadCheck = Date.now();
    const timer = window.setInterval(() => {
      const now = Date.now();
      if (now - lastHeadCheck >= 1000) {
        lastHeadCheck = now;
        if (head.tracked && headMoved(lastHead, head)) touch();
        Object.assign(lastHead, { x: head.x, y: head.y, z: head.z, yaw: head.yaw });
      }
      const idle = config ? visitIdleStatus(useVisit.getState(), now, config) : null;
      const verdict = guardVerdict(hiddenSince, idle, now);
      if (verdict.kind === 'end') endXrSession(verdict.reason);
      setSecondsLeft(verdict.kind === 'warning' ? verdict.secondsLeft : null);
    }, 250);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      session.removeEventListener('visibilitychange', onVisibility);
      session.removeEventListener('selectstart', touch);
      session.removeEventListener('squeezestart', touch);
      window.clearInterval(timer);
      setSecondsLeft(null);
    };
  }, [session, config]);
  return secondsLeft;
}
