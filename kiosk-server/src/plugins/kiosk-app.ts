// Serves the built kiosk app (apps/kiosk/dist) from this server: no CDN, everything from the park's own machine.
// Hashed files under /assets/ never change, so browsers may keep them for a year; index.html is revalidated each time,
// so a new build reaches the kiosks on their next reload (or, once their service worker is installed, its next update
// check: sw.js is revalidated too). Any other GET that is neither /api/* nor a file gets
// index.html: the single-page app handles /, /map, /play/<packId>/<scenarioId> and /operator itself.
import fastifyStatic from '@fastify/static';
import fp from 'fastify-plugin';
import { existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { errorBody } from '../errors.ts';

export interface KioskAppOptions {
  appDir: string;
}

const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';

export const isApiPath = (path: string) => path === '/api' || path.startsWith('/api/');

export default fp<KioskAppOptions>(
  async (app, { appDir }) => {
    const indexFile = join(appDir, 'index.html');
    if (!existsSync(indexFile)) app.log.warn(`no built kiosk app at ${appDir}: run \`npm run build\`, then restart the server`);

    await app.register(fastifyStatic, {
      root: appDir,
      // We set Cache-Control ourselves: @fastify/static's own header would overwrite what setHeaders writes.
      cacheControl: false,
      setHeaders(res, path) {
        const inAssets = relative(appDir, path).split(sep)[0] === 'assets';
        // The service worker (sw.js) is revalidated on every update check like index.html, so a new build reaches
        // every kiosk within its next check, never held back by an HTTP cache.
        res.setHeader('cache-control', inAssets ? IMMUTABLE : REVALIDATE);
      },
    });

    app.setNotFoundHandler((request, reply) => {
      const path = request.url.split('?')[0] ?? '/';
      const notFound = (message: string) => reply.code(404).send(errorBody(404, message));
      if (isApiPath(path)) return notFound(`no API route ${request.method} ${path}`);
      if (request.method !== 'GET' && request.method !== 'HEAD') return notFound(`no route ${request.method} ${path}`);
      // A missing script or image must not come back as HTML: the browser would report a confusing parse error.
      const last = path.split('/').pop() ?? '';
      if (path.startsWith('/assets/') || /\.[A-Za-z0-9]+$/.test(last)) return notFound(`no file ${path}`);
      if (!existsSync(indexFile))
        return reply
          .code(503)
          .send(errorBody(503, `the kiosk app is not built: no index.html in ${appDir}. Run \`npm run build\`, then restart the server.`));
      return reply.header('cache-control', REVALIDATE).sendFile('index.html');
    });
  },
  { name: 'ruyi-kiosk-app', fastify: '5.x' },
);
