import type { JSX, Ref } from 'react';
import './continueLane.css';

/**
 * A touch view's way on: the primary button in the action bar at the bottom (`ref`, for a view that moves the focus to
 * it). It sits in the continue lane (continueLane.css), where the next screen's choices never are.
 */
export function ContinueBar({ label, onContinue, ref }: { label: string; onContinue: () => void; ref?: Ref<HTMLButtonElement> }): JSX.Element {
  return (
    <div className="actions continue-bar">
      <button type="button" className="primary" ref={ref} onClick={onContinue}>
        {label}
      </button>
    </div>
  );
}
