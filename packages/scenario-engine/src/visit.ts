// One visitor's visit: from "touch to start" until they leave or the kiosk times out. The next visitor starts from
// `noVisit`, so nothing of the previous one (answers, language, scores) can leak into their visit.
import { idleStatus, type IdleConfig, type IdleStatus } from './idle.ts';

export interface VisitState {
  visitId: string | null;
  locale: string;
  startedAt: number | null;
  lastActivityAt: number;
}

export const DEFAULT_LOCALE = 'zh-CN';

export const noVisit = (now: number): VisitState => ({ visitId: null, locale: DEFAULT_LOCALE, startedAt: null, lastActivityAt: now });

export function startVisit(state: VisitState, visitId: string, now: number): VisitState {
  return { ...state, visitId, startedAt: now, lastActivityAt: now };
}

export function chooseLocale(state: VisitState, locale: string, now: number): VisitState {
  return { ...state, locale, lastActivityAt: now };
}

export function touch(state: VisitState, now: number): VisitState {
  return { ...state, lastActivityAt: now };
}

/** Only a visit in progress can time out; the attract screen waits forever. */
export function visitIdleStatus(state: VisitState, now: number, config: IdleConfig): IdleStatus | null {
  return state.visitId === null ? null : idleStatus(state.lastActivityAt, now, config);
}
