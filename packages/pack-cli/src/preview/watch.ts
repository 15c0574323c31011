// Watches a content folder and calls back once per burst of changes: an editor's save is often several file events
// (write to a temp file, rename, touch), and a pack should be read again once, after the last of them.
import { watch, type FSWatcher } from 'node:fs';

export const DEBOUNCE_MS = 100;

export interface ContentWatcher {
  close(): void;
}

export function watchContent(dir: string, onChange: () => void, options: { debounceMs?: number; onError?: (error: Error) => void } = {}): ContentWatcher {
  const debounceMs = options.debounceMs ?? DEBOUNCE_MS;
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  // Recursive watching works on Linux from Node 20 (and on macOS and Windows natively).
  const watcher: FSWatcher = watch(dir, { recursive: true }, () => {
    if (closed) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (!closed) onChange();
    }, debounceMs);
  });
  watcher.on('error', (error) => options.onError?.(error));
  return {
    close() {
      closed = true;
      clearTimeout(timer);
      watcher.close();
    },
  };
}
