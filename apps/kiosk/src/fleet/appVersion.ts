// The kiosk app's version (apps/kiosk/package.json), set at build time by vite.config.ts; 'dev' where no build set it
// (unit tests).
declare const __RUYI_APP_VERSION__: string | undefined;

export const APP_VERSION: string = typeof __RUYI_APP_VERSION__ === 'string' && __RUYI_APP_VERSION__ ? __RUYI_APP_VERSION__ : 'dev';
