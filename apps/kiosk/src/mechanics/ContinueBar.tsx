import type { JSX, Ref } from 'react';

/** A touch view's way on: the primary button in the action bar at the bottom (`ref`, for a view that moves the focus to it). */
export function ContinueBar({ label, onContinue, ref }: { label: string; onContinue: () => void; ref?: Ref<HTMLButtonElement> }): JSX.Element {
  return (
    <div className="actions">
      <button type="button" className="primary" ref={ref} onClick={onContinue}>
        {label}
      </button>
    </div>
  );
}
