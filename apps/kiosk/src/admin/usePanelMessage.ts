// A staff panel's one status line and how it fails: a 401 (the session ended) goes to the parent, which shows the
// login again; any other error is said in the staff's language.
import { useCallback, useRef, useState } from 'react';
import { AdminApiError } from './api.ts';
import { useAdminErrorText } from './useAdminErrorText.ts';

export interface PanelMessage {
  text: string;
  error: boolean;
}

export function usePanelMessage(onUnauthorized: () => void) {
  const errorText = useAdminErrorText();
  const [message, setMessage] = useState<PanelMessage | null>(null);
  // The parent passes a new callback on each render: read it through a ref, so `fail` (and what depends on it) stays.
  const unauthorized = useRef(onUnauthorized);
  unauthorized.current = onUnauthorized;
  const fail = useCallback(
    (error: unknown) => {
      if (error instanceof AdminApiError && error.status === 401) return unauthorized.current();
      setMessage({ text: errorText(error), error: true });
    },
    // errorText changes with the language only.
    [],
  );
  return { message, setMessage, fail };
}
