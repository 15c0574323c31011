// Watches a content folder and calls back once per burst of changes: an editor's save is often several file events
// (write to a temp file, rename, touch), and a pack should be read again once, after the last of them.
// chokidar, not fs.watch: Node 20's recursive fs.watch on Linux stops reporting a file once an editor has saved it by
// replacing it (vim, sed -i, many "atomic save" editors), and the preview would silently stop following.
import { watch, type FSWatcher } from 'chokidar';

export const DEBOUNCE_MS = 100;

export interface ContentWatcher {
  /** Resolves once the folder is being watched (changes before that may be missed), or watching failed. */
  ready: Promise<void>;
  close(): void;
}

export function watchContent(dir: string, onChange: () => void, options: { debounceMs?: number; onError?: (error: Error) => void } = {}): ContentWatcher {
  const debounceMs = options.debounceMs ?? DEBOUNCE_MS;
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  const watcher: FSWatcher = watch(dir, { ignoreInitial: true, atomic: true });
  // Settled by an error too (reported through onError), so no one waits for a scan that will not end.
  const ready = new Promise<void>((resolve) => {
    watcher.once('ready', () => resolve());
    watcher.once('error', () => resolve());
  });
  watcher.on('all', () => {
    if (closed) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (!closed) onChange();
    }, debounceMs);
  });
  watcher.on('error', (error) => options.onError?.(error instanceof Error ? error : new Error(String(error))));
  return {
    ready,
    close() {
      closed = true;
      clearTimeout(timer);
      void watcher.close();
    },
  };
}
