// The outcome of a staff action: an alert for a failure, a status for a success, in a live region that is always on
// the page, so screen readers announce the text when it appears.
export interface StatusMessageProps {
  message: { text: string; error: boolean } | null;
}

export function StatusMessage({ message }: StatusMessageProps) {
  return (
    <div aria-live="polite">
      {message ? (
        <p className={message.error ? 'admin-error' : 'admin-ok'} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </p>
      ) : null}
    </div>
  );
}
