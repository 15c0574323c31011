// window.__bench, for the page that sets it and the runner that reads it.
import type { BenchApi } from './api.ts';

declare global {
  interface Window {
    __bench?: BenchApi;
  }
}
