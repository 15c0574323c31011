// When a kiosk visitor walks away: after `idleSeconds` without a touch, a countdown; after it, the visit ends.

export interface IdleConfig {
  idleSeconds: number;
  countdownSeconds: number;
}

export type IdleStatus =
  | { kind: 'active'; msUntilWarning: number }
  | { kind: 'warning'; secondsLeft: number; msUntilExpiry: number }
  | { kind: 'expired' };

export function idleStatus(lastActivityAt: number, now: number, config: IdleConfig): IdleStatus {
  const idleMs = Math.max(0, now - lastActivityAt);
  const warnAt = config.idleSeconds * 1000;
  const expireAt = warnAt + config.countdownSeconds * 1000;
  if (idleMs < warnAt) return { kind: 'active', msUntilWarning: warnAt - idleMs };
  if (idleMs < expireAt) return { kind: 'warning', secondsLeft: Math.ceil((expireAt - idleMs) / 1000), msUntilExpiry: expireAt - idleMs };
  return { kind: 'expired' };
}
