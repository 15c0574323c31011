// Security headers on every answer (pages, API, files, errors), through @fastify/helmet. The content security policy
// allows exactly what the kiosk app, its VR view, the admin page and the API docs load, all from this server:
// - scripts: the built app's modules only ('self'; no inline script, no eval);
// - styles: the app's stylesheets; React and three set element styles through the DOM (allowed without 'unsafe-inline');
// - images, textures and media: also blob: and data:, which three's GLTFLoader makes for a model's embedded images;
// - fetches: the API, packs, /xr-profiles/ (JSON and GLB), and data:/blob: URLs of a model's embedded buffers;
// - fonts: the locally served @fontsource files;
// - workers: the kiosk's service worker (/sw.js, 'self'); blob: keeps a future decoder worker from silently breaking;
// - never framed (frame-ancestors 'none' plus X-Frame-Options for older browsers), so the admin page cannot be
//   overlaid on another site to trick staff into clicks.
// The park's LAN is plain http: no upgrade-insecure-requests (every request would go to an https port that does not
// exist) and no Strict-Transport-Security.
import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

export const CSP_DIRECTIVES = {
  'default-src': ["'self'"],
  'base-uri': ["'self'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'media-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'", 'data:', 'blob:'],
  'worker-src': ["'self'", 'blob:'],
  'manifest-src': ["'self'"],
  'object-src': ["'none'"],
  'frame-src': ["'none'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
} as const satisfies Record<string, readonly string[]>;

/** The policy as a header value (the same one helmet sends). */
export const CONTENT_SECURITY_POLICY = Object.entries(CSP_DIRECTIVES)
  .map(([name, values]) => `${name} ${values.join(' ')}`)
  .join(';');

/** The policy for pages that add <style> elements of their own (Swagger UI at /api/docs/): inline styles allowed. */
export function allowInlineStyles(policy: string): string {
  return policy.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");
}

async function securityHeaders(app: FastifyInstance) {
  await app.register(helmet, {
    global: true,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: Object.fromEntries(Object.entries(CSP_DIRECTIVES).map(([name, values]) => [name, [...values]])),
    },
    // Plain http on the park's LAN: HSTS would be ignored there, and would lock out a host later reached by name.
    strictTransportSecurity: false,
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    // The defaults, named because the kiosk depends on them: same-origin only for windows and for files loaded
    // without CORS (no other site may embed the app's scripts or a pack's images).
    crossOriginOpenerPolicy: { policy: 'same-origin' },
    crossOriginResourcePolicy: { policy: 'same-origin' },
    // Would make every cross-origin file need CORP headers; the kiosk loads none, and the gain is isolation for
    // SharedArrayBuffer, which it does not use.
    crossOriginEmbedderPolicy: false,
  });
}

export default fp(securityHeaders, { name: 'ruyi-security-headers' });
