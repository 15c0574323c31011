import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';

export interface ConfirmDialogProps {
  message: string;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
}

/** A modal question before a change the kiosks will see. The native <dialog> keeps focus inside and Esc cancels. */
export function ConfirmDialog({ message, confirmLabel, onConfirm, onCancel }: ConfirmDialogProps) {
  const { t } = useTranslation();
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    // Cancel is the safe default for a destructive question.
    cancelButton.current?.focus();
    return () => d?.close();
  }, []);

  return (
    <dialog
      ref={dialog}
      className="dialog admin-confirm"
      aria-labelledby={`${id}-message`}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      <p id={`${id}-message`}>{message}</p>
      <div className="admin-actions">
        <button ref={cancelButton} type="button" onClick={onCancel}>
          {t('admin.cancel')}
        </button>
        <button type="button" className="primary" onClick={onConfirm}>
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
