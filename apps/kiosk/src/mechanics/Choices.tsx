// The touch views' choice buttons: a list of plain choices, each picked once, and a drill's action that stays in the
// list once tapped, marked right or wrong in words and a mark (never colour alone).
import type { JSX } from 'react';
import './continueLane.css';

export interface ChoiceItem {
  id: string;
  label: string;
  /** The button's data attribute naming the choice (e.g. `data-option`), for tests and styles. */
  data?: Record<`data-${string}`, string>;
}

export function ChoiceList({ items, label, onChoose }: { items: readonly ChoiceItem[]; label?: string; onChoose: (id: string) => void }): JSX.Element {
  return (
    <ul className="choice-list" aria-label={label}>
      {items.map((c) => (
        <li key={c.id}>
          <button type="button" className="choice" {...c.data} onClick={() => onChoose(c.id)}>
            {c.label}
          </button>
        </li>
      ))}
    </ul>
  );
}

export interface ActionItem {
  id: string;
  label: string;
  /** Once tapped: how it went; null before. */
  spent: 'right' | 'wrong' | null;
  /** Once tapped: the words saying how it went. */
  tag: string;
}

/** A drill's action buttons (`data-action`); once tapped, each says how it went and takes no more taps. */
export function ActionList({ className, label, items, onTap }: { className: string; label?: string; items: readonly ActionItem[]; onTap: (id: string) => void }): JSX.Element {
  return (
    <ul className={`choice-list ${className}`} aria-label={label}>
      {items.map(({ id, label, spent, tag }) => (
        <li key={id}>
          <button type="button" className={`choice${spent ? ` ${spent}` : ''}`} aria-disabled={spent ? 'true' : undefined} data-action={id} onClick={() => onTap(id)}>
            {label}
            {spent && (
              <span className="choice-mark">
                <span aria-hidden="true">{spent === 'right' ? '✔ ' : '✘ '}</span>
                {tag}
              </span>
            )}
          </button>
        </li>
      ))}
    </ul>
  );
}
