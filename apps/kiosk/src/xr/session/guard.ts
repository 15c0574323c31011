// When a VR session should end without anyone pressing "Exit VR": the headset was taken off (the session or the page
// hidden for longer than a moment), or the visitor left it idle as long as the kiosk's idle guard allows (its warning
// and countdown shown in the world instead of the DOM, where no visitor can see it). Pure, so it is unit-tested.
import type { IdleStatus } from '@ruyi/scenario-engine';
import type { HeadPose } from '../comfort/placement.ts';

/**
 * A headset taken off hides the session (Quest, PICO) or the page. A system menu or a glance at the guardian can hide
 * it briefly too: only this long a hide ends the visit.
 */
export const HIDDEN_END_MS = 5000;

export type GuardVerdict = { kind: 'ok' } | { kind: 'warning'; secondsLeft: number } | { kind: 'end'; reason: 'hidden' | 'idle' };

export function guardVerdict(hiddenSince: number | null, idle: IdleStatus | null, now: number): GuardVerdict {
  if (hiddenSince !== null && now - hiddenSince >= HIDDEN_END_MS) return { kind: 'end', reason: 'hidden' };
  if (idle?.kind === 'expired') return { kind: 'end', reason: 'idle' };
  if (idle?.kind === 'warning') return { kind: 'warning', secondsLeft: idle.secondsLeft };
  return { kind: 'ok' };
}

/** A head that moved this much since the last look counts as a visitor still there (a touch, in kiosk terms). */
export const HEAD_ACTIVITY_METRES = 0.1;
export const HEAD_ACTIVITY_RADIANS = (15 * Math.PI) / 180;

export function headMoved(before: HeadPose, now: HeadPose): boolean {
  const dYaw = Math.abs(Math.atan2(Math.sin(now.yaw - before.yaw), Math.cos(now.yaw - before.yaw)));
  return Math.hypot(now.x - before.x, now.y - before.y, now.z - before.z) >= HEAD_ACTIVITY_METRES || dYaw >= HEAD_ACTIVITY_RADIANS;
}
