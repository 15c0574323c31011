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
// The headers are the same on every answer, so helmet computes them once, at start: @fastify/helmet rebuilt helmet's
// middleware and parsed the policy again on every request (about 3 % of a small request's CPU).
import type { FastifyHelmetOptions } from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { createRequire } from 'node:module';

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

type HelmetOptions = Omit<FastifyHelmetOptions, 'global' | 'enableCSPNonces'>;

const HELMET_OPTIONS: HelmetOptions = {
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
};

type Helmet = (options: HelmetOptions) => (req: unknown, res: unknown, next: (error?: unknown) => void) => void;
// helmet itself, the copy @fastify/helmet depends on (the version that plugin was tested with).
const helmet = createRequire(createRequire(import.meta.url).resolve('@fastify/helmet'))('helmet') as { default: Helmet };

/** What helmet's middleware does to every answer, recorded once: the headers it sets and those it removes. */
export function securityHeaderChanges(options: HelmetOptions = HELMET_OPTIONS): { set: [string, string][]; remove: string[] } {
  const set: [string, string][] = [];
  const remove: string[] = [];
  const response = {
    setHeader: (name: string, value: unknown) => void set.push([name, String(value)]),
    removeHeader: (name: string) => void remove.push(name),
  };
  helmet.default(options)({}, response, (error) => {
    if (error) throw error;
  });
  return { set, remove };
}

async function securityHeaders(app: FastifyInstance) {
  const { set, remove } = securityHeaderChanges();
  // On the raw response at onRequest, as @fastify/helmet did: every answer carries them (errors, 404s, files), and
  // later hooks (the API docs' inline-style policy) still see and may change them.
  app.addHook('onRequest', (_request, reply, done) => {
    const res = reply.raw;
    for (const name of remove) res.removeHeader(name);
    for (const [name, value] of set) res.setHeader(name, value);
    done();
  });
}

export default fp(securityHeaders, { name: 'ruyi-security-headers' });
