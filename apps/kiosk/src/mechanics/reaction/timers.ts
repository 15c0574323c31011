// The drill's two clocks, for both views: the cue after its drawn delay and the end of the drill after twice
// withinSeconds. The view only asks; the engine decides (it refuses an early cue or timeout), so a timer that fires a
// little early is simply asked again.
import { limitMs, type ReactionState } from '@ruyi/mechanics/reaction';
import { useEffect, useRef } from 'react';

/** How soon to ask again when the engine found it too early (a tab that slept, a clock that stepped). */
const RETRY_MS = 200;
/** Asked this much after the time: the run stamps events with its own clock a moment later than the timer's. */
const SLACK_MS = 20;

/**
 * Dispatches `cue` while the drill waits for it and `timeout` while the cue is on, each when its time has come. Times
 * in the state are the run's clock (Date.now() in the kiosk's run store).
 */
export function useReactionTimers(step: { withinSeconds: number }, state: ReactionState, dispatch: (event: { type: 'cue' } | { type: 'timeout' }) => void): void {
  const send = useRef(dispatch);
  useEffect(() => {
    send.current = dispatch;
  }, [dispatch]);
  const { stage, readyAt, cueAt, cueDelayMs } = state;
  const within = step.withinSeconds;
  useEffect(() => {
    let due: { type: 'cue' | 'timeout'; at: number; span: number } | null = null;
    if (stage === 'waiting' && readyAt !== null) due = { type: 'cue', at: readyAt + cueDelayMs, span: cueDelayMs };
    else if (stage === 'cue' && cueAt !== null) due = { type: 'timeout', at: cueAt + limitMs({ withinSeconds: within }), span: limitMs({ withinSeconds: within }) };
    if (!due) return;
    const { type } = due;
    let timer: ReturnType<typeof setTimeout>;
    // Until the engine takes it: then the stage changes and this effect's cleanup stops the asking.
    const ask = () => {
      send.current({ type });
      timer = setTimeout(ask, RETRY_MS);
    };
    const wait = Math.min(Math.max(0, due.at - Date.now()), due.span);
    timer = setTimeout(ask, wait + SLACK_MS);
    return () => clearTimeout(timer);
  }, [stage, readyAt, cueAt, cueDelayMs, within]);
}
